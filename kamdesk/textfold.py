"""Folding text for search: case-insensitive, ё equals е, spaces collapsed."""

from __future__ import annotations

import re


def fold(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(text.casefold().replace("ё", "е").split())


_DIGITS = re.compile(r"\d+")
_QUOTES = str.maketrans(dict.fromkeys("«»\"„“”'", " "))
_DIGIT_WIDTH = 12  # enough for ИНН (12 digits); a longer run still sorts, by its first digits


def natural_key(text: str | None) -> str:
    """A name's place in a list: folded as for search, quotes ignored, every run of
    digits zero-padded, so «Аптека № 2» comes before «Аптека № 10» and «Вита»
    before «Вита-2». The start of `account_stats.sort_name` (the client list's
    ORDER BY) and the sort key wherever names are listed in Python."""
    return _DIGITS.sub(
        lambda m: m.group().zfill(_DIGIT_WIDTH), fold((text or "").translate(_QUOTES))
    )


# A phone as it is typed or read off a screen: «8 (4822) 30-26-93», «+7 916 123-45-67»,
# «30-26-93»: digits with only spaces, brackets, dashes and dots between.
_TYPED_PHONE = re.compile(r"\+?\(?\d[\d\s().\-]{2,}\d\)?")


def phone_key(e164: str | None) -> str:
    """What the search text holds of a stored phone: its digits without the country's
    7 and without the extension («+74822302693;ext=15» → «4822302693»), so a number
    typed the Russian way (8 …), the international way (+7 …) or in part is found."""
    number = (e164 or "").split(";", 1)[0]
    digits = "".join(ch for ch in number if ch.isdigit())
    return digits[1:] if number.startswith("+7") else digits


def search_words(text: str | None) -> list[str]:
    """The folded words of what was typed in a search box, a phone written with
    spaces, brackets or dashes taken as one word of its digits, a leading 8 or +7
    of a full Russian number, or before a code in brackets, dropped (see `phone_key`):
    «8 (4822)» finds the numbers of that code."""

    def as_digits(match: re.Match[str]) -> str:
        typed = match.group()
        digits = "".join(ch for ch in typed if ch.isdigit())
        groups = len(_DIGITS.findall(typed))
        before, bracket, after = typed.partition("(")
        code = after.partition(")")[0]
        if bracket and len(code) >= 3 and code.isdigit():  # «8 (4822)», «+7 (916) …»
            if "".join(ch for ch in before if ch.isdigit()) in ("7", "8"):
                digits = "".join(ch for ch in after if ch.isdigit())  # the trunk prefix
            return f" {digits} "
        # «2024-2025», «1 2», an ИНН stay as typed: a phone has a bracket, a plus or at
        # least three groups of digits («30-26-93»).
        if len(digits) < 6 or not ("(" in typed or "+" in typed or groups >= 3):
            return typed
        if len(digits) == 11 and digits[0] in "78":
            digits = digits[1:]
        return f" {digits} "

    return fold(_TYPED_PHONE.sub(as_digits, text or "")).split()
