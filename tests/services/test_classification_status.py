"""The status a KAM sees, as the client list, the card and the visit plan show it.

Facts are written as a sync or the KAM would write them (purchases, offers, held
visits); the status is then what the list, the summary and the card say after the
day's reclassification. Hand-checked dates: today is 3 December 2026, at risk after
60 days without buying, lost after 120.
"""

from __future__ import annotations

import shutil
import uuid
from contextlib import closing
from dataclasses import fields
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kamdesk import account_status
from kamdesk.models import (
    Account,
    AccountKind,
    AccountStatus,
    ChangeLogEntry,
    Offer,
    OfferStatus,
    OfferStatusChange,
    Product,
    SalesRecord,
    Visit,
    VisitStatus,
)
from kamdesk.services import classification
from kamdesk.services.accounts import AccountDirectory, AccountFilter
from kamdesk.services.card import Entity, load_card, set_field
from kamdesk.services.demo import build_demo
from kamdesk.services.settings import AnalyticsSettings, save_analytics
from kamdesk.services.visits import overdue_accounts
from kamdesk.store import Store, crypto, open_store

TODAY = date(2026, 12, 3)
A, R, L, W, P = (
    AccountStatus.ACTIVE,
    AccountStatus.AT_RISK,
    AccountStatus.LOST,
    AccountStatus.WIN_BACK,
    AccountStatus.PROSPECT,
)


def _account(store: Store, name: str, kind: AccountKind, **values: object) -> uuid.UUID:
    with store.transaction() as session:
        account = Account(name=name, kind=kind, status=AccountStatus.ACTIVE, **values)
        session.add(account)
        session.flush()
        return account.id


def _bought(store: Store, account_id: uuid.UUID, *months: date) -> None:
    with store.transaction() as session:
        product = session.scalar(select(Product).where(Product.sku == "MET-500"))
        if product is None:
            product = Product(sku="MET-500", inn_name="Метформин", trade_name="Метформин-Тв")
            session.add(product)
            session.flush()
        for month in months:
            session.add(
                SalesRecord(
                    account_id=account_id,
                    product_id=product.id,
                    month=month,
                    quantity=10,
                    amount=Decimal("120000.00"),
                )
            )


def _visited(store: Store, account_id: uuid.UUID, *days: date) -> None:
    with store.transaction() as session:
        for day in days:
            session.add(
                Visit(
                    account_id=account_id,
                    starts_at=datetime(day.year, day.month, day.day, 7, tzinfo=UTC),
                    status=VisitStatus.REPORTED,
                )
            )


def _offer(
    store: Store,
    account_id: uuid.UUID,
    status: OfferStatus,
    offer_date: date,
    valid_until: date,
    changed_on: date | None = None,
) -> None:
    with store.transaction() as session:
        offer = Offer(
            number=f"КП-2026-T-{uuid.uuid4().hex[:6]}",
            account_id=account_id,
            status=status,
            offer_date=offer_date,
            valid_until=valid_until,
        )
        session.add(offer)
        session.flush()
        day = changed_on or offer_date
        session.add(
            OfferStatusChange(
                offer_id=offer.id,
                from_status=OfferStatus.SENT if status != OfferStatus.SENT else OfferStatus.DRAFT,
                to_status=status,
                changed_at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            )
        )


def _shown(store: Store, account_id: uuid.UUID) -> AccountStatus:
    """The status in the client list, checked to be the same in the summary and the card."""
    directory = AccountDirectory(store.path, lambda: store)
    try:
        [row] = [r for r in directory.page(AccountFilter(), limit=1000) if r.id == account_id]
        summary = directory.summary(account_id)
    finally:
        directory.close()
    card = load_card(store, account_id)
    assert summary is not None and card is not None
    assert summary.status == row.status
    assert card.status == row.status
    return row.status


def test_a_ministry_that_buys_nothing_is_never_lost(store: Store) -> None:
    ministry = _account(
        store, "Министерство здравоохранения Тверской области", AccountKind.HEALTH_AUTHORITY
    )
    tfoms = _account(store, "ТФОМС Тверской области", AccountKind.OTHER)
    _visited(store, ministry, date(2026, 10, 14))
    _bought(store, tfoms, date(2024, 3, 1))  # a sale booked against it once, long ago
    classification.recompute(store, today=TODAY)
    assert _shown(store, ministry) == A  # met seven weeks ago
    assert _shown(store, tfoms) == R  # not in touch for years: at risk, never lost
    classification.recompute(store, today=date(2028, 1, 10))
    assert _shown(store, ministry) == R  # forgotten for a year: a warning, not «Потерян»


def test_a_dispensary_with_an_accepted_offer_and_visits_is_not_lost(store: Store) -> None:
    dispensary = _account(store, "ГБУЗ «Областной онкологический диспансер»", AccountKind.HOSPITAL)
    _bought(store, dispensary, date(2026, 3, 1), date(2026, 4, 1))  # last purchase in April
    _visited(store, dispensary, date(2026, 6, 10), date(2026, 8, 5), date(2026, 9, 9))
    _visited(store, dispensary, date(2026, 11, 18))
    _offer(
        store,
        dispensary,
        OfferStatus.ACCEPTED,
        offer_date=date(2026, 9, 1),
        valid_until=date(2026, 12, 31),
        changed_on=date(2026, 9, 20),
    )
    classification.recompute(store, today=TODAY)
    assert _shown(store, dispensary) == A  # the accepted offer is in force until 31.12


def test_an_accepted_offer_last_month_keeps_a_client_active(store: Store) -> None:
    hospital = _account(store, "ГБУЗ «Ржевская ЦРБ»", AccountKind.HOSPITAL)
    _bought(store, hospital, date(2026, 2, 1))  # 9 months ago
    _offer(
        store,
        hospital,
        OfferStatus.ACCEPTED,
        date(2026, 10, 20),
        date(2026, 11, 4),
        date(2026, 11, 2),
    )
    classification.recompute(store, today=TODAY)
    assert _shown(store, hospital) == A  # accepted on 2 November: a month ago


def test_purchases_alone_make_active_at_risk_and_lost(store: Store) -> None:
    steady = _account(store, "ГБУЗ «ГКБ № 1»", AccountKind.HOSPITAL)
    slowing = _account(store, "ООО «Фарма-Тверь»", AccountKind.DISTRIBUTOR)
    gone = _account(store, "ГБУЗ «ГКБ № 6»", AccountKind.HOSPITAL)
    never = _account(store, "ГБУЗ «Кимрская ЦРБ»", AccountKind.HOSPITAL)
    _bought(store, steady, date(2026, 11, 1))  # to 30.11: 3 days
    _bought(store, slowing, date(2026, 8, 1))  # to 31.08: 94 days
    _bought(store, gone, date(2026, 7, 1))  # to 31.07: 125 days
    classification.recompute(store, today=TODAY)
    assert [_shown(store, a) for a in (steady, slowing, gone, never)] == [A, R, L, P]


def test_a_client_in_touch_is_at_risk_not_lost(store: Store) -> None:
    visited = _account(store, "ГБУЗ «Детская областная больница»", AccountKind.HOSPITAL)
    offered = _account(store, "ГБУЗ «Торжокская ЦРБ»", AccountKind.HOSPITAL)
    planned_only = _account(store, "ГБУЗ «Бежецкая ЦРБ»", AccountKind.HOSPITAL)
    for account in (visited, offered, planned_only):
        _bought(store, account, date(2026, 5, 1))  # seven months without buying
    _visited(
        store, visited, date(2026, 6, 2), date(2026, 7, 7), date(2026, 9, 1), date(2026, 10, 6)
    )
    _offer(store, offered, OfferStatus.SENT, date(2026, 11, 25), date(2026, 12, 25))
    with store.transaction() as session:  # a visit only planned is no contact yet
        session.add(Visit(account_id=planned_only, starts_at=datetime(2026, 12, 10, 7, tzinfo=UTC)))
    classification.recompute(store, today=TODAY)
    assert _shown(store, visited) == R  # visited on 6 October, within 120 days
    assert _shown(store, offered) == R
    assert _shown(store, planned_only) == L


def test_a_pharmacy_supplied_through_its_chain_shares_its_purchases(store: Store) -> None:
    chain = _account(store, "Аптечная сеть «Вита»", AccountKind.PHARMACY_CHAIN)
    pharmacy = _account(store, "Аптека «Вита» № 12", AccountKind.PHARMACY, parent_id=chain)
    _bought(store, chain, date(2026, 11, 1))
    classification.recompute(store, today=TODAY)
    assert _shown(store, pharmacy) == A


def test_the_kams_choice_is_an_edit_and_a_purchase_ends_it(store: Store) -> None:
    hospital = _account(store, "ГБУЗ «Конаковская ЦРБ»", AccountKind.HOSPITAL)
    _bought(store, hospital, date(2026, 3, 1))
    classification.recompute(store, today=TODAY)
    assert _shown(store, hospital) == L
    set_field(store, Entity.ACCOUNT, hospital, "status", "win_back")
    with store.session() as session:
        logged = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.entity_id == hospital)
        ).all()
    assert [e.changes.get("status") for e in logged if e.operation == "update"] == ["win_back"]
    assert _shown(store, hospital) == W  # at once, without waiting for the reclassification
    classification.recompute(store, today=TODAY)
    assert _shown(store, hospital) == W
    _bought(store, hospital, date(2026, 11, 1))
    classification.recompute(store, today=TODAY)
    assert _shown(store, hospital) == A  # won back
    # Going back to the figures: any of the three computed values clears the choice.
    set_field(store, Entity.ACCOUNT, hospital, "status", "active")
    classification.recompute(store, today=date(2027, 6, 1))
    assert _shown(store, hospital) == L


def test_the_list_filters_on_the_status_shown(store: Store) -> None:
    lost = _account(store, "ГБУЗ «ГКБ № 7»", AccountKind.HOSPITAL)
    _bought(store, lost, date(2026, 1, 1))
    _account(store, "ГБУЗ «Новая клиника»", AccountKind.HOSPITAL)
    classification.recompute(store, today=TODAY)
    directory = AccountDirectory(store.path, lambda: store)
    try:
        rows = directory.page(AccountFilter(statuses=frozenset({L})))
    finally:
        directory.close()
    assert [row.name for row in rows] == ["ГБУЗ «ГКБ № 7»"]


def test_lost_and_forgotten_clients_stay_in_the_overdue_visit_list(store: Store) -> None:
    lost = _account(store, "ГБУЗ «ГКБ № 6»", AccountKind.HOSPITAL)
    long_lost = _account(store, "ГБУЗ «Старицкая ЦРБ»", AccountKind.HOSPITAL)
    ministry = _account(store, "Министерство здравоохранения", AccountKind.HEALTH_AUTHORITY)
    _bought(store, lost, date(2026, 6, 1))  # lost, still classed (C) in the window
    _bought(store, long_lost, date(2025, 2, 1))  # lost, no class any more
    _visited(store, lost, date(2026, 2, 2))
    _visited(store, long_lost, date(2025, 3, 3))
    _visited(store, ministry, date(2025, 12, 1))  # a year ago: forgotten
    classification.recompute(store, today=TODAY)
    assert [_shown(store, a) for a in (lost, long_lost, ministry)] == [L, L, R]
    overdue = {row.name: row for row in overdue_accounts(store, TODAY)}
    assert set(overdue) == {
        "ГБУЗ «ГКБ № 6»",
        "ГБУЗ «Старицкая ЦРБ»",
        "Министерство здравоохранения",
    }
    assert overdue["ГБУЗ «ГКБ № 6»"].abc_class == "A"
    assert overdue["ГБУЗ «Старицкая ЦРБ»"].abc_class == ""  # due as often as C
    assert overdue["Министерство здравоохранения"].due_on == date(2026, 6, 1)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    path = tmp_path_factory.mktemp("status-demo") / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    store = open_store(path)
    try:
        build_demo(store, accounts=150, seed=1, today=TODAY)
    finally:
        store.close()
    return path


def _snapshot(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(crypto.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_reclassifying_the_demo_changes_the_cache_and_logs_nothing(
    demo_file: Path, tmp_path: Path
) -> None:
    """Two laptops with their own thresholds reclassify the same territory: each shows
    its own figures, neither has anything to send, their synced rows stay equal."""
    laptops = [tmp_path / "first.sqlite", tmp_path / "second.sqlite"]
    accounts_sql = "SELECT id, status, revision, updated_at FROM accounts ORDER BY id"
    stats_sql = "SELECT account_id, status FROM account_stats ORDER BY account_id"
    before = _snapshot(demo_file, stats_sql)
    for path, lost_days in zip(laptops, (120, 365), strict=True):
        shutil.copyfile(demo_file, path)
        store = open_store(path)
        try:
            with store.session() as session:
                queued = session.scalar(select(func.count()).select_from(ChangeLogEntry))
            save_analytics(store, AnalyticsSettings(lost_days=lost_days))
            changed = classification.recompute(store, today=date(2027, 5, 3))
            with store.session() as session:
                assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == queued
            assert changed > 0
        finally:
            store.close()
    first, second = (_snapshot(path, stats_sql) for path in laptops)
    assert first != before and first != second  # each laptop's own figures
    statuses = {status for _, status in first}
    assert AccountStatus.LOST in statuses
    assert _snapshot(laptops[0], accounts_sql) == _snapshot(demo_file, accounts_sql)
    assert _snapshot(laptops[1], accounts_sql) == _snapshot(demo_file, accounts_sql)


def test_the_rule_defaults_are_the_analytics_defaults() -> None:
    defaults = {f.name: f.default for f in fields(AnalyticsSettings)}
    assert defaults["at_risk_days"] == account_status.DEFAULT_AT_RISK_DAYS
    assert defaults["lost_days"] == account_status.DEFAULT_LOST_DAYS


@pytest.mark.parametrize(
    ("choice", "figures", "expected"),
    [
        (W, L, W),  # the KAM decided to win it back
        (W, R, W),
        (W, A, A),  # it buys again: won back
        (P, P, P),  # a new card that never bought
        (P, L, L),  # «Потенциальный» ends with the first purchase
        (A, L, L),  # the three computed values are no choice: the figures show
        (L, A, A),
        (R, P, P),
    ],
)
def test_the_choice_over_the_figures(
    choice: AccountStatus, figures: AccountStatus, expected: AccountStatus
) -> None:
    assert account_status.shown(choice, figures) == expected


def test_a_quarterly_tender_buyer_is_judged_on_its_own_cycle(store: Store) -> None:
    """Bought in March, June and September 2026 (gaps of 92 days): at risk once a
    whole gap and 30 days have passed since 30 September (122 days: from 31 January),
    lost after two gaps (184 days: from 3 April 2027). A monthly buyer idle as long
    is at risk after 60 days and lost after 120."""
    quarterly = _account(store, "ГБУЗ «Областная клиническая больница»", AccountKind.HOSPITAL)
    monthly = _account(store, "ООО «Фарма-Тверь»", AccountKind.DISTRIBUTOR)
    _bought(store, quarterly, date(2026, 3, 1), date(2026, 6, 1), date(2026, 9, 1))
    _bought(store, monthly, date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1))
    expected = {
        TODAY: (A, R),  # 64 days after 30.09
        date(2027, 1, 30): (A, L),  # 122 days
        date(2027, 1, 31): (R, L),  # 123 days
        date(2027, 4, 2): (R, L),  # 184 days
        date(2027, 4, 3): (L, L),
    }
    for day, statuses in expected.items():
        classification.recompute(store, today=day)
        assert (_shown(store, quarterly), _shown(store, monthly)) == statuses, day


def test_the_usual_gap_needs_three_purchase_months() -> None:
    assert account_status.usual_gap_days([date(2026, 3, 1), date(2026, 9, 1)]) is None
    gap = account_status.usual_gap_days([date(2025, 12, 1), date(2026, 3, 1), date(2026, 6, 1)])
    assert gap == 91  # 90 and 92 days
    assert account_status.cycle_thresholds(60, 120, gap) == (121, 182)
    assert account_status.cycle_thresholds(60, 120, 31) == (60, 120)  # a monthly buyer
