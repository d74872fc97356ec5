"""Revision 0005 rebuilds `sales_records` leaner: a 0004 store keeps every sales row
(values, times to the microsecond, tombstones) and every change waiting for the office,
and is backed up first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select, text

from kamdesk.models import SalesRecord
from kamdesk.store import migrate, open_store
from kamdesk.store.changelog import soft_delete
from kamdesk.store.engine import make_engine
from tests.services.visit_factories import add_account, add_product

COLUMNS = (
    "id",
    "account_id",
    "product_id",
    "month",
    "quantity",
    "amount",
    "created_at",
    "updated_at",
    "revision",
    "deleted_at",
    "server_version",
)


def sales(store: Any) -> list[tuple[Any, ...]]:
    with store.session() as session:
        rows = session.scalars(
            select(SalesRecord).order_by(SalesRecord.id).execution_options(include_deleted=True)
        ).all()
        return [tuple(getattr(row, name) for name in COLUMNS) for row in rows]


def outbox(path: Path) -> list[tuple[Any, ...]]:
    engine = make_engine(path)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT change_id, entity, entity_id, operation, changes, revision, status "
                "FROM change_log ORDER BY id"
            )
        ).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def store_at_0004_with_sales(path: Path) -> list[tuple[Any, ...]]:
    """A store with sales typed on this laptop (so queued for the office), one edited
    and one withdrawn, taken back to 0004; returns its sales as the ORM read them."""
    store = open_store(path)
    try:
        account = add_account(store)
        products = [add_product(store, f"Препарат {n}") for n in range(3)]
        with store.transaction() as session:
            for n, product in enumerate(products):
                for month in (1, 2):
                    session.add(
                        SalesRecord(
                            account_id=account,
                            product_id=product,
                            month=date(2026, month, 1),
                            quantity=n + month,
                            amount=Decimal("1234.56") * (n + 1),
                        )
                    )
        with store.transaction() as session:
            first, second = session.scalars(select(SalesRecord).order_by(SalesRecord.id)).all()[:2]
            first.quantity += 10
            soft_delete(session, second)
        before = sales(store)
    finally:
        store.close()
    engine = make_engine(path)
    migrate.downgrade(engine, "0004")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0004"
        kinds = connection.execute(text("SELECT DISTINCT typeof(created_at) FROM sales_records"))
        assert kinds.scalars().all() == ["text"]  # as 0004 wrote them
    engine.dispose()
    return before


def test_a_0004_store_keeps_every_sales_row_and_its_outbox(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    before = store_at_0004_with_sales(path)
    queued = outbox(path)
    assert len(before) == 6 and sum(row[9] is not None for row in before) == 1
    assert any(entry[1] == "sales_records" for entry in queued)

    store = open_store(path)
    try:
        assert store.backup_path is not None and store.backup_path.exists()
        after = sales(store)
        assert after == before
        assert all(row[6].tzinfo is not None and row[6].microsecond for row in after)
        assert outbox(path) == queued
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.SCHEMA_HEAD
            indexes = {ix["name"] for ix in inspect(connection).get_indexes("sales_records")}
            assert indexes == {"ix_sales_records_account_id_month", "ix_sales_records_month"}
            kinds = connection.execute(
                text("SELECT DISTINCT typeof(created_at), typeof(updated_at) FROM sales_records")
            )
            assert kinds.all() == [("integer", "integer")]
    finally:
        store.close()


def test_a_sales_row_written_after_0005_reads_back_the_same_moment(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.sqlite")
    try:
        account = add_account(store)
        product = add_product(store)
        moment = datetime(2026, 12, 3, 9, 30, 15, 123456, tzinfo=UTC)
        with store.transaction() as session:
            row = SalesRecord(
                account_id=account,
                product_id=product,
                month=date(2026, 11, 1),
                quantity=3,
                amount=Decimal("10.00"),
            )
            session.add(row)
            session.flush()
            row_id = row.id
        with store.transaction() as session:
            stored = session.get(SalesRecord, row_id)
            assert stored is not None
            stored.created_at = moment
        with store.session() as session:
            again = session.get(SalesRecord, row_id)
            assert again is not None and again.created_at == moment
            assert again.updated_at.tzinfo is not None and again.updated_at > moment
    finally:
        store.close()
