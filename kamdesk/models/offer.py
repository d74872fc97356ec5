"""Commercial offers («КП»): lines, addressees, team, annexes and status history."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Money, Percent, Syncable
from kamdesk.models.enums import OfferPurpose, OfferStatus, db_enum


class Offer(Syncable, Base):
    __tablename__ = "offers"
    __table_args__ = (UniqueConstraint("number", "edition"),)
    # A new edition is one per previous edition: its id is derived from it, so two
    # laptops editing the same sent offer make the same edition (a first edition,
    # without a previous one, keeps a random id). See kamdesk.store.natural_keys.
    __natural_key__: ClassVar[tuple[str, ...]] = ("previous_edition_id", "edition")

    number: Mapped[str] = mapped_column(String(50), index=True)  # «КП-2026-0042»
    # Editing a sent offer makes a new edition; old editions stay readable.
    edition: Mapped[int] = mapped_column(Integer, default=1)
    previous_edition_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offers.id"))
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[OfferStatus] = mapped_column(db_enum(OfferStatus), default=OfferStatus.DRAFT)
    purpose: Mapped[OfferPurpose] = mapped_column(
        db_enum(OfferPurpose), default=OfferPurpose.COMMERCIAL
    )
    # The state customer's price request this offer answers (purpose PRICE_REPLY).
    price_request_number: Mapped[str] = mapped_column(String(100), default="")
    price_request_date: Mapped[date | None] = mapped_column(default=None)
    offer_date: Mapped[date]
    valid_until: Mapped[date]
    delivery_terms: Mapped[str] = mapped_column(Text, default="")
    payment_terms: Mapped[str] = mapped_column(Text, default="")
    # Days of payment deferral offered, checked against the office's envelope like a discount.
    payment_deferral_days: Mapped[int | None] = mapped_column(Integer, default=None)
    benefit: Mapped[str] = mapped_column(Text, default="")
    exclusivity: Mapped[str] = mapped_column(Text, default="")
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_by: Mapped[str] = mapped_column(String(300), default="")
    approved_at: Mapped[datetime | None] = mapped_column(default=None)
    # Approval through the office: "" (none asked), "requested", "approved", "rejected".
    approval_status: Mapped[str] = mapped_column(String(20), default="")
    approval_comment: Mapped[str] = mapped_column(Text, default="")
    approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    approval_requested_at: Mapped[datetime | None] = mapped_column(default=None)


class OfferLine(Syncable, Base):
    __tablename__ = "offer_lines"

    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offers.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money())  # without VAT
    discount_pct: Mapped[Decimal] = mapped_column(Percent(), default=Decimal(0))
    # The rate in force on the offer's date when it was saved; None: exempt («без НДС»).
    vat_rate: Mapped[Decimal | None] = mapped_column(Percent())


class OfferAddressee(Syncable, Base):
    """A reader of the offer and the emphasis the arguments take for them."""

    __tablename__ = "offer_addressees"
    __table_args__ = (UniqueConstraint("offer_id", "contact_id"),)
    # One per offer and contact: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("offer_id", "contact_id")

    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offers.id"))
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contacts.id"))
    arguments: Mapped[str] = mapped_column(Text, default="")


class OfferTeamMember(Syncable, Base):
    __tablename__ = "offer_team_members"

    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offers.id"), index=True)
    position_in_list: Mapped[int] = mapped_column(Integer, default=0)
    full_name: Mapped[str] = mapped_column(String(300))
    job_title: Mapped[str] = mapped_column(String(300), default="")
    contacts: Mapped[str] = mapped_column(String(500), default="")


class OfferAnnex(Syncable, Base):
    """A PDF appended to the offer; the file lives in the attachments folder."""

    __tablename__ = "offer_annexes"

    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offers.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), default="")


class OfferStatusChange(Syncable, Base):
    __tablename__ = "offer_status_changes"

    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("offers.id"), index=True)
    from_status: Mapped[OfferStatus | None] = mapped_column(db_enum(OfferStatus))
    to_status: Mapped[OfferStatus] = mapped_column(db_enum(OfferStatus))
    changed_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")
