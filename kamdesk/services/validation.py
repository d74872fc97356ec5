"""Checks used everywhere a user types an identifier: ИНН, КПП, e-mail, phone.

Each `check_*` returns None when the value is fine, or a `Message` that says
what is wrong, so the UI can show it (translated) next to the field and the CLI
can print it.
"""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message

DEFAULT_REGION = "RU"

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_KPP_PATTERN = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")


def _check_digit(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10


def _message(text: str, **params: str) -> Message:
    return Message("Validation", text, params)


def check_inn(value: str) -> Message | None:
    """ИНН: 10 digits for an organisation, 12 for a person, with check digits."""
    inn = value.strip()
    if not inn.isdigit() or len(inn) not in (10, 12):
        return _message(
            QT_TRANSLATE_NOOP(
                "Validation", "INN must be 10 digits (organisation) or 12 digits (individual)"
            )
        )
    if len(inn) == 10:
        ok = _check_digit(inn[:9], _INN10_WEIGHTS) == int(inn[9])
    else:
        ok = _check_digit(inn[:10], _INN12_WEIGHTS_11) == int(inn[10]) and _check_digit(
            inn[:11], _INN12_WEIGHTS_12
        ) == int(inn[11])
    if ok:
        return None
    return _message(
        QT_TRANSLATE_NOOP("Validation", "INN check digit does not match: a digit is mistyped")
    )


def inn_check_digits(first_digits: str) -> str:
    """The check digit(s) that complete the first 9 (or 10) digits of an ИНН."""
    if len(first_digits) == 9:
        return str(_check_digit(first_digits, _INN10_WEIGHTS))
    if len(first_digits) == 10:
        eleventh = str(_check_digit(first_digits, _INN12_WEIGHTS_11))
        return eleventh + str(_check_digit(first_digits + eleventh, _INN12_WEIGHTS_12))
    raise ValueError("give the first 9 digits of an organisation's ИНН or 10 of a person's")


def check_kpp(value: str) -> Message | None:
    """КПП: 9 characters, the 5th and 6th may be capital Latin letters."""
    if _KPP_PATTERN.match(value.strip()):
        return None
    return _message(
        QT_TRANSLATE_NOOP(
            "Validation", "KPP must be 9 characters: 4 digits, 2 digits or letters, 3 digits"
        )
    )


def check_email(value: str) -> Message | None:
    try:
        validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError:
        return _message(
            QT_TRANSLATE_NOOP("Validation", "not a valid e-mail address: {value}"), value=value
        )
    return None


def normalize_phone(value: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form (+74951234567) of a phone typed any usual way; ValueError if impossible.

    An extension typed with it («доб. 15», «ext. 15», «#15») is kept as RFC 3966
    writes it, +74822302693;ext=15: an office number without it does not reach the
    person, and phonenumbers reads the stored form back whole."""
    problem = check_phone(value, region)
    if problem is not None:
        raise ValueError(str(problem))
    number = phonenumbers.parse(value, region)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164};ext={number.extension}" if number.extension else e164


def check_phone(value: str, region: str = DEFAULT_REGION) -> Message | None:
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return _message(
            QT_TRANSLATE_NOOP("Validation", "not a valid phone number: {value}"), value=value
        )
    return None


def format_phone(e164: str) -> str:
    """Display form: Russian numbers as «+7 495 123-45-67», others internationally."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
