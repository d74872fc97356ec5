"""Lean sales records: the indexes the queries use, times as integer microseconds

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 13:00:00

`sales_records` is about half of a big store. Its UNIQUE (account_id, product_id,
month) repeated what the primary key already guarantees (the id is uuid5 of that
natural key, see kamdesk.store.natural_keys), and no query looks sales up by
product: both go, and an index on (account_id, month) serves the card, the brief,
the client list's status and the merge of duplicates instead. `created_at` and
`updated_at` become integer microseconds since 1970 UTC (kamdesk.models.sales,
UTCMicroseconds): 8 bytes instead of 26 characters a row each. They never travel
(the wire leaves them out), so the office sees no change.

The table is rebuilt (SQLite cannot change a column's type in place): every row
is copied with the same id, values and tombstone; the change log is not touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COPIED = "account_id, product_id, month, quantity, amount, id, revision, deleted_at, server_version"
# 'YYYY-MM-DD HH:MM:SS.ffffff' (SQLAlchemy's SQLite DATETIME, naive UTC) <-> microseconds
_TO_MICROSECONDS = (
    "(CAST(strftime('%s', substr({0}, 1, 19)) AS INTEGER) * 1000000"
    " + CAST(coalesce(nullif(substr({0}, 21, 6), ''), '0') AS INTEGER))"
)
_TO_TEXT = (
    "(strftime('%Y-%m-%d %H:%M:%S', {0} / 1000000, 'unixepoch')"
    " || '.' || substr('000000' || ({0} % 1000000), -6, 6))"
)


def _create(name: str, time_type: sa.types.TypeEngine[Any], *, unique: bool) -> None:
    constraints: list[sa.schema.SchemaItem] = [
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_sales_records_account_id_accounts"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_sales_records_product_id_products"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sales_records"),
    ]
    if unique:
        constraints.append(
            sa.UniqueConstraint(
                "account_id", "product_id", "month", name="uq_sales_records_account_id"
            )
        )
    op.create_table(
        name,
        sa.Column("account_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("product_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("created_at", time_type, nullable=False),
        sa.Column("updated_at", time_type, nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        *constraints,
    )


def _rebuild(time_type: sa.types.TypeEngine[Any], convert: str, *, unique: bool) -> None:
    _create("_sales_records_new", time_type, unique=unique)
    op.execute(
        f"INSERT INTO _sales_records_new ({COPIED}, created_at, updated_at) "
        f"SELECT {COPIED}, {convert.format('created_at')}, {convert.format('updated_at')} "
        "FROM sales_records ORDER BY account_id, month"
    )
    op.drop_table("sales_records")  # its indexes go with it
    op.rename_table("_sales_records_new", "sales_records")


def upgrade() -> None:
    _rebuild(sa.BigInteger(), _TO_MICROSECONDS, unique=False)
    op.create_index("ix_sales_records_account_id_month", "sales_records", ["account_id", "month"])
    op.create_index("ix_sales_records_month", "sales_records", ["month"])


def downgrade() -> None:
    _rebuild(sa.DateTime(), _TO_TEXT, unique=True)
    op.create_index("ix_sales_records_month", "sales_records", ["month"])
    op.create_index("ix_sales_records_product_id", "sales_records", ["product_id"])
