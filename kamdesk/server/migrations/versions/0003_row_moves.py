"""Rows moved to another bucket

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 23:50:00

`row_moves`: every row taken to another account's bucket (merging two accounts moves
their contacts, visits and offers), at its office version, so a pull can tell a reader
of the old account who cannot read the new one to remove the row. Before this revision
such moves were refused, so there is nothing to fill in.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "row_moves",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("from_bucket", sa.String(length=80), nullable=False),
        sa.Column("to_bucket", sa.String(length=80), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_row_moves")),
    )
    with op.batch_alter_table("row_moves", schema=None) as batch_op:
        batch_op.create_index("ix_row_moves_version", ["version"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("row_moves", schema=None) as batch_op:
        batch_op.drop_index("ix_row_moves_version")
    op.drop_table("row_moves")
