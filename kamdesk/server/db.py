"""Opening and initialising the office database (PostgreSQL, or SQLite for a trial).

URLs: `sqlite:///path/to/office.sqlite` and `postgresql+psycopg://user@host/db`.
The office has its own Alembic history (`kamdesk/server/migrations`), separate
from the laptop's. `init_database` creates or migrates the schema and the one
`server_state` row (the epoch, the version counter); `new_epoch` gives a database
restored from a backup a new epoch, so every laptop resets its pull cursor.

On SQLite every transaction begins with BEGIN IMMEDIATE: one writer at a time,
taken at the start, so two pushes never both read the counter and then fail to
upgrade their lock halfway (SQLite answers that with an immediate "locked",
whatever the busy timeout). Readers still read beside a writer (WAL).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from kamdesk.server.errors import QT_TRANSLATE_NOOP, OfficeError
from kamdesk.server.tables import server_state

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
OFFICE_SCHEMA_HEAD = "0003"
SQLITE_BUSY_TIMEOUT_S = 30


@dataclass(frozen=True)
class OfficeState:
    epoch: str
    version: int


def make_engine(url: str) -> Engine:
    """An engine for the office database; refuses URLs of other databases."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise OfficeError(
            QT_TRANSLATE_NOOP("OfficeError", "not a database URL: {url!r} ({error})"),
            url=url,
            error=error,
        ) from error
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise OfficeError(
                QT_TRANSLATE_NOOP(
                    "OfficeError",
                    "an office on SQLite needs a file: sqlite:///path/to/office.sqlite",
                )
            )
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S},
        )
        _serialise_sqlite_writers(engine)
        return engine
    if backend == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise OfficeError(
        QT_TRANSLATE_NOOP(
            "OfficeError",
            "the office runs on PostgreSQL (postgresql+psycopg://…) or SQLite (sqlite:///…), "
            "not {backend}",
        ),
        backend=backend,
    )


def _serialise_sqlite_writers(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def init_database(url: str) -> OfficeState:
    """Create or migrate the office database; the first time, start its epoch."""
    from alembic import command

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            state = connection.execute(
                select(server_state.c.epoch, server_state.c.version).where(server_state.c.id == 1)
            ).one_or_none()
            if state is None:
                epoch = uuid.uuid4().hex
                connection.execute(
                    server_state.insert().values(
                        id=1, epoch=epoch, version=0, created_at=datetime.now(UTC)
                    )
                )
                return OfficeState(epoch, 0)
            return OfficeState(state.epoch, state.version)
    except SQLAlchemyError as error:
        raise _unreachable(url, error) from error
    finally:
        engine.dispose()


def check_database(engine: Engine) -> OfficeState:
    """The state of an initialised office at this schema; OfficeError otherwise."""
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            if revision is None:
                raise OfficeError(
                    QT_TRANSLATE_NOOP(
                        "OfficeError",
                        "the office database {url} is not initialised; "
                        "run `kamdesk server init --db URL` first",
                    ),
                    url=_shown(engine.url),
                )
            if revision != OFFICE_SCHEMA_HEAD:
                raise OfficeError(
                    QT_TRANSLATE_NOOP(
                        "OfficeError",
                        "the office database {url} is at schema {revision}; "
                        "run `kamdesk server init --db URL` first",
                    ),
                    url=_shown(engine.url),
                    revision=revision,
                )
            state = connection.execute(
                select(server_state.c.epoch, server_state.c.version).where(server_state.c.id == 1)
            ).one_or_none()
    except SQLAlchemyError as error:
        raise _unreachable(engine.url, error) from error
    if state is None:
        raise OfficeError(
            QT_TRANSLATE_NOOP(
                "OfficeError",
                "the office database has no server_state; run `kamdesk server init`",
            )
        )
    return OfficeState(state.epoch, state.version)


def open_office(url: str) -> Engine:
    """An engine on an initialised office database (check_database has passed)."""
    engine = make_engine(url)
    try:
        check_database(engine)
    except OfficeError:
        engine.dispose()
        raise
    return engine


def new_epoch(url: str) -> OfficeState:
    """After a restore from a backup: a new epoch, so every laptop resets its cursor
    and re-sends what the restored office no longer has (it de-duplicates by change id)."""
    engine = open_office(url)
    try:
        with engine.begin() as connection:
            epoch = uuid.uuid4().hex
            connection.execute(
                update(server_state).where(server_state.c.id == 1).values(epoch=epoch)
            )
            version = connection.execute(
                select(server_state.c.version).where(server_state.c.id == 1)
            ).scalar_one()
            return OfficeState(epoch, version)
    finally:
        engine.dispose()


def bump_version(connection: Connection) -> int:
    """Take the next office version inside the caller's transaction (a row lock on
    PostgreSQL, the write lock on SQLite): versions are handed out in commit order."""
    connection.execute(
        update(server_state)
        .where(server_state.c.id == 1)
        .values(version=server_state.c.version + 1)
    )
    return int(
        connection.execute(
            select(server_state.c.version).where(server_state.c.id == 1)
        ).scalar_one()
    )


def _shown(url: Any) -> str:
    return make_url(str(url)).render_as_string(hide_password=True) if url else "?"


def _unreachable(url: Any, error: SQLAlchemyError) -> OfficeError:
    reason = " ".join(str(getattr(error, "orig", None) or error).split())
    return OfficeError(
        QT_TRANSLATE_NOOP("OfficeError", "cannot use the office database {url}: {reason}"),
        url=_shown(url),
        reason=reason,
    )
