"""Writes that never hold up the window: no waiting for a lock, no checkpoint.

SQLite lets one writer at a time into a file. A connection that finds the write
lock taken waits up to the engine's busy timeout (5 s) and then fails; on the
window's thread that wait is a frozen window. Inside `without_waiting(store)`,
every connection this thread takes from the store's pool is handed out with a
busy timeout of 0, so a write to a busy store fails at once with "busy" (see
`is_busy`) and the caller keeps the data and tries again later. Other threads,
and this thread outside the block, wait as usual.

Those connections also skip SQLite's automatic checkpoint (`wal_autocheckpoint`):
the first commit after another program's big transaction (a 100 000-row price
import) would otherwise copy that program's whole write-ahead log into the
database, with an fsync, inside the keystroke that committed (170–190 ms
measured). The caller runs `checkpoint(store)` off the UI thread instead.

Both settings are per connection (`PRAGMA`): set when the connection is checked
out inside the block and put back to what they were when it returns to the pool.

The store may not exist yet: at start-up it opens for writing only once its quick
check passed (kamdesk.services.workspace). Inside `without_waiting()`, asking the
workspace for its store while that check runs fails at once with a "busy" error
(a StoreBusyError) instead of waiting for the check on the window's thread.

Free of SQLAlchemy at import (it is imported when a store is first made quiet), so
the workspace can ask `refuses_waiting` before anything loaded it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from kamdesk import errors

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from kamdesk.store import Store

# The busy timeout, in milliseconds, for connections checked out by this thread now
# (None: the engine's own). A context variable is per thread, like the UI thread's writes.
_WAIT_MS: ContextVar[int | None] = ContextVar("kamdesk_store_wait_ms", default=None)
_SAVED = "kamdesk.saved_pragmas"
_PRAGMAS = ("busy_timeout", "wal_autocheckpoint")
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


@contextmanager
def without_waiting(store: Store | None = None) -> Iterator[None]:
    """Within this block, this thread's reads and writes of `store` never wait for
    another connection's lock: they fail at once with an error `is_busy` recognises.
    Without `store` (the caller has only the workspace), the workspace's store is
    asked for inside the block: it fails at once too while the store's check runs,
    and the store it hands out is made quiet as it opens (`quiet`)."""
    if store is not None:
        quiet(store)
    token = _WAIT_MS.set(0)
    try:
        yield
    finally:
        _WAIT_MS.reset(token)


def refuses_waiting() -> bool:
    """This thread is inside `without_waiting`: nothing it asks the store may wait."""
    return _WAIT_MS.get() == 0


def quiet(store: Store) -> None:
    """Let `without_waiting` blocks set `store`'s connections (once per engine)."""
    _install(store.engine)


def is_busy(error: BaseException) -> bool:
    """`error` (or what caused it) says the store is locked by another connection."""
    busy_error = getattr(errors, "StoreBusyError", None)  # the store's own verdict, if any
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if busy_error is not None and isinstance(current, busy_error):
            return True
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _BUSY_CODES:
            return True
        original = getattr(current, "orig", None)  # SQLAlchemy's wrapper of the driver's error
        if isinstance(original, BaseException) and id(original) not in seen:
            current = original
            continue
        current = current.__cause__ or current.__context__
    return False


def _install(engine: Engine) -> None:
    from sqlalchemy import event

    if not event.contains(engine, "checkout", _on_checkout):
        event.listen(engine, "checkout", _on_checkout)
        event.listen(engine, "checkin", _on_checkin)


def checkpoint(store: Store) -> None:
    """Copy the write-ahead log into the database as far as no reader needs it
    (SQLite's PASSIVE checkpoint: it waits for no one). For a worker thread."""
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    wait = _WAIT_MS.get()
    if wait is None:
        return
    if _SAVED not in record.info:
        record.info[_SAVED] = {
            name: int(dbapi_connection.execute(f"PRAGMA {name}").fetchone()[0]) for name in _PRAGMAS
        }
    dbapi_connection.execute(f"PRAGMA busy_timeout={int(wait)}")
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


def _on_checkin(dbapi_connection: Any, record: Any) -> None:
    previous = record.info.pop(_SAVED, None)
    if previous is not None and dbapi_connection is not None:
        for name, value in previous.items():
            dbapi_connection.execute(f"PRAGMA {name}={int(value)}")
