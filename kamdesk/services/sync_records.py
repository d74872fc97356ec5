"""Naming what a sync issue is about: the record, and each side's values in words.

The change log and the office keep values as JSON: keys as 32 hex digits, enums by
value. A person reads a client's or a colleague's name and a word for the kind; these
helpers find them in the store (the UI translates the enums).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from kamdesk.models import Base, Syncable
from kamdesk.timezone import local_zone

# Columns that name the row itself, in the order tried for its title.
_TITLE_COLUMNS = ("full_name", "name", "subject", "title", "company", "trade_name")


def readable_values(session: Session, entity: str, field: str, value: Any) -> tuple[Any, ...]:
    """One side of an issue as a person reads it, value by value: a reference is the
    title of the record it names (a client's, a person's name), an enum its member (the
    UI words it), and a whole record (a refused new client) lists what was typed in it,
    without its keys or the bookkeeping columns. A value nothing here can name is left
    out rather than shown as 32 hex digits."""
    model = model_of(entity)
    columns = _columns_of(model)
    if isinstance(value, dict):
        shown = []
        for name, raw in value.items():
            if name == "id" or name in Syncable.SYNC_BOOKKEEPING or name == "deleted_at":
                continue
            if raw in (None, "", False):
                continue  # an empty or unticked field of a new record says nothing
            readable = _readable(session, columns.get(name), raw)
            if readable is not None:
                shown.append(readable)
        return tuple(shown)
    if value is None or value == "":
        return ()
    column = columns.get(field) if field and "," not in field else None
    readable = _readable(session, column, value)
    return () if readable is None else (readable,)


def _columns_of(model: type[Any] | None) -> dict[str, Any]:
    if model is None:
        return {}
    return {attr.key: attr.columns[0] for attr in inspect(model).column_attrs}


def _readable(session: Session, column: Any, value: Any) -> Any:
    """A stored JSON value as something to show; None when it names nothing readable."""
    if column is None:
        return None if _looks_like_key(value) else value
    keys = list(column.foreign_keys)
    if keys:
        row = record(session, keys[0].column.table.name, _key(value))
        return _reference_title(row) or None
    enum_class = getattr(column.type, "enum_class", None)
    if enum_class is not None:
        try:
            return enum_class(value)
        except ValueError:
            return value
    return None if _looks_like_key(value) else value


def _key(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def _looks_like_key(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 32 and _key(value) is not None


def _reference_title(row: Any) -> str:
    from kamdesk.models import User

    if isinstance(row, User):
        return row.short_name  # «Соколова А. И.», not the first name alone
    return title(row)


def model_of(entity: str) -> type[Any] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity:
            return mapper.class_
    return None


def record(session: Session, entity: str, entity_id: uuid.UUID | None) -> Any:
    model = model_of(entity)
    if model is None or entity_id is None:
        return None
    from kamdesk.store import INCLUDE_DELETED

    return session.scalar(
        select(model).where(model.id == entity_id).execution_options(**{INCLUDE_DELETED: True})
    )


def title(row: Any) -> str:
    """How the KAM knows the record: a number, a person's full name, a name, a date."""
    if row is None:
        return ""
    number = getattr(row, "number", None)
    if isinstance(number, str) and number:
        edition = getattr(row, "edition", 1)
        return number if edition == 1 else f"{number} ({edition})"
    for name in _TITLE_COLUMNS:
        value = getattr(row, name, None)
        if isinstance(value, str) and value.strip():
            return value
    for name in ("starts_at", "occurred_on"):
        value = getattr(row, name, None)
        if isinstance(value, datetime):
            # Stored as UTC without a zone; shown in the zone visits are planned in.
            aware = value if value.tzinfo else value.replace(tzinfo=UTC)
            return f"{aware.astimezone(local_zone()):%d.%m.%Y %H:%M}"
        if isinstance(value, date):
            return f"{value:%d.%m.%Y}"
    return ""
