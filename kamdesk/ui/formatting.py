"""Dates, times, money and counts as a Russian (or English) reader expects them.

Everything formats with the default QLocale, which `LanguageSwitcher` sets, so
a language change reformats on the next repaint. Times are stored in UTC and
shown in the laptop's local time. Russian groups thousands with a thin
no-break space (U+202F), as in print, rather than Qt's ordinary no-break space.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

THIN_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"
ROUBLE = "₽"


def _locale() -> QLocale:
    return QLocale()


def is_russian() -> bool:
    return _locale().language() == QLocale.Language.Russian


def _date_format() -> str:
    return "dd.MM.yyyy" if is_russian() else "d MMM yyyy"


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return _locale().toString(QDate(value.year, value.month, value.day), _date_format())


def format_datetime(value: datetime | None) -> str:
    """A stored (UTC) moment in local time: «05.03.2026 14:30»."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo else value
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return _locale().toString(moment, f"{_date_format()} HH:mm")


def _group(text: str) -> str:
    locale = _locale()
    if is_russian():
        text = text.replace(locale.groupSeparator(), THIN_SPACE)
    return text


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    locale = _locale()
    if decimals == 0:
        return _group(locale.toString(round(value)))
    return _group(locale.toString(float(value), "f", decimals))


def format_money(value: Decimal | int | float | None, kopecks: bool = False) -> str:
    """«1 234 567 ₽» in Russian, «₽1,234,567» in English."""
    if value is None:
        return ""
    number = format_number(value, 2 if kopecks else 0)
    if is_russian():
        return f"{number}{NO_BREAK_SPACE}{ROUBLE}"
    return f"{ROUBLE}{number}"


def format_share(share: float | None) -> str:
    """A fraction as a percentage: 0.125 → «12,5 %»."""
    if share is None:
        return ""
    number = format_number(share * 100, 1)
    return f"{number}{NO_BREAK_SPACE}%" if is_russian() else f"{number}%"


def format_phone(e164: str | None) -> str:
    """A Russian number as it is written: +7 903 870-07-06; others unchanged."""
    if not e164:
        return ""
    digits = e164[2:] if e164.startswith("+7") else ""
    if len(digits) == 10 and digits.isdigit():
        return f"+7 {digits[:3]} {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    return e164
