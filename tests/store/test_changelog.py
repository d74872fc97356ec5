"""The change log is the sync outbox: every change to a syncable row must be in it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountKind,
    ChangeLogEntry,
    ChangeOperation,
    ChangeStatus,
    Contact,
    Product,
    SalesRecord,
)
from kamdesk.store import (
    APPLYING_REMOTE,
    INCLUDE_DELETED,
    Store,
    TombstoneRequiredError,
    restore,
    soft_delete,
)


def _entries(store: Store) -> list[ChangeLogEntry]:
    with store.session() as session:
        return list(session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id)))


def _add_account(store: Store, **values: object) -> Account:
    with store.transaction() as session:
        account = Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL, **values)
        session.add(account)
    return account


def test_insert_stamps_the_row_and_logs_every_field(store: Store) -> None:
    account = _add_account(store, city="Тверь", inn="6901011234")
    assert account.id is not None and account.revision == 1
    assert account.created_at.tzinfo is not None
    [entry] = _entries(store)
    assert entry.operation == ChangeOperation.INSERT
    assert entry.entity == "accounts" and entry.entity_id == account.id
    assert entry.changes["name"] == "ГБУЗ «ГКБ № 5»"
    assert entry.changes["city"] == "Тверь"
    assert entry.changes["kind"] == "hospital"
    assert entry.changes["status"] == "prospect"  # the default is logged, not left implicit
    assert entry.base == {}
    assert entry.client_id == store.client_id
    assert entry.status == ChangeStatus.PENDING


def test_update_logs_new_and_previous_values_and_bumps_revision(store: Store) -> None:
    account = _add_account(store, city="Тверь")
    with store.transaction() as session:
        loaded = session.get(Account, account.id)
        assert loaded is not None
        loaded.city = "Ржев"
        loaded.name = "ГБУЗ «Ржевская ЦРБ»"
    with store.session() as session:
        stored = session.get(Account, account.id)
        assert stored is not None and stored.revision == 2
    update = _entries(store)[-1]
    assert update.operation == ChangeOperation.UPDATE
    assert update.changes == {"city": "Ржев", "name": "ГБУЗ «Ржевская ЦРБ»"}
    assert update.base == {"city": "Тверь", "name": "ГБУЗ «ГКБ № 5»"}
    assert update.revision == 2


def test_update_of_an_expired_row_still_records_the_base(store: Store) -> None:
    account = _add_account(store, city="Тверь")
    with store.transaction() as session:
        loaded = session.get(Account, account.id)
        assert loaded is not None
        session.expire(loaded)
        loaded.city = "Ржев"
    assert _entries(store)[-1].base == {"city": "Тверь"}


def test_setting_the_same_value_writes_nothing(store: Store) -> None:
    account = _add_account(store, city="Тверь")
    with store.transaction() as session:
        loaded = session.get(Account, account.id)
        assert loaded is not None
        loaded.city = "Тверь"
    assert len(_entries(store)) == 1


def test_soft_delete_keeps_a_tombstone_hidden_from_queries(store: Store) -> None:
    account = _add_account(store)
    with store.transaction() as session:
        loaded = session.get(Account, account.id)
        assert loaded is not None
        soft_delete(session, loaded)
    with store.session() as session:
        assert session.scalars(select(Account)).all() == []
        [tombstone] = session.scalars(
            select(Account).execution_options(**{INCLUDE_DELETED: True})
        ).all()
        assert tombstone.deleted_at is not None and tombstone.revision == 2
    entry = _entries(store)[-1]
    assert entry.operation == ChangeOperation.DELETE
    assert entry.base == {"deleted_at": None}


def test_restore_brings_the_row_back_and_is_logged(store: Store) -> None:
    account = _add_account(store)
    with store.transaction() as session:
        soft_delete(session, session.get_one(Account, account.id))
    with store.transaction() as session:
        tombstone = session.scalars(
            select(Account).execution_options(**{INCLUDE_DELETED: True})
        ).one()
        restore(session, tombstone)
    with store.session() as session:
        assert session.scalars(select(Account)).one().id == account.id
    assert _entries(store)[-1].operation == ChangeOperation.RESTORE


def test_removing_a_syncable_row_is_refused_and_nothing_is_written(store: Store) -> None:
    account = _add_account(store)
    with pytest.raises(TombstoneRequiredError), store.transaction() as session:
        session.delete(session.get_one(Account, account.id))
    with store.session() as session:
        assert session.get(Account, account.id) is not None
    assert len(_entries(store)) == 1


def test_a_failed_transaction_leaves_neither_row_nor_log(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as session:
        session.add(Account(name="Аптека", kind=AccountKind.PHARMACY))
        session.flush()
        raise RuntimeError("the user cancelled half-way")
    assert _entries(store) == []
    with store.session() as session:
        assert session.scalars(select(Account)).all() == []


def test_changes_applied_from_the_office_do_not_go_back_out(store: Store) -> None:
    with store.transaction() as session:
        session.info[APPLYING_REMOTE] = True
        session.add(Account(name="Аптека", kind=AccountKind.PHARMACY))
    assert _entries(store) == []


def test_money_is_logged_exactly_as_text(store: Store) -> None:
    account = _add_account(store)
    with store.transaction() as session:
        product = Product(sku="P-1", inn_name="Метформин", trade_name="Метформин-Тв")
        session.add(product)
        session.flush()
        session.add(
            SalesRecord(
                account_id=account.id,
                product_id=product.id,
                month=date(2026, 1, 1),
                quantity=3,
                amount=Decimal("1234567.89"),
            )
        )
    sale = _entries(store)[-1]
    assert sale.entity == "sales_records"
    assert sale.changes["amount"] == "1234567.89"
    with store.session() as session:
        assert session.scalars(select(SalesRecord)).one().amount == Decimal("1234567.89")


def test_log_order_follows_the_order_of_changes(store: Store) -> None:
    account = _add_account(store)
    with store.transaction() as session:
        session.add(Contact(account_id=account.id, surname="Иванов"))
    with store.transaction() as session:
        session.get_one(Account, account.id).city = "Тверь"
    entries = _entries(store)
    assert [e.entity for e in entries] == ["accounts", "contacts", "accounts"]
    assert [e.id for e in entries] == sorted(e.id for e in entries)
    assert len({e.change_id for e in entries}) == 3


def test_change_ids_are_never_reused_after_acknowledged_rows_are_pruned(store: Store) -> None:
    _add_account(store)
    _add_account(store)
    highest = _entries(store)[-1].id
    with store.transaction() as session:  # the office acknowledged both; they are pruned
        for entry in session.scalars(select(ChangeLogEntry)):
            session.delete(entry)
    assert _entries(store) == []
    _add_account(store)
    [entry] = _entries(store)
    assert entry.id > highest
