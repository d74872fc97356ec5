"""Alembic environment of the office database: run by kamdesk.server.db.init_database."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kamdesk.server.tables import metadata

config = context.config
target_metadata = metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from kamdesk.server.db import make_engine

        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise SystemExit("give the office database: -x or sqlalchemy.url")
        with make_engine(url).begin() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs table rebuilds for ALTER
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
