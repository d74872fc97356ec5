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
