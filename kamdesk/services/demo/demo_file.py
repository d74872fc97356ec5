"""The demo territory as a database file: built beside its target, put in place when complete.

A build takes seconds and may be killed (`kill -9`, a power cut, a closed
laptop) at any moment, so it never happens in the store it is meant for. It is
written into a new file beside the target, `<target>.demo-building`, sealed
there (its write-ahead log checkpointed into it, so the one file holds it all)
and only then put in place:

- no store at the target yet: the finished file is renamed onto it (a rename
  within a folder is atomic: the target is either absent or complete);
- `replace` (the command line's `--replace`): the store at the target is first
  moved aside with its `-wal` and `-shm` (`….replaced-<time>.sqlite`), then the
  finished file renamed in — never used on a store this process has open;
- an empty store at the target (the window has just created it and has it
  open): the finished file is copied into it through SQLite's backup API, one
  transaction that other connections to it see all at once, and the window then
  reopens it. A store that already holds any work (accounts, products, drafts,
  changes waiting for the office) is refused with StoreNotEmptyError and left
  as it was.

The KAM's change log is never touched: demo rows are a baseline and are not
queued for the office (see `build_demo` and `Store.baseline_load`).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kamdesk.errors import CorruptStoreError, StoreNotEmptyError, StoreUnavailableError
from kamdesk.services.demo import DemoSummary, Progress, build_demo
from kamdesk.store import crypto
from kamdesk.store.files import (
    COMPANION_SUFFIXES,
    companion,
    has_database,
    move_aside,
    orphaned_journal,
)
from kamdesk.store.sqlite_errors import classify

STAGING_SUFFIX = ".demo-building"
BUSY_TIMEOUT_S = 5.0
# Bookkeeping every new store has; any other row in any table is somebody's work.
_NOT_WORK = ("alembic_version", "sync_state", "account_stats")
_NOT_WORK_PREFIXES = ("account_search", "sqlite_")
_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"


@dataclass(frozen=True)
class DemoFile:
    summary: DemoSummary
    replaced: Path | None = None  # where the store that was at the target went


def staging_path(target: Path) -> Path:
    return target.with_name(target.name + STAGING_SUFFIX)


def build_demo_file(
    target: Path,
    *,
    accounts: int = 300,
    seed: int = 1,
    years: int = 3,
    today: date | None = None,
    progress: Progress | None = None,
    replace: bool = False,
    kam: str = "hospital",
    team_work: bool = False,
) -> DemoFile:
    """Build the demo territory and put it at `target` (see the module docstring).

    Raises StoreNotEmptyError when `target` holds work and `replace` is False,
    and the StoreErrors of opening a store."""
    from kamdesk.store import open_store

    target = Path(target)
    _refuse_unless_replaceable(target, replace)
    staging = staging_path(target)
    _discard(staging)  # what a killed build left behind
    try:
        store = open_store(staging)
        try:
            summary = build_demo(
                store,
                accounts=accounts,
                seed=seed,
                years=years,
                today=today,
                progress=progress,
                kam=kam,
                team_work=team_work,
            )
        finally:
            store.close()
        replaced = _put_in_place(staging, target, replace)
    finally:
        _discard(staging)
    return DemoFile(summary, replaced)


def holds_work(path: Path) -> bool:
    """Whether the store at `path` has any row that is not a new store's bookkeeping."""
    try:
        connection = crypto.connect(path, mode="rw", timeout=BUSY_TIMEOUT_S)
        try:
            tables = [row[0] for row in connection.execute(_TABLES)]
            return any(
                connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None
                for table in tables
                if table not in _NOT_WORK and not table.startswith(_NOT_WORK_PREFIXES)
            )
        finally:
            connection.close()
    except crypto.Error as error:
        raise (classify(path, error) or StoreUnavailableError(f"{path}: {error}")) from error


def _refuse_unless_replaceable(target: Path, replace: bool) -> None:
    if replace:
        if has_database(target):
            _take_over(target)  # early, so that nobody waits for a build to be refused
        return
    if not has_database(target):
        journal = orphaned_journal(target)
        if journal is not None:  # the demo would adopt it: somebody's lost commits
            raise CorruptStoreError(target, f"{journal.name} is here without its database")
        return
    if holds_work(target):
        raise StoreNotEmptyError(target)


def _put_in_place(staging: Path, target: Path, replace: bool) -> Path | None:
    _seal(staging)
    if replace and any(p.exists() for p in _store_files(target)):
        if has_database(target):
            _take_over(target)
        aside = move_aside(target, label="replaced")
        _rename(staging, target)
        return aside
    _refuse_unless_replaceable(target, replace=False)  # again: it may have changed meanwhile
    if has_database(target):
        _copy_into(staging, target)
    else:
        _rename(staging, target)
    return None


def _take_over(target: Path) -> None:
    """Before a store is moved aside for `--replace`: make sure no other program has it
    open (renamed under a running KAMdesk, that window's later edits would go to the
    moved file and its exit would delete the new store's log by name), and let
    SQLite fold the log into the main file as its last user closing it."""
    try:
        connection = crypto.connect(target, timeout=BUSY_TIMEOUT_S)
        try:
            # Held from the first read on: SQLite waits, then fails as busy, while
            # another connection has the store open.
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.close()
    except crypto.Error as error:
        explained = classify(target, error)
        if isinstance(explained, CorruptStoreError):
            return  # moved aside just as it is, with whatever files it has
        raise (explained or StoreUnavailableError(f"{target}: {error}")) from error


def _seal(staging: Path) -> None:
    """Checkpoint the build's log into its main file and leave WAL mode, so the one
    file holds everything and no `-wal` or `-shm` is left to go with it (the store
    returns to WAL mode when it is next opened); then VACUUM it: the build's
    rewrites (statistics, classification) leave free pages and half-full ones,
    about 7 % of the file."""
    connection = crypto.connect(staging, timeout=BUSY_TIMEOUT_S)
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        connection.execute("VACUUM")
    finally:
        connection.close()
    leftovers = [s for s in ("-wal", "-shm") if companion(staging, s).exists()]
    if mode != "delete" or leftovers:
        raise RuntimeError(f"{staging} could not be sealed (mode {mode}, files {leftovers})")


def _copy_into(staging: Path, target: Path) -> None:
    """Replace the contents of the (empty) store at `target` with the demo, through
    SQLite: the target may be open in this process, so its file is never renamed,
    and its identity on this computer (the client id) stays what it was."""
    source = crypto.connect(staging, timeout=BUSY_TIMEOUT_S)
    destination = crypto.connect(target, timeout=BUSY_TIMEOUT_S)
    try:
        client = destination.execute("SELECT client_id FROM sync_state WHERE id = 1").fetchone()
        if client is not None:
            with source:
                source.execute("UPDATE sync_state SET client_id = ? WHERE id = 1", client)
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _store_files(path: Path) -> list[Path]:
    return [path, *(companion(path, suffix) for suffix in COMPANION_SUFFIXES)]


def _discard(staging: Path) -> None:
    """Remove a build's own files (only ever the `.demo-building` ones)."""
    for path in _store_files(staging):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _rename(staging: Path, target: Path) -> None:
    """Atomic within a folder: the target is absent, or the complete demo."""
    os.replace(staging, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (POSIX; Windows has no folder fsync)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
