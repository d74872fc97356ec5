"""A new visit planned without a slot from the calendar starts on a working day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from kamdesk.ui.visits.plan_dialog import _next_slot

MSK = ZoneInfo("Europe/Moscow")


def test_the_default_slot_skips_the_new_year_holidays_and_weekends() -> None:
    # 31 December 2026 is a day off, then 1–8 January and the weekend of 9–10 January.
    evening = datetime(2026, 12, 30, 17, 40, tzinfo=MSK)
    assert _next_slot(evening) == datetime(2027, 1, 11, 10, 0, tzinfo=MSK)
    friday = datetime(2026, 12, 11, 9, 0, tzinfo=MSK)
    assert _next_slot(friday) == datetime(2026, 12, 14, 10, 0, tzinfo=MSK)  # Monday
    tuesday = datetime(2026, 12, 15, 12, 5, 30, tzinfo=MSK)
    assert _next_slot(tuesday) == datetime(2026, 12, 16, 10, 0, tzinfo=MSK)
