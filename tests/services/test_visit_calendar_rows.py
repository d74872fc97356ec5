"""The calendar's rows: a visit's place names the city once, a visit held before its
planned time is found and placed when it was held, and the account's short name
comes with the row for the week's narrow blocks."""

from __future__ import annotations

import uuid
from datetime import timedelta

from kamdesk.models import Account, Visit
from kamdesk.services.visits import brief_content, day_view, mark_done, plan_defaults
from kamdesk.services.visits.places import place_from, place_shown
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_visit, msk

NOW = msk(2026, 5, 12, 12)
TOMORROW = msk(2026, 5, 13, 10)
TVER_ADDRESS = "170043, Тверская обл., г. Тверь, ул. Вагжанова, д. 14"


def _set(store: Store, model: type, row_id: uuid.UUID, **values: object) -> None:
    with store.transaction() as session:
        row = session.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)


def test_a_new_plan_names_the_city_once(store: Store) -> None:
    tver = add_account(store, "ГБУЗ «Областная клиническая больница»", city="Тверь")
    _set(store, Account, tver, address=TVER_ADDRESS)
    assert plan_defaults(store, tver, TOMORROW).place == TVER_ADDRESS
    # An address without the city is led by it, as before.
    moscow = add_account(store, city="Москва")
    assert plan_defaults(store, moscow, TOMORROW).place == "Москва, ул. Ленина, 1"


def test_a_street_named_after_the_town_is_not_the_town() -> None:
    assert place_from("Тверь", "Тверская ул., 5") == "Тверь, Тверская ул., 5"
    assert place_shown("Тверь, Тверская ул., 5", "Тверь") == "Тверь, Тверская ул., 5"
    assert place_from("Королёв", "ул. Королёва, 3") == "Королёв, ул. Королёва, 3"


def test_a_place_stored_with_the_city_twice_is_shown_with_it_once(store: Store) -> None:
    account = add_account(store, city="Тверь")
    _set(store, Account, account, address=TVER_ADDRESS)
    visit = add_visit(store, account, TOMORROW)
    _set(store, Visit, visit, place=f"Тверь, {TVER_ADDRESS}")  # planned before the fix
    (row,) = day_view(store, TOMORROW.date())
    assert row.place == TVER_ADDRESS
    assert brief_content(store, visit, today=NOW.date()).place == TVER_ADDRESS


def test_a_visit_held_early_is_on_the_day_and_at_the_time_it_was_held(store: Store) -> None:
    visit = add_visit(store, add_account(store), TOMORROW, duration_min=45)
    held_at = NOW - timedelta(hours=2)
    mark_done(store, visit, held_at, now=NOW)
    (row,) = day_view(store, NOW.date())
    assert row.id == visit and row.held_at == held_at
    assert row.shown_start == held_at and row.shown_end == held_at + timedelta(minutes=45)
    assert row.starts_at == TOMORROW  # the plan itself is kept


def test_a_planned_visit_is_shown_at_its_planned_time(store: Store) -> None:
    visit = add_visit(store, add_account(store), TOMORROW)
    (row,) = day_view(store, TOMORROW.date())
    assert row.id == visit and row.held_at is None and row.shown_start == TOMORROW


def test_the_row_has_the_accounts_short_name_else_its_name(store: Store) -> None:
    short = add_account(store, "ГБУЗ «Областная клиническая больница»")
    _set(store, Account, short, short_name="ОКБ")
    plain = add_account(store, "Аптека «Здоровье»")
    add_visit(store, short, TOMORROW)
    add_visit(store, plain, TOMORROW + timedelta(hours=2))
    rows = day_view(store, TOMORROW.date())
    assert [r.short_name for r in rows] == ["ОКБ", "Аптека «Здоровье»"]
    assert rows[0].account_name == "ГБУЗ «Областная клиническая больница»"
