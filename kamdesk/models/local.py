"""Local-only tables: settings of this laptop and caches derived from synced data.

Nothing here is synced; everything here can be rebuilt from the synced rows.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Money, utcnow


class AppSetting(Base):
    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class AccountStats(Base):
    """Per-account figures the client list shows and sorts by, kept fresh by services.

    `search_text` is the account's name, city, ИНН and its contacts' surnames,
    case-folded (ё→е), so a substring search is one LIKE over one table.
    """

    __tablename__ = "account_stats"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    abc_class: Mapped[str | None] = mapped_column(String(1), index=True)
    xyz_class: Mapped[str | None] = mapped_column(String(1), index=True)
    sales_12m: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    sales_share: Mapped[float | None] = mapped_column(Float)  # of the portfolio, 0..1
    variation: Mapped[float | None] = mapped_column(Float)  # coefficient of variation
    last_purchase_on: Mapped[date | None] = mapped_column(default=None)
    next_visit_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    last_visit_at: Mapped[datetime | None] = mapped_column(default=None)
    contacts_count: Mapped[int] = mapped_column(Integer, default=0)
