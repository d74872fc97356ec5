"""Deleted rows disappear from every ORM query unless a caller asks for them.

A query that must see tombstones (restore, merge, sync) runs with
`execution_options(include_deleted=True)`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from kamdesk.models import Syncable

INCLUDE_DELETED = "include_deleted"


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "do_orm_execute", _hide_tombstones)


def _hide_tombstones(state: ORMExecuteState) -> None:
    if (
        state.is_select
        and not state.is_column_load
        and not state.is_relationship_load
        and not state.execution_options.get(INCLUDE_DELETED, False)
    ):
        state.statement = state.statement.options(
            with_loader_criteria(Syncable, _alive, include_aliases=True)
        )


def _alive(cls: Any) -> Any:
    return cls.deleted_at.is_(None)
