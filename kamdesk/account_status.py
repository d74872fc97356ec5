"""The status a KAM sees for an account: worked out from synced facts, never stored as an edit.

Two things make the status shown in the client list, on the card and in analytics:

* **The KAM's choice** (`Account.status`, synced, an ordinary logged edit): only
  «Вернуть» (win_back) and «Потенциальный» (prospect, also what a new card starts
  with) are choices. «Активный», «Под угрозой» and «Потерян» stored there mean
  "no choice: go by the figures" (older stores and the demo keep figures there).
* **The figures** (worked out on each laptop, kept in the local cache
  `account_stats.status`, never synced), from purchases, offers and held visits:

  Accounts that buy (hospitals, chains, pharmacies, distributors):
    - the last buying day is the end of the last month with a purchase (as the day's
      classification found it in the sales), or the day an accepted offer stops being
      valid (its acceptance day when later), whichever is later; a pharmacy without
      purchases of its own shares its chain's;
    - bought within `at_risk_days` (60): «Активный»; within `lost_days` (120):
      «Под угрозой»; longer ago: «Потерян», unless the KAM was in touch within
      `lost_days` (a held visit, a sent or accepted offer): then «Под угрозой» —
      a client you are working with is not lost, only at risk;
    - a buyer on its own long cycle (a tender every quarter, a yearly request) is
      judged on it: when the usual gap between its purchase months (the median of
      the last 12 gaps, from 3 purchase months on) is longer than `at_risk_days`, it
      is at risk only once that gap and 30 days more have passed, and lost after two
      gaps (never sooner than `lost_days`): a quarterly buyer (gap ≈ 91 days) is at
      risk after 121 days and lost after 182;
    - never bought: «Потенциальный».
  Accounts that do not buy by design (health authorities, «Другое»: ФОМС, KOL-only
  organisations, universities, and any kind not listed above) are never lost by
  purchases: in touch (a held visit, a sent or accepted offer, or a purchase) within
  `lost_days`: «Активный»; longer ago: «Под угрозой» (a forgotten client is how
  clients are lost); never in touch: «Потенциальный».

What is shown: an account active by the figures is «Активный» whatever was chosen
(it buys: nothing to win back, no longer a prospect); otherwise «Вернуть» when
chosen; «Потенциальный» when chosen and the account has never bought (never been
in touch, for those that do not buy); otherwise the figures.

Pure Python (no database, no Qt): the store calls `sql_status` as the SQLite function
`kam_status` when it refreshes the cache, so every path (an edit, a sync, a bulk load,
the classification) gives the same answer.
"""

from __future__ import annotations

import calendar
import statistics
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise

from kamdesk.vocabulary import AccountKind, AccountStatus

# Kinds that buy from us; every other kind (ministries, ФОМС, KOL-only) does not buy.
BUYING_KINDS = frozenset(
    {
        AccountKind.HOSPITAL,
        AccountKind.PHARMACY_CHAIN,
        AccountKind.PHARMACY,
        AccountKind.DISTRIBUTOR,
    }
)
# The values of `Account.status` that are a KAM's choice rather than figures.
CHOSEN = frozenset({AccountStatus.WIN_BACK, AccountStatus.PROSPECT})
# The same defaults as kamdesk.services.settings.AnalyticsSettings (a test checks).
DEFAULT_AT_RISK_DAYS = 60
DEFAULT_LOST_DAYS = 120
# A long purchase cycle moves the thresholds: at risk after the usual gap and this slack.
CYCLE_SLACK_DAYS = 30
CYCLE_MIN_PURCHASES = 3  # purchase months needed before a cycle is trusted
CYCLE_GAPS = 12  # the usual gap is the median of the last this-many gaps


def buys_by_design(kind: AccountKind | str) -> bool:
    return kind in BUYING_KINDS


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def usual_gap_days(purchase_months: Iterable[date]) -> int | None:
    """The median gap in days between the account's last purchase months; None with
    fewer than `CYCLE_MIN_PURCHASES` of them."""
    months = sorted(set(purchase_months))[-(CYCLE_GAPS + 1) :]
    if len(months) < CYCLE_MIN_PURCHASES:
        return None
    return int(statistics.median((b - a).days for a, b in pairwise(months)))


def cycle_thresholds(at_risk_days: int, lost_days: int, gap: int | None) -> tuple[int, int]:
    """The at-risk and lost days for a buyer whose usual gap is `gap` days."""
    if gap is None or gap <= at_risk_days:
        return at_risk_days, lost_days
    at_risk = gap + CYCLE_SLACK_DAYS
    return at_risk, max(lost_days, 2 * gap, at_risk + 1)


def by_figures(
    kind: AccountKind | str,
    *,
    last_purchase_month: date | None,
    accepted_offer_until: date | None,
    last_contact: date | None,
    today: date,
    at_risk_days: int = DEFAULT_AT_RISK_DAYS,
    lost_days: int = DEFAULT_LOST_DAYS,
    usual_gap: int | None = None,
) -> AccountStatus:
    """The status the figures give (see the module's docstring).

    `last_purchase_month`: the first day of the last month with a purchase;
    `accepted_offer_until`: the latest of an accepted offer's acceptance day and
    validity end; `last_contact`: the last held visit or sent/accepted offer;
    `usual_gap`: days between purchases on the account's own cycle (`usual_gap_days`).
    """
    bought = _latest(
        month_end(last_purchase_month) if last_purchase_month else None,
        min(accepted_offer_until, today) if accepted_offer_until else None,
    )
    in_touch = last_contact is not None and today - last_contact <= timedelta(days=lost_days)
    if not buys_by_design(kind):
        last = _latest(bought, last_contact)
        if last is None:
            return AccountStatus.PROSPECT
        recent = in_touch or _within(last, today, lost_days)
        return AccountStatus.ACTIVE if recent else AccountStatus.AT_RISK
    if bought is None:
        return AccountStatus.PROSPECT
    at_risk_after, lost_after = cycle_thresholds(at_risk_days, lost_days, usual_gap)
    if _within(bought, today, at_risk_after):
        return AccountStatus.ACTIVE
    if _within(bought, today, lost_after) or in_touch:
        return AccountStatus.AT_RISK
    return AccountStatus.LOST


def shown(choice: AccountStatus | str | None, figures: AccountStatus) -> AccountStatus:
    """What the KAM sees: their choice where it still applies, otherwise the figures."""
    if figures == AccountStatus.ACTIVE:
        return AccountStatus.ACTIVE
    if choice == AccountStatus.WIN_BACK:
        return AccountStatus.WIN_BACK
    if choice == AccountStatus.PROSPECT and figures == AccountStatus.PROSPECT:
        return AccountStatus.PROSPECT
    return figures


def sql_status(
    kind: str,
    choice: str | None,
    purchase_months: str | None,
    accepted_offer_until: str | None,
    last_contact: str | None,
    now: str,
    at_risk_days: int | None,
    lost_days: int | None,
) -> str:
    """`kam_status(...)` in SQL: dates and times as SQLite stores them (ISO text);
    `purchase_months` is the months with a purchase, comma-separated (or one month)."""
    months = [day for day in map(_day, (purchase_months or "").split(",")) if day]
    figures = by_figures(
        kind,
        last_purchase_month=max(months) if months else None,
        usual_gap=usual_gap_days(months),
        accepted_offer_until=_day(accepted_offer_until),
        last_contact=_day(last_contact),
        today=_day(now) or date.today(),
        at_risk_days=int(at_risk_days or DEFAULT_AT_RISK_DAYS),
        lost_days=int(lost_days or DEFAULT_LOST_DAYS),
    )
    return shown(choice, figures).value


def _latest(*days: date | None) -> date | None:
    known = [day for day in days if day is not None]
    return max(known) if known else None


def _within(day: date, today: date, days: int) -> bool:
    return today - day <= timedelta(days=days)


def _day(value: str | None) -> date | None:
    value = (value or "").strip()
    return date.fromisoformat(value[:10]) if value else None
