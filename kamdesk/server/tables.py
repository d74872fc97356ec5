"""The office database: its own tables, with their own Alembic history.

Order and versions live here, not in a process: every push transaction bumps
`server_state.version` once (a row lock on PostgreSQL), so a pull that reads the
committed counter never skips a version that commits late, and several workers
can serve one office.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Json = JSON().with_variant(JSONB(), "postgresql")
# Server times are the server's clock in UTC, timezone-aware.
Time = DateTime(timezone=True)

server_state = Table(
    "server_state",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1
    # A new epoch when the database is restored from a backup: laptops reset their cursor.
    Column("epoch", String(64), nullable=False),
    Column("version", BigInteger, nullable=False, default=0),
    Column("created_at", Time, nullable=False),
    # The tombstone horizon: the highest version `kamdesk server purge` removed. A cursor
    # below it may have missed a deletion the office no longer holds, so it gets `reset`.
    Column("horizon", BigInteger, nullable=False, default=0, server_default="0"),
)

users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("login", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),  # kam | manager | admin
    Column("name", String(300), nullable=False),  # «Фамилия Имя Отчество»
    Column("manager_id", Uuid, ForeignKey("users.id"), nullable=True),
    Column("password_hash", String(300), nullable=False),  # argon2
    Column("created_at", Time, nullable=False),
    Column("disabled_at", Time, nullable=True),
)

# One row per enrolled laptop: its token, its laptop code and how far its pushes got.
clients = Table(
    "clients",
    metadata,
    Column("id", Uuid, primary_key=True),  # the laptop's client id
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False, index=True),
    Column("token_hash", String(128), nullable=False, unique=True),  # sha256 of the token
    Column("device_name", String(200), nullable=False, default=""),
    Column("laptop_code", String(20), nullable=False, unique=True),
    Column("last_seq", BigInteger, nullable=False, default=0),
    Column("enrolled_at", Time, nullable=False),
    Column("last_seen_at", Time, nullable=True),
    Column("revoked_at", Time, nullable=True),
)

# Which user sees which bucket, from which version and until which. A bucket is
# "account:<hex>" or "office" (see kamdesk.sync.protocol). A manager sees the
# buckets granted to the KAMs whose manager they are; an admin sees every bucket.
grants = Table(
    "grants",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False),
    Column("bucket", String(80), nullable=False),
    Column("granted_version", BigInteger, nullable=False),
    Column("revoked_version", BigInteger, nullable=True),
    Index("ix_grants_user_bucket", "user_id", "bucket"),
    Index("ix_grants_bucket", "bucket"),
)

# Every change of a user's manager, at the office version it happened: a manager reads
# through the team they had at a version (see visibility.team_at), so a pull can tell
# whose accounts joined or left the team since its cursor, as it does for grants.
# `users.manager_id` stays the current manager; users never moved have no row here.
team_moves = Table(
    "team_moves",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False),
    Column("from_manager_id", Uuid, ForeignKey("users.id"), nullable=True),
    Column("to_manager_id", Uuid, ForeignKey("users.id"), nullable=True),
    Column("version", BigInteger, nullable=False),
    Index("ix_team_moves_version", "version"),
)

# The office's current state of every synced row (one document per row).
rows = Table(
    "rows",
    metadata,
    Column("entity", String(64), primary_key=True),
    Column("entity_id", Uuid, primary_key=True),
    Column("bucket", String(80), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("data", Json, nullable=False),
    Column("updated_by", Uuid, ForeignKey("users.id"), nullable=True),
    Column("updated_by_client", Uuid, nullable=True),
    Column("updated_at", Time, nullable=False),
    # Who last wrote each field ({field: {"user": hex, "client": hex, "at": ISO}}): a later
    # edit made on an older base is told whose value it replaced (FieldNote.by).
    Column("field_authors", Json, nullable=True),
    Index("ix_rows_bucket_version", "bucket", "version"),
    # The pull's page order (keyset: version, entity, entity_id), so a page never sorts
    # every remaining row of a territory seeded at one version.
    Index("ix_rows_version", "version", "entity", "entity_id"),
)

# Every move of a row to another bucket (a contact, visit or offer taken to another
# account, as merging two accounts does), at the office version it happened. A reader
# of the old bucket who cannot read the new one is told to take the row off their laptop
# (pull.py); its children move with it and are not listed. Never purged: it is small.
row_moves = Table(
    "row_moves",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("entity", String(64), nullable=False),
    Column("entity_id", Uuid, nullable=False),
    Column("from_bucket", String(80), nullable=False),
    Column("to_bucket", String(80), nullable=False),
    Column("version", BigInteger, nullable=False),
    Index("ix_row_moves_version", "version"),
)

# Every change ever received, with its outcome: a replay returns the stored outcome.
applied_changes = Table(
    "applied_changes",
    metadata,
    Column("change_id", Uuid, primary_key=True),
    Column("client_id", Uuid, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("user_id", Uuid, nullable=False),
    Column("entity", String(64), nullable=False),
    Column("entity_id", Uuid, nullable=False),
    Column("outcome", Json, nullable=False),  # a protocol.ChangeOutcome
    Column("payload", Json, nullable=True),  # the change as received, kept when rejected
    Column("received_at", Time, nullable=False),
    UniqueConstraint("client_id", "seq", name="uq_applied_changes_client_seq"),
)

# Append-only: every long text submitted, before it is merged.
text_revisions = Table(
    "text_revisions",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("entity", String(64), nullable=False),
    Column("entity_id", Uuid, nullable=False),
    Column("field", String(100), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("text", Text, nullable=False),
    Column("user_id", Uuid, nullable=True),
    Column("client_id", Uuid, nullable=True),
    Column("received_at", Time, nullable=False),
    Index("ix_text_revisions_row", "entity", "entity_id", "field"),
)

# For rate-limiting logins: failed attempts per login and address.
login_failures = Table(
    "login_failures",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("login", String(100), nullable=False),
    Column("address", String(100), nullable=False, default=""),
    Column("at", Time, nullable=False),
    Index("ix_login_failures_login_at", "login", "at"),
)
