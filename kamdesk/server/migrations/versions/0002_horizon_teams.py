"""The tombstone horizon and versioned team membership

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 18:45:00

`server_state.horizon`: the highest version `kamdesk server purge` removed (0: nothing
purged yet). `team_moves`: every change of a user's manager at its office version, so a
manager's pull sees a KAM who joined or left the team since its cursor. Users moved
before this revision have no move rows: they count as in their team since the start.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("server_state", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("horizon", sa.BigInteger(), server_default="0", nullable=False)
        )
    op.create_table(
        "team_moves",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("from_manager_id", sa.Uuid(), nullable=True),
        sa.Column("to_manager_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_manager_id"], ["users.id"], name=op.f("fk_team_moves_from_manager_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["to_manager_id"], ["users.id"], name=op.f("fk_team_moves_to_manager_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_team_moves_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_moves")),
    )
    with op.batch_alter_table("team_moves", schema=None) as batch_op:
        batch_op.create_index("ix_team_moves_version", ["version"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_moves", schema=None) as batch_op:
        batch_op.drop_index("ix_team_moves_version")
    op.drop_table("team_moves")
    with op.batch_alter_table("server_state", schema=None) as batch_op:
        batch_op.drop_column("horizon")
