"""Offer arithmetic, exact to the kopeck, the same on screen and in the PDF.

Rounding rules (half up, to whole kopecks, at two places only):

1. Discounted unit price = unit price × (100 − discount %) / 100, rounded.
2. Line amount without VAT = quantity × discounted unit price (exact, no rounding),
   so a reader can check every line with a calculator.
3. Line discount = quantity × unit price − line amount without VAT.
4. Line VAT = line amount without VAT × VAT rate / 100, rounded; an exempt
   line («без НДС», rate None) has no VAT, which the offer prints as such.
5. Line amount with VAT = line amount without VAT + line VAT.
6. Every total is the sum of the line figures (never recomputed from totals),
   so the totals always equal the sum of the printed lines.

A reply to a price request (44-ФЗ) prints the unit price with VAT, which the customer
multiplies by the quantity to justify the НМЦК: there (`reply_figures`) the unit price
with VAT = unit price × (100 + rate) / 100, rounded; the line amount with VAT =
quantity × that price (exact); the line VAT = that amount − the amount without VAT.

The rate is the one in force on the offer's date (products.vat): the offer
service sets it on every line when it saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from kamdesk.services.formatting import grouped as format_money
from kamdesk.services.formatting import percent_figure as format_percent

__all__ = [
    "LineFigures",
    "Totals",
    "amount_in_words",
    "format_money",
    "format_percent",
    "line_figures",
    "round_kopecks",
    "totals",
]

KOPECK = Decimal("0.01")
HUNDRED = Decimal(100)


def round_kopecks(value: Decimal) -> Decimal:
    return value.quantize(KOPECK, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineFigures:
    quantity: int
    unit_price: Decimal
    discount_pct: Decimal
    vat_rate: Decimal | None  # None: exempt
    discounted_price: Decimal
    gross_before_discount: Decimal  # quantity × unit price
    discount: Decimal
    net: Decimal  # without VAT
    vat: Decimal
    total: Decimal  # with VAT


@dataclass(frozen=True)
class Totals:
    before_discount: Decimal
    discount: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal
    # (rate, VAT amount), rates ascending; exempt lines are not in it.
    vat_by_rate: tuple[tuple[Decimal, Decimal], ...]
    exempt_net: Decimal = Decimal("0.00")  # the amount of the exempt lines

    @property
    def all_exempt(self) -> bool:
        """Nothing in the offer carries VAT because everything is exempt."""
        return not self.vat_by_rate and self.exempt_net > 0


def line_figures(
    quantity: int, unit_price: Decimal, discount_pct: Decimal, vat_rate: Decimal | None
) -> LineFigures:
    discounted = round_kopecks(unit_price * (HUNDRED - discount_pct) / HUNDRED)
    before = unit_price * quantity
    net = discounted * quantity
    vat = round_kopecks(net * (vat_rate or Decimal(0)) / HUNDRED)
    return LineFigures(
        quantity=quantity,
        unit_price=unit_price,
        discount_pct=discount_pct,
        vat_rate=vat_rate,
        discounted_price=discounted,
        gross_before_discount=before,
        discount=before - net,
        net=net,
        vat=vat,
        total=net + vat,
    )


def reply_figures(quantity: int, unit_price: Decimal, vat_rate: Decimal | None) -> LineFigures:
    """A line of a reply to a price request: no discount, priced by the unit with VAT."""
    plain = line_figures(quantity, unit_price, Decimal(0), vat_rate)
    if vat_rate is None:
        return plain
    total = unit_price_with_vat(unit_price, vat_rate) * quantity
    return replace(plain, vat=total - plain.net, total=total)


def unit_price_with_vat(unit_price: Decimal, vat_rate: Decimal | None) -> Decimal:
    if vat_rate is None:
        return unit_price
    return round_kopecks(unit_price * (HUNDRED + vat_rate) / HUNDRED)


def totals(lines: Iterable[LineFigures]) -> Totals:
    lines = list(lines)
    by_rate: dict[Decimal, Decimal] = {}
    zero = Decimal("0.00")
    exempt = zero
    for line in lines:
        if line.vat_rate is None:
            exempt += line.net
        else:
            by_rate[line.vat_rate] = by_rate.get(line.vat_rate, Decimal(0)) + line.vat
    return Totals(
        before_discount=sum((x.gross_before_discount for x in lines), zero),
        discount=sum((x.discount for x in lines), zero),
        net=sum((x.net for x in lines), zero),
        vat=sum((x.vat for x in lines), zero),
        total=sum((x.total for x in lines), zero),
        vat_by_rate=tuple(sorted(by_rate.items())),
        exempt_net=exempt,
    )


_RUBLE_FORMS = ("рубль", "рубля", "рублей")
_KOPECK_FORMS = ("копейка", "копейки", "копеек")


def plural_form(number: int, forms: tuple[str, str, str]) -> str:
    """Russian plural: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль."""
    tens, units = number % 100, number % 10
    if 11 <= tens <= 14:
        return forms[2]
    if units == 1:
        return forms[0]
    if 2 <= units <= 4:
        return forms[1]
    return forms[2]


def amount_in_words(amount: Decimal) -> str:
    """«Сто двадцать три тысячи четыреста пятьдесят шесть рублей 78 копеек»."""
    from num2words import num2words

    if amount < 0:
        raise ValueError("an amount in words cannot be negative")
    amount = round_kopecks(amount)
    rubles = int(amount)
    kopecks = int((amount - rubles) * 100)
    words = num2words(rubles, lang="ru")
    words = words[0].upper() + words[1:]
    return (
        f"{words} {plural_form(rubles, _RUBLE_FORMS)} "
        f"{kopecks:02d} {plural_form(kopecks, _KOPECK_FORMS)}"
    )
