"""Visit frequency targets per ABC class, and the accounts that are overdue for a visit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, VisitSettings, load_visit_settings
from kamdesk.services.visits.travel import local_day
from kamdesk.services.visits.workdays import working_day_on_or_after

if TYPE_CHECKING:
    from kamdesk.store import Store


# Accounts that need a visit even without an ABC class, and the class they are due as.
_WIN_BACK = ("lost", "at_risk", "win_back")
_UNCLASSED_TARGET = "C"
_LOST = ("lost", "win_back")  # marked in the list as to be won back


@dataclass(frozen=True)
class OverdueAccount:
    account_id: uuid.UUID
    name: str
    abc_class: str  # "" for a lost or forgotten account without a class
    last_visit_at: datetime | None  # None: never visited
    due_on: date | None  # None: never visited, due at once
    days_overdue: int | None  # None: never visited
    next_visit_at: datetime | None  # a visit already planned, if any
    win_back: bool = False  # lost or «Вернуть»: the visit is to win the client back


def due_on(
    abc_class: str | None, last_visit_day: date | None, settings: VisitSettings
) -> date | None:
    """When the next visit is due; None for a class without a target or a never-visited
    account (the caller tells those apart with `visit_every_days`). A target that falls
    on a weekend or a holiday is due on the next working day (nobody visits a hospital's
    administration on 1 January)."""
    every = settings.visit_every_days(abc_class)
    if every is None or last_visit_day is None:
        return None
    return working_day_on_or_after(last_visit_day + timedelta(days=every))


def is_overdue(
    abc_class: str | None, last_visit_day: date | None, today: date, settings: VisitSettings
) -> bool:
    if settings.visit_every_days(abc_class) is None:
        return False
    due = due_on(abc_class, last_visit_day, settings)
    return due is None or today > due


def overdue_accounts(
    store: Store, today: date, tz: str = DEFAULT_TIME_ZONE
) -> list[OverdueAccount]:
    """Accounts whose ABC class's target interval has passed since the last held visit,
    most overdue first (never-visited A accounts lead). Lost, at-risk and win-back
    accounts stay in the list ("the client is forgotten" is how clients are lost), the
    lost and «Вернуть» ones marked `win_back`;
    those without a class (no purchase in the analysis window, or a ministry that does
    not buy) are due as often as class C. Reads the client list's cache, so it is one
    query whatever the number of accounts."""
    from sqlalchemy import select

    from kamdesk.models import AccountStats

    settings = load_visit_settings(store)
    with store.session() as session:
        rows = session.execute(
            select(
                AccountStats.account_id,
                AccountStats.name,
                AccountStats.abc_class,
                AccountStats.last_visit_at,
                AccountStats.next_visit_at,
                AccountStats.status,
            ).where(
                AccountStats.archived.is_(False),
                AccountStats.abc_class.is_not(None) | AccountStats.status.in_(_WIN_BACK),
            )
        ).all()
    result = []
    for account_id, name, abc, last_visit, next_visit, status in rows:
        target = abc or _UNCLASSED_TARGET
        last_day = local_day(last_visit, tz) if last_visit else None
        if not is_overdue(target, last_day, today, settings):
            continue
        due = due_on(target, last_day, settings)
        result.append(
            OverdueAccount(
                account_id=account_id,
                name=name,
                abc_class=abc or "",
                last_visit_at=last_visit,
                due_on=due,
                days_overdue=(today - due).days if due else None,
                next_visit_at=next_visit,
                win_back=status in _LOST,
            )
        )
    result.sort(key=lambda r: (r.due_on is not None, r.abc_class or "~", -(r.days_overdue or 0)))
    return result
