"""Travel time, departure, overlap and buffer arithmetic; local days; the shortest route."""

from __future__ import annotations

import itertools
import random
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from kamdesk.services.visits import VisitSettings, VisitSettingsError
from kamdesk.services.visits.route import EXACT_LIMIT, path_length, shortest_order
from kamdesk.services.visits.travel import (
    Stop,
    distance_km,
    local_day_bounds,
    schedule_legs,
    travel_minutes,
)
from tests.services.visit_factories import CENTRE, FAR, NEAR, msk, utc

SETTINGS = VisitSettings(road_factor=1.5, town_speed_kmh=30, buffer_min=15)


def stop(start: datetime, point: tuple[float, float] | None = CENTRE, **kw: object) -> Stop:
    return Stop(uuid.uuid4(), start, kw.pop("duration", 60), point, **kw)  # type: ignore[arg-type]


def test_distance_and_travel_time() -> None:
    # One degree of latitude is about 111.2 km.
    assert distance_km((55.0, 37.0), (56.0, 37.0)) == pytest.approx(111.2, abs=0.2)
    assert distance_km(CENTRE, CENTRE) == 0
    # 10 km × 1.5 = 15 km of road, all of it in town: ÷ 30 km/h = 30 minutes; rounding
    # is always up.
    assert travel_minutes(10.0, SETTINGS) == 30
    assert travel_minutes(10.01, SETTINGS) == 31
    assert travel_minutes(0.0, SETTINGS) == 0


# Тверь and Кимры as the demo places them: 87.4 km apart in a straight line.
TVER, KIMRY = (56.8587, 35.9176), (56.8733, 37.3556)


def test_a_leg_to_the_next_town_is_driven_on_the_road() -> None:
    defaults = VisitSettings()
    assert (defaults.road_factor, defaults.town_road_km) == (1.4, 15.0)
    assert (defaults.town_speed_kmh, defaults.intercity_speed_kmh) == (30.0, 70.0)
    straight = distance_km(TVER, KIMRY)
    assert straight == pytest.approx(87.4, abs=0.1)
    # 87.4 × 1.4 = 122.4 km of road: 15 km in town at 30 km/h (30 min), then 107.4 km
    # at 70 km/h (92.1 min): 122.1, rounded up to 123 min, about two hours (at 30 km/h
    # door to door it was 245 min).
    assert travel_minutes(straight, defaults) == 123
    # Across town nothing changed: 5 km × 1.4 = 7 km at 30 km/h = 14 min.
    assert travel_minutes(5.0, defaults) == 14
    # The first 15 km of road (10.7 km straight) are in town: 30 min either way.
    assert travel_minutes(15 / 1.4, defaults) == 30


def test_travel_time_never_drops_as_the_distance_grows() -> None:
    defaults = VisitSettings()
    minutes = [travel_minutes(km / 10, defaults) for km in range(2000)]
    assert minutes == sorted(minutes)


def test_old_settings_keep_their_speed_as_the_speed_in_town() -> None:
    old = VisitSettings.from_dict({"average_speed_kmh": 25.0, "road_factor": 1.3})
    assert (old.town_speed_kmh, old.road_factor, old.intercity_speed_kmh) == (25.0, 1.3, 70.0)


@pytest.mark.parametrize(
    "changes",
    [
        {"town_speed_kmh": 80.0},  # faster in town than between towns
        {"intercity_speed_kmh": 151.0},
        {"town_road_km": -1.0},
        {"town_road_km": 201.0},
        {"next_step_after_working_days": 0},
    ],
)
def test_travel_settings_out_of_range_are_refused(changes: dict[str, float]) -> None:
    with pytest.raises(VisitSettingsError):
        VisitSettings(**changes).validate()  # type: ignore[arg-type]


def test_the_kam_arrives_late_when_the_leg_is_longer_than_the_gap() -> None:
    defaults = VisitSettings()
    tver = stop(msk(2026, 12, 14, 10), TVER)  # ends 11:00
    kimry = stop(msk(2026, 12, 14, 11, 25), KIMRY)  # 25 minutes later, 123 min away
    leg = schedule_legs([tver, kimry], defaults)[kimry.visit_id]
    assert (leg.travel_min, leg.gap_min) == (123, 25)
    assert leg.late_by_min == 98 and leg.unreachable  # 123 − 25
    assert leg.short_by_min == 113  # 123 + 15 − 25
    on_time = stop(msk(2026, 12, 14, 13, 3), KIMRY)  # 123 min after 11:00, no buffer
    leg = schedule_legs([tver, on_time], defaults)[on_time.visit_id]
    assert leg.late_by_min == 0 and not leg.unreachable
    assert leg.too_tight and leg.short_by_min == 15


def test_departure_is_travel_plus_buffer_before_the_start() -> None:
    first = stop(msk(2026, 5, 12, 10))
    second = stop(msk(2026, 5, 12, 12), FAR)
    legs = schedule_legs([second, first], SETTINGS)
    leg = legs[second.visit_id]
    assert leg.from_visit_id == first.visit_id
    expected = travel_minutes(distance_km(CENTRE, FAR), SETTINGS)
    assert leg.travel_min == expected
    assert leg.departure_at == msk(2026, 5, 12, 12) - timedelta(minutes=expected + 15)
    assert leg.gap_min == 60
    # The first visit of the day leaves from home; without home it is unknown.
    assert legs[first.visit_id].from_visit_id is None
    assert legs[first.visit_id].travel_min is None
    assert legs[first.visit_id].departure_at is None


def test_the_first_leg_starts_from_home_when_it_is_known() -> None:
    first = stop(msk(2026, 5, 12, 10), NEAR)
    leg = schedule_legs([first], SETTINGS, home=CENTRE)[first.visit_id]
    assert leg.travel_min == travel_minutes(distance_km(CENTRE, NEAR), SETTINGS)
    assert leg.departure_at is not None


def test_overlap_and_a_gap_too_short() -> None:
    first = stop(msk(2026, 5, 12, 10), duration=90)
    overlapping = stop(msk(2026, 5, 12, 11))
    legs = schedule_legs([first, overlapping], SETTINGS)
    assert legs[overlapping.visit_id].overlaps
    assert not legs[overlapping.visit_id].too_tight  # reported as the overlap it is
    assert not legs[overlapping.visit_id].unreachable
    tight = stop(msk(2026, 5, 12, 11, 40), NEAR)  # 10 minutes after the end
    legs = schedule_legs([first, tight], SETTINGS)
    leg = legs[tight.visit_id]
    assert leg.too_tight and not leg.overlaps
    assert leg.short_by_min == leg.travel_min + 15 - 10  # type: ignore[operator]


def test_a_manual_travel_time_overrides_the_estimate() -> None:
    first = stop(msk(2026, 5, 12, 10))
    second = stop(msk(2026, 5, 12, 11, 30), None, travel_override_min=10)
    leg = schedule_legs([first, second], SETTINGS)[second.visit_id]
    assert leg.travel_overridden and leg.travel_min == 10
    assert not leg.too_tight  # 30 min gap ≥ 10 + 15


def test_legs_cross_midnight() -> None:
    evening = stop(msk(2026, 5, 12, 23, 0), duration=60)  # ends at 00:00
    night = stop(msk(2026, 5, 13, 0, 20), NEAR)
    leg = schedule_legs([evening, night], SETTINGS)[night.visit_id]
    assert leg.from_visit_id == evening.visit_id
    assert leg.gap_min == 20 and leg.too_tight
    assert leg.departure_at is not None and leg.departure_at.date() == date(2026, 5, 12)


def test_legs_across_time_zones_use_absolute_time() -> None:
    # A visit in Moscow ends 12:00 MSK (09:00 UTC); the next is given in Yekaterinburg
    # time at 14:30 (09:30 UTC): 30 minutes later, not two and a half hours.
    from zoneinfo import ZoneInfo

    first = stop(datetime(2026, 5, 12, 11, 0, tzinfo=ZoneInfo("Europe/Moscow")))
    second = stop(datetime(2026, 5, 12, 14, 30, tzinfo=ZoneInfo("Asia/Yekaterinburg")), NEAR)
    leg = schedule_legs([first, second], SETTINGS)[second.visit_id]
    assert leg.gap_min == 30


def test_a_long_break_starts_a_new_trip() -> None:
    morning = stop(msk(2026, 5, 12, 9))
    evening = stop(msk(2026, 5, 12, 18), NEAR)  # 8 hours later: from home
    leg = schedule_legs([morning, evening], SETTINGS)[evening.visit_id]
    assert leg.from_visit_id is None and leg.gap_min is None


def test_local_day_bounds() -> None:
    start, end = local_day_bounds(date(2026, 5, 12), "Europe/Moscow")
    assert start == utc(2026, 5, 11, 21) and end == utc(2026, 5, 12, 21)
    start, end = local_day_bounds(date(2026, 3, 29), "Europe/Berlin")  # the spring DST day
    assert end - start == timedelta(hours=23)
    assert start.tzinfo == UTC


def test_route_is_exact_for_small_days() -> None:
    rng = random.Random(7)
    points = [(55.6 + rng.random() * 0.3, 37.4 + rng.random() * 0.4) for _ in range(6)]
    order = shortest_order(CENTRE, points)
    best = min(
        path_length(CENTRE, points, perm) for perm in itertools.permutations(range(len(points)))
    )
    assert path_length(CENTRE, points, order) == pytest.approx(best)
    assert sorted(order) == list(range(6))


def test_route_heuristic_for_big_days_is_a_good_permutation() -> None:
    rng = random.Random(3)
    points = [(55.6 + rng.random() * 0.3, 37.4 + rng.random() * 0.4) for _ in range(14)]
    assert len(points) > EXACT_LIMIT
    order = shortest_order(CENTRE, points)
    assert sorted(order) == list(range(14))
    assert path_length(CENTRE, points, order) < path_length(CENTRE, points, range(14))
    # Points on a line are visited in order, whatever order they come in.
    line = [(55.0 + i * 0.01, 37.0) for i in (5, 1, 9, 3, 0, 7, 2, 8, 6, 4, 10)]
    walk = shortest_order((55.0, 37.0), line)
    assert [line[i][0] for i in walk] == sorted(p[0] for p in line)
