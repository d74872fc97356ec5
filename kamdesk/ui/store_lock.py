"""One KAMdesk window per store file: a lock file beside the store.

Two windows on one file would each keep their own view and write queues, and
neither would see the other's edits. Before a store is opened, `take(path)`
takes `<store>.lock` (Qt's QLockFile: the holder's pid, host and program are
written in it); a second KAMdesk then gets `StoreInUseError` before anything
is written to the store. A lock left by a killed process is stale and taken
over (QLockFile checks whether its pid still runs on this host; a stale time
of 0 means no age limit, so a long session is never mistaken for a dead one).

The lock is the UI's: the command line's short commands are serialised by
SQLite's own locks, and kamdesk.store must not import Qt. Locks are held per
process, by resolved path: re-opening the same store in this process (after
encrypting or restoring it) keeps its lock; `release(path)` lets go of one
(File ▸ Open of another store), `release_all()` of every one (quitting).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)

SUFFIX = ".lock"

_held: dict[str, QLockFile] = {}


@dataclass(frozen=True)
class StoreInUseError(Exception):
    """Another KAMdesk process holds the store's lock (pid and host when known)."""

    path: Path
    pid: int = 0
    host: str = ""


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def _key(path: Path) -> str:
    return os.path.realpath(path)


def holds(path: Path) -> bool:
    return _key(path) in _held


def take(path: Path) -> bool:
    """Lock the store at `path` for this process. True: newly taken (the caller
    releases it if it does not open the store after all); False: held already, or
    no lock can be made there (a read-only folder: opening goes on without one).
    Raises StoreInUseError when another running KAMdesk holds it."""
    key = _key(path)
    if key in _held:
        return False
    lock = QLockFile(str(lock_path(Path(key))))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        _held[key] = lock
        return True
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = tuple(lock.getLockInfo())  # PySide: (pid, host, program)
        if info and isinstance(info[0], bool):  # the C++ form's success flag first
            info = info[1:]
        pid, host = (*info, 0, "")[:2]
        raise StoreInUseError(path, pid if isinstance(pid, int) else 0, str(host or ""))
    log.warning("no lock file beside %s (%s): opened without one", path, lock.error())
    return False


def release(path: Path) -> None:
    lock = _held.pop(_key(path), None)
    if lock is not None:
        lock.unlock()


def release_all() -> None:
    for key in list(_held):
        _held.pop(key).unlock()
