"""Planning, cancelling and rescheduling; day and week views; overdue accounts; reminders; .ics."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from kamdesk.models import AccountStats, ChecklistItemState, Visit
from kamdesk.services.visits import (
    PlanInput,
    VisitError,
    VisitSettings,
    VisitStatus,
    cancel_visit,
    day_view,
    due_on,
    due_reminders,
    export_ics,
    is_overdue,
    load_plan,
    overdue_accounts,
    plan_defaults,
    plan_visit,
    planning_options,
    reschedule_visit,
    save_visit_settings,
    update_plan,
    week_view,
)
from kamdesk.services.visits.checklist import confirm_item, visit_checklist
from kamdesk.services.visits.settings import VisitSettingsError
from kamdesk.store import Store
from tests.services.visit_factories import (
    NEAR,
    add_account,
    add_contact,
    add_product,
    add_visit,
    msk,
    utc,
)


def test_a_plan_starts_at_the_account_address_and_round_trips(store: Store) -> None:
    account = add_account(store)
    contact = add_contact(store, account)
    product = add_product(store)
    plan = plan_defaults(store, account, msk(2026, 5, 12, 10))
    assert plan.place == "Москва, ул. Ленина, 1"
    assert plan.latitude is not None and plan.duration_min == 60
    plan.objective = "Включить препарат в формуляр"
    plan.questions = ["Как вы выбираете антибиотики резерва?", "  "]
    plan.attendee_ids = [contact]
    plan.product_ids = [product]
    visit = plan_visit(store, plan)
    loaded = load_plan(store, visit)
    assert loaded.questions == ["Как вы выбираете антибиотики резерва?"]
    assert loaded.attendee_ids == [contact] and loaded.product_ids == [product]
    options = planning_options(store, account)
    assert [c.id for c in options.contacts] == [contact]


def test_attendees_must_belong_to_the_client_and_times_need_a_zone(store: Store) -> None:
    account = add_account(store)
    other = add_account(store, "Другая больница")
    stranger = add_contact(store, other)
    plan = PlanInput(account, msk(2026, 5, 12), attendee_ids=[stranger])
    with pytest.raises(VisitError) as error:
        plan_visit(store, plan)
    assert "attendee_ids" in error.value.messages
    with pytest.raises(VisitError):
        plan_visit(store, PlanInput(account, datetime(2026, 5, 12, 10)))


def test_removing_and_readding_an_attendee_reuses_the_row(store: Store) -> None:
    account = add_account(store)
    contact = add_contact(store, account)
    visit = add_visit(store, account, msk(2026, 5, 12), attendee_ids=[contact])
    plan = load_plan(store, visit)
    plan.attendee_ids = []
    update_plan(store, visit, plan)
    assert load_plan(store, visit).attendee_ids == []
    plan.attendee_ids = [contact]
    update_plan(store, visit, plan)
    assert load_plan(store, visit).attendee_ids == [contact]


def test_rescheduling_keeps_the_history(store: Store) -> None:
    account = add_account(store)
    contact = add_contact(store, account)
    old = add_visit(store, account, msk(2026, 5, 12), objective="Цель", attendee_ids=[contact])
    new = reschedule_visit(store, old, msk(2026, 5, 14, 15), now=msk(2026, 5, 11))
    with store.session() as session:
        old_row, new_row = session.get(Visit, old), session.get(Visit, new)
        assert old_row is not None and new_row is not None
        assert old_row.status == VisitStatus.RESCHEDULED
        assert new_row.rescheduled_from_id == old and new_row.objective == "Цель"
    assert load_plan(store, new).attendee_ids == [contact]
    with pytest.raises(VisitError):
        cancel_visit(store, old, "передумали")  # a rescheduled visit is an end state
    with pytest.raises(VisitError):
        update_plan(store, old, load_plan(store, old))


def test_rescheduling_keeps_what_the_kam_ticked(store: Store) -> None:
    """A tester's «Маршрут, парковка и пропуск проверены» was gone after «Перенести»
    (readiness 59 % → 56 %): the meeting is the same, only its time moved."""
    account = add_account(store)
    old = add_visit(store, account, msk(2026, 5, 12))
    confirm_item(store, old, "late.route", True, "Пропуск заказан на проходной №2")
    new = reschedule_visit(store, old, msk(2026, 5, 14, 15), now=msk(2026, 5, 11))
    route = visit_checklist(store, new).items_by_key["late.route"]
    assert route.passed
    with store.session() as session:
        ticks = session.scalars(
            select(ChecklistItemState).where(ChecklistItemState.visit_id == new)
        ).all()
        assert [(t.item_key, t.confirmed, t.note) for t in ticks] == [
            ("late.route", True, "Пропуск заказан на проходной №2")
        ]


def test_cancelling_needs_a_reason(store: Store) -> None:
    account = add_account(store)
    visit = add_visit(store, account, msk(2026, 5, 12))
    with pytest.raises(VisitError):
        cancel_visit(store, visit, " ")
    cancel_visit(store, visit, "Главврач в отпуске")
    assert day_view(store, date(2026, 5, 12))[0].status == VisitStatus.CANCELLED


def test_day_is_the_local_day_of_the_given_time_zone(store: Store) -> None:
    account = add_account(store)
    # 22:30 UTC on 11 May is 01:30 on 12 May in Moscow and 03:30 in Yekaterinburg,
    # but still 11 May in London.
    add_visit(store, account, utc(2026, 5, 11, 22, 30))
    assert len(day_view(store, date(2026, 5, 12), tz="Europe/Moscow")) == 1
    assert len(day_view(store, date(2026, 5, 11), tz="Europe/Moscow")) == 0
    assert len(day_view(store, date(2026, 5, 11), tz="Europe/London")) == 1
    assert len(day_view(store, date(2026, 5, 12), tz="Asia/Yekaterinburg")) == 1
    # Monday 11 to Sunday 17 May
    assert len(week_view(store, date(2026, 5, 14), tz="Europe/Moscow")) == 1


def test_the_day_view_shows_legs_and_readiness(store: Store) -> None:
    save_visit_settings(store, VisitSettings(road_factor=1.0, town_speed_kmh=30, buffer_min=15))
    first = add_account(store, "Первая")
    second = add_account(store, "Вторая", point=NEAR)
    add_visit(store, first, msk(2026, 5, 12, 10))
    add_visit(store, second, msk(2026, 5, 12, 11, 5))
    rows = day_view(store, date(2026, 5, 12))
    assert [r.account_name for r in rows] == ["Первая", "Вторая"]
    leg = rows[1].leg
    assert leg is not None and leg.from_visit_id == rows[0].id
    assert leg.too_tight and leg.travel_min is not None and leg.travel_min > 5
    assert rows[1].readiness is not None and rows[1].readiness.failing > 0


def test_settings_are_validated() -> None:
    with pytest.raises(VisitSettingsError):
        VisitSettings(visit_every_days_a=100, visit_every_days_b=30).validate()
    with pytest.raises(VisitSettingsError):
        VisitSettings(home_latitude=55.0).validate()
    VisitSettings().validate()


def test_frequency_targets_per_abc_class() -> None:
    settings = VisitSettings(visit_every_days_a=30, visit_every_days_b=90, visit_every_days_c=180)
    last = date(2026, 1, 1)
    # 30 days after 1 January is Saturday 31 January: due the next working day, Monday.
    assert due_on("A", last, settings) == date(2026, 2, 2)
    assert not is_overdue("A", last, date(2026, 2, 2), settings)
    assert is_overdue("A", last, date(2026, 2, 3), settings)
    assert not is_overdue("B", last, date(2026, 3, 1), settings)
    assert is_overdue("C", last, date(2026, 7, 1), settings)
    assert is_overdue("A", None, date(2026, 1, 1), settings)  # never visited
    assert not is_overdue(None, None, date(2026, 1, 1), settings)  # no class, no target


def test_overdue_accounts_come_from_the_last_held_visit(store: Store) -> None:
    a_class = add_account(store, "А-клиент")
    b_class = add_account(store, "Б-клиент")
    never = add_account(store, "Новый А-клиент")
    for account, day in ((a_class, 1), (b_class, 1)):
        visit = add_visit(store, account, msk(2026, 3, day))
        with store.transaction() as session:
            row = session.get(Visit, visit)
            assert row is not None
            row.status = VisitStatus.DONE
    with store.transaction() as session:
        for account, abc in ((a_class, "A"), (b_class, "B"), (never, "A")):
            stats = session.scalar(select(AccountStats).where(AccountStats.account_id == account))
            assert stats is not None
            stats.abc_class = abc
    overdue = overdue_accounts(store, date(2026, 4, 15))
    assert [o.name for o in overdue] == ["Новый А-клиент", "А-клиент"]
    assert overdue[1].days_overdue == 15 and overdue[0].last_visit_at is None


def test_reminders_are_due_before_departure(store: Store) -> None:
    save_visit_settings(
        store,
        VisitSettings(
            road_factor=1.0,
            town_speed_kmh=60,
            buffer_min=15,
            reminder_before_departure_min=10,
            home_latitude=55.7558,
            home_longitude=37.5173,  # about 6.3 km west: 7 minutes at 60 km/h
        ),
    )
    account = add_account(store)
    visit = add_visit(store, account, msk(2026, 5, 12, 10))
    # departure 09:38, reminder at 09:28
    assert due_reminders(store, msk(2026, 5, 12, 9, 27)) == []
    due = due_reminders(store, msk(2026, 5, 12, 9, 28))
    assert [r.visit_id for r in due] == [visit]
    assert due[0].departure_at == msk(2026, 5, 12, 9, 38)
    assert due_reminders(store, msk(2026, 5, 12, 9, 30), already_shown=[visit]) == []
    assert due_reminders(store, msk(2026, 5, 12, 10, 0)) == []  # started


def test_ics_export_parses_back(store: Store) -> None:
    account = add_account(store)
    contact = add_contact(store, account, hobbies="рыбалка")
    planned = add_visit(
        store, account, msk(2026, 5, 12, 10), objective="Формуляр", attendee_ids=[contact]
    )
    cancelled = add_visit(store, account, msk(2026, 5, 13, 10))
    cancel_visit(store, cancelled, "Отпуск")
    add_visit(store, account, msk(2026, 5, 20, 10))  # outside the range
    data = export_ics(store, date(2026, 5, 12), date(2026, 5, 13))
    calendar = Calendar.from_ical(data)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"visit-{planned}@kamdesk", f"visit-{cancelled}@kamdesk"}
    event = events[f"visit-{planned}@kamdesk"]
    assert event.decoded("dtstart") == msk(2026, 5, 12, 10)
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=1)
    assert "Формуляр" in str(event["description"])
    assert "Иванов Пётр Сергеевич" in str(event["description"])
    assert "рыбалка" not in data.decode()
    assert event.walk("VALARM")
    assert str(events[f"visit-{cancelled}@kamdesk"]["status"]) == "CANCELLED"


def test_the_days_route_is_reordered_and_applied(store: Store) -> None:
    from kamdesk.services.visits import apply_route, suggest_route
    from tests.services.visit_factories import CENTRE, FAR

    save_visit_settings(store, VisitSettings(buffer_min=15))
    far = add_account(store, "Зеленоград", point=FAR)
    near = add_account(store, "Рядом", point=NEAR)
    # Planned far first, then back near the centre: the short way is near first.
    first = add_visit(store, far, msk(2026, 5, 12, 10))
    second = add_visit(store, near, msk(2026, 5, 12, 14))
    plan = suggest_route(store, date(2026, 5, 12), start_point=CENTRE)
    assert [s.visit_id for s in plan.stops] == [second, first]
    assert plan.distance_km < plan.current_distance_km
    assert plan.stops[0].proposed_start == msk(2026, 5, 12, 10)
    gap = plan.stops[1].proposed_start - plan.stops[0].proposed_start
    assert gap == timedelta(minutes=60 + plan.stops[1].travel_min + 15)
    apply_route(store, plan)
    assert [r.id for r in day_view(store, date(2026, 5, 12))] == [second, first]


def test_visits_use_this_computers_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    from kamdesk.services.visits.settings import system_time_zone

    monkeypatch.setenv("TZ", "Asia/Yekaterinburg")
    assert system_time_zone() == "Asia/Yekaterinburg"
    monkeypatch.setenv("TZ", "Not/AZone")  # unknown: the system's link, else the fallback
    assert system_time_zone(fallback="Europe/Moscow") != "Not/AZone"
