"""The offer's words fit the relationship (field guide §3, §5; issue 12).

A prospect is not «один из ключевых партнёров компании»; the HR paragraph cites
references or is left out. (One line a product, a repeat refused by name, is
tests/services/test_offers_vat.py::test_an_offer_has_one_line_a_product.)
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from kamdesk.models import Account, Offer, SalesRecord
from kamdesk.services.offers.emphasis import (
    ArgumentContext,
    ReaderKind,
    Relationship,
    suggest_arguments,
)
from kamdesk.services.offers.money import totals
from kamdesk.services.offers.relationship import (
    argument_facts,
    offer_relationship,
    reference_accounts,
)
from kamdesk.store import Store
from kamdesk.vocabulary import AccountKind, AccountStatus, ClientType, OfferStatus
from tests.documents.offer_data import TODAY
from tests.services.visit_factories import add_account, add_product

PARTNER = "один из ключевых партнёров компании"


def _context(
    relationship: Relationship | None, references: list[str] | None = None
) -> ArgumentContext:
    return ArgumentContext(
        "ГБУЗ «ГКБ № 7»",
        totals([]),
        date(2026, 4, 1),
        exclusivity="фиксированная цена на 12 месяцев",
        references=references or [],
        relationship=relationship,
    )


@pytest.mark.parametrize(
    ("relationship", "opening"),
    [
        (Relationship.PARTNER, "ГБУЗ «ГКБ № 7» — один из ключевых партнёров компании"),
        (Relationship.CLIENT, "Благодарим вас за сотрудничество: условия этого предложения"),
        (Relationship.WIN_BACK, "Мы хотим возобновить сотрудничество с вашей организацией"),
        (
            Relationship.NEW,
            "Мы подготовили это предложение с учётом задач вашей организации и "
            "будем рады начать сотрудничество.",
        ),
        (None, "Условия этого предложения мы подготовили с учётом задач вашей организации."),
    ],
)
def test_the_director_paragraph_follows_the_relationship(
    relationship: Relationship | None, opening: str
) -> None:
    text = suggest_arguments(ReaderKind.DIRECTOR, _context(relationship))
    assert text.startswith(opening)
    assert (PARTNER in text) == (relationship == Relationship.PARTNER)
    assert "Только в этом предложении: фиксированная цена на 12 месяцев." in text
    assert "Условия гарантированы до 01.04.2026" in text


def test_the_hr_paragraph_cites_references_or_is_left_out() -> None:
    assert suggest_arguments(ReaderKind.HR, _context(Relationship.CLIENT)) == ""
    assert suggest_arguments(ReaderKind.HR, _context(Relationship.CLIENT, ["  "])) == ""
    text = suggest_arguments(
        ReaderKind.HR, _context(Relationship.CLIENT, ["ГКБ № 1", "ОКБ", "ДГКБ", "ЦРБ"])
    )
    assert text.startswith("Аналогичные проекты уже работают у наших клиентов: ГКБ № 1, ОКБ, ДГКБ;")
    assert "ЦРБ" not in text  # three at most


def _set(store: Store, account_id: uuid.UUID, **values: object) -> None:
    with store.transaction() as session:
        row = session.get(Account, account_id)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)


def _sell(store: Store, account_id: uuid.UUID, product: uuid.UUID, amount: int) -> None:
    with store.transaction() as session:
        session.add(
            SalesRecord(
                account_id=account_id,
                product_id=product,
                month=date(2025, 11, 1),
                quantity=1,
                amount=Decimal(amount),
            )
        )


def test_the_relationship_comes_from_type_status_and_sales(store: Store) -> None:
    product = add_product(store)
    prospect = add_account(store, "ГБУЗ «Новая больница»")
    big = add_account(store, "ГБУЗ «ОКБ»")
    small = add_account(store, "ГБУЗ «ЦРБ»")
    breadwinner = add_account(store, "ГБУЗ «Онкодиспансер»")
    lost = add_account(store, "ГБУЗ «Диспансер»")
    _set(store, breadwinner, client_type=ClientType.BREADWINNER)
    _set(
        store, lost, status=AccountStatus.WIN_BACK, client_type=ClientType.BREADWINNER
    )  # «Вернуть»
    _set(store, prospect, status=AccountStatus.PROSPECT)
    _sell(store, big, product, 900_000)  # 90 % of the portfolio: key by share
    _sell(store, small, product, 50_000)  # 5 %: a client, not key
    _sell(store, breadwinner, product, 30_000)  # 3 %, but the KAM calls it Кормилец
    _sell(store, lost, product, 20_000)
    assert offer_relationship(store, prospect, TODAY) == Relationship.NEW
    assert offer_relationship(store, big, TODAY) == Relationship.PARTNER
    assert offer_relationship(store, small, TODAY) == Relationship.CLIENT
    assert offer_relationship(store, breadwinner, TODAY) == Relationship.PARTNER
    assert offer_relationship(store, lost, TODAY) == Relationship.WIN_BACK


def test_references_are_similar_accounts_with_an_accepted_offer(store: Store) -> None:
    hospital = add_account(store, "ГБУЗ «ГКБ № 7»")
    other = add_account(store, "ГБУЗ «Областная клиническая больница»")
    _set(store, other, short_name="ОКБ")
    chain = add_account(store, "ООО «Здравица»", kind=AccountKind.PHARMACY_CHAIN)
    refused = add_account(store, "ГБУЗ «ЦРБ»")
    with store.transaction() as session:
        for account_id, status in (
            (other, OfferStatus.ACCEPTED),
            (chain, OfferStatus.ACCEPTED),
            (refused, OfferStatus.REJECTED),
            (hospital, OfferStatus.ACCEPTED),  # its own is no reference
        ):
            session.add(
                Offer(
                    number=f"КП-{uuid.uuid4().hex[:6]}",
                    account_id=account_id,
                    status=status,
                    offer_date=date(2026, 2, 1),
                    valid_until=date(2026, 3, 1),
                )
            )
    assert reference_accounts(store, hospital) == ["ОКБ"]
    # Same day: by full name; the short name is shown where the card has one.
    assert reference_accounts(store, refused) == ["ГБУЗ «ГКБ № 7»", "ОКБ"]
    assert reference_accounts(store, chain) == []  # no other chain accepted anything
    facts = argument_facts(store, chain, TODAY)
    assert (
        suggest_arguments(
            ReaderKind.HR,
            ArgumentContext("ООО «Здравица»", totals([]), TODAY, references=facts.references),
        )
        == ""
    )
