"""Encrypting an older plain store leaves no plain copy KAMdesk made of it (issue 11):
its backups, the store kept aside by a restore, damaged and replaced stores moved aside,
pre-migration backups, with their logs, are encrypted with the same key and still open;
a copy SQLite cannot read stays plain, is named, and goes only when the user says so."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kamdesk.models import Account, AccountKind, Contact
from kamdesk.store import crypto, open_store
from kamdesk.store.backups import create_backup, list_backups, restore_backup
from kamdesk.store.encrypt import encrypt_store
from kamdesk.store.engine import make_engine
from kamdesk.store.files import move_aside
from kamdesk.store.plain_copies import plain_copies, remove_copies
from kamdesk.store.store import backup_copy
from tests.store.other_process import crash_after, garble

SURNAME = "Разумовская"
LATER = "Позднякова"  # only in the write-ahead log of a copy kept aside


@pytest.fixture(autouse=True)
def _fresh_keys() -> Iterator[None]:
    crypto.reset_keys()
    yield
    crypto.reset_keys()


def _add_contact(path: Path, surname: str) -> None:
    store = open_store(path)
    try:
        with store.transaction() as session:
            account = Account(name="ГКБ № 52", kind=AccountKind.HOSPITAL)
            session.add(account)
            session.flush()
            session.add(Contact(account_id=account.id, surname=surname, name="Елена"))
    finally:
        store.close()


def _surnames(path: Path) -> list[str]:
    store = open_store(path)
    try:
        with store.session() as session:
            return list(session.scalars(select(Contact.surname).order_by(Contact.surname)))
    finally:
        store.close()


def _plain_files(folder: Path) -> list[str]:
    """Files under `folder` a lost laptop's disk would give away: an SQLite header or a
    contact's surname in the bytes."""
    shown = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if (
                data.startswith(b"SQLite format 3")
                or SURNAME.encode() in data
                or LATER.encode() in data
            ):
                shown.append(path.relative_to(folder).as_posix())
    return shown


def _older_plain_store_with_its_copies(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """A plain store of an earlier KAMdesk and the copies it made over the months;
    returns the store and its damaged copy (which SQLite cannot read)."""
    path = folder / "kamdesk.sqlite"
    with monkeypatch.context() as plain:
        plain.setenv(crypto.ENCRYPTION_VARIABLE, "off")
        _add_contact(path, SURNAME)
        engine = make_engine(path)
        try:
            backup_copy(path, engine)  # what a migration leaves beside the store
        finally:
            engine.dispose()
        daily = create_backup(path)  # the backups folder
        restore_backup(path, daily)  # kamdesk.before-restore-….sqlite
        # A store a demo replaced, with commits still in its write-ahead log.
        replaced = folder / "spare.sqlite"
        shutil.copyfile(path, replaced)
        crash_after(
            replaced,
            "UPDATE contacts SET surname = 'Позднякова' WHERE surname = 'Разумовская'",
        )
        assert (folder / "spare.sqlite-wal").exists()
        replaced_aside = move_aside(replaced, label="replaced")
        replaced_aside.rename(folder / replaced_aside.name.replace("spare", "kamdesk"))
        for suffix in ("-wal", "-shm"):
            log = replaced_aside.with_name(replaced_aside.name + suffix)
            if log.exists():
                log.rename(folder / (replaced_aside.name.replace("spare", "kamdesk") + suffix))
        # A damaged store moved aside: SQLite cannot read it, so it cannot be encrypted.
        broken = folder / "broken.sqlite"
        shutil.copyfile(path, broken)
        garble(broken, 4096, 8192)
        damaged = move_aside(broken)
        damaged = damaged.rename(folder / damaged.name.replace("broken", "kamdesk"))
    assert len(_plain_files(folder)) >= 6
    return path, damaged


def test_encrypting_a_plain_store_encrypts_every_copy_it_made_and_names_the_damaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, damaged = _older_plain_store_with_its_copies(tmp_path, monkeypatch)
    other_store = tmp_path / "другая.sqlite"  # not a copy of this store: left alone
    shutil.copyfile(path, other_store)

    result = encrypt_store(path)

    assert result.left_plain == [damaged]
    # The backup taken first, the daily one, the pre-migration one, before-restore, replaced.
    assert len(result.backups_encrypted) == 5
    assert _plain_files(tmp_path) == sorted([damaged.name, other_store.name])
    assert plain_copies(path) == [damaged]
    # Each still opens with the store's key: a KAM can restore the backups.
    assert _surnames(path) == [SURNAME]
    assert [b.accounts for b in list_backups(path)] == [1, 1]
    replaced = next(tmp_path.glob("kamdesk.replaced-*.sqlite"))
    assert _surnames(replaced) == [LATER]  # what its log held came along
    assert not replaced.with_name(replaced.name + "-wal").exists()
    restore_backup(path, next(tmp_path.glob("kamdesk.backup-*.sqlite")))
    assert _surnames(path) == [SURNAME]

    # The damaged copy goes only when asked, with its log.
    assert remove_copies(result.left_plain) == [damaged]
    assert _plain_files(tmp_path) == [other_store.name]


def test_copies_of_an_encrypted_store_are_not_touched_again(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _add_contact(path, SURNAME)
    create_backup(path)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}

    assert plain_copies(path) == []
    assert _plain_files(tmp_path) == []
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()} == before
