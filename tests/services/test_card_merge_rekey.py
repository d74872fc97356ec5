"""After a merge, the survivor's one-per-parent rows carry the survivor's derived ids, so
the office's next figure for a month lands in the same row instead of a second one."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select, update

from kamdesk.models import AccountDossier, ChangeLogEntry, ChangeStatus, SalesRecord
from kamdesk.services.card import Entity, merge_accounts, set_field
from kamdesk.store import INCLUDE_DELETED, Store
from kamdesk.store.natural_keys import natural_id
from kamdesk.sync.apply import ApplyLog, apply_rows, remote_session
from kamdesk.sync.protocol import WireRow, account_bucket
from kamdesk.vocabulary import ChangeOperation
from tests.services.card_factories import add_sales, make_account, make_product

JANUARY, FEBRUARY = date(2026, 1, 1), date(2026, 2, 1)
_KEY = ("account_id", "product_id", "month")


def _sales_id(account: uuid.UUID, product: uuid.UUID, month: date) -> uuid.UUID:
    found = natural_id(
        "sales_records", _KEY, {"account_id": account, "product_id": product, "month": month}
    )
    assert found is not None
    return found


def _live_sales(store: Store, account: uuid.UUID) -> list[tuple[date, int, Decimal]]:
    with store.session() as session:
        rows = session.scalars(select(SalesRecord).where(SalesRecord.account_id == account))
        return sorted((row.month, row.quantity, row.amount) for row in rows)


def _import_from_office(
    store: Store, account: uuid.UUID, product: uuid.UUID, month: date, amount: str, qty: int
) -> None:
    """The office's sales import for this account, product and month, as a pull brings it."""
    row_id = _sales_id(account, product, month)
    fields = {
        "id": row_id.hex,
        "account_id": account.hex,
        "product_id": product.hex,
        "month": month.isoformat(),
        "quantity": qty,
        "amount": amount,
    }
    row = WireRow(
        entity="sales_records",
        entity_id=row_id,
        bucket=account_bucket(account),
        version=50,
        deleted=False,
        fields=fields,
    )
    with remote_session(store) as session:
        apply_rows(session, [row], ApplyLog())


def _everything_sent(store: Store) -> None:
    """The merge reached the office: nothing waits, so a pulled row is taken as it is."""
    with store.transaction() as session:
        session.execute(update(ChangeLogEntry).values(status=ChangeStatus.ACKNOWLEDGED))


def test_merged_sales_are_one_row_per_month_and_a_new_import_updates_it(store: Store) -> None:
    survivor, duplicate = make_account(store, "ГБУЗ «ОКБ»"), make_account(store, "ОКБ Твери")
    product = make_product(store)
    add_sales(store, survivor, product, JANUARY, "1000.00", 10)
    add_sales(store, duplicate, product, JANUARY, "250.50", 3)
    add_sales(store, duplicate, product, FEBRUARY, "400.00", 4)  # only the duplicate has it

    merge_accounts(store, survivor, duplicate)

    assert _live_sales(store, survivor) == [
        (JANUARY, 13, Decimal("1250.50")),
        (FEBRUARY, 4, Decimal("400.00")),
    ]
    assert _live_sales(store, duplicate) == []
    with store.session() as session:
        ids = set(session.scalars(select(SalesRecord.id).where(SalesRecord.account_id == survivor)))
        log = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.entity == "sales_records")
        ).all()
    assert ids == {_sales_id(survivor, product, m) for m in (JANUARY, FEBRUARY)}
    outbox = {(entry.entity_id, entry.operation) for entry in log}
    for month in (JANUARY, FEBRUARY):  # the duplicate's rows are withdrawn on the office too
        assert (_sales_id(duplicate, product, month), ChangeOperation.DELETE) in outbox
    assert (_sales_id(survivor, product, JANUARY), ChangeOperation.UPDATE) in outbox
    assert (_sales_id(survivor, product, FEBRUARY), ChangeOperation.INSERT) in outbox
    sum_entry = next(
        e
        for e in log
        if e.entity_id == _sales_id(survivor, product, JANUARY)
        and e.operation is ChangeOperation.UPDATE
    )
    assert sum_entry.changes["amount"] == "1250.50" and sum_entry.base["amount"] == "1000.00"

    _everything_sent(store)
    _import_from_office(store, survivor, product, JANUARY, "1300.00", 14)
    _import_from_office(store, survivor, product, FEBRUARY, "450.00", 5)

    assert _live_sales(store, survivor) == [
        (JANUARY, 14, Decimal("1300.00")),
        (FEBRUARY, 5, Decimal("450.00")),
    ]


def test_a_merged_dossier_is_the_survivors_own_row(store: Store) -> None:
    survivor, duplicate = make_account(store, "ГБУЗ «ОКБ»"), make_account(store, "ОКБ Твери")
    set_field(store, Entity.DOSSIER, duplicate, "needs", "Антибиотики резерва")

    merge_accounts(store, survivor, duplicate)
    set_field(store, Entity.DOSSIER, survivor, "beds", "600")  # edited again after the merge

    with store.session() as session:
        rows = session.scalars(
            select(AccountDossier).execution_options(**{INCLUDE_DELETED: True})
        ).all()
    live = [row for row in rows if row.deleted_at is None]
    assert len(live) == 1
    expected = natural_id("account_dossiers", ("account_id",), {"account_id": survivor})
    assert live[0].id == expected and live[0].account_id == survivor
    assert (live[0].needs, live[0].beds) == ("Антибиотики резерва", 600)
    gone = [row for row in rows if row.deleted_at is not None]
    assert [row.account_id for row in gone] == [duplicate]
