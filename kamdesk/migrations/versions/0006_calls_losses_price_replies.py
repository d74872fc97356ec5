"""Calls, loss reasons and win-back, the key-client choice, payment deferral, price replies

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 15:00:00

- `visits.channel`: a call is planned, held and reported like a visit (field guide: the
  plan of visits and calls); every existing row is a visit.
- `accounts.key_client`: the KAM's own choice (NULL: not decided); the figures only
  suggest it. `loss_reason`, `loss_note`, `win_back_means`: why a lost client left and
  how the KAM means to win them back.
- `accounts.kind` gains `insurance_fund` (ТФОМС/ФОМС), until now filed as a health
  authority. SQLite cannot change a CHECK constraint in place, so the table is rebuilt
  with every row, id and tombstone kept; the change log is not touched.
- `offers.payment_deferral_days`: deferral as a term checked against the envelope;
  `purpose`, `price_request_number`, `price_request_date`: a reply to a state
  customer's price request (44-ФЗ, the НМЦК justification).

A laptop of 0005 or older cannot store the new account kind, so the office accepts
only 0006 laptops from now on (kamdesk.server.compat); an older one is told to update
and keeps its outbox.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS_0005 = ("hospital", "pharmacy_chain", "pharmacy", "distributor", "health_authority", "other")
_KINDS_0006 = (*_KINDS_0005[:-1], "insurance_fund", "other")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def upgrade() -> None:
    with op.batch_alter_table("accounts", recreate="always") as batch_op:
        batch_op.alter_column(
            "kind",
            existing_type=_enum("accountkind", *_KINDS_0005),
            type_=_enum("accountkind", *_KINDS_0006),
            nullable=False,
        )
        batch_op.add_column(sa.Column("key_client", sa.Boolean(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "loss_reason",
                _enum(
                    "lossreason",
                    "service",
                    "quality",
                    "broken_promises",
                    "opinion_ignored",
                    "forgotten",
                    "other",
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("loss_note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("win_back_means", sa.Text(), nullable=False, server_default="")
        )
    with op.batch_alter_table("offers") as batch_op:
        batch_op.add_column(
            sa.Column(
                "purpose",
                _enum("offerpurpose", "commercial", "price_reply"),
                nullable=False,
                server_default="commercial",
            )
        )
        batch_op.add_column(
            sa.Column(
                "price_request_number", sa.String(length=100), nullable=False, server_default=""
            )
        )
        batch_op.add_column(sa.Column("price_request_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("payment_deferral_days", sa.Integer(), nullable=True))
    with op.batch_alter_table("visits") as batch_op:
        batch_op.add_column(
            sa.Column(
                "channel",
                _enum("visitchannel", "visit", "call"),
                nullable=False,
                server_default="visit",
            )
        )


def downgrade() -> None:
    # A rebuilt table keeps its named CHECK constraints: each goes before its column.
    with op.batch_alter_table("visits") as batch_op:
        batch_op.drop_constraint("visitchannel", type_="check")
        batch_op.drop_column("channel")
    with op.batch_alter_table("offers") as batch_op:
        for column in ("payment_deferral_days", "price_request_date", "price_request_number"):
            batch_op.drop_column(column)
        batch_op.drop_constraint("offerpurpose", type_="check")
        batch_op.drop_column("purpose")
    # Kinds 0005 cannot store go back to what they were filed as before.
    op.execute("UPDATE accounts SET kind = 'health_authority' WHERE kind = 'insurance_fund'")
    with op.batch_alter_table("accounts", recreate="always") as batch_op:
        batch_op.drop_constraint("lossreason", type_="check")
        for column in ("win_back_means", "loss_note", "loss_reason", "key_client"):
            batch_op.drop_column(column)
        batch_op.alter_column(
            "kind",
            existing_type=_enum("accountkind", *_KINDS_0006),
            type_=_enum("accountkind", *_KINDS_0005),
            nullable=False,
        )
