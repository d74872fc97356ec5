"""ABC–XYZ classification and lost-client detection from monthly sales (field guide §2).

ABC: accounts sorted by sales over the analysis window; an account is A while
the accounts before it hold less than `abc_a_share` of the total (so the one
that crosses 80 % is still A), B below `abc_b_share`, C after that.
XYZ on the account's own purchase cycle (field guide §2: a hospital buying every
quarter like clockwork is regular, not Z). The months of the window with a
purchase are the account's purchases; its variation is the larger of
- the coefficient of variation (population standard deviation / mean) of the
  intervals in months between consecutive purchases, the open interval from the
  last purchase to the end of the window counted too once it is longer than the
  longest interval seen (a buyer who stopped is not regular), and
- the coefficient of variation of the amounts per purchase.
X up to `xyz_x_max_cv` (10 %), Y up to `xyz_y_max_cv` (25 %), Z above. A monthly
buyer is judged as by the textbook's monthly CV without the zero months; a
quarterly buyer of steady amounts is X (the textbook's monthly CV is 1.41, Z).
A single purchase in the window shows no cycle: Z, with no variation.
Hand check: purchases in January, April, July, October of 300, 330, 280, 310 →
intervals 3, 3, 3 (CV 0), amounts mean 305, CV ≈ 0.059 → X.

Chains (field guide: the KAM negotiates with the chain): a pharmacy whose parent
is a pharmacy chain adds its sales to the chain's, and ABC ranks the chain with
that consolidated volume; the chain's XYZ, sales and last purchase are its
pharmacies' (with its own) together. The pharmacies are not ranked on their own
(that would count their volume twice): each shows its chain's ABC class, and its
own sales, share, XYZ and last purchase.
Accounts without sales in the window get no class.

Status: the rule is kamdesk.account_status (purchases, accepted offers and held
visits, by kind of account; the KAM's «Вернуть»/«Потенциальный» on top). It is a
derived value: `recompute` works it out again into the local cache
`account_stats.status` for today and the current settings, and never writes
`accounts.status` (the KAM's choice, synced as their edit), so reclassifying
queues nothing for the office and two laptops never argue over it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, text, update

from kamdesk.account_status import by_figures, shown
from kamdesk.models import AccountKind, AccountStats, AccountStatus, AppSetting
from kamdesk.models.base import UuidBytes
from kamdesk.services.settings import AnalyticsSettings, load_analytics
from kamdesk.store import Store
from kamdesk.store.derived import CLASSIFICATION_STALE, refresh_statuses

if TYPE_CHECKING:
    import pandas as pd

# The day the classification last ran for (ISO date): a new day reclassifies.
CLASSIFIED_ON = "classification.day"


@dataclass(frozen=True)
class Classification:
    account_id: str
    abc: str | None
    xyz: str | None
    total: Decimal
    share: float | None
    cv: float | None


def window_months(today: date, months: int) -> list[date]:
    """The `months` complete months before `today`'s month, oldest first."""
    year, month = today.year, today.month
    result: list[date] = []
    for _ in range(months):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        result.append(date(year, month, 1))
    return result[::-1]


def classify(
    monthly: pd.DataFrame, months: list[date], settings: AnalyticsSettings
) -> pd.DataFrame:
    """ABC and XYZ per account.

    `monthly` has columns account_id, month (date, first day), amount (Decimal
    or number). Returns a frame indexed by account_id with columns abc, xyz,
    total, share, cv.
    """
    import numpy as np
    import pandas as pd

    columns = ["abc", "xyz", "total", "share", "cv"]
    if monthly.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="account_id"))
    frame = monthly[monthly["month"].isin(months)].copy()
    frame["amount"] = frame["amount"].astype(float)
    grid = frame.pivot_table(
        index="account_id", columns="month", values="amount", aggfunc="sum", fill_value=0.0
    ).reindex(columns=months, fill_value=0.0)
    totals = grid.sum(axis=1)
    grid = grid[totals > 0]
    totals = totals[totals > 0]
    result = pd.DataFrame(index=grid.index)
    result["total"] = totals
    portfolio = float(totals.sum())
    result["share"] = totals / portfolio if portfolio else np.nan
    ordered = totals.sort_values(ascending=False, kind="mergesort")
    share_before = (ordered.cumsum() - ordered) / portfolio
    abc = pd.Series("C", index=ordered.index)
    abc[share_before < settings.abc_b_share] = "B"
    abc[share_before < settings.abc_a_share] = "A"
    result["abc"] = abc
    cv = pd.Series([cycle_variation(list(row)) for row in grid.to_numpy()], index=grid.index)
    result["cv"] = cv
    result["xyz"] = np.where(
        cv <= settings.xyz_x_max_cv, "X", np.where(cv <= settings.xyz_y_max_cv, "Y", "Z")
    )
    result.loc[cv.isna(), "xyz"] = "Z"
    result.index.name = "account_id"
    return result[columns]


def cycle_variation(amounts: Sequence[float]) -> float | None:
    """The variation of one account's purchases on its own cycle (see the module):
    `amounts` are the window's months, oldest first, 0 without a purchase. None when
    there is a single purchase (no cycle to judge)."""
    import numpy as np

    bought = [index for index, amount in enumerate(amounts) if amount > 0]
    if len(bought) < 2:
        return None
    intervals = [float(b - a) for a, b in itertools.pairwise(bought)]
    trailing = float(len(amounts) - bought[-1])  # months to the end of the window
    if trailing > max(intervals):
        intervals.append(trailing)
    values = np.array([amounts[index] for index in bought], dtype=float)
    gaps = np.array(intervals)
    return float(max(gaps.std() / gaps.mean(), values.std() / values.mean()))


def purchase_cycle(amounts: Sequence[float]) -> int | None:
    """The account's own cycle for the card's words («buys once a quarter»): the median
    interval in months between the window's purchase months (`amounts` as for
    `cycle_variation`); None with fewer than two purchases."""
    import statistics

    bought = [index for index, amount in enumerate(amounts) if amount > 0]
    if len(bought) < 2:
        return None
    return round(statistics.median(b - a for a, b in itertools.pairwise(bought)))


def consolidate_chains(monthly: pd.DataFrame, chain_of: dict[str, str]) -> pd.DataFrame:
    """`monthly` with each chain pharmacy's rows also counted to its chain (`chain_of`:
    pharmacy id → chain id); the pharmacies' own rows are kept for their own figures."""
    import pandas as pd

    if monthly.empty or not chain_of:
        return monthly
    of_chains = monthly[monthly["account_id"].isin(chain_of)].copy()
    of_chains["account_id"] = of_chains["account_id"].map(chain_of)
    return pd.concat([monthly, of_chains], ignore_index=True)


def classify_portfolio(
    monthly: pd.DataFrame,
    months: list[date],
    settings: AnalyticsSettings,
    chain_of: dict[str, str] | None = None,
) -> pd.DataFrame:
    """ABC and XYZ with chains consolidated: the chains (their pharmacies' sales
    included) and the other accounts are ranked; a chain's pharmacies are classified
    among themselves for their XYZ, share and sales, and show their chain's ABC."""
    import pandas as pd

    chain_of = chain_of or {}
    consolidated = consolidate_chains(monthly, chain_of)
    ranked = classify(
        consolidated[~consolidated["account_id"].isin(chain_of)] if chain_of else consolidated,
        months,
        settings,
    )
    if not chain_of:
        return ranked
    own = classify(consolidated[consolidated["account_id"].isin(chain_of)], months, settings)
    portfolio = float(ranked["total"].sum())
    own["share"] = own["total"] / portfolio if portfolio else float("nan")
    own["abc"] = [ranked["abc"].get(chain_of[str(account_id)]) for account_id in own.index]
    return pd.concat([ranked, own])


def status_for(
    current: AccountStatus,
    last_purchase: date | None,
    today: date,
    settings: AnalyticsSettings,
    kind: AccountKind = AccountKind.HOSPITAL,
) -> AccountStatus:
    """The status shown for an account whose only fact is its last purchase month
    (`current`: the KAM's choice); the full rule is kamdesk.account_status."""
    figures = by_figures(
        kind,
        last_purchase_month=last_purchase,
        accepted_offer_until=None,
        last_contact=None,
        today=today,
        at_risk_days=settings.at_risk_days,
        lost_days=settings.lost_days,
    )
    return shown(current, figures)


def recompute(store: Store, today: date | None = None) -> int:
    """Reclassify every account and work out its status for `today`; returns how many
    statuses shown changed. Writes only the local cache: the change log does not grow."""
    import pandas as pd

    today = today or date.today()
    settings = load_analytics(store)
    months = window_months(today, settings.analysis_months)
    with store.engine.connect() as connection:
        raw: Any = connection.connection.driver_connection
        # The driver's cursor (SQLCipher's, which pandas does not know) into a frame.
        cursor = raw.execute(
            # Keys are 16-byte BLOBs; the frame keys accounts by their 32 hex digits.
            "SELECT lower(hex(account_id)) AS account_id, month, sum(amount) AS amount "
            "FROM sales_records "
            "WHERE deleted_at IS NULL AND month >= ? AND month <= ? "
            "GROUP BY account_id, month",
            (months[0].isoformat(), months[-1].isoformat()),
        )
        monthly = pd.DataFrame(
            cursor.fetchall(), columns=[column[0] for column in cursor.description]
        )
        last_purchases: dict[str, str] = dict(
            connection.execute(
                text(
                    "SELECT lower(hex(account_id)), max(month) FROM sales_records "
                    "WHERE deleted_at IS NULL AND quantity > 0 GROUP BY account_id"
                )
            ).all()
        )
        chain_of: dict[str, str] = dict(
            connection.execute(
                text(
                    "SELECT lower(hex(a.id)), lower(hex(c.id)) FROM accounts a "
                    "JOIN accounts c ON c.id = a.parent_id "
                    "WHERE a.kind = 'pharmacy' AND c.kind = 'pharmacy_chain' "
                    "AND a.deleted_at IS NULL AND a.merged_into_id IS NULL"
                )
            ).all()
        )
    for pharmacy, chain in chain_of.items():  # a chain last bought when a pharmacy did
        bought = last_purchases.get(pharmacy)
        if bought is not None and bought > last_purchases.get(chain, ""):
            last_purchases[chain] = bought
    monthly["month"] = pd.to_datetime(monthly["month"]).dt.date
    monthly["amount"] = monthly["amount"] / 100  # stored in kopecks
    result = classify_portfolio(monthly, months, settings, chain_of)
    stats_rows = _stats_rows(result, last_purchases)
    with store.transaction() as session:
        connection = session.connection()
        connection.execute(
            update(AccountStats).values(
                abc_class=None,
                xyz_class=None,
                sales_12m=Decimal(0),
                sales_share=None,
                variation=None,
                last_purchase_on=None,
            )
        )
        if stats_rows:
            connection.execute(
                text(
                    "UPDATE account_stats SET abc_class = :abc, xyz_class = :xyz, "
                    "sales_12m = :sales, sales_share = :share, variation = :cv, "
                    "last_purchase_on = :last WHERE account_id = :id"
                ).bindparams(bindparam("id", type_=UuidBytes())),
                stats_rows,
            )
        before = _statuses(connection)
        refresh_statuses(connection, datetime.combine(today, time(), UTC))
        after = _statuses(connection)
        changed = sum(1 for account_id, status in after.items() if before.get(account_id) != status)
        session.merge(AppSetting(key=CLASSIFICATION_STALE, value=False))
        session.merge(AppSetting(key=CLASSIFIED_ON, value=today.isoformat()))
    return changed


def _stats_rows(result: pd.DataFrame, last_purchases: dict[str, str]) -> list[dict[str, Any]]:
    import pandas as pd

    rows: dict[str, dict[str, Any]] = {
        account_id: {
            "id": account_id,
            "abc": None,
            "xyz": None,
            "sales": 0,
            "share": None,
            "cv": None,
            "last": last,
        }
        for account_id, last in last_purchases.items()
    }
    for account_id, row in result.iterrows():
        entry = rows.setdefault(
            str(account_id), {"id": str(account_id), "last": last_purchases.get(str(account_id))}
        )
        entry.update(
            abc=row["abc"],
            xyz=row["xyz"],
            sales=round(float(row["total"]) * 100),
            share=None if pd.isna(row["share"]) else float(row["share"]),
            cv=None if pd.isna(row["cv"]) else float(row["cv"]),
        )
    return list(rows.values())


def _statuses(connection: Connection) -> dict[Any, str]:
    return dict(connection.execute(text("SELECT account_id, status FROM account_stats")).all())


def is_stale(store: Store, today: date | None = None) -> bool:
    """Sales changed since the last run, or it ran on another day: the window of
    months and the statuses (days without buying, offers expiring) move with the date."""
    with store.session() as session:
        flag = session.get(AppSetting, CLASSIFICATION_STALE)
        day = session.get(AppSetting, CLASSIFIED_ON)
        if flag is None or bool(flag.value):
            return True
        return day is None or day.value != (today or date.today()).isoformat()
