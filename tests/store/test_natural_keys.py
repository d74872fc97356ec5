"""Rows that exist once per parent get the same id on every laptop, and come back when
made again after a delete."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountDossier,
    AccountKind,
    ChangeLogEntry,
    ChangeOperation,
    Product,
    SalesRecord,
)
from kamdesk.store import INCLUDE_DELETED, Store, open_store, soft_delete
from kamdesk.store.natural_keys import NAMESPACE, find_or_restore, natural_id

ACCOUNT = uuid.UUID("3992967b-37e7-45ad-af52-69cfc2f0d5d7")
PRODUCT = uuid.UUID("00000000-0000-4000-8000-0000000000aa")


@pytest.fixture
def laptops(tmp_path: Path, migrated_template: Path) -> Iterator[tuple[Store, Store]]:
    """Two laptops that both received the same account and product from the office."""
    stores = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite"
        shutil.copyfile(migrated_template, path)
        store = open_store(path)
        with store.transaction() as session:
            session.add(Account(id=ACCOUNT, name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL))
            session.add(Product(id=PRODUCT, sku="KM-75", inn_name="мнн", trade_name="Кардио"))
        stores.append(store)
    yield stores[0], stores[1]
    for store in stores:
        store.close()


def test_two_laptops_making_the_same_dossier_give_it_the_same_id(
    laptops: tuple[Store, Store],
) -> None:
    ids = []
    for store in laptops:
        with store.transaction() as session:
            dossier = AccountDossier(account_id=ACCOUNT, needs="тендер")
            session.add(dossier)
        ids.append(dossier.id)
    assert ids[0] == ids[1]
    # The documented derivation, so anything else (a tool, a test) can compute it too.
    assert ids[0] == uuid.uuid5(NAMESPACE, f"account_dossiers:{ACCOUNT.hex}")
    # ... and the change log sends that id to the office.
    with laptops[0].session() as session:
        entry = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.entity == "account_dossiers")
        ).one()
    assert entry.entity_id == ids[0] and entry.changes["id"] == ids[0].hex


def test_sales_of_one_account_product_and_month_share_an_id(laptops: tuple[Store, Store]) -> None:
    ids = set()
    for store in laptops:
        with store.transaction() as session:
            sale = SalesRecord(
                account_id=ACCOUNT,
                product_id=PRODUCT,
                month=date(2026, 3, 1),
                quantity=5,
                amount=Decimal("100.00"),
            )
            session.add(sale)
        ids.add(sale.id)
    key = {"account_id": ACCOUNT, "product_id": PRODUCT, "month": date(2026, 3, 1)}
    assert ids == {natural_id("sales_records", tuple(key), key)}
    other_month = {**key, "month": date(2026, 4, 1)}
    assert natural_id("sales_records", tuple(key), other_month) not in ids


def test_a_row_with_an_explicit_other_id_is_refused(laptops: tuple[Store, Store]) -> None:
    store = laptops[0]
    with pytest.raises(ValueError, match="derived"), store.transaction() as session:
        session.add(AccountDossier(id=uuid.uuid4(), account_id=ACCOUNT))


def test_making_a_deleted_dossier_again_restores_it(laptops: tuple[Store, Store]) -> None:
    store = laptops[0]
    with store.transaction() as session:
        dossier = AccountDossier(account_id=ACCOUNT, needs="тендер")
        session.add(dossier)
    with store.transaction() as session:
        soft_delete(session, session.get_one(AccountDossier, dossier.id))
    with store.transaction() as session:
        again = find_or_restore(session, AccountDossier, account_id=ACCOUNT)
        again.plans = "закупка в мае"
    assert again.id == dossier.id
    with store.session() as session:
        rows = session.scalars(
            select(AccountDossier).execution_options(**{INCLUDE_DELETED: True})
        ).all()
        last = session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id.desc())).first()
    assert [(r.id, r.deleted_at, r.needs, r.plans) for r in rows] == [
        (dossier.id, None, "тендер", "закупка в мае")
    ]
    assert last is not None and last.operation == ChangeOperation.RESTORE


def test_the_card_brings_a_deleted_dossier_back_when_it_is_edited(
    laptops: tuple[Store, Store],
) -> None:
    from kamdesk.services.card.editing import set_field
    from kamdesk.services.card.fields import Entity

    store = laptops[0]
    set_field(store, Entity.DOSSIER, ACCOUNT, "needs", "тендер")
    with store.transaction() as session:
        dossier = session.scalars(select(AccountDossier)).one()
        soft_delete(session, dossier)
    set_field(store, Entity.DOSSIER, ACCOUNT, "needs", "снова тендер")  # no collision
    with store.session() as session:
        [row] = session.scalars(select(AccountDossier)).all()
    assert row.id == dossier.id and row.needs == "снова тендер"


def test_a_deleted_new_edition_comes_back_when_the_sent_offer_is_edited_again(
    store: Store,
) -> None:
    from kamdesk.models import Offer, OfferStatus
    from kamdesk.services.offers import OfferBook
    from kamdesk.services.offers.status import mark_sent
    from tests.documents.offer_data import TODAY, make_territory

    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 10, "0")]
    sent = book.save(draft, TODAY)
    mark_sent(store, sent, today=TODAY)

    def view_of(offer_id: uuid.UUID) -> Any:
        view = book.get(offer_id)
        assert view is not None
        return view

    second = view_of(sent).draft
    second.lines[0].quantity = 20
    edition = book.save(second, TODAY)
    key = {"previous_edition_id": sent, "edition": 2}
    assert edition == natural_id("offers", tuple(key), key)
    book.delete(edition)  # the KAM throws the new draft away...
    third = view_of(sent).draft
    third.lines[0].quantity = 30
    again = book.save(third, TODAY)  # ... and edits the sent offer again: no collision
    assert again == edition
    view = view_of(again)
    assert view.row.edition == 2 and view.row.status == OfferStatus.DRAFT
    assert [line.quantity for line in view.draft.lines] == [30]
    with store.session() as session:
        editions = session.scalars(
            select(Offer.edition).execution_options(**{INCLUDE_DELETED: True})
        ).all()
    assert sorted(editions) == [1, 2]
