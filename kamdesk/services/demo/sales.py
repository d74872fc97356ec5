"""Monthly sales per account and SKU: who buys, how much, how steadily, and who stopped.

Volumes follow a log-normal curve whose spread (σ ≈ 1.68) puts about 80 % of
the money with the top 20 % of buyers and 95 % with the top half, so the ABC
analysis finds roughly 20 % A, 30 % B and 50 % C. Bigger accounts (wholesalers,
large chains, regional centres) take the bigger volumes. Each buyer has a
rhythm: X buys every month in almost the same amount, Y every month with
swings, Z in a few (tender) months. Some started late, a few slow down and
stop (at risk), some stopped 5–12 months ago (lost).

The number of SKUs per buyer is tuned so the table holds about
`rows_per_account(total)` rows per account: rich for a small demo, about ten
for the 100 000-account benchmark. Rows are generated lazily, account by account.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from kamdesk.models import AccountKind
from kamdesk.services.demo.accounts import AccountPlan
from kamdesk.services.demo.catalog import ProductRef
from kamdesk.services.demo.common import Clock, DemoRandom, add_months
from kamdesk.services.settings import AnalyticsSettings

MEDIAN_VOLUME = 500_000.0  # roubles a year
SIGMA = 1.68
FILL = {"X": 1.0, "Y": 0.93, "Z": 0.24}  # share of active months × SKUs with a purchase
Z_MONTH_CHANCE = 0.3


@dataclass(slots=True)
class SalesPlan:
    account: AccountPlan
    volume: float  # roubles a year at full pace
    rank: float  # 0 = the biggest buyer, 1 = the smallest
    pattern: str  # X, Y or Z
    lifecycle: str  # steady, new, slowing, lapsed
    first: int  # index into Clock.months of the first month with purchases
    last: int  # index of the last month with purchases
    growth: float  # yearly trend
    lines: list[tuple[ProductRef, float]]  # product, base quantity a month

    @property
    def active_months(self) -> int:
        return self.last - self.first + 1


def rows_per_account(total: int) -> float:
    """About 40 rows an account up to 1 000 accounts, falling to 10 at 30 000 and above."""
    if total <= 1000:
        return 40.0
    if total >= 30000:
        return 10.0
    return 40.0 * 0.25 ** (math.log(total / 1000) / math.log(30))


def _buys(rng: DemoRandom, plan: AccountPlan) -> bool:
    kind = plan.kind
    if kind == AccountKind.HEALTH_AUTHORITY or (plan.flagship and kind == AccountKind.HOSPITAL):
        return True
    if kind in (AccountKind.DISTRIBUTOR, AccountKind.PHARMACY_CHAIN):
        return rng.chance(0.93)
    if kind == AccountKind.HOSPITAL:
        chance = {"polyclinic": 0.35, "private": 0.55}.get(plan.specialty, 0.75)
        return rng.chance(chance + (0.1 if plan.is_key else 0))
    if kind == AccountKind.PHARMACY:
        # Most chain pharmacies are supplied through their head office.
        return rng.chance(0.6 if plan.franchisee else 0.12)
    return False


def plan_sales(
    rng: DemoRandom,
    clock: Clock,
    accounts: list[AccountPlan],
    products: list[ProductRef],
    total: int,
    settings: AnalyticsSettings,
) -> list[SalesPlan]:
    buyers = [plan for plan in accounts if _buys(rng, plan)]
    if not buyers:
        return []
    scores = [plan.size - (0.5 if plan.is_pharmacy else 0) + rng.gauss(0, 0.45) for plan in buyers]
    order = sorted(range(len(buyers)), key=lambda i: (-scores[i], i))
    draws = sorted((rng.gauss(0, 1) for _ in buyers), reverse=True)
    lifecycles = _lifecycles(rng, len(buyers))
    plans: list[SalesPlan] = []
    for position, index in enumerate(order):
        account = buyers[index]
        rank = position / len(buyers)
        pattern = _pattern(rng, account, rank)
        lifecycle = lifecycles[position]
        first, last = _span(rng, clock, lifecycle, settings)
        growth = {"X": rng.uniform(-0.03, 0.06), "Y": rng.uniform(-0.1, 0.15)}.get(
            pattern, rng.uniform(-0.2, 0.2)
        )
        volume = MEDIAN_VOLUME * math.exp(SIGMA * draws[position])
        plans.append(SalesPlan(account, volume, rank, pattern, lifecycle, first, last, growth, []))
    _choose_lines(rng, plans, products, total * rows_per_account(total))
    return plans


def _pattern(rng: DemoRandom, account: AccountPlan, rank: float) -> str:
    if rank < 0.2:
        weights = [0.55, 0.35, 0.10]
    elif rank < 0.5:
        weights = [0.2, 0.45, 0.35]
    else:
        weights = [0.03, 0.3, 0.67]
    if account.kind in (AccountKind.HOSPITAL, AccountKind.HEALTH_AUTHORITY):
        # Hospitals buy through tenders: deliveries come in lots.
        weights = [weights[0] / 2, weights[1], weights[2] + weights[0] / 2]
    return rng.pick(("X", "Y", "Z"), weights)


def _lifecycles(rng: DemoRandom, count: int) -> list[str]:
    """Lifecycles by buyer position (biggest first), by quota so every demo has each kind.

    The top 5 % stay steady: a lost wholesaler or chain would take over the story (and
    a chain's pharmacies share its status).
    """
    result = ["steady"] * count
    candidates = list(range(max(2, math.ceil(count * 0.05)), count))
    rng.shuffle(candidates)
    quotas = (("lapsed", 0.07, 2), ("slowing", 0.05, 2), ("new", 0.08, 1))
    start = 0
    for lifecycle, share, minimum in quotas:
        size = max(minimum, round(count * share))
        for position in candidates[start : start + size]:
            result[position] = lifecycle
        start += size
    return result


def _idle_days(clock: Clock, index: int) -> int:
    """Days from the end of month `index` to today."""
    following = add_months(clock.months[index], 1)
    return (clock.today - following).days + 1


def _span(
    rng: DemoRandom, clock: Clock, lifecycle: str, settings: AnalyticsSettings
) -> tuple[int, int]:
    """First and last month (indexes) with purchases.

    Lapsed buyers stopped 5–12 months ago, well past `lost_days`; slowing ones made
    their last purchase inside the at-risk window, so the classification agrees.
    """
    months = len(clock.months)
    last = months - 1
    first = rng.randint(0, min(8, last)) if rng.chance(0.3) else 0
    if lifecycle == "lapsed":
        stopped = [i for i in range(months) if _idle_days(clock, i) > settings.lost_days + 20]
        last = rng.choice(stopped[-8:]) if stopped else 0
        first = min(first, max(0, last - rng.randint(3, 12)))
    elif lifecycle == "slowing":
        window = range(settings.at_risk_days + 5, settings.lost_days - 5)
        slowing = [i for i in range(months) if _idle_days(clock, i) in window]
        last = slowing[-1] if slowing else max(0, months - 3)
        first = min(first, last)
    elif lifecycle == "new":
        first = max(0, months - rng.randint(4, 18))
    return first, last


def _choose_lines(
    rng: DemoRandom, plans: list[SalesPlan], products: list[ProductRef], target_rows: float
) -> None:
    """How many SKUs each buyer takes, so the table lands near `target_rows`."""
    eligible = [
        [p for p in products if p.spec.segments & plan.account.segments] or products
        for plan in plans
    ]
    limits = [
        min(len(e), 12 if plan.account.is_pharmacy else 40)
        for e, plan in zip(eligible, plans, strict=True)
    ]
    weights = [plan.volume**0.4 for plan in plans]
    cells = [plan.active_months * FILL[plan.pattern] for plan in plans]

    def expected(scale: float) -> float:
        return sum(
            min(limit, max(1, round(scale * weight))) * cell
            for limit, weight, cell in zip(limits, weights, cells, strict=True)
        )

    low, high = 0.0, 1.0
    while expected(high) < target_rows and high < 1e6:
        high *= 2
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if expected(middle) < target_rows else (low, middle)
    for plan, choices, limit, weight in zip(plans, eligible, limits, weights, strict=True):
        count = min(limit, max(1, round(high * weight)))
        monthly = plan.volume / 12
        # A buyer orders what it can afford: at least a pack every other month.
        affordable = [p for p in choices if float(p.current_price) * count <= monthly * 2]
        pool = affordable if len(affordable) >= count else choices
        chosen = rng.sample_weighted(pool, [p.spec.popularity for p in pool], count)
        shares = [p.spec.popularity * (rng.expovariate(1.0) + 0.2) for p in chosen]
        total_share = sum(shares)
        plan.lines = [
            (product, monthly * share / total_share / float(product.current_price))
            for product, share in zip(chosen, shares, strict=True)
        ]
        if plan.pattern == "X" and min(q for _, q in plan.lines) < 0.7:
            plan.pattern = "Y"  # less than a pack a month cannot be a standing order


def sales_rows(rng: DemoRandom, clock: Clock, plans: list[SalesPlan]) -> Iterator[dict[str, Any]]:
    """Rows for `sales_records`, account by account; the office loads each month on the 6th."""
    loaded = [
        min(clock.moment(add_months(month, 1) + timedelta(days=5), 7, 30), clock.now)
        for month in clock.months
    ]
    for plan in plans:
        yield from _account_rows(rng, clock, plan, loaded)


def _account_rows(
    rng: DemoRandom, clock: Clock, plan: SalesPlan, loaded: list[datetime]
) -> Iterator[dict[str, Any]]:
    months = clock.months
    latest = len(months) - 1
    account_id = plan.account.id
    sigma, skip = {"X": (0.04, 0.0), "Y": (0.08, 0.03), "Z": (0.3, 0.25)}[plan.pattern]
    steady = plan.pattern == "X"
    for t in range(plan.first, plan.last + 1):
        factor = (1 + plan.growth) ** ((t - latest) / 12)
        if plan.lifecycle == "slowing" and t > plan.last - 6:
            factor *= 1 - 0.12 * (t - plan.last + 6)
        if plan.pattern == "X":
            factor *= 1 + rng.gauss(0, 0.03)
        elif plan.pattern == "Y":
            factor *= max(0.3, 1 + rng.gauss(0, 0.12))
        else:
            if t != plan.last and rng.random() >= Z_MONTH_CHANCE:
                continue
            factor *= rng.lognormvariate(0, 0.5) / Z_MONTH_CHANCE
        month = months[t]
        emitted = False
        for product, base in plan.lines:
            if skip and rng.random() < skip:
                continue
            wanted = base * factor * max(0.1, 1 + rng.gauss(0, sigma))
            # X: the same standing order every month; else rounded up or down, unbiased.
            quantity = max(1, round(wanted)) if steady else int(wanted + rng.random())
            if quantity > 0:
                emitted = True
                yield _row(rng, account_id, product, month, quantity, loaded[t])
        if t == plan.last and not emitted:
            # The last month of a plan always has a purchase: statuses depend on it.
            product, base = plan.lines[0]
            yield _row(rng, account_id, product, month, max(1, round(base)), loaded[t])


def _row(
    rng: DemoRandom,
    account_id: Any,
    product: ProductRef,
    month: Any,
    quantity: int,
    loaded: datetime,
) -> dict[str, Any]:
    return {
        "id": rng.uuid(),
        "created_at": loaded,
        "updated_at": loaded,
        "revision": 1,
        "deleted_at": None,
        "server_version": None,
        "account_id": account_id,
        "product_id": product.id,
        "month": month,
        "quantity": quantity,
        "amount": Decimal(quantity) * product.price_on(month),
    }


def expected_rows(plans: list[SalesPlan]) -> int:
    """About how many rows `sales_rows` will yield (for progress reports)."""
    return max(1, round(sum(len(p.lines) * p.active_months * FILL[p.pattern] for p in plans)))
