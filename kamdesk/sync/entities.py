"""The laptop's side of the contract: entity names to ORM classes, JSON to column values.

Entity names are table names and field names column names (kamdesk.sync.protocol).
A row from the office arrives as JSON; `from_wire` turns each field into the
column's Python type (Decimal from a string, UTC datetimes, UUIDs from hex,
enums by value). Fields this version does not know are ignored (and logged by
the caller): a newer office may send more.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Float, Integer, String, Text
from sqlalchemy.orm import Mapper
from sqlalchemy.types import TypeDecorator, TypeEngine

from kamdesk.models import Base, Syncable
from kamdesk.models.base import ScaledDecimal, UTCDateTime
from kamdesk.sync.protocol import ENTITIES, OFFICE_BUCKET

# Columns the laptop keeps for itself: never taken from the office's fields.
LOCAL_COLUMNS = frozenset({"id", "created_at", "updated_at", "revision", "server_version"})


@dataclass(frozen=True)
class EntityInfo:
    name: str
    cls: type[Any]
    mapper: Mapper[Any]
    depth: int  # 0 for accounts and office data; a child is one deeper than its parent
    columns: dict[str, TypeEngine[Any]]  # column attribute name -> its type
    # Unique keys other than the id that laptops do not derive the id from (a product's
    # SKU, an offer's number): a row from the office may meet a local row on them.
    unique_keys: tuple[tuple[str, ...], ...] = ()


@cache
def syncable_classes() -> dict[str, type[Any]]:
    """Every syncable ORM class of the laptop by table name."""
    found: dict[str, type[Any]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if isinstance(cls, type) and issubclass(cls, Syncable):
            found[mapper.local_table.name] = cls  # type: ignore[attr-defined]
    return found


@cache
def entity(name: str) -> EntityInfo | None:
    """The laptop's class for an entity of the wire format, or None when unknown."""
    if name not in ENTITIES:
        return None
    cls = syncable_classes().get(name)
    if cls is None:
        return None
    from sqlalchemy import inspect

    mapper = inspect(cls)
    columns = {attr.key: attr.columns[0].type for attr in mapper.column_attrs}
    return EntityInfo(name, cls, mapper, depth(name), columns, _unique_keys(cls, mapper))


def _unique_keys(cls: type[Any], mapper: Mapper[Any]) -> tuple[tuple[str, ...], ...]:
    from sqlalchemy import UniqueConstraint

    natural = frozenset(getattr(cls, "__natural_key__", ()))
    by_column = {attr.columns[0].name: attr.key for attr in mapper.column_attrs}
    table: Any = cls.__table__
    keys: list[tuple[str, ...]] = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            keys.append(tuple(by_column[column.name] for column in constraint.columns))
    for index in table.indexes:
        if index.unique:
            keys.append(tuple(by_column[column.name] for column in index.columns))
    found = {key for key in keys if key != ("id",) and frozenset(key) != natural}
    return tuple(sorted(found))


def depth(name: str) -> int:
    """How many parents lie between an entity and its bucket's row (parents first)."""
    seen: set[str] = set()
    level = 0
    spec = ENTITIES[name].parent
    while isinstance(spec, tuple):
        parent = spec[1]
        if parent in seen or parent not in ENTITIES:
            break
        seen.add(parent)
        level += 1
        spec = ENTITIES[parent].parent
    return level


def bucket_account(bucket: str) -> uuid.UUID | None:
    """The account of an "account:<hex>" bucket (None for the office bucket)."""
    if bucket == OFFICE_BUCKET or not bucket.startswith("account:"):
        return None
    try:
        return uuid.UUID(bucket.removeprefix("account:"))
    except ValueError:
        return None


def from_wire(column_type: TypeEngine[Any], value: Any) -> Any:
    """A field's JSON form (protocol v1) as the column's Python value."""
    if value is None:
        return None
    if isinstance(column_type, ScaledDecimal):
        return Decimal(str(value))
    if isinstance(column_type, UTCDateTime):
        return _utc(value)
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    if _python_type(column_type) is uuid.UUID:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    impl = column_type.impl if isinstance(column_type, TypeDecorator) else column_type
    if isinstance(impl, JSON):
        return value
    if isinstance(impl, Boolean):
        return bool(value)
    if isinstance(impl, DateTime):
        return _utc(value)
    if isinstance(impl, Date):
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    if isinstance(impl, Integer):
        return int(value)
    if isinstance(impl, Float):
        return float(value)
    if isinstance(impl, String | Text):
        return str(value)
    return value


def _utc(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _python_type(column_type: TypeEngine[Any]) -> Any:
    try:
        return column_type.python_type
    except NotImplementedError:
        return None
