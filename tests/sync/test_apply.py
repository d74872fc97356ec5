"""Rows from the office go into the store as the laptop's own types, parents or not
yet, without a trace in the outbox, and never over a change still waiting to be sent."""

from __future__ import annotations

import logging
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from kamdesk.models import (
    Account,
    AccountDossier,
    AccountKind,
    ChangeLogEntry,
    ChangeStatus,
    Contact,
    TextBase,
)
from kamdesk.store import INCLUDE_DELETED, Store
from kamdesk.sync.apply import ApplyLog, apply_rows, remote_session
from kamdesk.sync.outbox import pending_count
from kamdesk.sync.protocol import WireRow, account_bucket


def wire(
    entity: str, row_id: uuid.UUID, bucket_of: uuid.UUID, version: int, **fields: object
) -> WireRow:
    return WireRow(
        entity=entity,
        entity_id=row_id,
        bucket=account_bucket(bucket_of),
        version=version,
        deleted=bool(fields.pop("deleted", False)),
        fields={"id": row_id.hex, **fields},
    )


def apply_page(store: Store, *rows: WireRow) -> int:
    with remote_session(store) as session:
        return apply_rows(session, list(rows), ApplyLog())


def test_a_child_may_arrive_a_page_before_its_parent(store: Store) -> None:
    account_id, contact_id = uuid.uuid4(), uuid.uuid4()
    apply_page(
        store,
        wire("contacts", contact_id, account_id, 7, account_id=account_id.hex, surname="Петров"),
    )
    apply_page(store, wire("accounts", account_id, account_id, 8, name="ГКБ № 5", kind="hospital"))
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.account_id == account_id
        assert session.get(Account, account_id) is not None
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again


def test_values_take_the_column_types_and_nothing_enters_the_outbox(store: Store) -> None:
    account_id, dossier_id = uuid.uuid4(), uuid.uuid4()
    applied = apply_page(
        store,
        wire(
            "account_dossiers",
            dossier_id,
            account_id,
            12,
            account_id=account_id.hex,
            annual_budget="1234567.50",
            beds=420,
            needs="Инсулины",
        ),
        wire("accounts", account_id, account_id, 11, name="ГКБ № 5", kind="hospital", phone=""),
    )
    assert applied == 2
    with store.session() as session:
        dossier = session.get(AccountDossier, dossier_id)
        account = session.get(Account, account_id)
        assert dossier is not None and account is not None
        assert dossier.annual_budget == Decimal("1234567.50") and dossier.beds == 420
        assert account.kind is AccountKind.HOSPITAL and account.server_version == 11
        base = session.get(TextBase, ("account_dossiers", dossier_id, "needs"))
        assert base is not None and (base.text, base.server_version) == ("Инсулины", 12)
        assert pending_count(session) == 0


def test_a_field_waiting_in_the_outbox_keeps_its_local_value(store: Store) -> None:
    with store.transaction() as session:
        account = Account(name="ГКБ № 5", kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
    with store.transaction() as session:  # the office has the new client already
        session.execute(update(ChangeLogEntry).values(status=ChangeStatus.ACKNOWLEDGED))
    with store.transaction() as session:
        loaded = session.get(Account, account.id)
        assert loaded is not None
        loaded.city = "Ржев"  # typed here, not sent yet
    apply_page(
        store,
        wire(
            "accounts",
            account.id,
            account.id,
            5,
            name="ГКБ № 5 им. Боткина",
            city="Тверь",
            kind="hospital",
        ),
    )
    with store.session() as session:
        stored = session.get(Account, account.id)
        assert stored is not None
        assert stored.city == "Ржев"  # the push will merge it on the office
        assert stored.name == "ГКБ № 5 им. Боткина"  # the office's edit arrives
        assert len(session.scalars(select(ChangeLogEntry)).all()) == 2  # nothing added


def test_a_tombstone_from_the_office_deletes_softly(store: Store) -> None:
    account_id = uuid.uuid4()
    apply_page(store, wire("accounts", account_id, account_id, 3, name="ГКБ № 5", kind="hospital"))
    apply_page(
        store,
        wire(
            "accounts",
            account_id,
            account_id,
            4,
            name="ГКБ № 5",
            kind="hospital",
            deleted=True,
            deleted_at="2026-12-01T10:00:00+00:00",
        ),
    )
    with store.session() as session:
        assert session.scalars(select(Account)).all() == []
        kept = session.scalars(select(Account).execution_options(**{INCLUDE_DELETED: True})).one()
        assert kept.deleted_at is not None and kept.deleted_at.year == 2026


def test_names_this_version_does_not_know_are_skipped_and_logged(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    account_id = uuid.uuid4()
    caplog.set_level(logging.WARNING, logger="kamdesk.sync.apply")
    applied = apply_page(
        store,
        wire(
            "accounts",
            account_id,
            account_id,
            3,
            name="ГКБ № 5",
            kind="hospital",
            loyalty_tier="gold",
        ),
        WireRow(
            entity="holograms",
            entity_id=uuid.uuid4(),
            bucket="office",
            version=4,
            deleted=False,
            fields={},
        ),
    )
    assert applied == 1
    assert "accounts.loyalty_tier" in caplog.text and "holograms" in caplog.text
    with store.session() as session:
        assert session.get(Account, account_id) is not None


def test_an_office_row_meeting_a_local_one_on_its_unique_key_waits_in_sync_issues(
    store: Store,
) -> None:
    from kamdesk.models import Product, SyncIssue

    with store.transaction() as session:  # typed here, never accepted by the office
        session.add(Product(sku="ИНС-100", inn_name="Инсулин", trade_name="Инсулакс"))
    office_product = uuid.uuid4()
    row = WireRow(
        entity="products",
        entity_id=office_product,
        bucket="office",
        version=9,
        deleted=False,
        fields={"sku": "ИНС-100", "inn_name": "Инсулин", "trade_name": "Инсулин Офис"},
    )
    for _ in range(2):  # sent again: one issue, and the pull is never stuck
        assert apply_page(store, row) == 0
    with store.session() as session:
        [issue] = session.scalars(select(SyncIssue)).all()
        assert issue.kind == "conflict" and issue.entity_id == office_product
        assert issue.remote_value["trade_name"] == "Инсулин Офис"
        assert [p.trade_name for p in session.scalars(select(Product))] == ["Инсулакс"]


def test_a_stale_office_row_gives_way_to_the_new_one_with_its_key(store: Store) -> None:
    from kamdesk.models import Product

    old, new = uuid.uuid4(), uuid.uuid4()
    fields = {"sku": "ИНС-100", "inn_name": "Инсулин", "trade_name": "Инсулакс"}
    apply_page(
        store,
        WireRow(
            entity="products",
            entity_id=old,
            bucket="office",
            version=3,
            deleted=False,
            fields=fields,
        ),
    )
    applied = apply_page(
        store,
        WireRow(
            entity="products",
            entity_id=new,
            bucket="office",
            version=8,
            deleted=False,
            fields=fields,
        ),
    )
    assert applied == 1
    with store.session() as session:
        assert [p.id for p in session.scalars(select(Product))] == [new]
