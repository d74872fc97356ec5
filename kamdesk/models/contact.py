"""People at an account: their role in the decision-making unit and what they are like.

Personal details live in their own table so that exports for managers can
leave them out wholesale, and so that consent can be enforced in one place.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Syncable
from kamdesk.models.enums import Attitude, DmuRole, Psychotype, db_enum


class Contact(Syncable, Base):
    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_surname", "surname"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)
    surname: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100), default="")
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    form_of_address: Mapped[str] = mapped_column(String(200), default="")  # «Пётр Сергеевич»
    position: Mapped[str] = mapped_column(String(300), default="")
    department: Mapped[str] = mapped_column(String(300), default="")
    phone_work: Mapped[str] = mapped_column(String(20), default="")  # E.164
    phone_mobile: Mapped[str] = mapped_column(String(20), default="")  # E.164
    email: Mapped[str] = mapped_column(String(254), default="")
    dmu_role: Mapped[DmuRole | None] = mapped_column(db_enum(DmuRole))
    influence: Mapped[int | None] = mapped_column(Integer)  # 1..5
    attitude: Mapped[Attitude | None] = mapped_column(db_enum(Attitude))
    psychotype: Mapped[Psychotype | None] = mapped_column(db_enum(Psychotype))
    is_kol: Mapped[bool] = mapped_column(Boolean, default=False)
    reports_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contacts.id"))
    # Where the KAM placed this person on the decision-making map (None = automatic).
    map_x: Mapped[float | None] = mapped_column(default=None)
    map_y: Mapped[float | None] = mapped_column(default=None)
    # Consent to personal-data processing (152-ФЗ); personal details need it.
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    @property
    def full_name(self) -> str:
        """«Иванов Пётр Сергеевич»"""
        return " ".join(part for part in (self.surname, self.name, self.patronymic) if part)


class ContactPersonal(Syncable, Base):
    """Personal details that widen communication (field guide §3)."""

    __tablename__ = "contact_personal"
    # One per contact: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("contact_id",)

    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contacts.id"), unique=True)
    birthday: Mapped[date | None] = mapped_column(default=None)
    education: Mapped[str] = mapped_column(Text, default="")
    previous_jobs: Mapped[str] = mapped_column(Text, default="")
    military_service: Mapped[str] = mapped_column(Text, default="")
    family: Mapped[str] = mapped_column(Text, default="")
    hobbies: Mapped[str] = mapped_column(Text, default="")
    current_concerns: Mapped[str] = mapped_column(Text, default="")
    smoking: Mapped[str] = mapped_column(String(200), default="")
    alcohol: Mapped[str] = mapped_column(String(200), default="")
    food_preferences: Mapped[str] = mapped_column(String(500), default="")
    topics_to_avoid: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
