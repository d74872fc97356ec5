"""This computer's time zone, for the window and the command line alike.

Light on purpose (no database, no Qt): the command line shows it in `--help`.
"""

from __future__ import annotations

import os
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def system_time_zone(fallback: str = "Europe/Moscow") -> str:
    """This computer's time zone as an IANA name, so visits show in the same local time
    as the rest of the app: TZ, then what `tzlocal` finds (/etc/timezone, /etc/localtime,
    the Windows setting), then /etc/localtime's link; `fallback` where none is a zone."""
    candidates = [os.environ.get("TZ", "").lstrip(":"), _tzlocal_name()]
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


@cache
def local_zone() -> ZoneInfo:
    """This computer's zone, looked up once a run: stored UTC moments are shown in it."""
    return ZoneInfo(system_time_zone())


def _tzlocal_name() -> str:
    try:
        import tzlocal

        return tzlocal.get_localzone_name() or ""
    except Exception:  # not installed, or conflicting settings: look further
        return ""
