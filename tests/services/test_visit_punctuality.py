"""Lateness makes a visit red, from the store to the calendar's readiness (field guide §4:
being late is the first of the seven mistakes).

The figures by hand: Тверь → Кимры is 87.4 km in a straight line, 122.4 km of road with
the factor 1.4; 15 km in town at 30 km/h (30 min) and 107.4 km at 70 km/h (92.1 min)
make 123 min. The visit in Тверь ends at 11:00; the one in Кимры starts at 11:25.
"""

from __future__ import annotations

import uuid
from datetime import date

from kamdesk.services.visits import (
    Readiness,
    VisitSettings,
    day_view,
    readiness,
    save_visit_settings,
    set_travel_override,
    visit_checklist,
)
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_visit, msk

TVER, KIMRY = (56.8587, 35.9176), (56.8733, 37.3556)
OFFICE = (56.8600, 35.9000)  # the KAM's office in Тверь, 1.1 km from the first client
DAY = date(2026, 12, 14)


def _day(store: Store, kimry_at: tuple[int, int]) -> tuple[uuid.UUID, uuid.UUID]:
    save_visit_settings(store, VisitSettings(home_latitude=OFFICE[0], home_longitude=OFFICE[1]))
    tver = add_account(store, "ГБУЗ «Областная клиническая больница»", TVER, city="Тверь")
    kimry = add_account(store, "ГБУЗ «Кимрская ЦРБ»", KIMRY, city="Кимры")
    first = add_visit(store, tver, msk(2026, 12, 14, 10))  # 10:00–11:00
    second = add_visit(store, kimry, msk(2026, 12, 14, *kimry_at))
    return first, second


def test_a_visit_the_kam_cannot_reach_in_time_is_red(store: Store) -> None:
    _, kimry = _day(store, (11, 25))
    checklist = visit_checklist(store, kimry, "Europe/Moscow")
    buffer = checklist.items_by_key["late.buffer"]
    assert not buffer.passed and buffer.critical
    assert str(buffer.reason) == (
        "Cannot be reached in time: 123 min on the road, 25 min after the previous visit: "
        "98 min late"
    )
    assert checklist.summary.level == Readiness.RED
    # The calendar shows the same: red, not «green 81%».
    rows = {row.id: row for row in day_view(store, DAY, tz="Europe/Moscow")}
    shown = rows[kimry].readiness
    assert shown is not None and shown.level == Readiness.RED
    assert readiness(store, [kimry], "Europe/Moscow")[kimry].level == Readiness.RED


def test_with_time_for_the_road_the_visit_is_not_red_for_lateness(store: Store) -> None:
    # 11:00 + 123 min on the road + 15 min early = 13:18.
    first, kimry = _day(store, (13, 18))
    items = visit_checklist(store, kimry, "Europe/Moscow").items_by_key
    assert items["late.buffer"].passed and items["late.departure"].passed
    assert str(items["late.departure"].details[0]) == "Leave at 11:00 (123 min)"
    assert not [item for item in items.values() if item.critical and not item.passed]
    # The first visit leaves from the office: 1.1 km × 1.4 = 1.5 km at 30 km/h → 4 min.
    departure = visit_checklist(store, first, "Europe/Moscow").items_by_key["late.departure"]
    assert str(departure.details[0]) == "Leave at 09:41 (4 min)"


def test_eating_into_the_buffer_warns_without_forcing_red(store: Store) -> None:
    _, kimry = _day(store, (13, 10))  # arrives at 13:03: 7 min early instead of 15
    buffer = visit_checklist(store, kimry, "Europe/Moscow").items_by_key["late.buffer"]
    assert not buffer.passed and not buffer.critical
    assert "8 min short" in str(buffer.reason)


def test_a_visit_without_a_departure_time_is_red(store: Store) -> None:
    # No home or office in the settings and no coordinates: nobody knows when to leave.
    account = add_account(store, "Аптека без адреса", None)
    visit = add_visit(store, account, msk(2026, 12, 15, 10))
    checklist = visit_checklist(store, visit, "Europe/Moscow")
    assert [i.key for i in checklist.failing if i.critical] == ["late.departure"]
    assert checklist.summary.level == Readiness.RED
    # The travel time entered by hand gives the departure: nothing critical is left.
    set_travel_override(store, visit, 40)
    checklist = visit_checklist(store, visit, "Europe/Moscow")
    assert not [i.key for i in checklist.failing if i.critical]
    departure = checklist.items_by_key["late.departure"]
    assert departure.passed and str(departure.details[0]) == "Leave at 09:05 (40 min)"
