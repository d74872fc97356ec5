"""Dates, times, money and counts as a Russian (or English) reader expects them.

The language is the default QLocale's, which `LanguageSwitcher` sets, so a
language change reformats on the next repaint. Numbers, money, percentages and
phones are written by kamdesk.services.formatting, as in every document. Times
are stored in UTC and shown in the laptop's local time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QLocale

from kamdesk.services import formatting
from kamdesk.timezone import local_zone

NO_BREAK_SPACE = formatting.NBSP
ROUBLE = formatting.ROUBLE


def _locale() -> QLocale:
    return QLocale()


def is_russian() -> bool:
    return _locale().language() == QLocale.Language.Russian


def format_date(value: date | None) -> str:
    return formatting.day(value, language())


def format_datetime(value: datetime | None) -> str:
    """A stored (UTC) moment in this computer's zone, the one visits are planned in:
    «05.03.2026 14:30». The store keeps UTC without a zone, so a naive value is UTC."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return formatting.moment(aware.astimezone(local_zone()), language())


def language() -> str:
    """The language the formatter writes in: the default QLocale's."""
    return formatting.RUSSIAN if is_russian() else formatting.ENGLISH


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    return formatting.number(value, decimals, language())


def format_money(value: Decimal | int | float | None, kopecks: bool = False) -> str:
    """«1 234 567 ₽» in Russian, «₽1,234,567» in English."""
    return formatting.money(value, language(), kopecks)


def format_share(share: float | None, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.125 → «12,5 %»."""
    return formatting.share(share, language(), decimals)


def format_share_trimmed(share: Decimal | float | None) -> str:
    """A fraction as a percentage to one decimal where it has one: «14 %», «1,3 %» (a
    share of sales and its threshold, said the same in the card's header and overview)."""
    return format_percent(round(Decimal(str(share or 0)) * 100, 1))


def format_percent(value: Decimal | int | float | None) -> str:
    """A value in per cent: «95 %», «12,5 %»."""
    return formatting.percent(value, language())


def whole_percent(value: Decimal | int | float) -> str:
    """A value in whole per cent: «97 %»."""
    return formatting.percent(value, language(), decimals=0)


def format_phone(e164: str | None) -> str:
    """A stored number as it is written: «8 (4822) 77-16-68» in Russian."""
    return formatting.phone(e164, language())
