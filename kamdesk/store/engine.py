"""SQLite engines with the pragmas the store relies on, and errors sorted by SQLite's code."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext

from kamdesk.account_status import sql_status
from kamdesk.store import crypto, write_guard
from kamdesk.store.sqlite_errors import classify
from kamdesk.textfold import fold, natural_key, phone_key

BUSY_TIMEOUT_MS = 5000


def make_engine(path: Path, *, encrypt: bool | None = None) -> Engine:
    """An engine on `path` whose environmental errors (busy, full, not writable, damaged)
    come out as the StoreError that explains them, on every path into the database:
    ORM sessions, Core connections, commits and connecting. Its connections refuse
    writes to syncable tables that the change log would not see (write_guard).
    A new file is encrypted unless `encrypt` is False (see kamdesk.store.crypto)."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        # Every connection through the one opener, with the key (kamdesk.store.crypto);
        # its driver's errors are the ones SQLAlchemy wraps.
        module=crypto.dbapi(),
        creator=lambda: crypto.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, encrypt=encrypt
        ),
    )
    event.listen(engine, "connect", _configure_connection)
    write_guard.install_on_engine(engine)

    def explain(context: ExceptionContext) -> BaseException | None:
        info = context.connection.info if context.connection is not None else None
        return classify(path, context.original_exception) or write_guard.explain(
            info, context.original_exception
        )

    event.listen(engine, "handle_error", explain)
    return engine


def _configure_connection(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()
    # Case-folding that understands Cyrillic; SQLite's lower() knows only ASCII.
    dbapi_connection.create_function("kam_fold", 1, fold, deterministic=True)
    # A phone's digits in the search text, found however it is typed (kamdesk.textfold).
    dbapi_connection.create_function("kam_phone", 1, phone_key, deterministic=True)
    # A name's place in the client list: «№ 2» before «№ 10» (account_stats.sort_name).
    dbapi_connection.create_function("kam_sort_name", 1, natural_key, deterministic=True)
    # The status a KAM sees, worked out from the facts (kamdesk.account_status).
    dbapi_connection.create_function("kam_status", 8, sql_status, deterministic=True)
