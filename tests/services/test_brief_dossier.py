"""The pre-call brief carries the dossier and offers the objections of the account's channel.

Field guide §3 (the dossier) and mistake 4 «отсутствие сведений»: the KAM reads the
client's needs, plans, worries, last tender, open complaints, competitors and sales
trend on the paper in the car; a hospital's brief offers no pharmacy-chain objections
and no objection twice.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountDossier,
    RelationshipEvent,
    SalesRecord,
    Visit,
    VisitReport,
)
from kamdesk.services.visits import brief_content
from kamdesk.services.visits.brief_dossier import SalesTrend, trend_months
from kamdesk.services.visits.brief_objections import (
    Channel,
    objection_channels,
    offered_objections,
)
from kamdesk.services.visits.facts import ObjectionFacts, ProductFacts
from kamdesk.store import Store
from kamdesk.textfold import fold
from kamdesk.vocabulary import AccountKind, RelationshipEventKind, TenderResult, VisitStatus
from tests.services.visit_factories import add_account, add_product, add_visit, msk

MATRIX = "Нет места в матрице: в этой группе уже три позиции."
BRAND = "Покупатели спрашивают известный бренд, ваш препарат не знают."
HABIT = "Врачи привыкли к оригинальному препарату и не хотят переводить пациентов."
AUCTION = "Цену в аукционе всё равно определит тот, кто снизится больше."
PRICE = "Дорого"
TODAY = date(2026, 5, 10)  # recent half-year: Nov 2025–Apr 2026; previous: May–Oct 2025


def _sales(store: Store, account: uuid.UUID, product: uuid.UUID, months: dict) -> None:
    with store.transaction() as session:
        for (year, month), amount in months.items():
            session.add(
                SalesRecord(
                    account_id=account,
                    product_id=product,
                    month=date(year, month, 1),
                    quantity=1,
                    amount=Decimal(amount),
                )
            )


def _past_report(store: Store, account: uuid.UUID, objections: str) -> None:
    visit_id = add_visit(store, account, msk(2026, 3, 3, 11))
    with store.transaction() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        visit.status = VisitStatus.DONE
        session.add(VisitReport(visit_id=visit_id, outcome="Обсудили", objections_heard=objections))


@pytest.fixture
def hospital(store: Store) -> dict:
    return build_hospital(store)


def build_hospital(store: Store) -> dict:
    """A hospital with a full dossier, two products and a past report (for the PDF too)."""
    account = add_account(store, "ГБУЗ «Областная клиническая больница»")
    cardio = add_product(
        store, "Кардиоприл", objections=((MATRIX, "Пилот на 20 аптеках"), (PRICE, "Курс дешевле"))
    )
    onco = add_product(
        store,
        "Онкотаксел",
        objections=((PRICE, ""), (HABIT, "Взаимозаменяемость подтверждена"), (AUCTION, "")),
    )
    with store.transaction() as session:
        session.add(
            AccountDossier(
                account_id=account,
                needs="Антибиотики резерва для отделения реанимации",
                plans="Открытие сосудистого центра в 2027 году",
                worries="Срывы поставок у нынешнего поставщика",
            )
        )
        session.add_all(
            [
                RelationshipEvent(
                    account_id=account,
                    kind=RelationshipEventKind.TENDER,
                    occurred_on=date(2025, 6, 1),
                    subject="Цефалоспорины, 2-е полугодие",
                    tender_result=TenderResult.WON,
                ),
                RelationshipEvent(
                    account_id=account,
                    kind=RelationshipEventKind.TENDER,
                    occurred_on=date(2026, 2, 14),
                    subject="Карбапенемы на 2026 год",
                    tender_number="0373200041526000123",
                    tender_result=TenderResult.LOST,
                    result_reason="Конкурент снизил цену на 18 %",
                    amount=Decimal("4250000.00"),
                ),
                RelationshipEvent(
                    account_id=account,
                    kind=RelationshipEventKind.COMPLAINT,
                    occurred_on=date(2026, 4, 2),
                    subject="Битые флаконы в поставке 28.03",
                ),
                RelationshipEvent(
                    account_id=account,
                    kind=RelationshipEventKind.COMPLAINT,
                    occurred_on=date(2025, 12, 1),
                    subject="Опоздание поставки",
                    resolution="Заменили партию",
                    resolved_on=date(2025, 12, 5),
                ),
                RelationshipEvent(
                    account_id=account,
                    kind=RelationshipEventKind.DELIVERY,
                    occurred_on=date(2026, 4, 20),
                    subject="Поставка по контракту № 12",
                ),
                AccountCompetitor(
                    account_id=account,
                    company="Фармстандарт",
                    products="Меропенем",
                    terms="Отсрочка 90 дней",
                ),
                AccountCompetitor(account_id=account, company="Биокад"),
            ]
        )
    # Previous half-year 600 000, recent 450 000: down 25 %.
    _sales(store, account, onco, {(2025, 5): 300_000, (2025, 8): 300_000, (2025, 11): 200_000})
    _sales(store, account, cardio, {(2026, 2): 250_000, (2026, 5): 999_999})  # May: not complete
    _past_report(store, account, "Дорого для бюджета больницы\nНужны данные по безопасности")
    visit = add_visit(store, account, msk(2026, 5, 12, 10), product_ids=[cardio, onco])
    return {"account": account, "visit": visit}


def test_the_brief_carries_the_dossier(store: Store, hospital: dict) -> None:
    dossier = brief_content(store, hospital["visit"], today=TODAY).dossier
    assert dossier is not None
    assert dossier.needs == "Антибиотики резерва для отделения реанимации"
    assert dossier.plans == "Открытие сосудистого центра в 2027 году"
    assert dossier.worries == "Срывы поставок у нынешнего поставщика"
    tender = dossier.last_tender
    assert tender is not None  # the newest tender, not the won one of 2025
    assert (tender.occurred_on, tender.number, tender.result, tender.reason) == (
        date(2026, 2, 14),
        "0373200041526000123",
        TenderResult.LOST,
        "Конкурент снизил цену на 18 %",
    )
    # Only the unresolved complaint; the delivery is a recent event.
    assert [c.subject for c in dossier.open_complaints] == ["Битые флаконы в поставке 28.03"]
    assert [e.subject for e in dossier.recent_events] == ["Поставка по контракту № 12"]
    assert [(k.company, k.products, k.terms) for k in dossier.competitors] == [
        ("Биокад", "", ""),
        ("Фармстандарт", "Меропенем", "Отсрочка 90 дней"),
    ]
    trend = dossier.trend
    assert trend is not None
    assert (trend.recent, trend.previous) == (Decimal("450000.00"), Decimal("600000.00"))
    assert (trend.change_pct, trend.direction) == (Decimal(-25), "down")


def test_a_hospital_brief_offers_no_chain_objection_and_none_twice(
    store: Store, hospital: dict
) -> None:
    objections = brief_content(store, hospital["visit"], today=TODAY).objections
    texts = [o.objection for o in objections]
    assert MATRIX not in texts  # a chain buyer's objection
    assert HABIT in texts and AUCTION in texts
    assert len({fold(t) for t in texts}) == len(texts)
    # «Дорого» of both products is the client's own «Дорого для бюджета больницы»: once,
    # with the products it was prepared for and the prepared answer.
    price = [o for o in objections if "дорого" in fold(o.objection)]
    assert len(price) == 1
    assert price[0].objection == "Дорого для бюджета больницы"
    assert price[0].product == "Кардиоприл, Онкотаксел"
    assert price[0].answer == "Курс дешевле"
    assert texts[:2] == ["Дорого для бюджета больницы", "Нужны данные по безопасности"]


def test_a_chain_brief_offers_chain_objections_and_not_the_auction(store: Store) -> None:
    chain = add_account(store, "Аптечная сеть «Ригла»", kind=AccountKind.PHARMACY_CHAIN)
    product = add_product(
        store, "Кардиоприл", objections=((MATRIX, ""), (BRAND, ""), (AUCTION, ""), (PRICE, ""))
    )
    visit = add_visit(store, chain, msk(2026, 5, 12, 10), product_ids=[product])
    texts = [o.objection for o in brief_content(store, visit, today=TODAY).objections]
    assert texts == [MATRIX, BRAND, PRICE]


def test_a_chains_trend_includes_its_pharmacies(store: Store) -> None:
    chain = add_account(store, "Аптечная сеть «Ригла»", kind=AccountKind.PHARMACY_CHAIN)
    product = add_product(store)
    pharmacies = []
    for n in range(3):
        pharmacy = add_account(store, f"Аптека № {n + 1}", kind=AccountKind.PHARMACY)
        with store.transaction() as session:
            row = session.get(Account, pharmacy)
            assert row is not None
            row.parent_id = chain
        pharmacies.append(pharmacy)
    for pharmacy in pharmacies:
        _sales(store, pharmacy, product, {(2025, 9): 10_000, (2026, 3): 12_000})
    _sales(store, chain, product, {(2026, 4): 4_000})
    visit = add_visit(store, chain, msk(2026, 5, 12, 10), product_ids=[product])
    trend = brief_content(store, visit, today=TODAY).dossier.trend  # type: ignore[union-attr]
    assert trend is not None
    assert (trend.recent, trend.previous) == (Decimal("40000.00"), Decimal("30000.00"))
    assert trend.includes_pharmacies == 3
    assert (trend.change_pct, trend.direction) == (Decimal(33), "up")


def test_an_empty_dossier_says_so(store: Store) -> None:
    account = add_account(store, "ГБУЗ «Новая больница»")
    visit = add_visit(store, account, msk(2026, 5, 12, 10))
    dossier = brief_content(store, visit, today=TODAY).dossier
    assert dossier is not None and dossier.is_empty
    assert dossier.trend is not None and dossier.trend.direction == "none"


def test_trend_periods_are_complete_months_before_the_day() -> None:
    assert trend_months(date(2026, 5, 10)) == (
        date(2025, 5, 1),
        date(2025, 11, 1),
        date(2026, 5, 1),
    )
    assert trend_months(date(2026, 1, 31), 3) == (
        date(2025, 7, 1),
        date(2025, 10, 1),
        date(2026, 1, 1),
    )
    assert SalesTrend(6, Decimal(102), Decimal(100)).direction == "stable"
    assert SalesTrend(6, Decimal(100), Decimal(0)).direction == "new"


@pytest.mark.parametrize(
    ("objection", "channels"),
    [
        (MATRIX, {Channel.CHAIN}),
        (BRAND, {Channel.CHAIN}),
        ("Маркетинговые деньги дают только крупным сетям.", {Channel.CHAIN}),
        ("Наценка слишком мала для аптеки", {Channel.CHAIN}),
        (HABIT, {Channel.HOSPITAL}),
        (AUCTION, {Channel.HOSPITAL}),
        ("Препарата нет в формуляре больницы", {Channel.HOSPITAL}),
        ("Склад не держит остатки, отгрузка раз в месяц", {Channel.DISTRIBUTOR}),
        ("Дорого", set()),
        ("Дженерик — значит хуже по эффективности и переносимости.", set()),
    ],
)
def test_objection_channels(objection: str, channels: set[Channel]) -> None:
    assert objection_channels(objection) == channels


def test_a_fund_or_other_account_is_offered_every_objection() -> None:
    product = ProductFacts(
        uuid.uuid4(), "Кардиоприл", (ObjectionFacts(MATRIX), ObjectionFacts(HABIT))
    )
    assert len(offered_objections([product], [], AccountKind.OTHER, {})) == 2
    assert len(offered_objections([product], [], AccountKind.HOSPITAL, {})) == 1
