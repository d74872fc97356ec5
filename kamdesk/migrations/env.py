"""Alembic environment: run by kamdesk.store.migrate, or by `alembic` from the repo root."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, TypeDecorator, create_engine

from kamdesk.models import Base
from kamdesk.models.base import UuidBytes

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///kamdesk-dev.sqlite"
    engine = create_engine(url)
    with engine.begin() as connection:
        _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs table rebuilds for ALTER
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def _render_item(kind: str, item: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Revisions spell the app's column types as what SQLite stores (a UUID key as a
    16-byte BLOB, a UTC datetime as DATETIME, money as BIGINT), so they never import
    the app."""
    if kind == "type" and isinstance(item, UuidBytes):
        return "sa.LargeBinary(length=16)"
    if kind == "type" and isinstance(item, TypeDecorator):
        return f"sa.{type(item.impl_instance).__name__}()"
    return False


run_migrations()
