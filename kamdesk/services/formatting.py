"""Numbers, money, percentages, phones and dates as a reader of the language expects them.

The one formatter of KAMdesk: the window (through kamdesk.ui.formatting, which
only picks the language), the PDFs and the XLSX all write figures with it, so a
figure reads the same wherever it appears.

Russian: a no-break space (U+00A0) between thousands and before «₽» and «%»,
a decimal comma — «1 234 567,50 ₽», «95 %». English: «₽1,234,567.50», «95%».
One no-break space everywhere, so a figure never breaks across lines and every
font of the documents has the glyph. Rounding is half up (as a spreadsheet
rounds), so 1 of 8 is «13 %» in the PDF and in the XLSX alike.

Phones are parsed, checked and written by `phonenumbers`, with one correction:
its metadata writes every Russian number with a three-digit code («8 (482)
277-16-68»), while a regional centre's fixed line has a four-digit code and a
six-digit number: «8 (4822) 77-16-68» in Russian, «+7 4822 77-16-68» in English.
Fixed lines outside the cities with seven-digit numbers get the four-digit code.
A district town has a five-digit code and a five-digit number, «8 (48236) 2-15-30»
(Кимры), «+7 48236 2-15-30» in English: where DISTRICT_ZONES knows a zone's
four-digit codes (the regional centre's), every other fixed line of that zone is a
district's. phonenumbers does not know the lengths of Russian codes; the table
holds the Tver region (482: Тверь 4822, every district 482NN).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

NBSP = "\u00a0"
ROUBLE = "₽"
RUSSIAN = "ru"
ENGLISH = "en"
PHONE_REGION = "RU"
# Three-digit codes with seven-digit local numbers: Moscow, St Petersburg and the
# largest cities; any other fixed line is a four-digit code and a six-digit number.
SEVEN_DIGIT_CODES = frozenset(
    [
        "495",
        "498",
        "499",
        "812",
        "383",
        "343",
        "843",
        "831",
        "351",
        "846",
        "381",
        "863",
        "347",
        "391",
        "342",
        "473",
        "861",
        "862",
        "423",
    ]
)
# Zones (the first three digits) whose other fixed lines are districts with five-digit
# codes, and their four-digit codes: 482 is the Tver region, Тверь 4822; Кимры 48236,
# Конаково 48242, Ржев 48232 … A zone not here keeps the four-digit rule above.
DISTRICT_ZONES: dict[str, frozenset[str]] = {
    "482": frozenset({"4822"}),
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Number = Decimal | int | float


def _decimal(value: Number) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))  # 0.125 stays 0.125, not 0.12499999…
    return Decimal(value)


def _separators(language: str) -> tuple[str, str]:
    """(thousands, decimal point) of a language."""
    return (NBSP, ",") if language == RUSSIAN else (",", ".")


def rounded(value: Number, decimals: int = 0) -> Decimal:
    """`value` to `decimals` places, half up (as spreadsheets round)."""
    return _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: Number, decimals: int = 0, language: str = RUSSIAN, trim: bool = False) -> str:
    """«1 234 567», «12,5»; `trim` drops trailing zeros after the decimal point."""
    thousands, point = _separators(language)
    amount = rounded(value, decimals)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    if trim:
        fraction = fraction.rstrip("0")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = thousands.join(groups) or "0"
    return f"{sign}{text}{point}{fraction}" if fraction else f"{sign}{text}"


def amount(value: Number, language: str = RUSSIAN) -> str:
    """An amount in roubles without the sign, to the kopeck: «123 456,78»."""
    return number(value, 2, language)


def grouped(value: Number, thousands: str = NBSP) -> str:
    """A Russian amount to the kopeck with a chosen thousands separator (for printed
    offers and tests that read them back): «123 456,78», «123456,78» with ""."""
    return amount(value).replace(NBSP, thousands)


def money(value: Number | None, language: str = RUSSIAN, kopecks: bool = True) -> str:
    """«1 234 567,00 ₽» in Russian, «₽1,234,567.00» in English; "" for None."""
    if value is None:
        return ""
    text = number(value, 2 if kopecks else 0, language)
    return f"{text}{NBSP}{ROUBLE}" if language == RUSSIAN else f"{ROUBLE}{text}"


def money_short(value: Number, language: str = RUSSIAN) -> str:
    """An axis label: «1,2 млн ₽», «450 тыс. ₽», «900 ₽»; «₽1.2M», «₽450K» in English."""
    amount = _decimal(value)
    for size, ru, en in ((Decimal(10**9), "млрд", "B"), (Decimal(10**6), "млн", "M"),
                         (Decimal(10**3), "тыс.", "K")):  # fmt: skip
        if abs(amount) >= size:
            figure = number(amount / size, 1, language, trim=True)
            return (
                f"{figure}{NBSP}{ru}{NBSP}{ROUBLE}"
                if language == RUSSIAN
                else f"{ROUBLE}{figure}{en}"
            )
    return money(amount, language, kopecks=False)


def percent(value: Number | None, language: str = RUSSIAN, decimals: int | None = None) -> str:
    """A value in per cent: «95 %», «12,5 %»; `decimals` None keeps up to two, trimmed."""
    if value is None:
        return ""
    text = number(value, 2 if decimals is None else decimals, language, trim=decimals is None)
    return f"{text}{NBSP}%" if language == RUSSIAN else f"{text}%"


def percent_figure(value: Number, language: str = RUSSIAN) -> str:
    """The figure of a percentage without the sign («12,5»), for texts that add «%» themselves."""
    return number(value, 2, language, trim=True)


def share(fraction: Number | None, language: str = RUSSIAN, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.125 → «13 %» (decimals=0), «12,5 %» (decimals=1)."""
    if fraction is None:
        return ""
    return percent(_decimal(fraction) * 100, language, decimals)


def share_value(fraction: Number, decimals: int = 0) -> float:
    """A fraction rounded as `share` shows it (0.125 → 0.13), for a spreadsheet cell."""
    return float(rounded(_decimal(fraction) * 100, decimals) / 100)


def phone(e164: str | None, language: str = RUSSIAN) -> str:
    """A stored (E.164) number for reading: Russian numbers in the national form in
    Russian, «8 (4822) 77-16-68»; internationally otherwise; unparseable text unchanged.
    An extension follows as a KAM writes it: «… доб. 15», «… ext. 15» in English."""
    if not e164:
        return ""
    import phonenumbers  # 10–30 ms to import: not before the window's first paint

    try:
        parsed = phonenumbers.parse(e164, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if not phonenumbers.is_possible_number(parsed):
        return e164
    extension, parsed.extension = parsed.extension, None
    shown = _phone_number(phonenumbers, parsed, language)
    if not extension:
        return shown
    return f"{shown} доб. {extension}" if language == RUSSIAN else f"{shown} ext. {extension}"


def _phone_number(phonenumbers: Any, parsed: Any, language: str) -> str:
    """The number itself, without an extension (see `phone`)."""
    home = phonenumbers.region_code_for_number(parsed) == PHONE_REGION
    digits = phonenumbers.national_significant_number(parsed)
    fixed = phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.FIXED_LINE
    if home and fixed and len(digits) == 10 and digits[:3] not in SEVEN_DIGIT_CODES:
        centres = DISTRICT_ZONES.get(digits[:3])
        if centres is not None and digits[:4] not in centres:  # a district town
            code, local = digits[:5], f"{digits[5]}-{digits[6:8]}-{digits[8:]}"
        else:
            code, local = digits[:4], f"{digits[4:6]}-{digits[6:8]}-{digits[8:]}"
        return f"8 ({code}) {local}" if language == RUSSIAN else f"+7 {code} {local}"
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if home and language == RUSSIAN
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, style)


def day(value: date | None, language: str = RUSSIAN) -> str:
    """«05.03.2026» in Russian, «5 Mar 2026» in English."""
    if value is None:
        return ""
    if language == RUSSIAN:
        return f"{value:%d.%m.%Y}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def moment(value: datetime | None, language: str = RUSSIAN) -> str:
    """A moment as given (convert to local time first): «05.03.2026 14:30»."""
    if value is None:
        return ""
    return f"{day(value.date(), language)} {value:%H:%M}"


def parse_number(text: str) -> Decimal | None:
    """What a user typed as a number, grouped or not, with a comma or a point; None if not."""
    cleaned = "".join(ch for ch in text if ch not in f" {NBSP}\u202f\u2009{ROUBLE}%")
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        return None
