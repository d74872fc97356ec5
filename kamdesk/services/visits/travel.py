"""Punctuality arithmetic: travel time between visits, departure times, overlaps.

Everything here works on aware datetimes in UTC, so a leg across midnight or a
day in another time zone needs no special case; the KAM's time zone matters
only where a "day" is cut (`local_day_bounds`). Pure functions, no database.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, VisitSettings

EARTH_RADIUS_KM = 6371.0088

Point = tuple[float, float]  # latitude, longitude in degrees


@dataclass(frozen=True)
class Stop:
    """A visit as the schedule sees it."""

    visit_id: uuid.UUID
    starts_at: datetime
    duration_min: int
    point: Point | None
    travel_override_min: int | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_min)


@dataclass(frozen=True)
class Leg:
    """The way to a visit: from the previous visit of the same trip, or from home."""

    visit_id: uuid.UUID
    from_visit_id: uuid.UUID | None  # None: from home (or the day's start point)
    distance_km: float | None
    travel_min: int | None  # None: no coordinates and no override
    travel_overridden: bool
    departure_at: datetime | None  # leave then to arrive `buffer` minutes early
    gap_min: int | None  # from the end of the previous visit to this start
    overlaps: bool  # starts before an earlier visit has ended
    too_tight: bool  # the gap is shorter than the travel plus the buffer
    short_by_min: int  # how many minutes are missing (0 when the leg is fine)
    # Minutes after the start the KAM arrives, leaving when the previous visit ends:
    # the gap is shorter than the travel itself (0 when on time or when it overlaps).
    late_by_min: int = 0

    @property
    def unreachable(self) -> bool:
        return self.late_by_min > 0

    @property
    def departure_known(self) -> bool:
        return self.departure_at is not None


def zone(name: str | None = None) -> ZoneInfo:
    return ZoneInfo(name or DEFAULT_TIME_ZONE)


def local_day_bounds(day: date, tz: str | None = None) -> tuple[datetime, datetime]:
    """The KAM's local day as a half-open UTC interval [start, end)."""
    local = zone(tz)
    start = datetime.combine(day, time(0), tzinfo=local)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=local)
    return start.astimezone(UTC), end.astimezone(UTC)


def local_day(moment: datetime, tz: str | None = None) -> date:
    return moment.astimezone(zone(tz)).date()


def distance_km(a: Point, b: Point) -> float:
    """Great-circle (straight-line) distance."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def travel_minutes(distance: float, settings: VisitSettings) -> int:
    """Road minutes for a straight-line distance, rounded up: better early than late.

    The road is `distance × road_factor`; its first `town_road_km` go at the town speed
    and the rest at the intercity speed (see `VisitSettings`). With the defaults
    (1.4, 15 km at 30 km/h, then 70 km/h): 5 km straight → 7 km of road → 14 min;
    85 km straight → 119 km → 30 + 89.1 → 120 min.
    """
    road_km = distance * settings.road_factor
    in_town = min(road_km, settings.town_road_km)
    hours = in_town / settings.town_speed_kmh + (road_km - in_town) / settings.intercity_speed_kmh
    return math.ceil(hours * 60 - 1e-9)


def schedule_legs(
    stops: Iterable[Stop], settings: VisitSettings, home: Point | None = None
) -> dict[uuid.UUID, Leg]:
    """The leg into every stop, in time order.

    A stop joins the previous one when that one ends less than
    `same_trip_max_gap_min` before it starts (an evening visit and a visit just
    after midnight are one trip); otherwise the leg starts from `home`.
    """
    home = home if home is not None else settings.home
    ordered = sorted(stops, key=lambda stop: (stop.starts_at, stop.visit_id))
    legs: dict[uuid.UUID, Leg] = {}
    previous: Stop | None = None
    latest_end: datetime | None = None
    max_gap = timedelta(minutes=settings.same_trip_max_gap_min)
    for stop in ordered:
        joined = previous is not None and stop.starts_at - previous.ends_at < max_gap
        origin = previous.point if joined and previous is not None else home
        distance = (
            distance_km(origin, stop.point)
            if origin is not None and stop.point is not None
            else None
        )
        if stop.travel_override_min is not None:
            travel: int | None = stop.travel_override_min
        else:
            travel = travel_minutes(distance, settings) if distance is not None else None
        departure = (
            stop.starts_at - timedelta(minutes=travel + settings.buffer_min)
            if travel is not None
            else None
        )
        overlaps = latest_end is not None and stop.starts_at < latest_end
        gap: int | None = None
        short_by = late_by = 0
        if joined and previous is not None:
            gap = _minutes(stop.starts_at - previous.ends_at)
            needed = (travel or 0) + settings.buffer_min
            short_by = max(0, needed - gap)
            late_by = max(0, (travel or 0) - gap)
        legs[stop.visit_id] = Leg(
            visit_id=stop.visit_id,
            from_visit_id=previous.visit_id if joined and previous is not None else None,
            distance_km=distance,
            travel_min=travel,
            travel_overridden=stop.travel_override_min is not None,
            departure_at=departure,
            gap_min=gap,
            overlaps=overlaps,
            too_tight=short_by > 0 and not overlaps,
            short_by_min=short_by,
            late_by_min=0 if overlaps else late_by,
        )
        previous = stop
        latest_end = stop.ends_at if latest_end is None else max(latest_end, stop.ends_at)
    return legs


def _minutes(delta: timedelta) -> int:
    return math.floor(delta.total_seconds() / 60)
