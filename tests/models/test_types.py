"""Money is exact and times are UTC: the column types refuse anything else."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from kamdesk.models import Account, AccountKind, Product, SalesRecord, Visit
from kamdesk.store import Store


def _sale(store: Store, amount: object) -> SalesRecord:
    with store.transaction() as session:
        account = Account(name="Аптека", kind=AccountKind.PHARMACY)
        product = Product(sku="S-1", inn_name="Аторвастатин", trade_name="Аторис")
        session.add_all([account, product])
        session.flush()
        sale = SalesRecord(
            account_id=account.id,
            product_id=product.id,
            month=date(2026, 3, 1),
            quantity=1,
            amount=amount,
        )
        session.add(sale)
    return sale


def test_money_round_trips_to_the_kopeck(store: Store) -> None:
    _sale(store, Decimal("99999999999.99"))
    with store.session() as session:
        assert session.scalars(select(SalesRecord.amount)).one() == Decimal("99999999999.99")


@pytest.mark.parametrize("bad", [Decimal("10.005"), 10.5])
def test_money_refuses_fractions_of_a_kopeck_and_floats(store: Store, bad: object) -> None:
    with pytest.raises(StatementError):
        _sale(store, bad)


def test_times_are_stored_in_utc_and_come_back_aware(store: Store) -> None:
    moscow = timezone(timedelta(hours=3))
    with store.transaction() as session:
        account = Account(name="ГКБ", kind=AccountKind.HOSPITAL)
        session.add(account)
        session.flush()
        session.add(
            Visit(account_id=account.id, starts_at=datetime(2026, 5, 4, 10, 0, tzinfo=moscow))
        )
    with store.session() as session:
        starts_at = session.scalars(select(Visit.starts_at)).one()
    assert starts_at == datetime(2026, 5, 4, 7, 0, tzinfo=UTC)
    assert starts_at.tzinfo is not None


def test_naive_times_are_refused(store: Store) -> None:
    with pytest.raises(StatementError), store.transaction() as session:
        account = Account(name="ГКБ", kind=AccountKind.HOSPITAL)
        session.add(account)
        session.flush()
        session.add(Visit(account_id=account.id, starts_at=datetime(2026, 5, 4, 10, 0)))


def test_keys_are_stored_as_16_bytes_and_come_back_as_uuids(store: Store) -> None:
    sale = _sale(store, Decimal("1.00"))
    with store.engine.connect() as connection:
        raw = connection.exec_driver_sql(
            "SELECT typeof(id), length(id), typeof(account_id), id FROM sales_records"
        ).one()
    assert raw[:3] == ("blob", 16, "blob")
    assert raw[3] == sale.id.bytes
    with store.session() as session:
        loaded = session.get_one(SalesRecord, sale.id)
        assert loaded.id == sale.id and isinstance(loaded.account_id, uuid.UUID)
