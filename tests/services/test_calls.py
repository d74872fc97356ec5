"""Calls as their own activities, and open complaints in the checklist (issue 12)."""

from __future__ import annotations

from datetime import date, timedelta

from kamdesk.documents.visits.report_table import kpi_lines, visit_cells
from kamdesk.models import Contact, RelationshipEvent
from kamdesk.services.team import TeamFilter, team_view
from kamdesk.services.visits import (
    ExportFilter,
    NextStep,
    Readiness,
    VisitSettings,
    cancel_visit,
    load_plan,
    manager_export,
    mark_done,
    open_follow_ups,
    plan_defaults,
    report_draft,
    save_report,
    save_visit_settings,
    submit_reports,
    suggest_route,
    visit_checklist,
    visits_on_days,
)
from kamdesk.store import Store
from kamdesk.vocabulary import RelationshipEventKind, VisitChannel, VisitStatus
from tests.services.visit_factories import FAR, add_account, add_contact, add_visit, msk

CALL = VisitChannel.CALL
DAY = date(2026, 11, 16)  # a Monday
OFFICE = (55.75, 37.62)


def _settings(store: Store) -> None:
    save_visit_settings(store, VisitSettings(home_latitude=OFFICE[0], home_longitude=OFFICE[1]))


def _with_phone(store: Store, contact_id, phone: str = "+79161234567") -> None:  # type: ignore[no-untyped-def]
    with store.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        contact.phone_mobile = phone


def test_a_planned_call_has_no_place_travel_or_leg(store: Store) -> None:
    _settings(store)
    account = add_account(store, point=FAR)
    defaults = plan_defaults(store, account, msk(2026, 11, 16, 11), CALL)
    assert (defaults.duration_min, defaults.place, defaults.latitude) == (15, "", None)
    # Even when the form sent a place and travel, a call keeps none of them.
    call = add_visit(
        store,
        account,
        msk(2026, 11, 16, 11),
        15,
        channel=CALL,
        place="Зеленоград",
        latitude=FAR[0],
        longitude=FAR[1],
        travel_override_min=40,
    )
    plan = load_plan(store, call)
    assert plan.is_call and (plan.place, plan.latitude, plan.travel_override_min) == (
        "",
        None,
        None,
    )
    [row] = visits_on_days(store, DAY, DAY)
    assert row.is_call and row.leg is None


def test_a_call_between_visits_is_never_late_nor_breaks_the_trip(store: Store) -> None:
    _settings(store)
    near, far = add_account(store, "Рядом"), add_account(store, "Зеленоград", point=FAR)
    first = add_visit(store, near, msk(2026, 11, 16, 10))
    # A call right after the first visit, in a 5-minute gap: travel plays no part.
    call = add_visit(store, far, msk(2026, 11, 16, 11, 5), 15, channel=CALL)
    second = add_visit(store, far, msk(2026, 11, 16, 14))
    rows = {row.id: row for row in visits_on_days(store, DAY, DAY)}
    assert rows[call].leg is None
    leg = rows[second].leg
    assert leg is not None and leg.from_visit_id == first  # the call is not a stop
    checklist = visit_checklist(store, call)
    keys = set(checklist.items_by_key)
    assert not keys & {"late.departure", "late.buffer", "late.route"}
    assert checklist.items_by_key["late.overlap"].passed
    route = suggest_route(store, DAY)
    assert call not in [stop.visit_id for stop in route.stops] and call not in route.skipped


def test_a_call_inside_a_visit_is_red(store: Store) -> None:
    account = add_account(store)
    add_visit(store, account, msk(2026, 11, 16, 10))
    call = add_visit(store, account, msk(2026, 11, 16, 10, 30), 15, channel=CALL)
    checklist = visit_checklist(store, call)
    overlap = checklist.items_by_key["late.overlap"]
    assert not overlap.passed and overlap.critical
    assert checklist.summary.level == Readiness.RED


def test_the_checklist_of_a_call_keeps_what_a_call_needs(store: Store) -> None:
    account = add_account(store)
    contact = add_contact(store, account)
    call = add_visit(
        store,
        account,
        msk(2026, 11, 16, 11),
        15,
        channel=CALL,
        objective="Договориться о встрече с комиссией",
        attendee_ids=[contact],
    )
    keys = set(visit_checklist(store, call).items_by_key)
    for kept in (
        "preparation.objective",
        "interrupting.questions",
        "preparation.attendees",
        f"preparation.phone:{contact}",
        "no_information.dossier",
    ):
        assert kept in keys
    for dropped in (
        "late.departure",
        "late.buffer",
        "late.route",
        "preparation.materials",
        "preparation.agenda",
        "manners.etiquette",
        "product.materials",
    ):
        assert dropped not in keys
    phone = visit_checklist(store, call).items_by_key[f"preparation.phone:{contact}"]
    assert not phone.passed and phone.fix is not None and phone.fix.place == "phone"
    _with_phone(store, contact)
    phone = visit_checklist(store, call).items_by_key[f"preparation.phone:{contact}"]
    assert phone.passed and str(phone.details[0]) == "Call 8 (916) 123-45-67"
    # A visit keeps its route and dress items.
    visit = add_visit(store, account, msk(2026, 11, 17, 11))
    assert {"late.departure", "late.route", "manners.etiquette"} <= set(
        visit_checklist(store, visit).items_by_key
    )


def test_an_open_complaint_blocks_every_visit_and_call_until_resolved(store: Store) -> None:
    account = add_account(store)
    visit = add_visit(store, account, msk(2026, 11, 16, 10))
    call = add_visit(store, account, msk(2026, 11, 17, 10), 15, channel=CALL)
    with store.transaction() as session:
        event = RelationshipEvent(
            account_id=account,
            kind=RelationshipEventKind.COMPLAINT,
            occurred_on=date(2026, 11, 12),
            subject="Поставка пришла с повреждёнными коробками",
        )
        session.add(event)
        session.flush()
        event_id = event.id
    for visit_id in (visit, call):
        checklist = visit_checklist(store, visit_id)
        item = checklist.items_by_key[f"preparation.complaint:{event_id}"]
        assert not item.passed and item.critical
        assert str(item.reason) == (
            "Resolve the complaint of 12.11.2026 first: Поставка пришла с повреждёнными коробками"
        )
        assert item.fix is not None and item.fix.as_tuple() == (
            "account",
            account,
            "dossier",
        )
        assert checklist.summary.level == Readiness.RED
    with store.transaction() as session:
        resolved = session.get(RelationshipEvent, event_id)
        assert resolved is not None
        resolved.resolution, resolved.resolved_on = "Заменили партию", date(2026, 11, 14)
    for visit_id in (visit, call):
        assert not any(
            key.startswith("preparation.complaint")
            for key in visit_checklist(store, visit_id).items_by_key
        )


def _held_call(store: Store, account, starts, outcome: str = "Готовы к встрече"):  # type: ignore[no-untyped-def]
    call = add_visit(store, account, starts, 15, channel=CALL)
    mark_done(store, call, now=starts + timedelta(minutes=20))
    draft = report_draft(store, call)
    assert draft.is_call
    report = draft.input
    report.outcome = outcome
    report.next_steps = [NextStep("Отправить программу встречи", starts.date() + timedelta(days=2))]
    result = save_report(store, call, report, final=True, now=starts + timedelta(minutes=30))
    assert result.saved, result.problems  # no mood nor objective tick needed for a call
    return call, result


def test_a_held_call_reports_outcome_and_next_step_and_goes_to_the_manager(
    store: Store,
) -> None:
    account = add_account(store)
    call, result = _held_call(store, account, msk(2026, 11, 16, 11))
    [task] = [t for t in open_follow_ups(store, DAY) if t.id in result.follow_up_ids]
    assert task.title == "Отправить программу встречи"
    submit_reports(store, [call], now=msk(2026, 11, 16, 12))
    export = manager_export(store, ExportFilter(DAY, DAY))
    [row] = export.rows
    assert row.channel == CALL and row.status == VisitStatus.SUBMITTED
    cells = visit_cells(row, "ru")
    assert "звонок" in cells and "визит" not in cells


def test_kpis_count_calls_as_contacts_apart_from_visits(store: Store) -> None:
    """Hand-checked: 3 visits planned (2 held, 1 cancelled) and 3 calls (2 held, 1 still
    planned): visits 2 of 3, calls 2 of 3, contacts 4; 2 call reports submitted of 4 held."""
    a, b, c = add_account(store, "А"), add_account(store, "Б"), add_account(store, "В")
    now = msk(2026, 11, 20, 20)
    for account, hour in ((a, 10), (b, 12)):
        visit = add_visit(store, account, msk(2026, 11, 16, hour))
        mark_done(store, visit, now=now)
    cancel_visit(store, add_visit(store, c, msk(2026, 11, 17, 10)), "Главврач в отпуске")
    calls = [_held_call(store, c, msk(2026, 11, 18, h))[0] for h in (10, 11)]
    add_visit(store, a, msk(2026, 11, 19, 10), 15, channel=CALL)
    submit_reports(store, calls, now=now)
    kpis = manager_export(store, ExportFilter(DAY, DAY + timedelta(days=6))).kpis
    assert (kpis.visits_planned, kpis.visits_held, kpis.visits_cancelled) == (3, 2, 1)
    assert (kpis.calls_planned, kpis.calls_held, kpis.contacts_held) == (3, 2, 4)
    assert (kpis.reports_submitted, kpis.accounts_covered) == (2, 3)
    lines = {line.label: (line.value, line.out_of) for line in kpi_lines(kpis, "ru")}
    assert lines["Визиты проведены / запланированы"] == (2, 3)
    assert lines["Звонки проведены / запланированы"] == (2, 3)
    assert lines["Отчёты сданы / контакты проведены"] == (2, 4)
    view = team_view(store, TeamFilter(DAY, DAY + timedelta(days=6)))
    [figures] = view.all_figures or view.figures
    assert (figures.visits_planned, figures.visits_held) == (3, 2)
    assert (figures.calls_planned, figures.calls_held, figures.reports_missing) == (3, 2, 2)


def test_visit_list_shows_the_channel(
    tmp_path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    from kamdesk.cli import main
    from kamdesk.store import open_store

    path = tmp_path / "store.sqlite"
    store = open_store(path)
    account = add_account(store, "ГКБ № 1")
    visit = add_visit(store, account, msk(2026, 11, 16, 10))
    call = add_visit(store, account, msk(2026, 11, 16, 12), 15, channel=CALL)
    store.close()
    args = ["--db", str(path), "visit", "list", "--from", "16.11.2026", "--to", "16.11.2026"]
    assert main([*args, "--lang", "en"]) == 0
    header, first, second = capsys.readouterr().out.splitlines()
    assert "kind" in header
    assert str(visit)[:8] in first and " Visit " in first
    assert str(call)[:8] in second and " Call " in second and "12:00–12:15" in second


def test_a_call_in_the_calendar_file_is_named_a_call_without_a_place(store: Store) -> None:
    from icalendar import Calendar

    from kamdesk.services.visits import export_ics

    account = add_account(store, "ГКБ № 1")
    add_visit(store, account, msk(2026, 11, 16, 12), 15, channel=CALL)
    [event] = Calendar.from_ical(export_ics(store, DAY, DAY)).walk("VEVENT")
    assert str(event["summary"]) == "Звонок: ГКБ № 1"
    assert "geo" not in event and "location" not in event


def test_a_call_to_the_insurance_fund_reaches_the_export(store: Store) -> None:
    from kamdesk.vocabulary import AccountKind

    fund = add_account(store, "ТФОМС Тверской области", kind=AccountKind.INSURANCE_FUND)
    add_visit(store, fund, msk(2026, 11, 16, 12), 15, channel=CALL)
    [row] = manager_export(store, ExportFilter(DAY, DAY)).rows
    assert "фонд ОМС" in visit_cells(row, "ru") and "звонок" in visit_cells(row, "ru")
