"""Where ◀/▶ and PageUp/PageDown take the Visits page, and what its header says.

In the list (a month) ◀ stepped a week back: from 10 December to the 3rd, still
«Декабрь 2026», so the first press seemed to do nothing. There a step is a month, to
the same day of it (the 31st goes to the month's last day). The header's month is
named in the language of the moment, so it follows a switch of language.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import QLocale

from kamdesk.ui.formatting import format_date


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept within the month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def stepped(day: date, direction: int, *, month: bool, days: int) -> date:
    """The day in view after one step in `direction` (±1): a month in the list, else `days`."""
    if month:
        return add_months(day, direction)
    return day + timedelta(days=direction * days)


def month_title(day: date) -> str:
    """«Декабрь 2026» (or «December 2026»): the list holds the month, not a start date."""
    name = QLocale().standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {day.year}"


def period_title(day: date, monday: date, *, week: bool, month: bool) -> str:
    if month:
        return month_title(day)
    if week:
        return f"{format_date(monday)} – {format_date(monday + timedelta(days=6))}"
    return format_date(day)
