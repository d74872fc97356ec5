"""Backups a KAM can restore: copies of the store taken through SQLite's backup API.

Where they live: in a `backups` folder beside the store, named after the store and
the local time they were taken (kamdesk.store.backup_names). Beside the store, not in
a folder of their own, because a KAM may keep several stores (the real one, a demo, a copy
brought from the office), and each store's backups then go where the store
goes (a portable install, a store copied to another disk) and sit on its disk,
so that putting one back is a rename or one SQLite transaction on the same
file system.

Every copy is one self-contained file (rollback journal mode, no `-wal` or `-shm`
beside it) that SQLite has checked (`PRAGMA integrity_check`) before it takes
its final name:

- it is written to `<name>.backup-partial`, checked, flushed to the disk
  (`fsync`) and only then renamed to its final name, so a backup killed midway
  (power cut, `kill -9`) leaves at most a `.backup-partial` that no list shows
  and never replaces or hides a good backup; leftovers older than an hour are
  removed by the next backup;
- `restore_backup` checks the backup, copies it beside the store
  (`<store>.restore-partial`, checked too; the change log's numbering goes on
  from the current store's, see `_carry_sequences`), keeps the current store aside as
  `<store>.before-restore-<time>.sqlite` (a consistent copy with everything its
  write-ahead log held) and then puts the backup in place in one SQLite write
  transaction on the store itself: other connections (the window's own, a
  second KAMdesk) see the old or the new contents, never a mixture, and a
  restore killed midway leaves the store as it was. The store is never renamed
  while it may be open: a connection to a renamed store goes on writing to the
  moved file, and SQLite deletes the log by name when the last one closes,
  which would take the new store's latest commits. Only a store SQLite cannot
  read (damaged) is moved aside with its `-wal` and `-shm` the way
  `kamdesk.store.files.move_aside` does it (close other KAMdesk windows on it
  first: a damaged file cannot be asked whether it is in use without opening it
  for writing, which could cost its log), and the checked copy renamed in its
  place.

Nothing here uses the ORM or opens a store file with `open()` while SQLite may
have it open (see `kamdesk.store.probe` on why). Every connection comes from
`_connect`, through the store's opener `kamdesk.store.crypto` (the key of an
encrypted store): a copy is made encrypted exactly like its source, so the
backups of an encrypted store are encrypted with the same key.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3  # the result codes
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kamdesk.errors import (
    CorruptStoreError,
    StoreAccessError,
    StoreBusyError,
    StoreError,
    StoreUnavailableError,
)
from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.store import crypto
from kamdesk.store.backup_names import (
    PARTIAL_SUFFIX,
    STAMP,
    SUFFIX,
    backups_folder,
    found_backups,
    free_name,
    remove_stale_partials,
)
from kamdesk.store.files import (
    COMPANION_SUFFIXES,
    companion,
    discard,
    flush,
    has_database,
    move_aside,
    publish,
)
from kamdesk.store.sqlite_errors import classify

__all__ = [
    "DEFAULT_KEEP",
    "BackupError",
    "BackupInfo",
    "RestoreResult",
    "backups_folder",
    "check_backup",
    "create_backup",
    "ensure_daily_backup",
    "list_backups",
    "prune",
    "restore_backup",
]

CONTEXT = "Backups"
RESTORE_PARTIAL_SUFFIX = ".restore-partial"
ASIDE_LABEL = "before-restore"
DEFAULT_KEEP = 7
BUSY_TIMEOUT_S = 5.0
PAGES_PER_STEP = 256  # 1 MiB of 4 KiB pages between progress reports
_BUSY_SLEEP_S = 0.25
_PROBLEMS_SHOWN = 5

Progress = Callable[[int, int], None]  # pages copied, pages in all


class BackupError(StoreError):
    """A backup cannot be made or restored; the message says why, for the user."""

    def __init__(self, text: str, detail: str = "", **params: object) -> None:
        super().__init__(Message(CONTEXT, text, {k: str(v) for k, v in params.items()}), detail)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # aware, from the local time in the file's name
    size: int  # bytes
    accounts: int | None  # clients in it; None when it cannot be read

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    kept_aside: Path | None  # the store as it was before; None when there was none


# --- creating -------------------------------------------------------------------------


def create_backup(
    store_path: Path,
    folder: Path | None = None,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Copy the store into `folder` (default: `backups_folder`) as
    `<store>-YYYYMMDD-HHMMSS.backup.sqlite`; returns the checked backup.

    The store may be open and in use meanwhile (the copy is one consistent
    snapshot). Raises BackupError when there is no store, CorruptStoreError when
    the copy shows the store is damaged, and the other StoreErrors (busy, disk
    full, folder not writable); no final file is left in any of these cases."""
    store_path = Path(store_path)
    if not has_database(store_path):
        raise BackupError(
            QT_TRANSLATE_NOOP("Backups", "There is no database at {path} to back up."),
            path=store_path,
        )
    folder = Path(folder) if folder is not None else backups_folder(store_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreAccessError(folder, str(error)) from error
    remove_stale_partials(folder)
    when = (now or datetime.now()).astimezone()
    target = free_name(folder, store_path.stem, when)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        _copy_checked(store_path, partial, progress, damaged=store_path)
        publish(partial, target)
    finally:
        discard(partial)
    return _info(target)


def ensure_daily_backup(
    store_path: Path,
    keep: int = DEFAULT_KEEP,
    folder: Path | None = None,
    *,
    now: datetime | None = None,
) -> BackupInfo | None:
    """The automatic backup: one a day at most. Makes a backup unless one was taken
    today (local time), then keeps the newest `keep`; returns the new backup or None."""
    when = (now or datetime.now()).astimezone()
    made: BackupInfo | None = None
    if not has_database(Path(store_path)):
        return None
    if not any(_local_day(b.taken_at) == when.date() for b in found_backups(store_path, folder)):
        made = create_backup(store_path, folder, now=when)
    prune(store_path, keep, folder)
    return made


# --- listing and pruning --------------------------------------------------------------


def list_backups(store_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The store's backups, newest first, with the number of clients each holds
    (read through read-only connections; a file that cannot be read says None)."""
    return [_info(backup.path) for backup in found_backups(store_path, folder)]


def prune(store_path: Path, keep: int, folder: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` backups of the store; returns what went.
    Unfinished `.backup-partial` files and files of other stores are not touched."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    removed = []
    for backup in found_backups(store_path, folder)[keep:]:
        try:
            backup.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise StoreAccessError(backup.path, str(error)) from error
        removed.append(backup.path)
    return removed


# --- checking and restoring -----------------------------------------------------------


def check_backup(path: Path) -> BackupInfo:
    """The backup at `path` if it is an intact KAMdesk store this version can open;
    raises BackupError (or CorruptStoreError for a damaged file) otherwise."""
    path = Path(path)
    if not path.is_file() or not has_database(path):
        raise BackupError(QT_TRANSLATE_NOOP("Backups", "There is no backup at {path}."), path=path)
    try:
        connection = _connect(path, read_only=True)
        try:
            _integrity_check(connection, path)
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in names:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except crypto.Error as error:
        raise _explain(path, error) from error
    if revision is None or "accounts" not in names:
        raise BackupError(
            QT_TRANSLATE_NOOP("Backups", "{path} is not a KAMdesk backup."), path=path
        )
    if not _known_revision(revision):
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Backups",
                "{path} was made by a newer KAMdesk (schema {found}). Update KAMdesk to "
                "restore it; nothing was changed.",
            ),
            path=path,
            found=revision,
        )
    return _info(path)


def restore_backup(
    store_path: Path,
    backup: Path | BackupInfo,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Put `backup` in place of the store at `store_path`, keeping the store as it
    was aside first (see the module docstring for how, and why it is safe while the
    store is open). Raises BackupError / CorruptStoreError for a backup that cannot
    be restored and StoreErrors for a store that cannot be replaced now (busy,
    disk full); in every failure the store is left as it was."""
    store_path = Path(store_path)
    backup_path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    checked = check_backup(backup_path)
    when = (now or datetime.now()).astimezone()
    staged = store_path.with_name(store_path.name + RESTORE_PARTIAL_SUFFIX)
    discard(staged)  # what a killed restore left behind
    try:
        _copy_checked(backup_path, staged, progress, damaged=backup_path)
        flush(staged)
        if not has_database(store_path):
            aside = None
            if any(companion(store_path, s).exists() for s in COMPANION_SUFFIXES):
                aside = move_aside(store_path, ASIDE_LABEL)  # a log without its database
            publish(staged, store_path)
            return RestoreResult(checked, aside)
        aside = _keep_copy_aside(store_path, when)
        if aside is not None:
            try:
                _carry_sequences(aside, staged)
                _copy_into(staged, store_path)
            except BaseException:
                discard(aside)  # the store is as it was: no second copy of it is left
                raise
            return RestoreResult(checked, aside)
        # The store is damaged: nothing can be copied out of or into it. It is moved
        # aside as it is, never opened for writing: SQLite would replay or delete its
        # log, which may hold what a recovery needs.
        aside = move_aside(store_path, ASIDE_LABEL)
        # What of it SQLite can still read (nothing, when it cannot be decrypted).
        with contextlib.suppress(crypto.StoreKeyError, *crypto.Error):
            _carry_sequences(aside, staged)
        publish(staged, store_path)
        return RestoreResult(checked, aside)
    finally:
        discard(staged)


# --- helpers ----------------------------------------------------------------------------


def _connect(
    path: Path, *, read_only: bool = False, like: crypto.Connection | None = None
) -> crypto.Connection:
    """Every connection of this module, through the store's opener (the key, when
    the file is encrypted; a new file is encrypted exactly `like` the connection it
    is a copy of). Read-only connections never write, nor checkpoint a log on closing."""
    encrypt = crypto.is_encrypted(like) if like is not None else None
    return crypto.connect(
        path, mode="ro" if read_only else None, timeout=BUSY_TIMEOUT_S, encrypt=encrypt
    )


def _copy_checked(
    source_path: Path, target: Path, progress: Progress | None, damaged: Path
) -> None:
    """Copy the database at `source_path` into the new file `target` through the backup
    API, leave WAL mode (one file holds it all) and check the copy; a copy that fails
    the check is reported as damage of `damaged` (what it was copied from)."""
    discard(target)
    try:
        source = _connect(source_path, read_only=True)
        try:
            destination = _connect(target, like=source)  # encrypted like the store
            try:
                source.backup(
                    destination,
                    pages=PAGES_PER_STEP,
                    progress=_stepper(source_path, progress),
                    sleep=_BUSY_SLEEP_S,
                )
                destination.execute("PRAGMA journal_mode = DELETE").fetchone()
                _integrity_check(destination, damaged)
            finally:
                destination.close()
        finally:
            source.close()
    except crypto.Error as error:
        explained = _explain(source_path, error)
        if isinstance(explained, CorruptStoreError):
            raise CorruptStoreError(damaged, explained.detail) from error
        raise explained from error
    leftovers = [s for s in ("-wal", "-shm", "-journal") if companion(target, s).exists()]
    if leftovers:
        raise StoreUnavailableError(f"{target}: SQLite left {', '.join(leftovers)} beside it")


def _stepper(path: Path, progress: Progress | None) -> Callable[[int, int, int], None]:
    """The backup API's progress callback: reports pages copied and gives up (raising
    StoreBusyError, which ends the copy) when SQLite stays busy longer than we wait."""
    busy_since: list[float] = []

    def step(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            busy_since[:1] = busy_since[:1] or [time.monotonic()]
            if time.monotonic() - busy_since[0] > BUSY_TIMEOUT_S:
                raise StoreBusyError(path)
            return
        busy_since.clear()
        if progress is not None:
            progress(total - remaining, total)

    return step


def _integrity_check(connection: crypto.Connection, path: Path) -> None:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise CorruptStoreError(path, "; ".join(problems[:_PROBLEMS_SHOWN]))


def _keep_copy_aside(store_path: Path, when: datetime) -> Path | None:
    """A checked copy of the store beside it, `<store>.before-restore-<time>.sqlite`;
    None when the store is damaged (SQLite cannot copy it whole, or cannot decrypt it:
    to SQLCipher a garbled file and one encrypted with another key look the same, and
    either is then moved aside as it is, never written to)."""
    suffix = store_path.suffix or ".sqlite"
    stamp = when.strftime(STAMP)
    aside = store_path.with_name(f"{store_path.stem}.{ASIDE_LABEL}-{stamp}{suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = store_path.with_name(f"{store_path.stem}.{ASIDE_LABEL}-{stamp}-{number}{suffix}")
    partial = aside.with_name(aside.name + PARTIAL_SUFFIX)
    try:
        _copy_checked(store_path, partial, None, damaged=store_path)
        publish(partial, aside)
    except (CorruptStoreError, crypto.StoreKeyError):
        return None
    finally:
        discard(partial)
    return aside


def _carry_sequences(current: Path, staged: Path) -> None:
    """Ids SQLite hands out once only (AUTOINCREMENT: the change log's, whose ids are
    the order the office applies a laptop's changes in) go on from where the store
    was, not from where the backup was: the office already knows the later ones, and
    refuses a change under a number another change of this laptop took."""
    source = _connect(current, read_only=True)
    try:
        if not _has_table(source, "sqlite_sequence"):
            return
        reached = dict(source.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
    finally:
        source.close()
    target = _connect(staged)
    try:
        if not _has_table(target, "sqlite_sequence"):
            return
        with target:
            for name, seq in reached.items():
                if _has_table(target, name):
                    target.execute(
                        "DELETE FROM sqlite_sequence WHERE name = ? AND seq < ?", (name, seq)
                    )
                    target.execute(
                        "INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS "
                        "(SELECT 1 FROM sqlite_sequence WHERE name = ?)",
                        (name, seq, name),
                    )
    finally:
        target.close()


def _has_table(connection: crypto.Connection, name: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _copy_into(staged: Path, store_path: Path) -> None:
    """Replace the contents of the store with the staged copy in one write transaction
    of SQLite's backup API (the store stays the same file, open or not)."""
    try:
        source = _connect(staged, read_only=True)
        try:
            destination = _connect(store_path)
            try:
                source.backup(destination, progress=_stepper(store_path, None), sleep=_BUSY_SLEEP_S)
            finally:
                destination.close()
        finally:
            source.close()
    except crypto.Error as error:
        raise _explain(store_path, error) from error


def _info(path: Path) -> BackupInfo:
    match = re.search(r"-(\d{8}-\d{6})(?:-\d+)?" + re.escape(SUFFIX) + "$", path.name)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise StoreAccessError(path, str(error)) from error
    if match is not None:
        taken = datetime.strptime(match.group(1), STAMP).astimezone()
    else:  # a file chosen by hand, named otherwise
        taken = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return BackupInfo(path, taken, size, _count_accounts(path))


def _count_accounts(path: Path) -> int | None:
    try:
        connection = _connect(path, read_only=True)
        try:
            row = connection.execute(
                "SELECT count(*) FROM accounts WHERE deleted_at IS NULL"
            ).fetchone()
        finally:
            connection.close()
    except crypto.Error:
        return None
    return int(row[0])


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _known_revision(revision: str) -> bool:
    if revision == SCHEMA_HEAD:
        return True
    from kamdesk.store import migrate  # Alembic: only for a backup of an older version

    return revision in migrate.known_revisions()


def _explain(path: Path, error: BaseException) -> StoreError:
    return classify(path, error) or StoreUnavailableError(f"{path}: {error}")
