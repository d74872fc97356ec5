"""A visit's place as text: the account's city and address, the city named once.

Addresses are kept whole («170043, Тверская обл., г. Тверь, ул. Вагжанова, д. 14»),
so putting the city in front of one repeats it. Plans made before that was noticed
keep the doubled text in the store; they are shown with the leading city dropped.
"""

from __future__ import annotations

import re


def _names(text: str, city: str) -> bool:
    """Whether `text` has `city` as a word of its own (not «Тверская» for «Тверь»)."""
    word = re.escape(city.strip().casefold().replace("ё", "е"))
    return re.search(rf"(?<!\w){word}(?!\w)", text.casefold().replace("ё", "е")) is not None


def place_from(city: str, address: str) -> str:
    """The place of a new plan at the account: its address, led by the city unless
    the address names it already."""
    city, address = city.strip(), address.strip()
    if not city or _names(address, city):
        return address
    return ", ".join(part for part in (city, address) if part)


def place_shown(place: str, city: str) -> str:
    """`place` with a leading «City, » dropped when the rest names the city again."""
    head, comma, rest = place.partition(",")
    city = city.strip()
    if city and comma and head.strip().casefold() == city.casefold() and _names(rest, city):
        return rest.strip()
    return place
