"""Offer numbers that stay unique when two laptops number offline.

«КП-2026-7FK-0042»: the year, this laptop's device code, and a sequence per
year and device. Two laptops never share a device code, so they never make the
same number without talking to each other. The code is the one the office
assigned (setting `offers.device_code`) or, until then, three characters
derived from the store's client id (a random UUID: 34³ ≈ 39 000 codes). The
sequence continues after the highest number this device has made that year,
including deleted offers, so a number is never given twice.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import Offer
from kamdesk.store import INCLUDE_DELETED

PREFIX = "КП"
# Digits and Latin capitals without I and O (they read as 1 and 0 on paper).
ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_CODE = re.compile(r"^[0-9A-ZА-ЯЁ]{1,6}$")


def device_code_for(client_id: uuid.UUID) -> str:
    value = client_id.int
    chars = []
    for _ in range(3):
        value, index = divmod(value, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def check_device_code(code: str) -> bool:
    return bool(_CODE.match(code))


def next_number(session: Session, year: int, device_code: str) -> str:
    if not check_device_code(device_code):
        raise ValueError(f"device code {device_code!r}: 1–6 capital letters or digits")
    stem = f"{PREFIX}-{year}-{device_code}-"
    numbers = session.scalars(
        select(Offer.number)
        .where(Offer.number.startswith(stem, autoescape=True))
        .execution_options(**{INCLUDE_DELETED: True})
    ).all()
    highest = 0
    for number in numbers:
        tail = number[len(stem) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{stem}{highest + 1:04d}"
