"""SQLite's errors sorted by their result code into what the user is told.

The code (`sqlite3.Error.sqlite_errorcode`, an extended code whose low byte is
the primary one) says what happened whatever the wording or language of the
message: busy or locked, disk full, not writable, not openable, damaged. Errors
that are not about the store's file (a constraint, a bad statement) are bugs
or the caller's business and are not classified.

Standard library only: the client list's SQLite connection uses it too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from kamdesk.errors import (
    CorruptStoreError,
    StoreAccessError,
    StoreBusyError,
    StoreDiskError,
    StoreError,
    StoreFullError,
)

_BY_PRIMARY_CODE: dict[int, Callable[[Path, str], StoreError]] = {
    sqlite3.SQLITE_BUSY: StoreBusyError,
    sqlite3.SQLITE_LOCKED: StoreBusyError,
    sqlite3.SQLITE_FULL: StoreFullError,
    sqlite3.SQLITE_READONLY: StoreAccessError,
    sqlite3.SQLITE_CANTOPEN: StoreAccessError,
    sqlite3.SQLITE_PERM: StoreAccessError,
    sqlite3.SQLITE_IOERR: StoreDiskError,
    sqlite3.SQLITE_CORRUPT: CorruptStoreError,
    sqlite3.SQLITE_NOTADB: CorruptStoreError,
}


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of `error`, or None when it carries none."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def classify(path: Path, error: BaseException) -> StoreError | None:
    """The StoreError that explains `error` (a sqlite3 exception) to the user, or None
    when it is not about the store's file."""
    kind = _BY_PRIMARY_CODE.get(primary_code(error) or -1)
    if kind is None:
        return None
    name = getattr(error, "sqlite_errorname", "")
    detail = f"{error} [{name}]" if name else str(error)
    return kind(path, detail)


def is_corruption(error: BaseException) -> bool:
    return primary_code(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
