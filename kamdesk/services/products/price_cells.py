"""Reading a price list's VAT and kind cells: what they state, or why they are refused.

A VAT cell states a rate in force on the list's date (`rates_in_force`), or
exemption: «без НДС», «НДС не облагается», «освобождено» are exempt, which is
not 0 %. A kind cell says medicine, medical device or other goods in the words
1C and distributors use («ЛП», «Медицинские изделия», «Товар», «БАД»).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.products.tabular import header_key, parse_decimal, shown
from kamdesk.services.products.vat import (
    RATES,
    SIMPLIFIED_RATES,
    ProductKind,
    VatKind,
    VatRegime,
    format_vat_rate,
    rate_period,
    rates_in_force,
)

# Every percentage that ever was a rate: a spreadsheet's 0,22 is 22 %.
_KNOWN_RATES = {
    p.rate
    for periods in (*RATES.values(), *SIMPLIFIED_RATES.values())
    for p in periods
    if p.rate is not None
}
_OTHER_GOODS = ("проч", "товар", "бад", "добавк", "космет", "парафарм", "гигиен", "питани")


@dataclass(frozen=True)
class VatContext:
    """What a stated VAT rate is read against: the list's date and the supplier's regime."""

    on: date
    regime: VatRegime = VatRegime.GENERAL


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def is_exempt_text(key: str) -> bool:
    """«Без НДС», «НДС не облагается», «Освобождено (ст. 149 НК РФ)» after header_key()."""
    return (
        (key.startswith("без ") and ("ндс" in key or "налог" in key))
        or "не облага" in key
        or key.startswith("освобожд")
    )


def read_vat(text: str, context: VatContext) -> tuple[Decimal | None, Message | None]:
    """(the rate, None: exempt; the refusal or None) for a non-empty VAT cell."""
    if is_exempt_text(header_key(text)):
        return None, None
    try:
        rate = parse_decimal(text)
    except ValueError:
        rate = Decimal(-1)
    if 0 < rate < 1 and rate * 100 in _KNOWN_RATES:
        rate *= 100  # a spreadsheet percentage cell: 0,22 is 22 %
    if rate in rates_in_force(context.on, context.regime):
        return rate.quantize(Decimal("0.01")), None
    return None, _vat_problem(text, rate, context)


def _vat_problem(text: str, rate: Decimal, context: VatContext) -> Message:
    on = f"{context.on:%d.%m.%Y}"
    value = f"{rate.normalize():f}".replace(".", ",")
    general = context.regime == VatRegime.GENERAL
    if general and rate in {p.rate for p in RATES[VatKind.STANDARD]}:
        standard = rate_period(VatKind.STANDARD, context.on)
        return _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "the standard VAT rate on {date} is {rate} (from {since}), not {value} %"
            ),
            date=on,
            rate=format_vat_rate(standard.rate),
            since=f"{standard.valid_from:%d.%m.%Y}",
            value=value,
        )
    if general and rate in (Decimal(5), Decimal(7)):
        return _msg(
            QT_TRANSLATE_NOOP(
                "Offers",
                "{value} % is charged only by a supplier on the simplified tax system (УСН), "
                "and the supplier's settings do not say so",
            ),
            value=value,
        )
    rates = ", ".join(format_vat_rate(r) for r in rates_in_force(context.on, context.regime))
    return _msg(
        QT_TRANSLATE_NOOP("Offers", "VAT on {date} is {rates} or «без НДС», not «{value}»"),
        date=on,
        rates=rates,
        value=shown(text),
    )


def parse_kind(text: str) -> ProductKind | None:
    """The kind a cell names, None when it names none."""
    key = header_key(text)
    words = set(key.split())
    if "издели" in key or words & {"ми", "имн", "медтехника", "медизделие", "медизделия"}:
        return ProductKind.MEDICAL_DEVICE
    if any(stem in key for stem in ("лекарств", "препарат", "медикамент")) or words & {"лп", "лс"}:
        return ProductKind.MEDICINE
    if any(stem in key for stem in _OTHER_GOODS):
        return ProductKind.OTHER
    return None


def read_kind(text: str) -> tuple[ProductKind | None, Message | None]:
    """(the kind; the refusal or None) for a non-empty kind cell."""
    kind = parse_kind(text)
    if kind is not None:
        return kind, None
    return None, _msg(
        QT_TRANSLATE_NOOP(
            "Offers",
            "«{value}» is not a kind of product: write «лекарственный препарат», "
            "«медицинское изделие» or «прочее»",
        ),
        value=shown(text),
    )
