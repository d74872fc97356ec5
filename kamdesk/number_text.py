"""How numbers are written in documents and on screen in Russian business style."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"


def format_money(amount: Decimal, thousands: str = NBSP) -> str:
    """«123 456,78» (no currency sign), grouped with a no-break space by default."""
    amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):.2f}".partition(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{thousands.join(groups)},{fraction}"


def format_percent(value: Decimal) -> str:
    """«10», «12,5»: percentages without trailing zeros."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")
