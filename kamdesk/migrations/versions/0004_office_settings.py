"""Office settings: the letterhead, validity, discount envelope and tax system as office data

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 12:00:00

Until 0003 these were a laptop setting (app_settings "offers"), so a KAM could widen
their own discount envelope. From 0004 they are rows of `office_settings`, synced
like the catalogue: one row per setting, its id derived from the name (uuid5, as
kamdesk.store.natural_keys does), only managers and admins change them on the office.

What the user typed is moved into the new rows. A laptop that is not enrolled as a
KAM (a solo trial, a manager's or an admin's laptop) queues them as inserts, so they
become the office's rows with the next push; a KAM's laptop keeps them as a local
view only (its push would be refused) until the office's rows arrive. The logo path
and the laptop code stay in app_settings: they belong to the laptop.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# kamdesk.store.natural_keys.NAMESPACE (never changes; copied so revisions never import the app)
NAMESPACE = uuid.UUID("e4814e9c-55d1-503b-9040-dac7558e784a")
OFFICE_NAMES = ("supplier", "envelope", "validity_days", "vat_regime")
LOCAL_SUPPLIER_FIELDS = ("logo_path",)


def upgrade() -> None:
    op.create_table(
        "office_settings",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_settings")),
        sa.UniqueConstraint("name", name=op.f("uq_office_settings_name")),
    )
    _move_laptop_values()


def downgrade() -> None:
    op.drop_table("office_settings")


def _office_values(stored: Any) -> dict[str, Any]:
    if isinstance(stored, str):
        stored = json.loads(stored)
    if not isinstance(stored, dict):
        return {}
    values = {name: stored[name] for name in OFFICE_NAMES if name in stored}
    if isinstance(values.get("supplier"), dict):
        values["supplier"] = {
            key: value
            for key, value in values["supplier"].items()
            if key not in LOCAL_SUPPLIER_FIELDS
        }
    return values


def _move_laptop_values() -> None:
    bind = op.get_bind()
    app_settings = sa.table(
        "app_settings", sa.column("key", sa.String), sa.column("value", sa.JSON)
    )
    stored = bind.execute(
        sa.select(app_settings.c.value).where(app_settings.c.key == "offers")
    ).scalar_one_or_none()
    values = _office_values(stored)
    if not values:
        return
    sync_state = sa.table(
        "sync_state",
        sa.column("id", sa.Integer),
        sa.column("client_id", sa.LargeBinary),
        sa.column("user_role", sa.String),
    )
    state = bind.execute(
        sa.select(sync_state.c.client_id, sync_state.c.user_role).where(sync_state.c.id == 1)
    ).one_or_none()
    queue = state is not None and state.user_role != "kam"
    now = datetime.now(UTC).replace(tzinfo=None)
    office_settings = sa.table(
        "office_settings",
        sa.column("id", sa.LargeBinary),
        sa.column("name", sa.String),
        sa.column("value", sa.JSON),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("revision", sa.Integer),
    )
    change_log = sa.table(
        "change_log",
        sa.column("change_id", sa.LargeBinary),
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.LargeBinary),
        sa.column("operation", sa.String),
        sa.column("changes", sa.JSON),
        sa.column("base", sa.JSON),
        sa.column("revision", sa.Integer),
        sa.column("client_id", sa.LargeBinary),
        sa.column("changed_at", sa.DateTime),
        sa.column("status", sa.String),
        sa.column("attempts", sa.Integer),
        sa.column("last_error", sa.Text),
    )
    for name, value in values.items():
        row_id = uuid.uuid5(NAMESPACE, f"office_settings:{name}")
        bind.execute(
            office_settings.insert().values(
                id=row_id.bytes, name=name, value=value, created_at=now, updated_at=now, revision=1
            )
        )
        if queue:
            assert state is not None
            bind.execute(
                change_log.insert().values(
                    change_id=uuid.uuid4().bytes,
                    entity="office_settings",
                    entity_id=row_id.bytes,
                    operation="insert",
                    changes={"id": row_id.hex, "deleted_at": None, "name": name, "value": value},
                    base={},
                    revision=1,
                    client_id=bytes(state.client_id),
                    changed_at=now,
                    status="pending",
                    attempts=0,
                    last_error="",
                )
            )
