"""This computer's time zone, for the window and the command line alike.

Light on purpose (no database, no Qt): the command line shows it in `--help`.
"""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def system_time_zone(fallback: str = "Europe/Moscow") -> str:
    """This computer's time zone as an IANA name (from TZ or /etc/localtime), so visits
    show in the same local time as the rest of the app; `fallback` where it is unknown
    (Windows, or an unusual setup)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.path.realpath("/etc/localtime")
        candidates.append(link.partition("/zoneinfo/")[2])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            return name
    return fallback
