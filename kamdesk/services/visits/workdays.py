"""Working days of the Russian production calendar («производственный календарь»).

A follow-up "the next working day" after 30 December 2026 is 11 January 2027, not
31 December (a day off moved from Sunday 4 January 2026) nor 2 January. The calendar
comes from the `holidays` library (`holidays.Russia`): the public holidays of the
Labour Code (art. 112), the days off the government moves each year by decree, and
the Saturdays those decrees make working days (1 November 2025, 20 February 2027),
which the library lists as `weekend_workdays`.

What the library does not know: a year whose decree it has not been told of yet
(the government publishes it in the autumn before; an older library then counts
only the fixed holidays and weekends of that year: update the library), and regional
holidays (Tatarstan, Bashkortostan, …), which the federal calendar leaves out.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

# Every New Year holiday run is shorter than this; a longer search means a broken calendar.
_LONGEST_RUN_OFF = 31


@cache
def _calendar(year: int) -> HolidayBase:
    import holidays

    return holidays.country_holidays("RU", years=year)


def is_working_day(day: date) -> bool:
    """Monday to Friday unless a holiday or a day off moved by decree; a Saturday made
    a working day by decree counts."""
    calendar = _calendar(day.year)
    if day in calendar.weekend_workdays:
        return True
    return day.weekday() < 5 and day not in calendar


def working_day_on_or_after(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it (a
    deadline that falls on 1 January is met on the first day back)."""
    for _ in range(_LONGEST_RUN_OFF):
        if is_working_day(day):
            return day
        day += timedelta(days=1)
    raise ValueError(f"no working day within {_LONGEST_RUN_OFF} days of {day}")


def next_working_day(day: date) -> date:
    """The first working day strictly after `day`."""
    return working_day_on_or_after(day + timedelta(days=1))


def add_working_days(day: date, count: int) -> date:
    """`count` working days after `day` (0: `day` itself, moved to a working day)."""
    if count < 0:
        raise ValueError("count must not be negative")
    if count == 0:
        return working_day_on_or_after(day)
    for _ in range(count):
        day = next_working_day(day)
    return day
