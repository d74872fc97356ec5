"""Checklist rules for the meeting itself: mistakes 1–3 of field guide §4.

Each takes the visit's facts and the settings and returns that section's
items: checks computed from data, and reminders the KAM confirms. An item's
title is what is true once it passes («Время выезда известно»); its reason, shown
instead while it fails, is the one thing to do («Определите психотип: …»), or for
lateness what is wrong with the times, in the words `kamdesk visit list` also
prints («Не успеть к началу: … опоздание на 98 мин»); its fix link opens the place.
"""

from __future__ import annotations

from collections.abc import Callable

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.visits.checklist_types import ChecklistItem, FixTarget, ItemKind, Mistake
from kamdesk.services.visits.facts import VisitFacts, answer_for
from kamdesk.services.visits.model import msg
from kamdesk.services.visits.questions import is_open_question
from kamdesk.services.visits.settings import VisitSettings
from kamdesk.services.visits.travel import zone
from kamdesk.vocabulary import Psychotype

Rule = Callable[[VisitFacts, VisitSettings], list[ChecklistItem]]

PSYCHOTYPE_TIPS: dict[Psychotype, str] = {
    Psychotype.ANALYST: QT_TRANSLATE_NOOP(
        "Visits",
        "Analyst: facts, figures and order. Send data in advance, keep to the agenda, "
        "do not push for a quick decision.",
    ),
    Psychotype.EXPRESSIVE: QT_TRANSLATE_NOOP(
        "Visits",
        "Expressive: attention and recognition. Let them talk, acknowledge their ideas, "
        "keep it lively and visual.",
    ),
    Psychotype.DIRECTIVE: QT_TRANSLATE_NOOP(
        "Visits",
        "Directive: brevity and results. Get to the point, offer options with outcomes, "
        "respect their time.",
    ),
    Psychotype.FRIENDLY: QT_TRANSLATE_NOOP(
        "Visits",
        "Friendly: relationship and trust. Start personally, do not rush, show how people "
        "like them benefit.",
    ),
}


def psychotype_tip(psychotype: Psychotype | None) -> Message | None:
    return msg(PSYCHOTYPE_TIPS[psychotype]) if psychotype else None


def reminder_item(
    facts: VisitFacts, key: str, mistake: Mistake, title: Message, todo: Message
) -> ChecklistItem:
    """A tick of the KAM's: `todo` while unticked (what to do), `title` once ticked."""
    confirmed, note = facts.confirmed.get(key, (False, ""))
    return ChecklistItem(
        key=key,
        mistake=mistake,
        kind=ItemKind.REMINDER,
        title=title,
        passed=confirmed,
        reason=None if confirmed else todo,
        fix=FixTarget("visit", facts.visit_id, "checklist"),
        weight=1,
        note=note,
    )


def visit_target(facts: VisitFacts, place: str) -> FixTarget:
    return FixTarget("visit", facts.visit_id, place)


# 1. Being late ---------------------------------------------------------------------------
# Lateness is the first of the seven mistakes: a visit the KAM cannot reach in time, or
# one whose departure time nobody knows, is red whatever else is ready.


def late_rules(facts: VisitFacts, settings: VisitSettings) -> list[ChecklistItem]:
    leg = facts.leg
    departure = leg.departure_at if leg else None
    overlaps = bool(leg and leg.overlaps)
    return [
        ChecklistItem(
            key="late.departure",
            mistake=Mistake.LATE,
            kind=ItemKind.CHECK,
            title=msg(QT_TRANSLATE_NOOP("Visits", "Departure time known")),
            passed=departure is not None,
            reason=None
            if departure
            else msg(
                QT_TRANSLATE_NOOP(
                    "Visits",
                    "No travel time: give the place coordinates (or home's) or enter the "
                    "travel time by hand",
                )
            ),
            fix=visit_target(facts, "travel"),
            details=(
                msg(
                    QT_TRANSLATE_NOOP("Visits", "Leave at {departure:%H:%M} ({travel} min)"),
                    departure=departure.astimezone(zone(facts.time_zone)),
                    travel=leg.travel_min if leg else 0,
                ),
            )
            if departure
            else (),
            critical=True,
        ),
        ChecklistItem(
            key="late.overlap",
            mistake=Mistake.LATE,
            kind=ItemKind.CHECK,
            title=msg(QT_TRANSLATE_NOOP("Visits", "No overlap with another visit")),
            passed=not overlaps,
            reason=msg(QT_TRANSLATE_NOOP("Visits", "Starts before the previous visit ends"))
            if overlaps
            else None,
            fix=visit_target(facts, "time"),
            critical=True,
        ),
        _buffer_item(facts, settings),
        reminder_item(
            facts,
            "late.route",
            Mistake.LATE,
            msg(QT_TRANSLATE_NOOP("Visits", "Route, parking and entry pass checked")),
            msg(QT_TRANSLATE_NOOP("Visits", "Check the route, parking and entry pass")),
        ),
    ]


def _buffer_item(facts: VisitFacts, settings: VisitSettings) -> ChecklistItem:
    """Enough time after the previous visit: a leg longer than the gap makes the KAM
    late (critical); one that only eats into the buffer is a warning."""
    leg = facts.leg
    reason: Message | None = None
    if leg and leg.unreachable:
        reason = msg(
            QT_TRANSLATE_NOOP(
                "Visits",
                "Cannot be reached in time: {travel} min on the road, {gap} min after the "
                "previous visit: {late} min late",
            ),
            travel=leg.travel_min,
            gap=leg.gap_min,
            late=leg.late_by_min,
        )
    elif leg and leg.too_tight:
        reason = msg(
            QT_TRANSLATE_NOOP(
                "Visits",
                "Only {gap} min after the previous visit; {short} min short of travel and buffer",
            ),
            gap=leg.gap_min,
            short=leg.short_by_min,
        )
    return ChecklistItem(
        key="late.buffer",
        mistake=Mistake.LATE,
        kind=ItemKind.CHECK,
        title=msg(
            QT_TRANSLATE_NOOP("Visits", "Time to arrive {buffer} min early"),
            buffer=settings.buffer_min,
        ),
        passed=reason is None,
        reason=reason,
        fix=visit_target(facts, "time"),
        critical=bool(leg and leg.unreachable),
    )


# 2. Arguing ------------------------------------------------------------------------------


def arguing_rules(facts: VisitFacts, settings: VisitSettings) -> list[ChecklistItem]:
    items: list[ChecklistItem] = []
    for product in facts.products:
        unanswered = [o for o in product.objections if not o.answer.strip()]
        reason: Message | None = None
        if not product.objections:
            reason = msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Record the known objections to {product} and their answers"
                ),
                product=product.name,
            )
        elif unanswered:
            reason = msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Prepare answers to the objections to {product}: {count} unanswered"
                ),
                count=len(unanswered),
                product=product.name,
            )
        items.append(
            ChecklistItem(
                key=f"arguing.answers:{product.product_id}",
                mistake=Mistake.ARGUING,
                kind=ItemKind.CHECK,
                title=msg(
                    QT_TRANSLATE_NOOP("Visits", "The objections to {product} have answers"),
                    product=product.name,
                ),
                passed=reason is None,
                reason=reason,
                fix=FixTarget("product", product.product_id, "objections"),
                details=tuple(_objection_line(o.objection, o.answer) for o in product.objections),
            )
        )
    raised = facts.client_objections()
    answers = {objection: answer_for(objection, facts.known_answers) for objection in raised}
    missing = [objection for objection, answer in answers.items() if not answer]
    fix = (
        FixTarget("product", facts.products[0].product_id, "objections")
        if facts.products
        else FixTarget("account", facts.account_id, "objections")
    )
    items.append(
        ChecklistItem(
            key="arguing.client_objections",
            mistake=Mistake.ARGUING,
            kind=ItemKind.CHECK,
            title=msg(
                QT_TRANSLATE_NOOP("Visits", "The client's past objections have answers")
                if raised
                else QT_TRANSLATE_NOOP("Visits", "The client raised no objections before")
            ),
            passed=not missing,
            reason=msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Prepare answers to the client's past objections: {count} unanswered"
                ),
                count=len(missing),
            )
            if missing
            else None,
            fix=fix,
            details=tuple(_objection_line(o, a) for o, a in answers.items()),
        )
    )
    items.append(
        reminder_item(
            facts,
            "arguing.calm",
            Mistake.ARGUING,
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "I will acknowledge each objection before answering, never argue"
                )
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Acknowledge each objection before answering; never argue"
                )
            ),
        )
    )
    return items


def _objection_line(objection: str, answer: str) -> Message:
    if answer.strip():
        return msg(
            QT_TRANSLATE_NOOP("Visits", "«{objection}» — {answer}"),
            objection=objection,
            answer=answer,
        )
    return msg(QT_TRANSLATE_NOOP("Visits", "«{objection}» — no answer"), objection=objection)


# 3. Interrupting -------------------------------------------------------------------------


def interrupting_rules(facts: VisitFacts, settings: VisitSettings) -> list[ChecklistItem]:
    open_questions = [q for q in facts.questions if is_open_question(q)]
    closed = [q for q in facts.questions if not is_open_question(q)]
    enough = len(open_questions) >= settings.min_open_questions
    items = [
        ChecklistItem(
            key="interrupting.questions",
            mistake=Mistake.INTERRUPTING,
            kind=ItemKind.CHECK,
            title=msg(
                QT_TRANSLATE_NOOP("Visits", "At least {minimum} open questions prepared"),
                minimum=settings.min_open_questions,
            ),
            passed=enough,
            reason=None
            if enough
            else msg(
                QT_TRANSLATE_NOOP("Visits", "Prepare more open questions: {count} of {minimum}"),
                count=len(open_questions),
                minimum=settings.min_open_questions,
            ),
            fix=visit_target(facts, "questions"),
            details=tuple(
                msg(
                    QT_TRANSLATE_NOOP("Visits", "Closed question, ask it openly: {question}"),
                    question=q,
                )
                for q in closed
            ),
        )
    ]
    for attendee in facts.attendees:
        tip = psychotype_tip(attendee.psychotype)
        items.append(
            ChecklistItem(
                key=f"interrupting.psychotype:{attendee.contact_id}",
                mistake=Mistake.INTERRUPTING,
                kind=ItemKind.CHECK,
                title=msg(
                    QT_TRANSLATE_NOOP("Visits", "Psychotype of {name} known"),
                    name=attendee.full_name,
                ),
                passed=tip is not None,
                reason=None
                if tip
                else msg(
                    QT_TRANSLATE_NOOP("Visits", "Find out the psychotype of {name}"),
                    name=attendee.full_name,
                ),
                fix=FixTarget("contact", attendee.contact_id, "psychotype"),
                details=(tip,) if tip else (),
            )
        )
    items.append(
        reminder_item(
            facts,
            "interrupting.listen",
            Mistake.INTERRUPTING,
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "I will let the client finish and note points to come back to"
                )
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Let the client finish; note the points to come back to"
                )
            ),
        )
    )
    return items
