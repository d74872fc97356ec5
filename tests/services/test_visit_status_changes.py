"""Marking a visit held asks for the time when it was planned for later; every status
change can be undone until the report is submitted, and each undo is a logged change."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import select

from kamdesk.models import ChangeLogEntry
from kamdesk.services.visits import (
    Sentiment,
    VisitError,
    VisitStatus,
    cancel_visit,
    day_view,
    mark_done,
    report_draft,
    reschedule_visit,
    save_report,
    submit_reports,
    undo_status_change,
    visit_checklist,
)
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_visit, msk

NOW = msk(2026, 5, 12, 12)  # the visits below are planned for the next morning
TOMORROW = msk(2026, 5, 13, 10)


def _status(store: Store, visit_id: uuid.UUID) -> VisitStatus:
    return report_draft(store, visit_id).status


def _status_log(store: Store, visit_id: uuid.UUID) -> list[tuple[str | None, str | None]]:
    """The (replaced, new) status of every change-log entry of the visit, oldest first."""
    with store.session() as session:
        entries = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity_id == visit_id)
            .order_by(ChangeLogEntry.id)
        )
        return [
            (entry.base.get("status"), entry.changes["status"])
            for entry in entries
            if "status" in entry.changes
        ]


@pytest.fixture
def tomorrows(store: Store) -> uuid.UUID:
    return add_visit(store, add_account(store), TOMORROW, objective="Обсудить формуляр")


def test_a_visit_planned_for_later_is_held_only_with_its_time(
    store: Store, tomorrows: uuid.UUID
) -> None:
    with pytest.raises(VisitError, match="say when it was held"):
        mark_done(store, tomorrows, now=NOW)
    with pytest.raises(VisitError, match="future"):
        mark_done(store, tomorrows, msk(2026, 5, 12, 12, 5), now=NOW)
    assert _status(store, tomorrows) == VisitStatus.PLANNED  # nothing was written
    mark_done(store, tomorrows, msk(2026, 5, 12, 11), now=NOW)
    draft = report_draft(store, tomorrows)
    assert draft.status == VisitStatus.DONE
    # The report starts from the time the KAM gave, not from tomorrow's plan.
    assert draft.input.actual_start == msk(2026, 5, 12, 11)
    assert draft.planned_start == TOMORROW


def test_a_visit_whose_time_has_come_is_held_without_a_question(store: Store) -> None:
    visit = add_visit(store, add_account(store), msk(2026, 5, 12, 10))
    mark_done(store, visit, now=NOW)
    assert _status(store, visit) == VisitStatus.DONE
    assert report_draft(store, visit).input.actual_start == msk(2026, 5, 12, 10)


def test_held_and_reported_are_undone_step_by_step_and_logged(
    store: Store, tomorrows: uuid.UUID
) -> None:
    mark_done(store, tomorrows, msk(2026, 5, 12, 11), now=NOW)
    report = replace(report_draft(store, tomorrows).input)
    report.objective_reached, report.outcome = True, "Комиссия в июне"
    report.sentiment = Sentiment.POSITIVE
    assert save_report(store, tomorrows, report, final=True, now=NOW).saved
    assert _status(store, tomorrows) == VisitStatus.REPORTED

    assert undo_status_change(store, tomorrows, VisitStatus.REPORTED) == VisitStatus.DONE
    assert report_draft(store, tomorrows).input.outcome == "Комиссия в июне"  # still there
    assert undo_status_change(store, tomorrows) == VisitStatus.PLANNED
    assert _status_log(store, tomorrows) == [
        (None, "planned"),
        ("planned", "done"),
        ("done", "reported"),
        ("reported", "done"),
        ("done", "planned"),
    ]
    with pytest.raises(VisitError, match="Nothing to undo"):
        undo_status_change(store, tomorrows)


def test_a_cancellation_is_undone_and_the_reason_stays_in_the_log(store: Store) -> None:
    visit = add_visit(store, add_account(store), TOMORROW)
    cancel_visit(store, visit, "Главврач в отпуске")
    assert undo_status_change(store, visit, VisitStatus.CANCELLED) == VisitStatus.PLANNED
    assert day_view(store, TOMORROW.date())[0].status == VisitStatus.PLANNED
    with store.session() as session:
        undo = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity_id == visit)
            .order_by(ChangeLogEntry.id.desc())
        ).first()
        assert undo is not None
        assert undo.base == {"status": "cancelled", "cancel_reason": "Главврач в отпуске"}


def test_undoing_a_reschedule_removes_the_copy_while_it_is_only_planned(store: Store) -> None:
    account = add_account(store)
    old = add_visit(store, account, TOMORROW, objective="Цель")
    new = reschedule_visit(store, old, msk(2026, 5, 14, 15), now=NOW)
    assert undo_status_change(store, old, VisitStatus.RESCHEDULED) == VisitStatus.PLANNED
    assert [r.id for r in day_view(store, msk(2026, 5, 14).date())] == []
    assert [r.id for r in day_view(store, TOMORROW.date())] == [old]
    with pytest.raises(VisitError, match="no longer exists"):
        report_draft(store, new)

    # Moved on the morning of the 11th to that afternoon, and held then:
    again = reschedule_visit(store, old, msk(2026, 5, 11, 15), now=msk(2026, 5, 11, 9))
    mark_done(store, again, now=NOW)
    with pytest.raises(VisitError, match="undo that one first"):
        undo_status_change(store, old)
    assert _status(store, old) == VisitStatus.RESCHEDULED  # all or nothing


def test_nothing_is_undone_after_submission_or_when_the_visit_changed_meanwhile(
    store: Store,
) -> None:
    visit = add_visit(store, add_account(store), msk(2026, 5, 12, 9))
    mark_done(store, visit, now=NOW)
    with pytest.raises(VisitError, match="changed in the meantime"):
        undo_status_change(store, visit, VisitStatus.CANCELLED)
    report = replace(report_draft(store, visit).input)
    report.objective_reached, report.outcome = False, "Перенесли решение"
    report.sentiment = Sentiment.NEUTRAL
    assert save_report(store, visit, report, final=True, now=NOW).saved
    submit_reports(store, [visit], now=NOW)
    with pytest.raises(VisitError, match="submitted"):
        undo_status_change(store, visit)
    assert _status(store, visit) == VisitStatus.SUBMITTED


def test_a_final_report_cannot_start_in_the_future_but_a_draft_keeps_it(
    store: Store, tomorrows: uuid.UUID
) -> None:
    mark_done(store, tomorrows, msk(2026, 5, 12, 11), now=NOW)
    report = replace(report_draft(store, tomorrows).input)
    report.actual_start = TOMORROW
    report.objective_reached, report.outcome = True, "Договорились"
    report.sentiment = Sentiment.POSITIVE
    assert save_report(store, tomorrows, report, now=NOW).saved  # a draft is never refused
    result = save_report(store, tomorrows, report, final=True, now=NOW)
    assert not result.saved and set(result.problems) == {"actual_start"}
    assert _status(store, tomorrows) == VisitStatus.DONE


def test_a_visit_only_marked_held_is_no_report_to_review(
    store: Store, tomorrows: uuid.UUID
) -> None:
    mark_done(store, tomorrows, msk(2026, 5, 12, 11), now=NOW)
    later = add_visit(store, report_draft(store, tomorrows).account_id, msk(2026, 5, 20))
    review = visit_checklist(store, later).items_by_key["no_information.past_reports"]
    assert review.details == ()  # the held time alone is nothing to read before a visit
