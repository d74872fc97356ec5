"""Natural order of names in the client list: «Аптека № 2» before «Аптека № 10»

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 16:00:00

- `account_stats.sort_name`: the name folded as for search (case, ё→е) with every run
  of digits zero-padded (kamdesk.textfold.natural_key); the client list orders by it
  in SQL, a page at a time. The account's id follows (after char(1), below any
  character of a name), so two equal names keep one order and the list needs no
  other ORDER BY term: the index alone gives the page. Filled here for the rows
  there are; kept by kamdesk.store.derived from then on.
- `ix_account_stats_list` walks `sort_name` instead of `name`.

Local cache only: nothing changes on the wire, the office accepts 0006 and 0007
laptops alike (kamdesk.server.compat).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kamdesk.textfold import natural_key

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FILTERED = ("search_text", "archived", "kind", "client_type", "status", "abc_class")
_CHUNK = 5_000


def upgrade() -> None:
    # No batch rebuild: the full-text index's triggers hang on this table.
    op.add_column(
        "account_stats",
        sa.Column("sort_name", sa.String(length=400), nullable=False, server_default=""),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT row_no, name FROM account_stats")).all()
    update = sa.text(
        "UPDATE account_stats SET sort_name = :sort_name || char(1) || hex(account_id) "
        "WHERE row_no = :row_no"
    )
    for start in range(0, len(rows), _CHUNK):
        bind.execute(
            update,
            [
                {"row_no": row_no, "sort_name": natural_key(name)}
                for row_no, name in rows[start : start + _CHUNK]
            ],
        )
    op.drop_index("ix_account_stats_list", table_name="account_stats")
    op.create_index(
        "ix_account_stats_list",
        "account_stats",
        ["sort_name", *_FILTERED, "dossier_score"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_account_stats_list", table_name="account_stats")
    op.create_index(
        "ix_account_stats_list",
        "account_stats",
        ["name", *_FILTERED, "dossier_score"],
        unique=False,
    )
    op.drop_column("account_stats", "sort_name")
