"""VAT as dated data: products get a kind and a VAT kind instead of a fixed rate, and a 1C code

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 07:30:00

A product's stored rate (0, 10 or 20 %) becomes its VAT kind: 20 % (or an old
18 %) is the standard rate, which is 22 % from 01.01.2026; 10 % is the reduced
rate, 0 % stays zero. «Без НДС» used to be stored as 0 %, so nothing becomes
exempt here: the next price list says so. `is_medicine` becomes the product's
kind (a non-medicine becomes "other"; a medical device is told by the next
price list or the catalogue). An offer line keeps the rate it was saved with;
it may now be empty, for an exempt line.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PRODUCT_KINDS = ("medicine", "medical_device", "other")
VAT_KINDS = ("standard", "reduced", "zero", "exempt")


def _product_kind() -> sa.Enum:
    return sa.Enum(*PRODUCT_KINDS, name="productkind", native_enum=False, create_constraint=True)


def _vat_kind() -> sa.Enum:
    return sa.Enum(*VAT_KINDS, name="vatkind", native_enum=False, create_constraint=True)


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("code_1c", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("kind", _product_kind(), nullable=True))
        batch_op.add_column(sa.Column("vat_kind", _vat_kind(), nullable=True))
    # Percentages are stored in hundredths: 1000 is 10 %.
    op.execute(
        "UPDATE products SET "
        "kind = CASE WHEN is_medicine THEN 'medicine' ELSE 'other' END, "
        "vat_kind = CASE WHEN vat_rate = 0 THEN 'zero' WHEN vat_rate = 1000 THEN 'reduced' "
        "ELSE 'standard' END"
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.alter_column("code_1c", existing_type=sa.String(length=50), server_default=None)
        batch_op.alter_column("kind", existing_type=_product_kind(), nullable=False)
        batch_op.alter_column("vat_kind", existing_type=_vat_kind(), nullable=False)
        batch_op.drop_column("is_medicine")
        batch_op.drop_column("vat_rate")
    with op.batch_alter_table("offer_lines", schema=None) as batch_op:
        batch_op.alter_column("vat_rate", existing_type=sa.BIGINT(), nullable=True)


def downgrade() -> None:
    # The old schema has no "exempt": such a line and such a product go back as 0 %.
    op.execute("UPDATE offer_lines SET vat_rate = 0 WHERE vat_rate IS NULL")
    with op.batch_alter_table("offer_lines", schema=None) as batch_op:
        batch_op.alter_column("vat_rate", existing_type=sa.BIGINT(), nullable=False)
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vat_rate", sa.BIGINT(), nullable=True))
        batch_op.add_column(sa.Column("is_medicine", sa.BOOLEAN(), nullable=True))
    op.execute(
        "UPDATE products SET "
        "is_medicine = CASE WHEN kind = 'medicine' THEN 1 ELSE 0 END, "
        "vat_rate = CASE vat_kind WHEN 'standard' THEN 2000 WHEN 'reduced' THEN 1000 ELSE 0 END"
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.alter_column("vat_rate", existing_type=sa.BIGINT(), nullable=False)
        batch_op.alter_column("is_medicine", existing_type=sa.BOOLEAN(), nullable=False)
        batch_op.drop_constraint("vatkind", type_="check")
        batch_op.drop_constraint("productkind", type_="check")
        batch_op.drop_column("vat_kind")
        batch_op.drop_column("kind")
        batch_op.drop_column("code_1c")
