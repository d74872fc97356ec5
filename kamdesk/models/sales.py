"""Monthly sales per account and SKU, as reported by the office (sell-in/sell-out)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Money, Syncable


class SalesRecord(Syncable, Base):
    __tablename__ = "sales_records"
    __table_args__ = (
        UniqueConstraint("account_id", "product_id", "month"),
        Index("ix_sales_records_month", "month"),
    )
    # One per account, product and month: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("account_id", "product_id", "month")

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    month: Mapped[date]  # the first day of the month
    quantity: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money())  # roubles without VAT
