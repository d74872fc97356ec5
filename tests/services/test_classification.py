"""ABC–XYZ on a small portfolio checked by hand, and lost/at-risk detection."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountKind,
    AccountStats,
    AccountStatus,
    ChangeLogEntry,
    Product,
    SalesRecord,
)
from kamdesk.services import classification
from kamdesk.services.classification import classify, status_for, window_months
from kamdesk.services.settings import AnalyticsSettings, load_analytics, save_analytics
from kamdesk.store import Store

TODAY = date(2026, 11, 22)
MONTHS = window_months(TODAY, 12)  # November 2025 … October 2026

# Twelve monthly amounts per account, hand-made so the classes are obvious:
#   steady 50 a month: total 600 (60 %), CV 0        → A X
#   20/30 alternating: total 300 (30 %), CV 5/25=0.2 → A Y (the 60 % before it is < 80 %)
#   one order of 60:   total  60  (6 %), CV 3.3      → B Z (90 % before it, < 95 %)
#   one order of 30:   total  30  (3 %)              → C Z (96 % before it)
#   one order of 10:   total  10  (1 %)              → C Z
PORTFOLIO = {
    "steady": [50] * 12,
    "seesaw": [20, 30] * 6,
    "tender": [60] + [0] * 11,
    "small": [0] * 5 + [30] + [0] * 6,
    "tiny": [0] * 11 + [10],
}


def _frame() -> pd.DataFrame:
    rows = [
        {"account_id": name, "month": month, "amount": Decimal(amount)}
        for name, amounts in PORTFOLIO.items()
        for month, amount in zip(MONTHS, amounts, strict=True)
        if amount
    ]
    return pd.DataFrame(rows)


def test_the_window_is_the_twelve_complete_months_before_today() -> None:
    assert MONTHS[0] == date(2025, 11, 1)
    assert MONTHS[-1] == date(2026, 10, 1)
    assert len(MONTHS) == 12


def test_abc_xyz_on_a_hand_checked_portfolio() -> None:
    result = classify(_frame(), MONTHS, AnalyticsSettings())
    classes = {name: row.abc + row.xyz for name, row in result.iterrows()}
    assert classes == {"steady": "AX", "seesaw": "AY", "tender": "BZ", "small": "CZ", "tiny": "CZ"}
    assert result.loc["steady", "share"] == pytest.approx(0.6)
    assert result.loc["seesaw", "cv"] == pytest.approx(0.2)
    assert result.loc[["tender"], "cv"].isna().all()  # one purchase: no cycle to judge, Z


# A hospital buying every third month like clockwork, and an erratic buyer.
CLOCKWORK = [300, 0, 0, 330, 0, 0, 280, 0, 0, 310, 0, 0]
ERRATIC = [100, 20, 0, 0, 0, 0, 300, 0, 0, 0, 0, 50]


def test_a_clockwork_quarterly_buyer_is_regular_on_its_own_cycle() -> None:
    # Intervals 3, 3, 3 (CV 0); amounts 300, 330, 280, 310: mean 305, std √325 → CV 0.059.
    assert classification.cycle_variation(CLOCKWORK) == pytest.approx(325**0.5 / 305)
    frame = pd.DataFrame(
        [
            {"account_id": name, "month": month, "amount": amount}
            for name, amounts in {"hospital": CLOCKWORK, "erratic": ERRATIC}.items()
            for month, amount in zip(MONTHS, amounts, strict=True)
            if amount
        ]
    )
    result = classify(frame, MONTHS, AnalyticsSettings())
    assert result.loc["hospital", "xyz"] == "X"  # the textbook's monthly CV says 1.41: Z
    # Erratic: intervals 1, 5, 5 (CV 0.47); amounts 100, 20, 300, 50 (mean 117.5,
    # std 109.2: CV 0.93) → Z.
    assert result.loc["erratic", "xyz"] == "Z"
    assert result.loc["erratic", "cv"] == pytest.approx(11918.75**0.5 / 117.5)


def test_a_regular_buyer_who_stopped_is_not_regular() -> None:
    stopped = [50] * 6 + [0] * 6  # monthly, then six months of nothing
    assert (classification.cycle_variation(stopped) or 0) > 0.25  # intervals 1×5 and 7
    fluctuating = [200, 0, 0, 260, 0, 0, 200, 0, 0, 260, 0, 0]  # quarterly, CV 0.13
    assert (
        classify(
            pd.DataFrame(
                [
                    {"account_id": "h", "month": m, "amount": a}
                    for m, a in zip(MONTHS, fluctuating, strict=True)
                ]
            ),
            MONTHS,
            AnalyticsSettings(),
        ).loc["h", "xyz"]
        == "Y"
    )


def test_thresholds_are_settings() -> None:
    strict = AnalyticsSettings(
        abc_a_share=0.5, abc_b_share=0.9, xyz_x_max_cv=0.1, xyz_y_max_cv=0.15
    )
    result = classify(_frame(), MONTHS, strict)
    assert result.loc["seesaw", "abc"] == "B"  # 60 % already before it, above 50 %
    assert result.loc["seesaw", "xyz"] == "Z"  # CV 0.2 is above 15 %


def test_sales_outside_the_window_give_no_class() -> None:
    frame = pd.DataFrame([{"account_id": "old", "month": date(2023, 1, 1), "amount": 100}])
    assert classify(frame, MONTHS, AnalyticsSettings()).empty


@pytest.mark.parametrize(
    ("current", "last_purchase", "expected"),
    [
        (AccountStatus.ACTIVE, date(2026, 10, 1), AccountStatus.ACTIVE),  # 22 days idle
        (AccountStatus.ACTIVE, date(2026, 8, 1), AccountStatus.AT_RISK),  # 83 days
        (AccountStatus.ACTIVE, date(2026, 6, 1), AccountStatus.LOST),  # 144 days
        (AccountStatus.AT_RISK, date(2026, 6, 1), AccountStatus.LOST),
        (AccountStatus.WIN_BACK, date(2026, 6, 1), AccountStatus.WIN_BACK),  # being won back
        (AccountStatus.LOST, date(2026, 10, 1), AccountStatus.ACTIVE),  # bought again
        (AccountStatus.PROSPECT, date(2026, 10, 1), AccountStatus.ACTIVE),  # first purchase
        (AccountStatus.PROSPECT, None, AccountStatus.PROSPECT),  # never bought
    ],
)
def test_status_from_days_since_the_last_purchase(
    current: AccountStatus, last_purchase: date | None, expected: AccountStatus
) -> None:
    assert status_for(current, last_purchase, TODAY, AnalyticsSettings()) == expected


def test_recompute_stores_classes_and_statuses_without_logging_them(store: Store) -> None:
    with store.transaction() as session:
        product = Product(sku="MET-500", inn_name="Метформин", trade_name="Метформин-Тв")
        session.add(product)
        ids = {}
        for name, amounts in PORTFOLIO.items():
            account = Account(name=name, kind=AccountKind.HOSPITAL, status=AccountStatus.ACTIVE)
            session.add(account)
            session.flush()
            ids[name] = account.id
            for month, amount in zip(MONTHS, amounts, strict=True):
                if amount:
                    session.add(
                        SalesRecord(
                            account_id=account.id,
                            product_id=product.id,
                            month=month,
                            quantity=1,
                            amount=Decimal(amount),
                        )
                    )
    with store.session() as session:
        logged_before = len(session.scalars(select(ChangeLogEntry)).all())
    assert classification.is_stale(store)
    changed = classification.recompute(store, today=TODAY)
    assert not classification.is_stale(store, today=TODAY)
    assert classification.is_stale(store, today=date(2026, 11, 23))  # a new day
    with store.session() as session:
        stats = {s.account_id: s for s in session.scalars(select(AccountStats))}
        accounts = {a.id: a for a in session.scalars(select(Account))}
        logged_after = len(session.scalars(select(ChangeLogEntry)).all())
    assert stats[ids["steady"]].abc_class == "A" and stats[ids["steady"]].xyz_class == "X"
    assert stats[ids["tender"]].abc_class == "B"
    assert stats[ids["steady"]].sales_12m == Decimal("600.00")
    # "tender" bought only in November 2025: a year idle, so lost; "small" in June.
    assert stats[ids["tender"]].status == AccountStatus.LOST
    assert stats[ids["small"]].status == AccountStatus.LOST
    assert stats[ids["steady"]].status == AccountStatus.ACTIVE
    assert changed == 5  # the sales came after the cards: until now none had bought
    assert classification.recompute(store, today=TODAY) == 0
    # The KAM chose nothing: the synced rows keep what they had, nothing queued.
    assert {a.status for a in accounts.values()} == {AccountStatus.ACTIVE}
    assert logged_after == logged_before


def test_analytics_settings_round_trip_and_are_validated(store: Store) -> None:
    assert load_analytics(store) == AnalyticsSettings()
    save_analytics(store, AnalyticsSettings(lost_days=180))
    assert load_analytics(store).lost_days == 180
    with pytest.raises(ValueError, match="A < B"):
        save_analytics(store, AnalyticsSettings(abc_a_share=0.97))


def test_a_chain_is_ranked_with_its_pharmacies_sales(store: Store) -> None:
    """A chain with no sales of its own: its two pharmacies' 600 + 300 are its 900 (90 %),
    ranked A against a hospital's 100; the pharmacies keep their own figures and show
    the chain's class; the chain is active, not «Потенциальный»."""
    with store.transaction() as session:
        product = Product(sku="MET-500", inn_name="Метформин", trade_name="Метформин-Тв")
        chain = Account(name="Аптеки Плюс", kind=AccountKind.PHARMACY_CHAIN)
        hospital = Account(name="ГБУЗ", kind=AccountKind.HOSPITAL)
        session.add_all([product, chain, hospital])
        session.flush()
        first = Account(name="Аптека 1", kind=AccountKind.PHARMACY, parent_id=chain.id)
        second = Account(name="Аптека 2", kind=AccountKind.PHARMACY, parent_id=chain.id)
        session.add_all([first, second])
        session.flush()
        for account, amount in ((first, 50), (second, 25), (hospital, 100)):
            for month in MONTHS[: 12 if account is not hospital else 1]:
                session.add(
                    SalesRecord(
                        account_id=account.id,
                        product_id=product.id,
                        month=month,
                        quantity=1,
                        amount=Decimal(amount),
                    )
                )
        ids = {"chain": chain.id, "first": first.id, "second": second.id, "hospital": hospital.id}
    classification.recompute(store, today=TODAY)
    with store.session() as session:
        by_id = {s.account_id: s for s in session.scalars(select(AccountStats))}
    stats = {name: by_id.get(account_id) for name, account_id in ids.items()}
    chain_stats = stats["chain"]
    assert chain_stats is not None and stats["first"] is not None and stats["second"] is not None
    assert chain_stats.sales_12m == stats["first"].sales_12m + stats["second"].sales_12m
    assert chain_stats.sales_12m == Decimal("900.00")
    assert chain_stats.abc_class == "A" and chain_stats.xyz_class == "X"
    assert chain_stats.sales_share == pytest.approx(0.9)
    assert chain_stats.status == AccountStatus.ACTIVE
    assert stats["first"].abc_class == "A" and stats["first"].sales_share == pytest.approx(0.6)
    assert stats["hospital"] is not None and stats["hospital"].abc_class == "B"
