"""Schema migrations with Alembic, run by the app when a store is opened.

Alembic is imported only when a migration is needed: a store already at
`SCHEMA_HEAD` opens without it (start-up time matters).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.store.write_guard import unlogged_writes

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


__all__ = ["SCHEMA_HEAD", "current_revision", "downgrade", "head_revision", "upgrade"]


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return SCHEMA_HEAD


@functools.cache
def known_revisions() -> frozenset[str]:
    # Loading the scripts compiles every migration module (~0.2 s); they cannot change
    # while the program runs.
    return frozenset(script.revision for script in script_directory().walk_revisions())


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    _without_foreign_keys(engine, lambda config: command.upgrade(config, target))
    give_back_free_pages(engine)


# A migration that rebuilt a big table (0005: sales_records) leaves its old pages free.
FREE_SHARE_TO_VACUUM = 0.2


def give_back_free_pages(engine: Engine) -> bool:
    """VACUUM the store when a fifth or more of its pages are free; returns whether it
    did. Another connection reading the store makes SQLite refuse: the free pages are
    then reused by later writes instead, nothing is lost."""
    with engine.connect() as connection:
        free = connection.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar() or 0
        if not pages or free < pages * FREE_SHARE_TO_VACUUM:
            return False
        connection.commit()  # VACUUM runs outside a transaction
        try:
            with unlogged_writes(connection):  # it rewrites every table, changing nothing
                connection.exec_driver_sql("VACUUM")
        except OperationalError:
            return False
        return True


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    _without_foreign_keys(engine, lambda config: command.downgrade(config, target))


class ForeignKeysBroken(RuntimeError):
    """A migration left rows pointing at rows that are gone; it was rolled back."""


def _without_foreign_keys(engine: Engine, run: Callable[[Config], None]) -> None:
    """Run migrations in one transaction with foreign keys off, checked before commit.

    SQLite alters a table by rebuilding it (Alembic's batch mode); with foreign keys
    on, dropping the old `products` would fail for every price-list row pointing at
    it. The pragma only takes effect outside a transaction, so it is set before the
    transaction begins and restored after (SQLite's own recipe for ALTER TABLE).
    A migration's own data changes are not edits for the office: they are allowed
    past the change-log guard (kamdesk.store.write_guard)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with connection.begin(), unlogged_writes(connection):
                run(alembic_config(connection))
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise ForeignKeysBroken(f"rows point at missing rows: {broken[:5]!r}")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
