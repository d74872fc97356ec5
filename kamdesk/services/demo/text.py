"""Small text helpers: Latin transliteration for e-mails and domains, Russian numbers."""

from __future__ import annotations

import re
from decimal import Decimal

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip


def translit(text: str) -> str:
    """«Щукина» → «shchukina» (passport-style, lower case)."""
    return "".join(_TRANSLIT.get(char, char) for char in text.lower())


def slug(text: str) -> str:
    """«Аптечный двор № 5» → «aptechnyy-dvor-5»: a domain-safe label."""
    return re.sub(r"[^a-z0-9]+", "-", translit(text)).strip("-")


def group_digits(value: int) -> str:
    """12345 → «12 345» (space as the thousands separator)."""
    return f"{value:,}".replace(",", " ")


def roubles(amount: Decimal | float) -> str:
    """A rounded amount for prose: «1,2 млн ₽», «850 тыс. ₽»."""
    value = float(amount)
    if value >= 1e9:
        return f"{value / 1e9:.1f} млрд ₽".replace(".", ",")
    if value >= 1e6:
        return f"{value / 1e6:.1f} млн ₽".replace(".", ",")
    if value >= 1e3:
        return f"{round(value / 1e3)} тыс. ₽"
    return f"{round(value)} ₽"


def upper_first(text: str) -> str:
    """Capitalise the first letter only («жена Ирина» → «Жена Ирина»), unlike str.capitalize."""
    return text[:1].upper() + text[1:]


def plural(count: int, one: str, few: str, many: str) -> str:
    """The Russian noun form for `count`: 1 год, 3 года, 5 лет, 21 год, 12 лет."""
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


def age_phrase(years: int) -> str:
    """«4 года», «11 лет», «21 год»."""
    return f"{years} {plural(years, 'год', 'года', 'лет')}"
