"""Monthly sales per account and SKU, as reported by the office (sell-in/sell-out).

The largest table of a store (about half of a 100 000-account demo), so it is kept
lean (revision 0005): one index by account and month (the card, the brief, the
client list's status, the classification) and one by month (the portfolio, the
classification's window), none by product, and no UNIQUE on the natural key: the
id is derived from it (kamdesk.store.natural_keys), so the primary key already
keeps one row per account, product and month. Its created/updated times are
stored as integer microseconds (8 bytes instead of 26 characters); they stay on
the laptop (kamdesk.sync.entities.LOCAL_COLUMNS), so the wire does not change.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Money, Syncable, utcnow

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


class UTCMicroseconds(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as integer microseconds since 1970 (UTC)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: times are stored in UTC, give a timezone")
        return (value - EPOCH) // _MICROSECOND

    def process_result_value(self, value: int | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return EPOCH + timedelta(microseconds=value)


class SalesRecord(Syncable, Base):
    __tablename__ = "sales_records"
    __table_args__ = (
        Index("ix_sales_records_account_id_month", "account_id", "month"),
        Index("ix_sales_records_month", "month"),
    )
    # One per account, product and month: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("account_id", "product_id", "month")

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"))
    month: Mapped[date]  # the first day of the month
    quantity: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money())  # roubles without VAT
    created_at: Mapped[datetime] = mapped_column(UTCMicroseconds(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCMicroseconds(), default=utcnow)
