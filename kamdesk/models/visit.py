"""Visits from plan to report, their checklists, and the follow-ups they create."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Syncable
from kamdesk.models.enums import Sentiment, VisitChannel, VisitStatus, db_enum


class Visit(Syncable, Base):
    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_account_starts", "account_id", "starts_at"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"))
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    # A call is planned, held and reported like a visit, without travel or a place.
    channel: Mapped[VisitChannel] = mapped_column(db_enum(VisitChannel), default=VisitChannel.VISIT)
    duration_min: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(String(500), default="")
    latitude: Mapped[float | None] = mapped_column(default=None)
    longitude: Mapped[float | None] = mapped_column(default=None)
    status: Mapped[VisitStatus] = mapped_column(db_enum(VisitStatus), default=VisitStatus.PLANNED)
    is_commercial: Mapped[bool] = mapped_column(Boolean, default=False)
    objective: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[str] = mapped_column(Text, default="")  # one per line
    materials: Mapped[str] = mapped_column(Text, default="")
    # The negotiation plan of a commercial visit.
    target_result: Mapped[str] = mapped_column(Text, default="")
    walk_away_point: Mapped[str] = mapped_column(Text, default="")
    concessions: Mapped[str] = mapped_column(Text, default="")  # in the order they may be made
    offer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offers.id"))
    travel_override_min: Mapped[int | None] = mapped_column(Integer, default=None)
    rescheduled_from_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visits.id"))
    cancel_reason: Mapped[str] = mapped_column(Text, default="")


class VisitAttendee(Syncable, Base):
    __tablename__ = "visit_attendees"
    __table_args__ = (UniqueConstraint("visit_id", "contact_id"),)
    # One per visit and contact: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("visit_id", "contact_id")

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"))
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contacts.id"), index=True)
    attended: Mapped[bool | None] = mapped_column(Boolean, default=None)
    # False for someone who joined without being planned (added from the report).
    planned: Mapped[bool] = mapped_column(Boolean, default=True)


class VisitProduct(Syncable, Base):
    """A product on the visit's agenda, and whether it was discussed."""

    __tablename__ = "visit_products"
    __table_args__ = (UniqueConstraint("visit_id", "product_id"),)
    # One per visit and product: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("visit_id", "product_id")

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    discussed: Mapped[bool | None] = mapped_column(Boolean, default=None)
    # False for a product that came up without being on the agenda (added from the report).
    planned: Mapped[bool] = mapped_column(Boolean, default=True)


class ChecklistItemState(Syncable, Base):
    """A reminder of the pre-meeting checklist the KAM confirmed (or not)."""

    __tablename__ = "checklist_item_states"
    __table_args__ = (UniqueConstraint("visit_id", "item_key"),)
    # One per visit and checklist item: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("visit_id", "item_key")

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"))
    item_key: Mapped[str] = mapped_column(String(100))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class VisitReport(Syncable, Base):
    __tablename__ = "visit_reports"
    # One per visit: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("visit_id",)

    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"), unique=True)
    actual_start: Mapped[datetime | None] = mapped_column(default=None)
    actual_duration_min: Mapped[int | None] = mapped_column(Integer, default=None)
    objective_reached: Mapped[bool | None] = mapped_column(Boolean, default=None)
    outcome: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    objections_heard: Mapped[str] = mapped_column(Text, default="")  # one per line
    questions_asked: Mapped[str] = mapped_column(Text, default="")
    sentiment: Mapped[Sentiment | None] = mapped_column(db_enum(Sentiment), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)


class VisitReportAddendum(Syncable, Base):
    """A dated correction to a submitted report: reports are never rewritten."""

    __tablename__ = "visit_report_addenda"

    report_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visit_reports.id"), index=True)
    text: Mapped[str] = mapped_column(Text)


class FollowUpTask(Syncable, Base):
    __tablename__ = "follow_up_tasks"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visits.id"))
    offer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offers.id"))
    title: Mapped[str] = mapped_column(String(500))
    details: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(default=None, index=True)
    done_at: Mapped[datetime | None] = mapped_column(default=None)
    # Order of the next steps within the visit report that created the task.
    position: Mapped[int] = mapped_column(Integer, default=0)
