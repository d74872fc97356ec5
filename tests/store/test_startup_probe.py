"""The store's key and quick check, started before the window imports Qt
(`kamdesk gui` → prepare_opening → kamdesk.store.probe.start_probe): the same answers
as the ordinary opening, only sooner."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import keyring
import keyring.backends.fail
import pytest

from kamdesk.errors import CorruptStoreError
from kamdesk.models import Account, AccountKind
from kamdesk.services.encryption import StoreKeyError
from kamdesk.services.workspace import open_workspace, prepare_opening, start_up_done
from kamdesk.store import Store, crypto, open_store
from kamdesk.store.probe import is_current_store
from tests.store.other_process import garble


@pytest.fixture(autouse=True)
def _fresh_keys() -> Iterator[None]:
    crypto.reset_keys()
    yield
    crypto.reset_keys()


def _damage_the_accounts_table(store: Store) -> None:
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
        root = connection.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'accounts'"
        ).scalar_one()
    garble(store.path, (root - 1) * page_size, page_size)


def test_a_store_checked_in_the_background_opens_as_current(store: Store) -> None:
    with store.transaction() as session:
        session.add(Account(name="ГБУЗ «Областная больница»", kind=AccountKind.HOSPITAL))
    store.close()
    prepare_opening(store.path)
    assert is_current_store(store.path)  # the background answer
    assert is_current_store(store.path)  # and the ordinary one, later
    workspace = open_workspace(store.path)
    try:
        assert workspace.accounts.count_all() == 1
    finally:
        workspace.close()


def test_a_damaged_store_checked_in_the_background_is_still_refused_untouched(
    store: Store,
) -> None:
    with store.transaction() as session:
        session.add_all(
            Account(name=f"Аптека № {n}", kind=AccountKind.PHARMACY) for n in range(200)
        )
    _damage_the_accounts_table(store)
    store.close()
    before = store.path.read_bytes()
    prepare_opening(store.path)
    assert not is_current_store(store.path)
    with pytest.raises(CorruptStoreError):
        open_store(store.path)
    assert store.path.read_bytes() == before


def test_without_a_key_at_hand_the_window_s_opening_still_asks_for_the_passphrase(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    before = store.path.read_bytes()
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        prepare_opening(store.path)
        with pytest.raises(StoreKeyError) as raised:
            open_workspace(store.path)
        assert raised.value.missing
    finally:
        keyring.set_keyring(previous)
    assert store.path.read_bytes() == before


def test_an_early_check_nobody_took_is_not_used_later(store: Store) -> None:
    """`kamdesk gui` checks the store it was given; the window may open the one used
    last instead. That file, opened later (File ▸ Open) after it was damaged, is
    checked again, not taken on the early answer."""
    with store.transaction() as session:
        session.add_all(
            Account(name=f"Аптека № {n}", kind=AccountKind.PHARMACY) for n in range(200)
        )
    prepare_opening(store.path)
    start_up_done()  # the window opened another store
    for thread in threading.enumerate():
        if thread.name == "kamdesk-probe":
            thread.join()
    _damage_the_accounts_table(store)
    store.close()
    assert not is_current_store(store.path)


def test_the_window_opens_on_a_store_still_being_checked_and_never_writes_a_damaged_one(
    store: Store,
) -> None:
    with store.transaction() as session:
        session.add_all(
            Account(name=f"Аптека № {n}", kind=AccountKind.PHARMACY) for n in range(200)
        )
    _damage_the_accounts_table(store)
    store.close()
    before = store.path.read_bytes()
    prepare_opening(store.path)
    workspace = open_workspace(store.path)  # at once: the facts say "a current store"
    try:
        assert workspace.accounts.count_all() == 200  # the list's table is intact
        with pytest.raises(CorruptStoreError):
            workspace.wait_for_check()
        with pytest.raises(CorruptStoreError):
            workspace.store  # noqa: B018 - nothing opens it for writing
    finally:
        workspace.close()
    assert store.path.read_bytes() == before
