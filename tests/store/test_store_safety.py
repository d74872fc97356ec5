"""The store keeps its data safe: its files are looked at only through SQLite, damage is
found on opening and stops writes when found later, and SQLite's errors reach the user
as what they mean (by result code, never by the wording of the message)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from kamdesk.errors import (
    CorruptStoreError,
    StoreAccessError,
    StoreBusyError,
    StoreDiskError,
    StoreFullError,
)
from kamdesk.i18n import Message
from kamdesk.models import Account, AccountKind, AppSetting, ChangeLogEntry, Product
from kamdesk.services.workspace import open_workspace
from kamdesk.store import Store, crypto, open_store
from kamdesk.store.probe import is_current_store
from kamdesk.store.sqlite_errors import classify
from tests.store.other_process import garble, run_sql


def _add_accounts(store: Store, *names: str) -> None:
    with store.transaction() as session:
        session.add_all(Account(name=name, kind=AccountKind.HOSPITAL) for name in names)


def _names(store_path: Path) -> list[str]:
    return [row[0] for row in run_sql(store_path, "SELECT name FROM accounts ORDER BY name")[0]]


def _damage_the_accounts_table(store: Store) -> None:
    """Garble the first page of the accounts table on disk, after copying the log into
    the main file so that the page is read from there."""
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
        root = connection.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'accounts'"
        ).scalar_one()
    garble(store.path, (root - 1) * page_size, page_size)


# -- nothing in this process opens the store's files outside SQLite -----------------------


def test_looking_at_an_open_store_again_keeps_this_process_s_locks(store: Store) -> None:
    """File ▸ Open of the file already open, the client list's own connection and the
    store opened later on it all look at the file while a connection holds it. Done
    with open() and close(), that dropped the locks: the other program's exit then
    deleted the log this process was writing to, and its next edits were lost."""
    _add_accounts(store, "Больница до")
    assert is_current_store(store.path)
    open_workspace(store.path).close()
    open_store(store.path).close()

    run_sql(store.path, "UPDATE accounts SET city = 'Тверь'")  # another program, then it exits
    _add_accounts(store, "Больница после")

    assert _names(store.path) == ["Больница до", "Больница после"]
    assert run_sql(store.path, "PRAGMA integrity_check")[0] == [["ok"]]
    with store.session() as session:
        city = session.scalar(select(Account.city).where(Account.name == "Больница до"))
    assert city == "Тверь", "the other program's edit reached this one"


# -- damage -------------------------------------------------------------------------------


def test_opening_runs_a_quick_check_and_refuses_a_damaged_page(store: Store) -> None:
    _add_accounts(store, *(f"Аптека № {n}" for n in range(200)))
    _damage_the_accounts_table(store)
    store.close()
    before = store.path.read_bytes()
    with pytest.raises(CorruptStoreError) as raised:
        open_store(store.path)
    assert not raised.value.writes_stopped
    assert str(store.path) in str(raised.value)
    assert raised.value.detail, "what SQLite found goes to the details"
    assert not is_current_store(store.path), "the quick way in checks too"
    assert store.path.read_bytes() == before


def test_damage_found_while_open_stops_every_write_and_says_so(store: Store) -> None:
    _add_accounts(store, *(f"Аптека № {n}" for n in range(200)))
    _damage_the_accounts_table(store)
    store.engine.dispose()  # the damage is read from the disk, not from a page cache

    with pytest.raises(CorruptStoreError) as raised, store.transaction() as session:
        for account in session.scalars(select(Account)):
            account.city = "Ржев"
    error = raised.value
    assert error.writes_stopped
    assert "saves no more changes" in str(error)
    assert isinstance(error.message, Message) and error.message.context == "Store"
    assert "malformed" in error.detail

    files = {p.name: p.read_bytes() for p in store.path.parent.glob("store.sqlite*")}
    # Every later write is refused, to undamaged tables too, whichever way it comes.
    refused = pytest.raises(CorruptStoreError, match="saves no more changes")
    with refused, store.transaction() as session:
        session.add(Product(sku="A-1", inn_name="Апиксабан", trade_name="Эликвис"))
    with refused, store.engine.begin() as connection:
        connection.execute(insert(AppSetting).values(key="note", value=1))
    assert {p.name: p.read_bytes() for p in store.path.parent.glob("store.sqlite*")} == files


# -- SQLite's errors, sorted by result code -----------------------------------------------


def test_a_store_locked_by_another_program_is_reported_busy(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kamdesk.store.engine.BUSY_TIMEOUT_MS", 50)
    impatient = open_store(store.path)
    other = crypto.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(StoreBusyError) as raised:
            _add_accounts(impatient, "Поликлиника № 3")
        assert "in use by another program" in str(raised.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.close()


def test_a_full_disk_is_reported_as_full_and_nothing_is_saved(store: Store) -> None:
    with pytest.raises(StoreFullError) as raised, store.transaction() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar_one()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))  # the disk is full
        session.add_all(
            Account(name=f"Аптека № {n} " + "х" * 500, kind=AccountKind.PHARMACY)
            for n in range(300)
        )
    assert "is full" in str(raised.value)
    store.close()
    assert _names(store.path) == []


def test_a_store_that_cannot_be_written_is_reported_so(store: Store) -> None:
    with pytest.raises(StoreAccessError) as raised, store.transaction() as session:
        session.execute(text("PRAGMA query_only = ON"))  # as a read-only file would
        session.add(Account(name="ЦРБ", kind=AccountKind.HOSPITAL))
    assert "cannot open or write" in str(raised.value)
    store.close()


def test_a_folder_where_the_store_should_be_cannot_be_opened(tmp_path: Path) -> None:
    folder = tmp_path / "kamdesk.sqlite"
    folder.mkdir()
    with pytest.raises(StoreAccessError):
        open_store(folder)


def test_a_file_that_is_not_a_database_is_damaged_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    path.write_bytes(b"PK\x03\x04 a zip file, renamed" * 200)
    with pytest.raises(CorruptStoreError) as raised:
        open_store(path)
    assert "SQLITE_NOTADB" in raised.value.detail


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (sqlite3.SQLITE_FULL, StoreFullError),
        (sqlite3.SQLITE_BUSY, StoreBusyError),
        (sqlite3.SQLITE_LOCKED_SHAREDCACHE, StoreBusyError),  # extended codes too
        (sqlite3.SQLITE_IOERR_SHORT_READ, StoreDiskError),
        (sqlite3.SQLITE_CORRUPT, CorruptStoreError),
    ],
)
def test_errors_are_told_apart_by_code_whatever_the_message_says(
    tmp_path: Path, code: int, kind: type
) -> None:
    error = sqlite3.OperationalError("база данных заблокирована")  # words that would mislead
    error.sqlite_errorcode = code
    explained = classify(tmp_path / "kamdesk.sqlite", error)
    assert isinstance(explained, kind)


def test_an_error_that_is_not_about_the_file_is_left_alone(tmp_path: Path) -> None:
    error = sqlite3.IntegrityError("UNIQUE constraint failed: products.sku")
    error.sqlite_errorcode = sqlite3.SQLITE_CONSTRAINT_UNIQUE
    assert classify(tmp_path / "kamdesk.sqlite", error) is None


# -- the demo's baseline marker -------------------------------------------------------------


def test_a_baseline_load_stamps_rows_but_queues_nothing(store: Store) -> None:
    with store.baseline_load(), store.transaction() as session:
        session.add(Account(name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL))
    _add_accounts(store, "Аптека «Вита»")  # outside the block: a KAM's own change
    with store.session() as session:
        revisions = dict(session.execute(select(Account.name, Account.revision)).all())
        logged = session.scalars(select(ChangeLogEntry.changes)).all()
    assert revisions == {"ГБУЗ «ОКБ»": 1, "Аптека «Вита»": 1}
    assert [entry["name"] for entry in logged] == ["Аптека «Вита»"]


def test_the_store_s_own_files_are_recognised_under_any_name(store: Store, tmp_path: Path) -> None:
    """For code that reads a file the user picked (a logo, an annex, a price list)."""
    from kamdesk.store.files import is_part_of_store

    other_name = tmp_path / "logo.png"
    other_name.symlink_to(store.path)
    assert is_part_of_store(other_name, store.path)
    assert is_part_of_store(store.path.with_name("store.sqlite-wal"), store.path)
    unrelated = tmp_path / "prices.csv"
    unrelated.write_text("sku;price\n", encoding="utf-8")
    assert not is_part_of_store(unrelated, store.path)
    assert not is_part_of_store(tmp_path / "missing.pdf", store.path)
