"""The local side of office sync: the outbox (change log), sync state and issues.

See ../shared/design/sync.md. These rows are never synced themselves.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, utcnow
from kamdesk.models.enums import ChangeOperation, ChangeStatus, db_enum


class ChangeLogEntry(Base):
    """One change to one syncable row, written in the transaction that made it.

    `changes` maps each changed field to its new value; `base` maps the same
    fields to the values they had before (the base a three-way merge needs).
    Values are JSON: Decimal as string, datetimes as ISO 8601 UTC, UUIDs as hex.
    """

    __tablename__ = "change_log"
    # AUTOINCREMENT: an id is never handed out twice, even after acknowledged rows
    # are pruned, so the outbox order stays monotonic forever.
    __table_args__ = (
        Index("ix_change_log_status_id", "status", "id"),
        {"sqlite_autoincrement": True},
    )

    # Monotonic local order: the order the server must apply changes in.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID] = mapped_column(index=True)
    operation: Mapped[ChangeOperation] = mapped_column(db_enum(ChangeOperation))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    base: Mapped[dict[str, Any]] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer)
    client_id: Mapped[uuid.UUID]
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[ChangeStatus] = mapped_column(
        db_enum(ChangeStatus), default=ChangeStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(default=None)


class SyncState(Base):
    """A single row: who this laptop is to the office server and how far it got."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    client_id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    user_id: Mapped[uuid.UUID | None] = mapped_column(default=None)  # the laptop's KAM
    server_url: Mapped[str] = mapped_column(String(500), default="")
    server_epoch: Mapped[str] = mapped_column(String(100), default="")
    # The office's opaque pull cursor, handed back unread on the next pull.
    pull_cursor: Mapped[str] = mapped_column(Text, default="")
    last_acknowledged_change: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(default=None)
    # From enrolment: the office's code for this laptop (used in offer numbers),
    # the login, and the user as the office knows them.
    laptop_code: Mapped[str] = mapped_column(String(20), default="")
    login: Mapped[str] = mapped_column(String(100), default="")
    user_name: Mapped[str] = mapped_column(String(300), default="")
    user_role: Mapped[str] = mapped_column(String(20), default="")
    device_name: Mapped[str] = mapped_column(String(200), default="")


class SyncIssue(Base):
    """A conflict or rejection the user must see and resolve; never dropped."""

    __tablename__ = "sync_issues"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(50))  # conflict, rejected, revoked, ...
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID]
    field: Mapped[str] = mapped_column(String(100), default="")
    local_value: Mapped[Any] = mapped_column(JSON, default=None)
    remote_value: Mapped[Any] = mapped_column(JSON, default=None)
    detail: Mapped[str] = mapped_column(Text, default="")
    change_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class TextBase(Base):
    """A long text field as last received from the server, for three-way merges."""

    __tablename__ = "text_bases"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    field: Mapped[str] = mapped_column(String(100), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    server_version: Mapped[int] = mapped_column(BigInteger)
