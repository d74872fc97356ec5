"""The encrypted store (issue 11): what a lost laptop's disk shows, and what a KAM and
an administrator can still do with the right key."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import select
from sqlcipher3 import dbapi2 as sqlcipher

from kamdesk.cli import main
from kamdesk.errors import StoreBusyError
from kamdesk.models import Account, AccountKind, ChangeLogEntry, Contact, ContactPersonal
from kamdesk.store import crypto, open_store
from kamdesk.store.backups import create_backup, list_backups, restore_backup
from kamdesk.store.crypto import StoreKeyError
from kamdesk.store.encrypt import ENCRYPTING_SUFFIX, encrypt_store
from kamdesk.store.files import companion

SURNAME = "Разумовская"
BIRTHDAY = date(1971, 3, 14)
PASSPHRASE = os.environ["KAMDESK_PASSPHRASE"]  # tests/conftest.py


@pytest.fixture(autouse=True)
def _fresh_keys() -> Iterator[None]:
    crypto.reset_keys()
    yield
    crypto.reset_keys()


def _add_contact(path: Path, surname: str = SURNAME) -> None:
    store = open_store(path)
    try:
        with store.transaction() as session:
            account = Account(name="ГКБ № 52", kind=AccountKind.HOSPITAL)
            session.add(account)
            session.flush()
            contact = Contact(account_id=account.id, surname=surname, name="Елена")
            session.add(contact)
            session.flush()
            session.add(ContactPersonal(contact_id=contact.id, birthday=BIRTHDAY))
    finally:
        store.close()


def _surnames(path: Path) -> list[str]:
    store = open_store(path)
    try:
        with store.session() as session:
            return list(session.scalars(select(Contact.surname).order_by(Contact.surname)))
    finally:
        store.close()


def _file_bytes(path: Path) -> bytes:
    """The store's bytes as `strings` would see them: main file, log and journal."""
    parts = [path, companion(path, "-wal"), companion(path, "-journal")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


def _shows_personal_data(data: bytes) -> bool:
    return SURNAME.encode() in data or BIRTHDAY.isoformat().encode() in data


def _digest(path: Path) -> str:
    return hashlib.sha256(_file_bytes(path)).hexdigest()


def test_a_new_store_shows_no_names_or_birthdays_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _add_contact(path)

    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert not _shows_personal_data(_file_bytes(path))
    assert _surnames(path) == [SURNAME]  # and KAMdesk reads it back


def test_an_administrator_opens_it_with_the_passphrase_as_the_sqlcipher_tool_does(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _add_contact(path)

    # What `sqlcipher kamdesk.sqlite` then `PRAGMA key = '<passphrase>';` does.
    connection = sqlcipher.connect(str(path))
    try:
        connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
        assert connection.execute("SELECT surname FROM contacts").fetchall() == [(SURNAME,)]
    finally:
        connection.close()


def test_a_wrong_passphrase_is_refused_clearly_and_the_file_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _add_contact(path)
    before = _digest(path)
    files_before = sorted(p.name for p in tmp_path.iterdir())

    crypto.use_passphrase("не тот пароль")
    with pytest.raises(StoreKeyError) as refused:
        open_store(path)

    message = str(refused.value)
    assert "passphrase" in message and str(path) in message
    assert not message.startswith("file is not a database")
    assert not refused.value.missing
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before  # nothing moved aside

    crypto.use_passphrase(PASSPHRASE)
    assert _surnames(path) == [SURNAME]


def test_a_backup_of_an_encrypted_store_is_encrypted_and_restores(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _add_contact(path)
    backup = create_backup(path)
    _add_contact(path, surname="Позднякова")  # after the backup

    assert not backup.path.read_bytes().startswith(b"SQLite format 3")
    assert not _shows_personal_data(backup.path.read_bytes())

    result = restore_backup(path, backup)

    assert _surnames(path) == [SURNAME]
    assert result.kept_aside is not None
    assert not _shows_personal_data(_file_bytes(result.kept_aside))  # the copy kept aside too
    assert not _shows_personal_data(_file_bytes(path))


def _plain_store(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store as an earlier KAMdesk made it: plain SQLite."""
    with monkeypatch.context() as plain:
        plain.setenv(crypto.ENCRYPTION_VARIABLE, "off")
        _add_contact(path)
    assert path.read_bytes().startswith(b"SQLite format 3")


def _pending_changes(path: Path) -> list[tuple[int, str, str]]:
    store = open_store(path)
    try:
        with store.session() as session:
            entries = session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id))
            return [(e.id, e.entity, str(e.status)) for e in entries]
    finally:
        store.close()


def test_a_plain_store_keeps_working_and_is_encrypted_only_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _plain_store(path, monkeypatch)
    pending = _pending_changes(path)
    assert pending  # the new account, contact and details wait for the office

    assert _surnames(path) == [SURNAME]  # opened with encryption on: still plain
    assert path.read_bytes().startswith(b"SQLite format 3")

    result = encrypt_store(path)

    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert not _shows_personal_data(_file_bytes(path))
    assert _surnames(path) == [SURNAME]
    assert _pending_changes(path) == pending
    assert result.backup.exists()  # taken first, and encrypted once the store was
    assert result.backup in result.backups_encrypted
    for backup in list_backups(path):
        assert not _shows_personal_data(backup.path.read_bytes())
        assert backup.accounts == 1
    assert not any(p.name.endswith(ENCRYPTING_SUFFIX) for p in tmp_path.iterdir())


def test_encrypting_a_store_that_is_open_is_refused_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _plain_store(path, monkeypatch)
    other = crypto.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another KAMdesk is saving
    try:
        with pytest.raises(StoreBusyError):
            encrypt_store(path)
    finally:
        other.rollback()
        other.close()
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert _surnames(path) == [SURNAME]


def test_kamdesk_store_encrypt_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _plain_store(path, monkeypatch)

    assert main(["--db", str(path), "store", "--lang", "en", "status"]) == 0
    assert "NOT encrypted" in capsys.readouterr().out
    assert main(["--db", str(path), "store", "--lang", "en", "encrypt"]) == 0
    assert "is encrypted now" in capsys.readouterr().out
    assert main(["--db", str(path), "store", "--lang", "en", "encrypt"]) == 1
    assert "encrypted already" in capsys.readouterr().err
    assert _surnames(path) == [SURNAME]


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def test_without_a_passphrase_the_key_is_made_in_the_keyring_and_used_as_a_raw_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)
    previous = keyring.get_keyring()
    memory = _MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        path = tmp_path / "kamdesk.sqlite"
        _add_contact(path)
        key = memory.entries[(crypto.SERVICE, crypto.KEY_ENTRY)]
        assert len(bytes.fromhex(key)) == 32
        assert not _shows_personal_data(_file_bytes(path))

        connection = sqlcipher.connect(str(path))  # the administrator's way in
        try:
            connection.execute(f"PRAGMA key = \"x'{key}'\"")
            assert connection.execute("SELECT surname FROM contacts").fetchall() == [(SURNAME,)]
        finally:
            connection.close()

        crypto.reset_keys()
        memory.entries.clear()  # another user's keyring: no key for this store
        with pytest.raises(StoreKeyError):
            open_store(path)
    finally:
        keyring.set_keyring(previous)


def test_without_keyring_or_passphrase_an_encrypted_store_asks_for_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kamdesk.sqlite"
    _add_contact(path)
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with pytest.raises(StoreKeyError) as refused:
            open_store(path)
        assert refused.value.missing
        crypto.use_passphrase(PASSPHRASE)  # what the window's dialog does
        assert _surnames(path) == [SURNAME]
    finally:
        keyring.set_keyring(previous)
