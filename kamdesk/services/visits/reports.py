"""Visit reports: the draft prefilled from the plan, saving (autosave and final),
submission to the manager, and dated addenda to locked reports.

A report is saved as a draft while the KAM types (`final=False`: lenient, the
status stays "done") and completed with `final=True` (every required field
checked; the visit becomes "reported"). Saving is all-or-nothing: when a
problem is found nothing is written. Objections heard are stored on the
report and feed the client's known objections (the next checklist lists them).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import (
    Account,
    Contact,
    FollowUpTask,
    ObjectionAnswer,
    Product,
    Visit,
    VisitAttendee,
    VisitProduct,
    VisitReport,
    VisitReportAddendum,
    utcnow,
)
from kamdesk.services.visits.facts import answer_for, lines
from kamdesk.services.visits.facts_loader import past_reports, product_name
from kamdesk.services.visits.followups import default_next_step_due, due_before_visit
from kamdesk.services.visits.model import VisitError, msg
from kamdesk.services.visits.planner import get_visit
from kamdesk.services.visits.report_model import (
    Addendum,
    AttendeeTick,
    NextStep,
    ObjectionTick,
    ProductTick,
    QuestionTick,
    ReportDraft,
    ReportInput,
    ReportSaveResult,
)
from kamdesk.services.visits.report_sync import sync_follow_ups, sync_ticks
from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, load_visit_settings
from kamdesk.services.visits.status import require_change, require_report_editable
from kamdesk.services.visits.travel import local_day
from kamdesk.store.natural_keys import find_or_restore
from kamdesk.textfold import fold
from kamdesk.vocabulary import VisitChannel, VisitStatus

if TYPE_CHECKING:
    from kamdesk.store import Store

MAX_DURATION_MIN = 12 * 60


def report_draft(store: Store, visit_id: uuid.UUID, tz: str = DEFAULT_TIME_ZONE) -> ReportDraft:
    settings = load_visit_settings(store)
    with store.session() as session:
        visit = get_visit(session, visit_id)
        account = session.get(Account, visit.account_id)
        report = session.scalar(select(VisitReport).where(VisitReport.visit_id == visit_id))
        addenda = (
            session.scalars(
                select(VisitReportAddendum)
                .where(VisitReportAddendum.report_id == report.id)
                .order_by(VisitReportAddendum.created_at)
            ).all()
            if report
            else []
        )
        prefill = _prefill(session, visit, report)
        contacts, products = _others(session, visit, prefill)
        return ReportDraft(
            visit_id=visit.id,
            account_id=visit.account_id,
            account_name=account.name if account else "",
            status=visit.status,
            planned_start=visit.starts_at,
            planned_duration_min=visit.duration_min,
            objective=visit.objective,
            is_commercial=visit.is_commercial,
            saved=report is not None,
            locked=visit.status == VisitStatus.SUBMITTED,
            submitted_at=report.submitted_at if report else None,
            input=prefill,
            default_next_step_due=default_next_step_due(local_day(visit.starts_at, tz), settings),
            addenda=[Addendum(a.created_at, a.text) for a in addenda],
            delivered=_delivered(session, visit),
            other_contacts=contacts,
            other_products=products,
            channel=visit.channel,
        )


def _others(
    session: Session, visit: Visit, report: ReportInput
) -> tuple[list[AttendeeTick], list[ProductTick]]:
    """Contacts of the client and catalogue products not on the report yet, as unplanned
    ticks (attended, discussed) ready to be added to it."""
    present = {a.contact_id for a in report.attendees}
    contacts = [
        AttendeeTick(c.id, c.full_name, c.position, planned=False, attended=True)
        for c in session.scalars(
            select(Contact)
            .where(Contact.account_id == visit.account_id, Contact.deleted_at.is_(None))
            .order_by(Contact.surname, Contact.name)
        )
        if c.id not in present
    ]
    on_report = {p.product_id for p in report.products}
    products = [
        ProductTick(p.id, product_name(p), planned=False, discussed=True)
        for p in session.scalars(
            select(Product)
            .where(Product.deleted_at.is_(None))
            .order_by(Product.trade_name, Product.dosage)
        )
        if p.id not in on_report
    ]
    return contacts, products


def _prefill(session: Session, visit: Visit, report: VisitReport | None) -> ReportInput:
    asked = {fold(q) for q in lines(report.questions_asked)} if report else set()
    questions = [QuestionTick(q, True, fold(q) in asked) for q in lines(visit.questions)]
    planned_questions = {fold(q.text) for q in questions}
    if report:
        questions += [
            QuestionTick(q, False, True)
            for q in lines(report.questions_asked)
            if fold(q) not in planned_questions
        ]
    products = [
        ProductTick(product.id, product_name(product), link.planned, bool(link.discussed))
        for link, product in session.execute(
            select(VisitProduct, Product)
            .join(Product, Product.id == VisitProduct.product_id)
            .where(VisitProduct.visit_id == visit.id)
            .order_by(VisitProduct.planned.desc(), Product.trade_name)
        ).all()
    ]
    attendees = [
        AttendeeTick(
            contact.id, contact.full_name, contact.position, link.planned, bool(link.attended)
        )
        for link, contact in session.execute(
            select(VisitAttendee, Contact)
            .join(Contact, Contact.id == VisitAttendee.contact_id)
            .where(VisitAttendee.visit_id == visit.id)
            .order_by(VisitAttendee.planned.desc(), Contact.surname)
        ).all()
    ]
    return ReportInput(
        actual_start=report.actual_start if report and report.actual_start else visit.starts_at,
        actual_duration_min=(report.actual_duration_min if report else None) or visit.duration_min,
        objective_reached=report.objective_reached if report else None,
        outcome=report.outcome if report else "",
        agreements=report.agreements if report else "",
        sentiment=report.sentiment if report else None,
        notes=report.notes if report else "",
        questions=questions,
        products=products,
        attendees=attendees,
        objections=_objection_ticks(session, visit, report),
        next_steps=[
            NextStep(t.title, t.due_on, t.details, t.id, t.done_at is not None)
            for t in session.scalars(
                select(FollowUpTask)
                .where(FollowUpTask.visit_id == visit.id)
                .order_by(FollowUpTask.position, FollowUpTask.created_at)
            ).all()
        ],
    )


def _objection_ticks(
    session: Session, visit: Visit, report: VisitReport | None
) -> list[ObjectionTick]:
    """Objections expected (the agenda products' known ones and the client's past ones),
    ticked when the saved report heard them, then any others the report recorded."""
    known = {
        fold(o): a
        for o, a in session.execute(
            select(ObjectionAnswer.objection, ObjectionAnswer.answer).where(
                ObjectionAnswer.answer != ""
            )
        ).all()
    }
    expected = list(
        session.scalars(
            select(ObjectionAnswer.objection)
            .join(VisitProduct, VisitProduct.product_id == ObjectionAnswer.product_id)
            .where(VisitProduct.visit_id == visit.id, VisitProduct.planned.is_(True))
            .order_by(ObjectionAnswer.created_at)
        )
    )
    for past in past_reports(session, {visit.account_id}).get(visit.account_id, []):
        if past.visit_id != visit.id and past.held_at < visit.starts_at:
            expected.extend(past.objections)
    heard = list(lines(report.objections_heard)) if report else []
    heard_keys = {fold(h) for h in heard}
    ticks: list[ObjectionTick] = []
    seen: set[str] = set()
    for text in [*expected, *heard]:
        key = fold(text)
        if key and key not in seen:
            seen.add(key)
            ticks.append(ObjectionTick(text.strip(), answer_for(text, known), key in heard_keys))
    return ticks


def validate_report(
    report: ReportInput,
    final: bool,
    tz: str = DEFAULT_TIME_ZONE,
    now: datetime | None = None,
    *,
    call: bool = False,
) -> dict[str, Message]:
    """What stops the report from being saved; a draft needs only well-formed values
    (so that nothing typed is refused while the KAM is still writing). A call's report
    is short: when, how long, the outcome and the next steps (no mood nor objective
    tick required)."""
    problems: dict[str, Message] = {}
    if report.actual_start is not None and report.actual_start.utcoffset() is None:
        problems["actual_start"] = msg(QT_TRANSLATE_NOOP("Visits", "The start needs a time zone"))
    if report.actual_duration_min is not None and not (
        1 <= report.actual_duration_min <= MAX_DURATION_MIN
    ):
        problems["actual_duration_min"] = msg(
            QT_TRANSLATE_NOOP("Visits", "A visit lasts from 1 minute to 12 hours")
        )
    if not final:
        return problems
    if report.actual_start is None:
        problems["actual_start"] = msg(QT_TRANSLATE_NOOP("Visits", "When did the visit start?"))
    elif "actual_start" not in problems and report.actual_start > (now or utcnow()):
        problems["actual_start"] = msg(
            QT_TRANSLATE_NOOP("Visits", "A visit cannot have started in the future")
        )
    if report.actual_duration_min is None:
        problems["actual_duration_min"] = msg(
            QT_TRANSLATE_NOOP("Visits", "How long did the visit last?")
        )
    if report.objective_reached is None and not call:
        problems["objective_reached"] = msg(
            QT_TRANSLATE_NOOP("Visits", "Say whether the objective was reached")
        )
    if not report.outcome.strip():
        problems["outcome"] = msg(QT_TRANSLATE_NOOP("Visits", "Describe the outcome"))
    if report.sentiment is None and not call:
        problems["sentiment"] = msg(QT_TRANSLATE_NOOP("Visits", "Choose the client's mood"))
    visit_start = report.actual_start if "actual_start" not in problems else None
    for index, step in enumerate(report.next_steps):
        if not step.title.strip():
            problems[f"next_steps[{index}].title"] = msg(
                QT_TRANSLATE_NOOP("Visits", "A next step needs a title")
            )
        if step.due_on is None:
            problems[f"next_steps[{index}].due_on"] = msg(
                QT_TRANSLATE_NOOP("Visits", "A next step needs a due date")
            )
        elif due_before_visit(step.due_on, visit_start, tz):
            problems[f"next_steps[{index}].due_on"] = msg(
                QT_TRANSLATE_NOOP("Visits", "A next step cannot be due before the visit")
            )
    return problems


def save_report(
    store: Store,
    visit_id: uuid.UUID,
    report: ReportInput,
    *,
    final: bool = False,
    now: datetime | None = None,
    tz: str = DEFAULT_TIME_ZONE,
) -> ReportSaveResult:
    """Save the report; with `final` the visit becomes "reported". Raises VisitError for a
    visit whose report cannot change (submitted, cancelled, not yet started)."""
    now = now or utcnow()
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        require_report_editable(visit.status)
        problems = validate_report(report, final, tz, now, call=visit.channel == VisitChannel.CALL)
        if problems:
            return ReportSaveResult(False, problems, visit.status)
        if visit.status == VisitStatus.PLANNED:
            if visit.starts_at > now:
                raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The visit has not started yet")))
            visit.status = VisitStatus.DONE  # reporting a visit says it took place
        row = find_or_restore(session, VisitReport, visit_id=visit_id)
        row.actual_start = report.actual_start
        row.actual_duration_min = report.actual_duration_min
        row.objective_reached = report.objective_reached
        row.outcome = report.outcome.strip()
        row.agreements = report.agreements.strip()
        row.sentiment = report.sentiment
        row.notes = report.notes.strip()
        row.questions_asked = "\n".join(
            q.text.strip() for q in report.questions if q.asked and q.text.strip()
        )
        row.objections_heard = "\n".join(
            o.text.strip() for o in report.objections if o.heard and o.text.strip()
        )
        sync_ticks(session, visit, report)
        task_ids = sync_follow_ups(session, visit, report.next_steps, final)
        if final and visit.status == VisitStatus.DONE:
            require_change(visit.status, VisitStatus.REPORTED)
            visit.status = VisitStatus.REPORTED
        return ReportSaveResult(True, {}, visit.status, task_ids)


def _delivered(session: Session, visit: Visit) -> bool:
    if visit.status != VisitStatus.SUBMITTED:
        return False
    from kamdesk.services.sync_inbox import delivered_visits

    return visit.id in delivered_visits(session, [visit.id])


def submit_reports(store: Store, visit_ids: list[uuid.UUID], now: datetime | None = None) -> None:
    """Hand reports in for the manager: all of them or, if one is not ready, none. They
    are locked at once; they travel to the office with the next sync (the change log)."""
    now = now or utcnow()
    with store.transaction() as session:
        for visit_id in visit_ids:
            visit = get_visit(session, visit_id)
            if visit.status != VisitStatus.REPORTED:
                raise VisitError(
                    msg(
                        QT_TRANSLATE_NOOP(
                            "Visits",
                            "Only a completed report can be submitted; this visit is {status}",
                        ),
                        status=visit.status.value,
                    )
                )
            report = session.scalar(select(VisitReport).where(VisitReport.visit_id == visit_id))
            assert report is not None  # "reported" is only reached by saving a report
            report.submitted_at = now
            visit.status = VisitStatus.SUBMITTED


def add_addendum(store: Store, visit_id: uuid.UUID, text: str) -> Addendum:
    """A dated correction to a submitted report; the report itself is never rewritten."""
    if not text.strip():
        raise VisitError({"text": msg(QT_TRANSLATE_NOOP("Visits", "The addendum is empty"))})
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        if visit.status != VisitStatus.SUBMITTED:
            raise VisitError(
                msg(
                    QT_TRANSLATE_NOOP(
                        "Visits", "Addenda are for submitted reports; edit this report instead"
                    )
                )
            )
        report = session.scalar(select(VisitReport).where(VisitReport.visit_id == visit_id))
        assert report is not None
        addendum = VisitReportAddendum(report_id=report.id, text=text.strip())
        session.add(addendum)
        session.flush()
        return Addendum(addendum.created_at, addendum.text)
