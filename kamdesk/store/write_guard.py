"""No write to a syncable table escapes the change log.

The change log sees only ORM flushes. A bulk `session.execute(update(Account)…)`,
a Core `insert()`, a `text("UPDATE accounts …")` or `exec_driver_sql` would
change rows the office never hears of. So every connection of a store's engine
carries SQLite's authorizer, which denies INSERT, UPDATE and DELETE on the
syncable tables (and DROP TABLE, which deletes) at prepare time, whichever way
the statement comes, unless one of these is running on that connection:

- a flush of a store session (the change log records it, kamdesk.store.changelog);
- a store session flagged `APPLYING_REMOTE` (the office's data) or
  `BASELINE_LOAD` (a baseline such as the demo);
- a block inside `unlogged_writes(connection)`: migrations, the store
  conversion, and bulk baseline loads through Core (the demo's tables).

A refused statement raises `UnloggedWriteError` and writes nothing. The
decision is made before each statement (`before_cursor_execute`); switching the
authorizer makes SQLite re-prepare its cached statements, so a statement
prepared while writes were allowed is checked again when they are not.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.models import Base, Syncable
from kamdesk.store.changelog import APPLYING_REMOTE, BASELINE_LOAD

__all__ = ["UnloggedWriteError", "install_on_engine", "install_on_sessions", "unlogged_writes"]

_GUARD = "kamdesk.write_guard"
_SESSION = "kamdesk.write_guard.session"
_UNLOGGED = "kamdesk.write_guard.unlogged"

_WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}


class UnloggedWriteError(RuntimeError):
    """A write to a syncable table that the change log would not see: refused."""

    def __init__(self, table: str) -> None:
        self.table = table
        super().__init__(
            f"writing to {table} outside an ORM flush is refused: the change log would not "
            "see it and the office would never get it. Change rows through the ORM "
            "(load them, set attributes, session.add), or apply office data in a session "
            "flagged APPLYING_REMOTE, or load a baseline with BASELINE_LOAD / unlogged_writes"
        )


def syncable_tables() -> frozenset[str]:
    return frozenset(
        mapper.local_table.name  # type: ignore[attr-defined]
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Syncable)
    )


class _Guard:
    """The authorizer of one DBAPI connection, and whether it is switched on."""

    def __init__(self, tables: frozenset[str]) -> None:
        self._tables = tables
        self.denied = ""
        self.on = False

    def check(self, action: int, arg1: str | None, arg2: str | None, *_: Any) -> int:
        if action in _WRITES and arg1 in self._tables:
            self.denied = arg1 or ""
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    def switch(self, connection: sqlite3.Connection, on: bool) -> None:
        if on == self.on:
            return
        connection.set_authorizer(self.check if on else None)
        self.on = on


def install_on_engine(engine: Engine) -> None:
    """Guard every connection of `engine` (kamdesk.store.engine.make_engine calls it)."""
    tables = syncable_tables()

    def on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        guard = _Guard(tables)
        guard.switch(dbapi_connection, True)
        record.info[_GUARD] = guard

    def on_checkin(dbapi_connection: Any, record: Any) -> None:
        record.info.pop(_SESSION, None)
        record.info.pop(_UNLOGGED, None)
        guard = record.info.get(_GUARD)
        if guard is not None and dbapi_connection is not None:
            guard.switch(dbapi_connection, True)

    def before_cursor_execute(
        connection: Connection, cursor: Any, statement: str, *args: Any
    ) -> None:
        guard = connection.info.get(_GUARD)
        if guard is not None:
            guard.denied = ""
            guard.switch(cursor.connection, not _allowed(connection.info))

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "checkin", on_checkin)
    event.listen(engine, "before_cursor_execute", before_cursor_execute)


def install_on_sessions(factory: sessionmaker[Session]) -> None:
    """Let the store's sessions write while they flush (the change log sees it) and while
    they apply office data or a baseline (flagged in `session.info`)."""

    def after_begin(session: Session, transaction: Any, connection: Connection) -> None:
        connection.info[_SESSION] = weakref.ref(session)

    event.listen(factory, "after_begin", after_begin)


def _allowed(info: dict[str, Any]) -> bool:
    if info.get(_UNLOGGED):
        return True
    reference = info.get(_SESSION)
    session: Session | None = reference() if reference is not None else None
    if session is None:
        return False
    return bool(
        getattr(session, "_flushing", False)
        or session.info.get(APPLYING_REMOTE)
        or session.info.get(BASELINE_LOAD)
    )


@contextmanager
def unlogged_writes(connection: Connection) -> Iterator[Connection]:
    """Within this block `connection` may write syncable tables without the change log:
    for schema migrations, the store conversion and bulk baseline loads only."""
    before = connection.info.get(_UNLOGGED, 0)
    connection.info[_UNLOGGED] = before + 1
    try:
        yield connection
    finally:
        if before:
            connection.info[_UNLOGGED] = before
        else:
            connection.info.pop(_UNLOGGED, None)


def explain(connection_info: dict[str, Any] | None, error: BaseException) -> BaseException | None:
    """The UnloggedWriteError behind SQLite's "not authorized", or None."""
    if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_AUTH or not connection_info:
        return None
    guard = connection_info.get(_GUARD)
    if guard is None or not guard.denied:
        return None
    return UnloggedWriteError(guard.denied)
