"""Accounts (clients) and their dossier: facts, relationship history, competitors."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Money, Syncable
from kamdesk.models.enums import (
    AccountKind,
    AccountStatus,
    ClientType,
    LossReason,
    RelationshipEventKind,
    TenderResult,
    db_enum,
)


class Account(Syncable, Base):
    __tablename__ = "accounts"
    __table_args__ = (Index("ix_accounts_name", "name"),)

    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(150), default="")
    kind: Mapped[AccountKind] = mapped_column(db_enum(AccountKind), index=True)
    # A chain's pharmacies and a ministry's hospitals point to their parent.
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    inn: Mapped[str] = mapped_column(String(12), default="")
    kpp: Mapped[str] = mapped_column(String(9), default="")
    region: Mapped[str] = mapped_column(String(150), default="")
    city: Mapped[str] = mapped_column(String(150), default="", index=True)
    address: Mapped[str] = mapped_column(String(500), default="")
    latitude: Mapped[float | None] = mapped_column(default=None)
    longitude: Mapped[float | None] = mapped_column(default=None)
    phone: Mapped[str] = mapped_column(String(20), default="")  # E.164
    email: Mapped[str] = mapped_column(String(254), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    client_type: Mapped[ClientType | None] = mapped_column(db_enum(ClientType), index=True)
    status: Mapped[AccountStatus] = mapped_column(
        db_enum(AccountStatus), default=AccountStatus.PROSPECT, index=True
    )
    # The rule of three P: need, ability to pay, authority of the contact.
    qual_need: Mapped[bool] = mapped_column(Boolean, default=False)
    qual_need_note: Mapped[str] = mapped_column(Text, default="")
    qual_pay: Mapped[bool] = mapped_column(Boolean, default=False)
    qual_pay_note: Mapped[str] = mapped_column(Text, default="")
    qual_authority: Mapped[bool] = mapped_column(Boolean, default=False)
    qual_authority_note: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    territory_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("territories.id"))
    # The KAM's own choice whether this is a key client (None: not decided yet); the
    # figures only suggest it (kamdesk.services.key_clients).
    key_client: Mapped[bool | None] = mapped_column(Boolean, default=None)
    # Why a lost client stopped buying, and how the KAM means to win them back.
    loss_reason: Mapped[LossReason | None] = mapped_column(db_enum(LossReason), default=None)
    loss_note: Mapped[str] = mapped_column(Text, default="")
    win_back_means: Mapped[str] = mapped_column(Text, default="")
    # Set when this card was merged into another; the survivor keeps everything.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accounts.id"))


class AccountDossier(Syncable, Base):
    """The four sections of the dossier (field guide §3), one row per account."""

    __tablename__ = "account_dossiers"
    # One per account: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("account_id",)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), unique=True)
    # 1. General information
    activity: Mapped[str] = mapped_column(Text, default="")
    employees: Mapped[int | None] = mapped_column(Integer, default=None)
    beds: Mapped[int | None] = mapped_column(Integer, default=None)
    history: Mapped[str] = mapped_column(Text, default="")
    structure: Mapped[str] = mapped_column(Text, default="")
    environment: Mapped[str] = mapped_column(Text, default="")
    financials: Mapped[str] = mapped_column(Text, default="")
    annual_budget: Mapped[Decimal | None] = mapped_column(Money(), default=None)
    needs: Mapped[str] = mapped_column(Text, default="")
    plans: Mapped[str] = mapped_column(Text, default="")
    worries: Mapped[str] = mapped_column(Text, default="")
    general_notes: Mapped[str] = mapped_column(Text, default="")
    # 2. Relationship history (events are RelationshipEvent rows)
    relationship_stage: Mapped[str] = mapped_column(String(200), default="")
    relationship_outlook: Mapped[str] = mapped_column(Text, default="")
    history_notes: Mapped[str] = mapped_column(Text, default="")
    # 3. Decision-making scheme (people are Contact rows)
    dmu_notes: Mapped[str] = mapped_column(Text, default="")
    # 4. Competitors (companies are AccountCompetitor rows)
    competitors_notes: Mapped[str] = mapped_column(Text, default="")


class RelationshipEvent(Syncable, Base):
    """Something that happened with the account: a delivery, a tender, a complaint."""

    __tablename__ = "relationship_events"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)
    kind: Mapped[RelationshipEventKind] = mapped_column(db_enum(RelationshipEventKind))
    occurred_on: Mapped[date]
    subject: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal | None] = mapped_column(Money(), default=None)
    tender_number: Mapped[str] = mapped_column(String(100), default="")
    tender_result: Mapped[TenderResult | None] = mapped_column(db_enum(TenderResult))
    result_reason: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")  # how a complaint was resolved
    resolved_on: Mapped[date | None] = mapped_column(default=None)


class AccountCompetitor(Syncable, Base):
    """Who else courts this client, with what products and terms."""

    __tablename__ = "account_competitors"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)
    company: Mapped[str] = mapped_column(String(300))
    products: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[str] = mapped_column(Text, default="")
    strength: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    observed_at: Mapped[datetime | None] = mapped_column(default=None)
