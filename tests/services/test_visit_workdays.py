"""Working days by the Russian production calendar, for follow-ups and visit deadlines.

Every date here was checked by hand against the production calendars of 2025–2027
(consultant.ru): the decrees move days off and make some Saturdays working days.
"""

from __future__ import annotations

from datetime import date

import pytest

from kamdesk.services.visits import VisitSettings, due_on, is_overdue, report_draft
from kamdesk.services.visits.followups import default_next_step_due
from kamdesk.services.visits.workdays import (
    add_working_days,
    is_working_day,
    next_working_day,
    working_day_on_or_after,
)
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_visit, msk


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 12, 30), True),  # Wednesday
        (date(2026, 12, 31), False),  # Thursday, a day off moved from Sunday 4 January
        (date(2027, 1, 1), False),  # New Year holidays, 1–8 January
        (date(2027, 1, 7), False),  # Christmas
        (date(2027, 1, 8), False),
        (date(2027, 1, 11), True),  # Monday: the first working day of 2027
        (date(2026, 3, 9), False),  # 8 March is a Sunday: Monday is off
        (date(2026, 5, 11), False),  # 9 May is a Saturday: Monday is off
        (date(2026, 11, 4), False),  # Unity Day
        (date(2025, 11, 1), True),  # a Saturday made a working day (for Monday 3 November)
        (date(2025, 11, 3), False),
        (date(2027, 2, 20), True),  # a Saturday made a working day (for Monday 22 February)
        (date(2027, 2, 22), False),
        (date(2026, 12, 26), False),  # an ordinary Saturday
        (date(2026, 12, 28), True),  # an ordinary Monday
    ],
)
def test_the_production_calendar(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_the_next_working_day_after_30_december_is_after_the_new_year_holidays() -> None:
    # 31 December 2026 is a day off, 1–8 January holidays, 9–10 January a weekend.
    assert next_working_day(date(2026, 12, 30)) == date(2027, 1, 11)
    assert next_working_day(date(2026, 12, 29)) == date(2026, 12, 30)
    assert next_working_day(date(2026, 12, 26)) == date(2026, 12, 28)  # Saturday → Monday


def test_working_days_are_counted_over_the_holidays() -> None:
    # Friday 25 December 2026 + 5: 28, 29, 30 December, 11 and 12 January.
    assert add_working_days(date(2026, 12, 25), 5) == date(2027, 1, 12)
    assert add_working_days(date(2026, 12, 30), 0) == date(2026, 12, 30)
    assert add_working_days(date(2026, 12, 31), 0) == date(2027, 1, 11)
    assert working_day_on_or_after(date(2027, 1, 1)) == date(2027, 1, 11)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 12, 25), -1)


def test_a_next_step_agreed_on_30_december_is_due_after_the_holidays() -> None:
    # Five working days: 11, 12, 13, 14, 15 January 2027.
    assert default_next_step_due(date(2026, 12, 30), VisitSettings()) == date(2027, 1, 15)
    one_day = VisitSettings(next_step_after_working_days=1)
    assert default_next_step_due(date(2026, 12, 30), one_day) == date(2027, 1, 11)


def test_the_report_form_starts_next_steps_on_a_working_day(store: Store) -> None:
    account = add_account(store)
    visit = add_visit(store, account, msk(2026, 12, 30, 10))
    assert report_draft(store, visit, "Europe/Moscow").default_next_step_due == date(2027, 1, 15)
    # 20:00 on 29 December in Moscow is already 30 December in Vladivostok: the KAM's
    # own day counts (Moscow: 30 December, 11–14 January; Vladivostok: 11–15 January).
    late = add_visit(store, account, msk(2026, 12, 29, 20))
    assert report_draft(store, late, "Europe/Moscow").default_next_step_due == date(2027, 1, 14)
    assert report_draft(store, late, "Asia/Vladivostok").default_next_step_due == date(2027, 1, 15)
    before = add_visit(store, account, msk(2026, 12, 24, 10))  # Thursday
    # 25, 28, 29, 30 December and 11 January.
    assert report_draft(store, before, "Europe/Moscow").default_next_step_due == date(2027, 1, 11)


def test_a_visit_target_on_a_holiday_is_due_the_next_working_day() -> None:
    settings = VisitSettings(visit_every_days_a=30)
    # 2 December 2026 + 30 days = 1 January 2027: due Monday 11 January.
    assert due_on("A", date(2026, 12, 2), settings) == date(2027, 1, 11)
    assert not is_overdue("A", date(2026, 12, 2), date(2027, 1, 11), settings)
    assert is_overdue("A", date(2026, 12, 2), date(2027, 1, 12), settings)
    # A target on a working day stays where it is: 30 November + 30 = Wednesday 30 December.
    assert due_on("A", date(2026, 11, 30), settings) == date(2026, 12, 30)
