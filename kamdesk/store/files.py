"""A store on disk is up to three files that belong together, and they move together.

`kamdesk.sqlite` has its write-ahead log `kamdesk.sqlite-wal` (the latest
commits, not yet copied into the main file) and the log's index
`kamdesk.sqlite-shm`; a store that was never in WAL mode may have a rollback
journal `kamdesk.sqlite-journal`. SQLite finds them by name, so a main file
renamed without its log loses the latest commits, and a new store created
beside an old log would replay it. Nothing here opens these files: only
SQLite may (see `kamdesk.store.probe`); renaming does not touch locks.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from kamdesk.errors import StoreAccessError

# The log and its index first: if moving stops half-way, the main file stays where it
# was (still openable) and no log is left for a new store to adopt.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def has_database(path: Path) -> bool:
    """A main file with content (SQLite treats an empty file as a new database)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def orphaned_journal(path: Path) -> Path | None:
    """A log with content beside a missing or empty main file, if there is one."""
    for suffix in ("-wal", "-journal"):
        log = companion(path, suffix)
        try:
            if log.stat().st_size > 0:
                return log
        except OSError:
            continue
    return None


def is_part_of_store(path: Path, store_path: Path) -> bool:
    """Whether `path` is the store's main file, log, index or journal (by file identity,
    so another name for it counts too). Code that reads a file the user chose (a logo,
    an annex, a price list) refuses these: reading and closing one with `open()` drops
    every SQLite lock this process holds on the store."""
    for part in (store_path, *(companion(store_path, s) for s in COMPANION_SUFFIXES)):
        try:
            if os.path.samefile(path, part):
                return True
        except OSError:
            continue
    return False


def move_store(path: Path, target: Path) -> None:
    """Rename the store at `path`, with its log and index, to `target` (same folder).

    The caller makes sure no connection of this process has it open."""
    for suffix in COMPANION_SUFFIXES:
        source = companion(path, suffix)
        if source.exists():
            os.replace(source, companion(target, suffix))
    if path.exists():
        os.replace(path, target)


def move_aside(path: Path, label: str = "damaged") -> Path:
    """Rename the store at `path` (never delete it) with its `-wal`, `-shm` and
    `-journal` so a new one can be made there; returns the main file's new path.

    The new name keeps the extension, so the moved store still opens (File ▸ Open)
    with the latest commits of its log: `kamdesk.damaged-20250618-093000.sqlite`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or ".sqlite"
    aside = path.with_name(f"{path.stem}.{label}-{stamp}{suffix}")
    number = 1
    while aside.exists() or any(companion(aside, s).exists() for s in COMPANION_SUFFIXES):
        number += 1
        aside = path.with_name(f"{path.stem}.{label}-{stamp}-{number}{suffix}")
    move_store(path, aside)
    return aside


# --- durable copies: a file takes its final name only once it is on the disk -------


def publish(partial: Path, target: Path) -> None:
    """Flush `partial` to the disk and give it its final name in one rename."""
    try:
        flush(partial)
        os.replace(partial, target)
        flush_folder(target.parent)
    except OSError as error:
        raise StoreAccessError(target, str(error)) from error


def flush(path: Path) -> None:
    # Only files no SQLite connection of this process has open are opened here.
    with open(path, "rb") as file:
        os.fsync(file.fileno())


def flush_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory handles to flush; its renames are journaled
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def discard(path: Path) -> None:
    for part in (path, *(companion(path, s) for s in COMPANION_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
