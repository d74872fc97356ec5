"""VAT as dated data: which rate a product carries on a given day.

A product stores how it is taxed (`VatKind`), never a bare percentage, because
the percentage depends on the date: the standard rate was 20 % until
31.12.2025 and is 22 % from 01.01.2026 (the 2026 tax reform); 18 % before
2019. The reduced 10 % (medicines and medical goods on the
government's lists) and 0 % have not changed. «Без НДС» («НДС не облагается»)
is exemption: no VAT at all, printed as such and never as 0 %.

A supplier on the simplified tax system (УСН) who chose the special rates
charges 5 % or 7 % instead of the standard and the reduced rate, from
01.01.2025; before that it paid no VAT. Only the
supplier's settings say so (`VatRegime`), and only then are 5 % and 7 %
accepted anywhere. Zero-rated and exempt goods stay what they are.

A document computes with the rates of its own date: `vat_rate(kind, on)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kamdesk.vocabulary import ProductKind, VatKind

__all__ = [
    "EXEMPT_LABEL",
    "ProductKind",
    "RatePeriod",
    "VatKind",
    "VatRegime",
    "default_vat_kind",
    "format_vat_rate",
    "kind_for_rate",
    "parse_regime",
    "rate_period",
    "rates_in_force",
    "standard_rate",
    "vat_rate",
]

EXEMPT_LABEL = "без НДС"  # as Russian documents print an exempt rate


class VatRegime(StrEnum):
    """The supplier's tax system, as far as VAT is concerned (a setting, not a product's)."""

    GENERAL = "general"  # ОСНО: 22 %, 10 %, 0 %
    SIMPLIFIED_5 = "simplified_5"  # УСН with the special 5 % rate
    SIMPLIFIED_7 = "simplified_7"  # УСН with the special 7 % rate


@dataclass(frozen=True)
class RatePeriod:
    valid_from: date
    rate: Decimal | None  # None: no VAT


SINCE_EVER = date(1992, 1, 1)  # VAT exists in Russia from 1992: "from the start"

# Each list is in date order; a period lasts until the next one starts.
RATES: dict[VatKind, tuple[RatePeriod, ...]] = {
    VatKind.STANDARD: (
        RatePeriod(SINCE_EVER, Decimal(18)),
        RatePeriod(date(2019, 1, 1), Decimal(20)),
        RatePeriod(date(2026, 1, 1), Decimal(22)),
    ),
    VatKind.REDUCED: (RatePeriod(SINCE_EVER, Decimal(10)),),
    VatKind.ZERO: (RatePeriod(SINCE_EVER, Decimal(0)),),
    VatKind.EXEMPT: (RatePeriod(SINCE_EVER, None),),
}
# What a supplier on a special УСН rate charges instead of the standard and reduced rates.
SIMPLIFIED_RATES: dict[VatRegime, tuple[RatePeriod, ...]] = {
    VatRegime.SIMPLIFIED_5: (
        RatePeriod(SINCE_EVER, None),
        RatePeriod(date(2025, 1, 1), Decimal(5)),
    ),
    VatRegime.SIMPLIFIED_7: (
        RatePeriod(SINCE_EVER, None),
        RatePeriod(date(2025, 1, 1), Decimal(7)),
    ),
}


def _in_force(periods: tuple[RatePeriod, ...], on: date) -> RatePeriod:
    found = periods[0]
    for period in periods:
        if period.valid_from <= on:
            found = period
    return found


def rate_period(kind: VatKind, on: date, regime: VatRegime = VatRegime.GENERAL) -> RatePeriod:
    """The rate a product of `kind` carries on `on`, and since when."""
    if regime != VatRegime.GENERAL and kind in (VatKind.STANDARD, VatKind.REDUCED):
        return _in_force(SIMPLIFIED_RATES[regime], on)
    return _in_force(RATES[kind], on)


def vat_rate(kind: VatKind, on: date, regime: VatRegime = VatRegime.GENERAL) -> Decimal | None:
    """The percentage on `on`; None when the product is not taxed (exempt)."""
    return rate_period(kind, on, regime).rate


def standard_rate(on: date) -> Decimal:
    rate = vat_rate(VatKind.STANDARD, on)
    assert rate is not None
    return rate


def rates_in_force(on: date, regime: VatRegime = VatRegime.GENERAL) -> tuple[Decimal, ...]:
    """The percentages a document dated `on` may carry, ascending (exemption aside)."""
    rates = {vat_rate(kind, on, regime) for kind in VatKind}
    return tuple(sorted(r for r in rates if r is not None))


def kind_for_rate(
    rate: Decimal | None,
    on: date,
    regime: VatRegime = VatRegime.GENERAL,
    product: ProductKind = ProductKind.MEDICINE,
) -> VatKind | None:
    """How a product is taxed, from the rate a price list valid from `on` states for it.

    None when that rate is not in force on `on` (20 % in a list of 2026, 5 % for a
    supplier not on УСН). Under УСН the special rate replaces both the standard and
    the reduced one, so the product's kind decides which it stands for."""
    if rate is None:
        return VatKind.EXEMPT
    if regime != VatRegime.GENERAL and rate == vat_rate(VatKind.STANDARD, on, regime):
        return VatKind.STANDARD if product == ProductKind.OTHER else VatKind.REDUCED
    for kind in (VatKind.ZERO, VatKind.REDUCED, VatKind.STANDARD):
        if vat_rate(kind, on, regime) == rate:
            return kind
    return None


def default_vat_kind(product: ProductKind) -> VatKind:
    """When nothing says otherwise: medicines and medical devices at 10 %, other goods at
    the standard rate. The catalogue corrects it where a product is exempt (many medical
    devices are: art. 149 of the Tax Code) or, being unregistered, pays the standard rate."""
    return VatKind.STANDARD if product == ProductKind.OTHER else VatKind.REDUCED


def format_vat_rate(rate: Decimal | None) -> str:
    """«22 %», «10 %», «0 %», «без НДС» as the printed offer shows a rate."""
    if rate is None:
        return EXEMPT_LABEL
    text = f"{rate.normalize():f}".replace(".", ",")
    return f"{text} %"


def parse_regime(value: object) -> VatRegime:
    """The regime a setting holds; an unknown or missing value is the general system."""
    try:
        return VatRegime(str(value))
    except ValueError:
        return VatRegime.GENERAL
