"""ABC–XYZ classification and lost-client detection from monthly sales (field guide §2).

ABC: accounts sorted by sales over the analysis window; an account is A while
the accounts before it hold less than `abc_a_share` of the total (so the one
that crosses 80 % is still A), B below `abc_b_share`, C after that.
XYZ: coefficient of variation (population standard deviation / mean) of the
monthly amounts over the window, months without purchases counting as zero.
Accounts without sales in the window get no class.

Status: days since the end of the last month with a purchase; beyond
`lost_days` an active or at-risk account becomes lost, beyond `at_risk_days`
it becomes at risk; a purchase makes a lost, at-risk, win-back or prospect
account active again. Accounts without any sales keep the status the KAM set.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select, text, update
from sqlalchemy.orm import Session

from kamdesk.models import Account, AccountStats, AccountStatus, AppSetting
from kamdesk.models.base import UuidBytes
from kamdesk.services.settings import AnalyticsSettings, load_analytics
from kamdesk.store import Store
from kamdesk.store.derived import CLASSIFICATION_STALE

if TYPE_CHECKING:
    import pandas as pd

_CHUNK = 500


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
    mean = grid.mean(axis=1)
    cv = grid.std(axis=1, ddof=0) / mean
    result["cv"] = cv
    result["xyz"] = np.where(
        cv <= settings.xyz_x_max_cv, "X", np.where(cv <= settings.xyz_y_max_cv, "Y", "Z")
    )
    result.index.name = "account_id"
    return result[columns]


def status_for(
    current: AccountStatus, last_purchase: date | None, today: date, settings: AnalyticsSettings
) -> AccountStatus:
    if last_purchase is None:
        return current
    month_end = last_purchase.replace(
        day=calendar.monthrange(last_purchase.year, last_purchase.month)[1]
    )
    idle_days = (today - month_end).days
    if idle_days > settings.lost_days:
        if current in (AccountStatus.ACTIVE, AccountStatus.AT_RISK):
            return AccountStatus.LOST
        return current
    if idle_days > settings.at_risk_days:
        return AccountStatus.AT_RISK if current == AccountStatus.ACTIVE else current
    return AccountStatus.ACTIVE


def recompute(store: Store, today: date | None = None) -> int:
    """Reclassify every account and update statuses; returns how many statuses changed."""
    import pandas as pd

    today = today or date.today()
    settings = load_analytics(store)
    months = window_months(today, settings.analysis_months)
    with store.engine.connect() as connection:
        raw: Any = connection.connection.driver_connection
        monthly = pd.read_sql_query(
            # Keys are 16-byte BLOBs; the frame keys accounts by their 32 hex digits.
            "SELECT lower(hex(account_id)) AS account_id, month, sum(amount) AS amount "
            "FROM sales_records "
            "WHERE deleted_at IS NULL AND month >= ? AND month <= ? "
            "GROUP BY account_id, month",
            raw,
            params=(months[0].isoformat(), months[-1].isoformat()),
        )
        last_purchases: dict[str, str] = dict(
            connection.execute(
                text(
                    "SELECT lower(hex(account_id)), max(month) FROM sales_records "
                    "WHERE deleted_at IS NULL AND quantity > 0 GROUP BY account_id"
                )
            ).all()
        )
    monthly["month"] = pd.to_datetime(monthly["month"]).dt.date
    monthly["amount"] = monthly["amount"] / 100  # stored in kopecks
    result = classify(monthly, months, settings)
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
        changed = _update_statuses(session, last_purchases, today, settings)
        session.merge(AppSetting(key=CLASSIFICATION_STALE, value=False))
    return changed


def _stats_rows(result: pd.DataFrame, last_purchases: dict[str, str]) -> list[dict[str, Any]]:
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
            share=float(row["share"]),
            cv=float(row["cv"]),
        )
    return list(rows.values())


def _update_statuses(
    session: Session, last_purchases: dict[str, str], today: date, settings: AnalyticsSettings
) -> int:
    updates: dict[uuid.UUID, AccountStatus] = {}
    for account_id, status in session.execute(select(Account.id, Account.status)):
        last = last_purchases.get(account_id.hex)
        new_status = status_for(status, date.fromisoformat(last) if last else None, today, settings)
        if new_status != status:
            updates[account_id] = new_status
    ids = list(updates)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for account in session.scalars(select(Account).where(Account.id.in_(chunk))):
            account.status = updates[account.id]  # through the ORM: the change is logged
    return len(updates)


def is_stale(store: Store) -> bool:
    with store.session() as session:
        flag = session.get(AppSetting, CLASSIFICATION_STALE)
        return flag is None or bool(flag.value)
