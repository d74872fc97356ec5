"""Revision 0002: stored rates become VAT kinds, is_medicine becomes a kind, and back."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from kamdesk.store import migrate
from kamdesk.store.engine import make_engine

NOW = "2025-11-20 09:00:00.000000"
# (sku, is_medicine, rate in hundredths of a percent) as revision 0001 stored them
OLD_PRODUCTS = [
    ("KM-75", 1, 1000),  # a medicine at 10 %
    ("MASK-50", 0, 2000),  # goods at the standard 20 %
    ("EXP-1", 1, 0),  # 0 %
]


def _insert(connection: Connection, table: str, **values: object) -> uuid.UUID:
    """A row as revision 0001 would hold it: the values given, plain fillers for the
    other required columns."""
    row_id = uuid.uuid4()
    values = {"id": row_id.hex, "revision": 1, **values}
    for _, name, kind, not_null, default, _ in connection.exec_driver_sql(
        f"PRAGMA table_info({table})"
    ):
        if name in values or not not_null or default is not None:
            continue
        kind = kind.upper()
        if kind in ("DATETIME", "DATE"):
            values[name] = NOW if kind == "DATETIME" else "2025-11-20"
        elif kind.startswith(("VARCHAR", "TEXT")):
            values[name] = ""
        else:
            values[name] = 0
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)
    return row_id


def _fill_0001(engine: Engine) -> None:
    """Products with a price list and a sent offer line each, as 0001 wrote them."""
    with engine.begin() as connection:
        account = _insert(connection, "accounts", name="ГКБ", kind="hospital", status="active")
        price_list = _insert(connection, "price_lists", name="Прайс", valid_from="2025-01-01")
        offer = _insert(
            connection, "offers", number="КП-2025-X-0001", status="sent", account_id=account.hex
        )
        for position, (sku, medicine, rate) in enumerate(OLD_PRODUCTS, start=1):
            product = _insert(
                connection,
                "products",
                sku=sku,
                trade_name=sku,
                inn_name="мнн",
                is_medicine=medicine,
                vat_rate=rate,
            )
            _insert(
                connection,
                "price_list_items",
                price_list_id=price_list.hex,
                product_id=product.hex,
                price=10000,
            )
            _insert(
                connection,
                "offer_lines",
                offer_id=offer.hex,
                position=position,
                product_id=product.hex,
                quantity=1,
                unit_price=10000,
                vat_rate=rate,
            )


def _products(engine: Engine, columns: str) -> dict[str, tuple[object, ...]]:
    with engine.connect() as connection:
        rows = connection.execute(text(f"SELECT sku, {columns} FROM products")).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_stored_rates_become_vat_kinds_and_come_back(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "vat.sqlite")
    try:
        migrate.upgrade(engine, "0001")
        _fill_0001(engine)

        migrate.upgrade(engine, "0002")
        assert _products(engine, "kind, vat_kind, code_1c") == {
            "KM-75": ("medicine", "reduced", ""),
            "MASK-50": ("other", "standard", ""),  # 22 % on offers dated 2026
            "EXP-1": ("medicine", "zero", ""),
        }
        with engine.begin() as connection:
            # The price lists and offers still point at the products, and sent lines keep
            # the rate they were sent with; a new line may be exempt.
            assert connection.execute(text("SELECT count(*) FROM price_list_items")).scalar() == 3
            rates = connection.execute(text("SELECT vat_rate FROM offer_lines")).scalars().all()
            assert sorted(rates) == [0, 1000, 2000]
            connection.execute(text("UPDATE offer_lines SET vat_rate = NULL WHERE vat_rate = 0"))
            connection.execute(text("UPDATE products SET vat_kind = 'exempt' WHERE sku = 'EXP-1'"))

        migrate.downgrade(engine, "0001")
        assert _products(engine, "is_medicine, vat_rate") == {
            "KM-75": (1, 1000),
            "MASK-50": (0, 2000),
            "EXP-1": (1, 0),  # 0001 knows no exempt: it goes back as 0 %
        }
        with engine.connect() as connection:
            rates = connection.execute(text("SELECT vat_rate FROM offer_lines")).scalars().all()
        assert sorted(rates) == [0, 1000, 2000]
    finally:
        engine.dispose()
