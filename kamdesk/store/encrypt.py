"""Encrypting a plain store, on request (`kamdesk store encrypt`): never silently.

A backup first, then an encrypted copy written by SQLCipher's `sqlcipher_export`
under an exclusive lock, checked table by table (the change log included) against
the plain store, and only then put in its place; the store's plain backups and the
copies KAMdesk kept aside are encrypted after it (kamdesk.store.plain_copies). A
failure before the swap leaves the store as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kamdesk.errors import StoreError
from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.store.crypto import (
    Connection,
    Error,
    connect,
    file_is_encrypted,
    key_pragma,
    table_counts,
)
from kamdesk.store.files import COMPANION_SUFFIXES, companion, discard, flush
from kamdesk.store.plain_copies import encrypt_copies
from kamdesk.store.sqlite_errors import classify

_CONTEXT = "Store"

ENCRYPTING_SUFFIX = ".encrypting"


class AlreadyEncryptedError(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP("Store", "{path} is encrypted already; nothing was changed."),
                {"path": str(path)},
            )
        )
        self.path = path


class EncryptionCheckError(StoreError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            Message(
                _CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The encrypted copy of {path} did not hold the same data, so the store "
                    "was left as it was (not encrypted).",
                ),
                {"path": str(path)},
            ),
            detail,
        )
        self.path = path


@dataclass(frozen=True)
class EncryptResult:
    backup: Path  # the backup taken first (encrypted too, once the store was)
    # The store's backups and copies (kamdesk.store.plain_copies) that were plain and
    # now are not, and those that could not be encrypted (damaged ones): still plain.
    backups_encrypted: list[Path]
    left_plain: list[Path] = field(default_factory=list)


class Stage:
    """What `encrypt_store` is doing, for its progress (percent done, the stage)."""

    BACKUP = Message(_CONTEXT, QT_TRANSLATE_NOOP("Store", "Backing up the database…"))
    EXPORT = Message(_CONTEXT, QT_TRANSLATE_NOOP("Store", "Writing the encrypted database…"))
    CHECK = Message(_CONTEXT, QT_TRANSLATE_NOOP("Store", "Checking the encrypted copy…"))
    COPIES = Message(_CONTEXT, QT_TRANSLATE_NOOP("Store", "Encrypting the backups and copies…"))


Progress = Callable[[int, Message], None]


def encrypt_store(path: Path, progress: Progress | None = None) -> EncryptResult:
    """Encrypt the plain store at `path` in place, with this computer's key.

    1. a backup (kamdesk.store.backups), checked, as for any backup;
    2. the store is taken over (an exclusive lock: refused as busy while KAMdesk or
       another program has it open), its write-ahead log folded into the main file;
    3. `sqlcipher_export` writes `<store>.encrypting`, which must pass SQLite's
       integrity check and hold the same rows in every table (the change log and
       its pending entries too);
    4. it replaces the store with one rename; then the store's plain backups and the
       copies KAMdesk kept aside are encrypted the same way (`plain_copies`); those
       SQLite cannot read (damaged) stay plain and are listed in the result.

    `progress(percent, stage)` is called along the way. Anything failing before the
    rename leaves the store exactly as it was."""
    from kamdesk.store import backups  # here: backups imports this module

    def step(stage: Message, percent: int) -> None:
        if progress is not None:
            progress(percent, stage)

    path = Path(path)
    if file_is_encrypted(path):
        raise AlreadyEncryptedError(path)
    step(Stage.BACKUP, 0)
    made = backups.create_backup(
        path, progress=lambda done, total: step(Stage.BACKUP, done * 40 // max(total, 1))
    )
    target = path.with_name(path.name + ENCRYPTING_SUFFIX)
    discard(target)
    try:
        owner = connect(path, isolation_level=None)
        try:
            # Held from the first read on: nobody else reads or writes meanwhile.
            owner.execute("PRAGMA locking_mode = EXCLUSIVE")
            owner.execute("SELECT count(*) FROM sqlite_master").fetchone()
            expected = table_counts(owner)
            owner.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            owner.execute("PRAGMA journal_mode = DELETE").fetchone()
            step(Stage.EXPORT, 40)
            _export(owner, target)
            step(Stage.CHECK, 70)
            _check_copy(target, expected, path)
            flush(target)
            if os.name == "posix":  # renamed under the lock: nobody can write in between
                os.replace(target, path)
        finally:
            owner.close()
        if os.name != "posix":
            os.replace(target, path)
    except Error as error:
        discard(target)
        raise (classify(path, error) or EncryptionCheckError(path, str(error))) from error
    except BaseException:
        discard(target)
        raise
    _drop_logs(path)  # a plain log must never be replayed into it
    step(Stage.COPIES, 85)
    copies = encrypt_copies(path)
    step(Stage.COPIES, 100)
    return EncryptResult(made.path, copies.encrypted, copies.left_plain)


def encrypt_file(path: Path) -> None:
    """Encrypt a plain database file nobody has open (a backup, a copy kept aside) in
    place, with what its log holds; checked, and its plain log removed. A file that
    fails SQLite's integrity check is left as it is (EncryptionCheckError)."""
    target = path.with_name(path.name + ENCRYPTING_SUFFIX)
    discard(target)
    try:
        source = connect(path, mode="ro")
        try:
            if source.encrypted:
                raise AlreadyEncryptedError(path)
            problems = [row[0] for row in source.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise EncryptionCheckError(path, "; ".join(problems[:5]))
            expected = table_counts(source)
            _export(source, target)
        finally:
            source.close()
        _check_copy(target, expected, path)
        flush(target)
        os.replace(target, path)
        _drop_logs(path)
    finally:
        discard(target)


def _drop_logs(path: Path) -> None:
    for suffix in COMPANION_SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            companion(path, suffix).unlink()


def export_encrypted(source: Path, target: Path) -> None:
    """Write the plain database file `source` into the new file `target`, encrypted
    with this computer's key (`sqlcipher_export`: schema, rows, user_version)."""
    connection = connect(source, mode="ro")
    try:
        if connection.encrypted:
            raise AlreadyEncryptedError(source)
        _export(connection, target)
    finally:
        connection.close()


def _export(connection: Connection, target: Path) -> None:
    pragma = key_pragma(create=True, path=target)
    connection.execute(f"ATTACH DATABASE ? AS encrypted KEY {pragma}", (str(target),))
    try:
        connection.execute("SELECT sqlcipher_export('encrypted')").fetchone()
        version = connection.execute("PRAGMA main.user_version").fetchone()[0]
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
    finally:
        connection.execute("DETACH DATABASE encrypted")


def _check_copy(target: Path, expected: dict[str, int], source: Path) -> None:
    copy = connect(target, mode="ro")
    try:
        if not copy.encrypted:
            raise EncryptionCheckError(source, "the copy is not encrypted")
        problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise EncryptionCheckError(source, "; ".join(problems[:5]))
        found = table_counts(copy, expected)
    finally:
        copy.close()
    if found != expected:
        differ = sorted(name for name in expected if found.get(name) != expected[name])
        raise EncryptionCheckError(source, f"rows differ in {', '.join(differ)}")
