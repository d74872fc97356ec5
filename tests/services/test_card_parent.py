"""A pharmacy's parent chain is set through the card service: logged, and checked."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from kamdesk.models import Account, AccountKind, ChangeLogEntry
from kamdesk.services.card import CardError, Entity, load_card, set_field
from kamdesk.store import Store


def _accounts(store: Store) -> dict[str, uuid.UUID]:
    with store.transaction() as session:
        rows = {
            "chain": Account(name="Аптечная сеть «Вита»", kind=AccountKind.PHARMACY_CHAIN),
            "other_chain": Account(name="Сеть «Здравица»", kind=AccountKind.PHARMACY_CHAIN),
            "pharmacy": Account(name="Аптека «Вита» № 12", kind=AccountKind.PHARMACY),
            "hospital": Account(name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL),
        }
        session.add_all(rows.values())
        session.flush()
        return {name: row.id for name, row in rows.items()}


def test_a_pharmacy_gets_its_chain_and_the_edit_is_logged(store: Store) -> None:
    ids = _accounts(store)
    card = load_card(store, ids["pharmacy"])
    assert card is not None
    assert [name for _id, name in card.chains] == ["Аптечная сеть «Вита»", "Сеть «Здравица»"]
    set_field(store, Entity.ACCOUNT, ids["pharmacy"], "parent_id", str(ids["chain"]))
    with store.session() as session:
        assert session.get(Account, ids["pharmacy"]).parent_id == ids["chain"]  # type: ignore[union-attr]
        logged = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.entity == "accounts")
        ).all()
    assert any(entry.changes.get("parent_id") for entry in logged)
    loaded = load_card(store, ids["pharmacy"])
    assert loaded is not None and loaded.parent_name == "Аптечная сеть «Вита»"
    set_field(store, Entity.ACCOUNT, ids["pharmacy"], "parent_id", None)  # cleared
    with store.session() as session:
        assert session.get(Account, ids["pharmacy"]).parent_id is None  # type: ignore[union-attr]


def test_no_account_is_its_own_parent_and_a_pharmacy_belongs_to_a_chain(store: Store) -> None:
    ids = _accounts(store)
    with pytest.raises(CardError, match="own parent"):
        set_field(store, Entity.ACCOUNT, ids["chain"], "parent_id", ids["chain"])
    set_field(store, Entity.ACCOUNT, ids["other_chain"], "parent_id", ids["chain"])
    with pytest.raises(CardError, match="own parent"):  # a cycle through the other chain
        set_field(store, Entity.ACCOUNT, ids["chain"], "parent_id", ids["other_chain"])
    with pytest.raises(CardError, match="pharmacy chain"):
        set_field(store, Entity.ACCOUNT, ids["pharmacy"], "parent_id", ids["hospital"])
    card = load_card(store, ids["hospital"])
    assert card is not None and card.chains == []  # only a pharmacy is offered chains


def test_a_chains_card_figures_are_its_pharmacies_sales(store: Store) -> None:
    from datetime import date
    from decimal import Decimal

    from kamdesk.models import Product, SalesRecord
    from kamdesk.services.card.overview import load_overview, month_start

    ids = _accounts(store)
    today = date(2026, 11, 22)
    with store.transaction() as session:
        product = Product(sku="API-5", inn_name="Апиксабан", trade_name="Апиксан")
        second = Account(name="Аптека «Вита» № 3", kind=AccountKind.PHARMACY)
        session.add_all([product, second])
        session.flush()
        for pharmacy_id in (ids["pharmacy"], second.id):
            pharmacy = session.get(Account, pharmacy_id)
            assert pharmacy is not None
            pharmacy.parent_id = ids["chain"]
        for account_id, amount in (
            (ids["pharmacy"], 700),
            (second.id, 320),
            (ids["hospital"], 980),
        ):
            session.add(
                SalesRecord(
                    account_id=account_id,
                    product_id=product.id,
                    month=month_start(today, 1),
                    quantity=1,
                    amount=Decimal(amount),
                )
            )
    overview = load_overview(store, ids["chain"], today)
    assert overview.sales_12m == Decimal(1020)  # 700 + 320: the chain's two pharmacies
    assert overview.share == 0.51  # of 2 000
    assert load_overview(store, ids["pharmacy"], today).sales_12m == Decimal(700)
