"""Visit reports: prefilled draft, autosave, final save, follow-ups, submission lock, addenda."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kamdesk.documents.visits.labels import VISIT_COLUMNS
from kamdesk.services.visits import (
    NextStep,
    ProductTick,
    Sentiment,
    VisitError,
    VisitStatus,
    add_addendum,
    mark_done,
    open_follow_ups,
    overdue_follow_ups,
    report_draft,
    save_report,
    set_follow_up_done,
    submit_reports,
    visit_checklist,
)
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit, msk

COLUMN = list(VISIT_COLUMNS)

AFTER = msk(2026, 5, 12, 18)


@pytest.fixture
def visit(store: Store) -> dict:
    account = add_account(store)
    contact = add_contact(store, account)
    product = add_product(store, objections=(("Дорого", "Курс короче"), ("Нет в формуляре", "")))
    visit_id = add_visit(
        store,
        account,
        msk(2026, 5, 12, 10),
        objective="Включить в формуляр",
        questions=["Как вы выбираете антибиотики?", "Что важно для комиссии?"],
        attendee_ids=[contact],
        product_ids=[product],
    )
    return {"account": account, "contact": contact, "product": product, "visit": visit_id}


def _complete(draft_input):  # type: ignore[no-untyped-def]
    report = replace(draft_input)
    report.objective_reached = True
    report.outcome = "Комиссия рассмотрит заявку в июне"
    report.sentiment = Sentiment.POSITIVE
    report.questions[0].asked = True
    report.products[0].discussed = True
    report.attendees[0].attended = True
    report.objections[0].heard = True
    report.next_steps = [
        NextStep("Отправить КП", date(2026, 5, 15)),
        NextStep("Позвонить после комиссии", date(2026, 6, 20)),
    ]
    return report


def test_the_draft_is_prefilled_from_the_plan(store: Store, visit: dict) -> None:
    draft = report_draft(store, visit["visit"])
    assert not draft.saved and not draft.locked
    assert [q.text for q in draft.input.questions] == [
        "Как вы выбираете антибиотики?",
        "Что важно для комиссии?",
    ]
    assert all(q.planned and not q.asked for q in draft.input.questions)
    assert [p.product_id for p in draft.input.products] == [visit["product"]]
    assert [a.contact_id for a in draft.input.attendees] == [visit["contact"]]
    assert [o.text for o in draft.input.objections] == ["Дорого", "Нет в формуляре"]
    assert draft.input.objections[0].prepared_answer == "Курс короче"
    assert draft.input.actual_start == msk(2026, 5, 12, 10)
    assert draft.input.actual_duration_min == 60


def test_a_report_cannot_be_written_before_the_visit(store: Store, visit: dict) -> None:
    draft = report_draft(store, visit["visit"])
    with pytest.raises(VisitError):
        save_report(store, visit["visit"], draft.input, now=msk(2026, 5, 12, 9))


def test_autosave_keeps_a_draft_and_does_not_duplicate_tasks(store: Store, visit: dict) -> None:
    report = report_draft(store, visit["visit"]).input
    report.outcome = "Пишу…"
    report.next_steps = [NextStep("Отправить КП"), NextStep("")]  # half-typed rows
    first = save_report(store, visit["visit"], report, now=AFTER)
    assert first.saved and first.status == VisitStatus.DONE
    # The form autosaves again without keeping the ids: the task is updated, not copied.
    report.next_steps = [NextStep("Отправить КП до пятницы", date(2026, 5, 15))]
    second = save_report(store, visit["visit"], report, now=AFTER)
    assert second.follow_up_ids == first.follow_up_ids
    tasks = open_follow_ups(store, date(2026, 5, 13))
    assert [(t.title, t.due_on) for t in tasks] == [("Отправить КП до пятницы", date(2026, 5, 15))]
    assert report_draft(store, visit["visit"]).input.outcome == "Пишу…"


def test_a_final_report_is_checked_all_or_nothing(store: Store, visit: dict) -> None:
    report = report_draft(store, visit["visit"]).input
    report.next_steps = [NextStep("Отправить КП")]  # no due date
    result = save_report(store, visit["visit"], report, final=True, now=AFTER)
    assert not result.saved
    assert {"outcome", "objective_reached", "sentiment", "next_steps[0].due_on"} <= set(
        result.problems
    )
    assert not report_draft(store, visit["visit"]).saved  # nothing was written
    assert open_follow_ups(store, date(2026, 5, 13)) == []


def test_a_final_report_creates_follow_ups_and_feeds_objections(store: Store, visit: dict) -> None:
    report = _complete(report_draft(store, visit["visit"]).input)
    report.objections.append(
        type(report.objections[0])("Нет бюджета до конца года", "", heard=True)
    )
    result = save_report(store, visit["visit"], report, final=True, now=AFTER)
    assert result.saved and result.status == VisitStatus.REPORTED
    tasks = open_follow_ups(store, date(2026, 5, 13), visit["account"])
    assert [t.title for t in tasks] == ["Отправить КП", "Позвонить после комиссии"]
    assert all(t.visit_id == visit["visit"] for t in tasks)
    reread = report_draft(store, visit["visit"])
    assert [q.asked for q in reread.input.questions] == [True, False]
    assert [o.text for o in reread.input.objections if o.heard] == [
        "Дорого",
        "Нет бюджета до конца года",
    ]
    # The next visit's checklist lists the client's objections with their answers.
    following = add_visit(store, visit["account"], msk(2026, 6, 1), product_ids=[visit["product"]])
    item = visit_checklist(store, following).items_by_key["arguing.client_objections"]
    assert not item.passed  # «Нет бюджета…» has no prepared answer
    assert [str(d) for d in item.details] == [
        "«Дорого» — Курс короче",
        "«Нет бюджета до конца года» — no answer",
    ]


def test_overdue_follow_ups_are_flagged(store: Store, visit: dict) -> None:
    report = _complete(report_draft(store, visit["visit"]).input)
    save_report(store, visit["visit"], report, final=True, now=AFTER)
    overdue = overdue_follow_ups(store, date(2026, 5, 16))
    assert [t.title for t in overdue] == ["Отправить КП"] and overdue[0].overdue
    set_follow_up_done(store, overdue[0].id)
    assert overdue_follow_ups(store, date(2026, 5, 16)) == []
    assert [t.title for t in open_follow_ups(store, date(2026, 5, 16))] == [
        "Позвонить после комиссии"
    ]


def test_a_product_discussed_off_the_agenda_is_recorded(store: Store, visit: dict) -> None:
    extra = add_product(store, "Меропенем-КАМ")
    report = _complete(report_draft(store, visit["visit"]).input)
    report.products.append(ProductTick(extra, discussed=True, planned=False))
    save_report(store, visit["visit"], report, final=True, now=AFTER)
    products = report_draft(store, visit["visit"]).input.products
    assert [(p.product_id, p.planned, p.discussed) for p in products] == [
        (visit["product"], True, True),
        (extra, False, True),
    ]


def test_a_submitted_report_is_locked_but_takes_addenda(store: Store, visit: dict) -> None:
    mark_done(store, visit["visit"])
    report = _complete(report_draft(store, visit["visit"]).input)
    with pytest.raises(VisitError):
        add_addendum(store, visit["visit"], "Рано")  # only for submitted reports
    with pytest.raises(VisitError):
        submit_reports(store, [visit["visit"]])  # not reported yet
    save_report(store, visit["visit"], report, final=True, now=AFTER)
    submit_reports(store, [visit["visit"]], now=msk(2026, 5, 12, 19))
    draft = report_draft(store, visit["visit"])
    assert draft.locked and draft.status == VisitStatus.SUBMITTED
    assert draft.submitted_at == msk(2026, 5, 12, 19)
    report.outcome = "Переписанный результат"
    with pytest.raises(VisitError, match="locked"):
        save_report(store, visit["visit"], report, final=True, now=AFTER)
    addendum = add_addendum(store, visit["visit"], "Комиссия перенесена на июль")
    draft = report_draft(store, visit["visit"])
    assert draft.input.outcome == "Комиссия рассмотрит заявку в июне"
    assert [a.text for a in draft.addenda] == ["Комиссия перенесена на июль"]
    assert draft.addenda[0].written_at == addendum.written_at


def test_cancelled_visits_have_no_report(store: Store, visit: dict) -> None:
    from kamdesk.services.visits import cancel_visit

    cancel_visit(store, visit["visit"], "Отменили")
    with pytest.raises(VisitError):
        save_report(store, visit["visit"], report_draft(store, visit["visit"]).input, now=AFTER)


def test_unplanned_attendee_and_product_are_stored_and_exported(store: Store, visit: dict) -> None:
    from kamdesk.documents.visits.report_table import visit_cells
    from kamdesk.models import VisitAttendee, VisitProduct
    from kamdesk.services.visits import ExportFilter, manager_export

    colleague = add_contact(
        store, visit["account"], "Петрова", "Анна", "Ивановна", position="Клинический фармаколог"
    )
    extra = add_product(store, "Меропенем-КАМ")
    draft = report_draft(store, visit["visit"])
    # The form offers the client's other contacts and the rest of the catalogue.
    assert [a.contact_id for a in draft.other_contacts] == [colleague]
    assert all(not a.planned and a.attended for a in draft.other_contacts)
    assert [p.product_id for p in draft.other_products] == [extra]
    report = _complete(draft.input)
    report.attendees.append(draft.other_contacts[0])
    report.products.append(draft.other_products[0])
    save_report(store, visit["visit"], report, final=True, now=AFTER)

    with store.session() as session:
        from sqlalchemy import select

        people = {
            a.contact_id: (a.planned, a.attended)
            for a in session.scalars(
                select(VisitAttendee).where(VisitAttendee.visit_id == visit["visit"])
            )
        }
        products = {
            p.product_id: (p.planned, p.discussed)
            for p in session.scalars(
                select(VisitProduct).where(VisitProduct.visit_id == visit["visit"])
            )
        }
    assert people == {visit["contact"]: (True, True), colleague: (False, True)}
    assert products == {visit["product"]: (True, True), extra: (False, True)}
    again = report_draft(store, visit["visit"])
    assert again.other_contacts == [] and again.other_products == []

    export = manager_export(store, ExportFilter(date(2026, 5, 1), date(2026, 5, 31)))
    row = next(r for r in export.rows if r.visit_id == visit["visit"])
    assert [(a.full_name, a.planned) for a in row.attendees] == [
        ("Иванов Пётр Сергеевич", True),
        ("Петрова Анна Ивановна", False),
    ]
    assert "Меропенем-КАМ" in row.products_discussed
    assert row.products_unplanned == ("Меропенем-КАМ",)
    cells = visit_cells(row, "ru")
    assert "Петрова Анна Ивановна — Клинический фармаколог — ЛПР (вне плана)" in str(
        cells[COLUMN.index("attendees")]
    )
    assert "Меропенем-КАМ (вне плана)" in str(cells[COLUMN.index("products")])
    assert "Цефтриаксон-КАМ (вне плана)" not in str(cells[COLUMN.index("products")])
