"""Where a new visit starts by default: the first free half hour of the working day,
never in the past and never over a visit already planned."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from kamdesk.services.visits import VisitRow, load_visit_settings, next_working_day
from kamdesk.ui.visits.common import at, is_ended

if TYPE_CHECKING:
    from kamdesk.ui.visits.page import VisitsPage

DAY_STARTS, DAY_ENDS = time(9, 0), time(18, 0)
STEP = timedelta(minutes=30)


def first_free_slot(
    rows: Iterable[VisitRow],
    day: date,
    now: datetime,
    tz: str,
    duration: timedelta = timedelta(hours=1),
) -> datetime:
    """From `day` (or today, when `day` is past) on: the first half hour from which
    `duration` fits before the evening without touching a visit that still stands."""
    busy = [(r.shown_start, r.shown_end) for r in rows if not is_ended(r.status)]
    today = now.astimezone(at(day, DAY_STARTS, tz).tzinfo).date()
    day = max(day, today)
    for _ in range(60):
        start, end = at(day, DAY_STARTS, tz), at(day, DAY_ENDS, tz)
        while start < now:
            start += STEP
        while start + duration <= end:
            clash = next((e for s, e in busy if s < start + duration and start < e), None)
            if clash is None:
                return start
            start += STEP
        day = next_working_day(day)
    return at(next_working_day(today), time(10, 0), tz)


def slot_for_new(page: VisitsPage) -> datetime:
    """The first free slot, the usual visit long, from the day the page shows on."""
    minutes = load_visit_settings(page.workspace.store).default_duration_min
    return first_free_slot(
        page.rows(), page.current_day, datetime.now(UTC), page.tz, timedelta(minutes=minutes)
    )
