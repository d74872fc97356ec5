"""Local-only tables: settings of this laptop and caches derived from synced data.

Nothing here is synced; everything here can be rebuilt from the synced rows.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Money, utcnow


class AppSetting(Base):
    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class AccountStats(Base):
    """The client list's row for each account: a local cache, rebuilt from synced rows.

    Everything the list filters and sorts on sits in this one table, so a
    keystroke is one scan (or one full-text lookup) of one table and never a
    join over text UUID keys. `search_text` is the account's name, short name,
    city, ИНН and its contacts' surnames, case-folded with ё→е; the full-text
    index `account_search` (trigram FTS5, kept by triggers, see
    kamdesk/store/search_index.py) covers it. `row_no` is a stable integer key
    for that index.
    """

    __tablename__ = "account_stats"
    # In name order (`sort_name`: «№ 2» before «№ 10»), with every column the list
    # filters on: walking it finds the first page of a short search or a filter
    # without reading the table itself.
    __table_args__ = (
        Index(
            "ix_account_stats_list",
            "sort_name",
            "search_text",
            "archived",
            "kind",
            "client_type",
            "status",
            "abc_class",
            "dossier_score",
        ),
    )

    row_no: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), unique=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(String(300), default="")
    # The name's place in the list: natural_key(name) + "\x01" + hex(account_id)
    # (kamdesk.textfold.natural_key; the id keeps equal names apart), kamdesk.store.derived.
    sort_name: Mapped[str] = mapped_column(String(400), default="", server_default="")
    kind: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(150), default="")
    inn: Mapped[str] = mapped_column(String(12), default="")
    client_type: Mapped[str | None] = mapped_column(String(20), default=None)
    status: Mapped[str] = mapped_column(String(20), default="")
    owner_name: Mapped[str] = mapped_column(String(200), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    abc_class: Mapped[str | None] = mapped_column(String(1), default=None)
    xyz_class: Mapped[str | None] = mapped_column(String(1), default=None)
    sales_12m: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    sales_share: Mapped[float | None] = mapped_column(Float)  # of the portfolio, 0..1
    variation: Mapped[float | None] = mapped_column(Float)  # coefficient of variation
    last_purchase_on: Mapped[date | None] = mapped_column(default=None)
    next_visit_at: Mapped[datetime | None] = mapped_column(default=None)
    last_visit_at: Mapped[datetime | None] = mapped_column(default=None)
    contacts_count: Mapped[int] = mapped_column(Integer, default=0)
    # Dossier completeness 0..100 (kamdesk.services.dossier), kept current on flush.
    # A server default because derived.py inserts rows with plain SQL.
    dossier_score: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)


class CardDraft(Base):
    """Text a KAM is typing into a card, saved on a short debounce.

    Local and never synced: a draft becomes one change of the domain row when
    it is committed (focus-out, card closed, periodically). If the app dies
    first, the card finds the draft on its next opening and puts it back.
    `row_key` is the row the field belongs to (the account for its dossier, the
    contact for its personal details).
    """

    __tablename__ = "card_drafts"
    __table_args__ = (Index("ix_card_drafts_account", "account_id"),)

    entity: Mapped[str] = mapped_column(String(30), primary_key=True)
    row_key: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    account_id: Mapped[uuid.UUID]
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
