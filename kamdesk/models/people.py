"""The KAM profile, the manager above them, and their territory."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Syncable
from kamdesk.models.enums import KamKind, UserRole, db_enum


class Territory(Syncable, Base):
    __tablename__ = "territories"

    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(200), default="")


class User(Syncable, Base):
    """A KAM or a manager. The laptop's own user is named in `sync_state`."""

    __tablename__ = "users"

    surname: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # E.164
    position: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[UserRole] = mapped_column(db_enum(UserRole), default=UserRole.KAM)
    kam_kind: Mapped[KamKind | None] = mapped_column(db_enum(KamKind), default=None)
    territory_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("territories.id"))
    manager_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))

    @property
    def short_name(self) -> str:
        """«Иванов П. С.»"""
        initials = " ".join(f"{part[0]}." for part in (self.name, self.patronymic) if part)
        return f"{self.surname} {initials}".strip()
