"""Declarative base, column types and the mixin every syncable row carries.

Money and percentages are stored as scaled integers (kopecks, hundredths of a
percent) so SQLite never rounds them through a float. Datetimes are stored as
naive UTC and come back timezone-aware. UUIDs (every key) are stored as their 16
bytes, a BLOB: half the size of the 32 hex digits in every row and every index.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import BigInteger, DateTime, Integer, LargeBinary, MetaData, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as naive UTC; naive input is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: times are stored in UTC, give a timezone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class UuidBytes(TypeDecorator[uuid.UUID]):
    """A UUID stored as its 16 bytes (a BLOB), and read back as a `uuid.UUID`.

    Raw SQL sees BLOBs: compare with `x'…'` literals or bind `uuid.bytes`. The
    change log and the wire keep the 32 hex digits (kamdesk.store.values)."""

    impl = LargeBinary(16)
    cache_ok = True

    @property
    def python_type(self) -> type[uuid.UUID]:
        return uuid.UUID

    def process_bind_param(
        self, value: uuid.UUID | bytes | str | None, dialect: Dialect
    ) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, uuid.UUID):
            return value.bytes
        if isinstance(value, bytes) and len(value) == 16:
            return value
        if isinstance(value, str):
            return uuid.UUID(value).bytes
        raise TypeError(f"{value!r} is not a UUID")

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> uuid.UUID | None:
        if value is None:
            return None
        return uuid.UUID(bytes=bytes(value))


class ScaledDecimal(TypeDecorator[Decimal]):
    """An exact decimal stored as an integer count of 10**-scale units.

    A value with more fractional digits than the scale is refused rather than
    rounded: rounding is a business decision made by the caller.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__()
        self.scale = scale
        self._factor = Decimal(10) ** scale

    def process_bind_param(self, value: Decimal | int | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money and percentages are Decimal, never float")
        scaled = Decimal(value) * self._factor
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.scale} decimal places")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / self._factor).quantize(Decimal(1).scaleb(-self.scale))


def Money() -> ScaledDecimal:
    """Roubles with kopecks."""
    return ScaledDecimal(2)


def Percent() -> ScaledDecimal:
    """A percentage with two decimals (12.50 %)."""
    return ScaledDecimal(2)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        uuid.UUID: UuidBytes(),
    }


class Syncable:
    """Columns every row that travels to the office server carries.

    The change log (kamdesk.store.changelog) fills them on flush; callers never
    set them by hand. `deleted_at` is the tombstone: rows are never removed.
    """

    __syncable__: ClassVar[bool] = True
    # Columns that name the one row per parent (a dossier per account): the row's
    # id is derived from them, so laptops agree on it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ()

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    # The office server's version of this row; set by the sync client on pull.
    server_version: Mapped[int | None] = mapped_column(BigInteger, default=None)

    SYNC_BOOKKEEPING: ClassVar[frozenset[str]] = frozenset(
        {"created_at", "updated_at", "revision", "server_version"}
    )

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
