"""Dates, money and counts as a Russian reader expects them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from kamdesk.ui.formatting import (
    NO_BREAK_SPACE,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_phone,
    format_share,
)
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language


def test_russian_formats(switcher: LanguageSwitcher) -> None:
    switcher.apply(Language.RUSSIAN)
    assert format_date(date(2026, 3, 5)) == "05.03.2026"
    nb = NO_BREAK_SPACE  # the one space of every figure, as in the documents
    assert format_money(Decimal("1234567.89")) == f"1{nb}234{nb}568{nb}₽"
    assert format_money(Decimal("1234.5"), kopecks=True) == f"1{nb}234,50{nb}₽"
    assert format_number(100000) == f"100{nb}000"
    assert format_share(0.125) == f"12,5{nb}%"
    assert format_phone("+74822771668") == "8 (4822) 77-16-68"
    shown = format_datetime(datetime(2026, 3, 5, 9, 30, tzinfo=UTC))
    local = datetime(2026, 3, 5, 9, 30, tzinfo=UTC).astimezone()
    assert shown == local.strftime("%d.%m.%Y %H:%M")


def test_english_formats(switcher: LanguageSwitcher) -> None:
    switcher.apply(Language.ENGLISH)
    assert format_date(date(2026, 3, 5)) == "5 Mar 2026"
    assert format_money(Decimal("1234567")) == "₽1,234,567"
    assert format_date(None) == "" and format_money(None) == ""
