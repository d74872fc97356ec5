"""Checklist rules that depend on the kind of contact and on the account's open complaints.

A call (field guide §6: the plan is a plan of visits *and calls*) is prepared like a
visit, less everything about getting there and being there in person: no departure
time, no buffer, no route or parking, no materials to carry, no business dress.
What stays: the objective, the open questions, the contact chosen (and a number to
dial), the dossier, the objections and the products.

An open complaint (a complaint event with no resolution date) comes before any new
selling (§6 "Between visits"): every visit and call to that account gets a critical
item, so the readiness is red until the complaint is resolved on the card's Dossier.
"""

from __future__ import annotations

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.formatting import phone
from kamdesk.services.visits.checklist_types import ChecklistItem, FixTarget, ItemKind, Mistake
from kamdesk.services.visits.facts import VisitFacts
from kamdesk.services.visits.model import msg

# Items a call does not have: travel, the route, what is carried or worn.
NOT_FOR_CALLS = frozenset(
    {
        "late.departure",
        "late.buffer",
        "late.route",
        "preparation.agenda",
        "preparation.materials",
        "manners.etiquette",
        "product.materials",
    }
)


def for_channel(facts: VisitFacts, items: list[ChecklistItem]) -> list[ChecklistItem]:
    """A section's items as the visit's channel needs them (a call drops NOT_FOR_CALLS)."""
    if not facts.is_call:
        return items
    return [_for_call(facts, item) for item in items if item.key not in NOT_FOR_CALLS]


def _for_call(facts: VisitFacts, item: ChecklistItem) -> ChecklistItem:
    from dataclasses import replace

    if item.key == "late.overlap":
        busy = facts.call_overlaps
        return replace(
            item,
            title=msg(QT_TRANSLATE_NOOP("Visits", "No other visit or call at that time")),
            passed=not busy,
            reason=msg(
                QT_TRANSLATE_NOOP("Visits", "Move the call: it falls inside another visit or call")
            )
            if busy
            else None,
        )
    if item.key == "preparation.attendees":
        return replace(
            item,
            title=msg(QT_TRANSLATE_NOOP("Visits", "Contact to call chosen")),
            reason=None if item.passed else msg(QT_TRANSLATE_NOOP("Visits", "Choose whom to call")),
        )
    if item.key == "preparation.objective" and not item.passed:
        return replace(item, reason=msg(QT_TRANSLATE_NOOP("Visits", "Set the call's objective")))
    return item


def call_items(facts: VisitFacts) -> list[ChecklistItem]:
    """A number to dial for every contact of a call."""
    if not facts.is_call:
        return []
    items = []
    for attendee in facts.attendees:
        known = bool(attendee.phone.strip())
        items.append(
            ChecklistItem(
                key=f"preparation.phone:{attendee.contact_id}",
                mistake=Mistake.PREPARATION,
                kind=ItemKind.CHECK,
                title=msg(
                    QT_TRANSLATE_NOOP("Visits", "Phone number of {name} known"),
                    name=attendee.full_name,
                ),
                passed=known,
                reason=None
                if known
                else msg(
                    QT_TRANSLATE_NOOP("Visits", "Find the phone number of {name}"),
                    name=attendee.full_name,
                ),
                fix=FixTarget("contact", attendee.contact_id, "phone"),
                # As a KAM dials it, «8 (916) 123-45-67 доб. 2», not the stored +7… form.
                details=(
                    msg(QT_TRANSLATE_NOOP("Visits", "Call {phone}"), phone=phone(attendee.phone)),
                )
                if known
                else (),
            )
        )
    return items


def complaint_items(facts: VisitFacts) -> list[ChecklistItem]:
    """One critical item per open complaint of the account: resolve it before selling.
    It never passes (a resolved complaint is no longer open), so only its reason shows."""
    return [
        ChecklistItem(
            key=f"preparation.complaint:{complaint.event_id}",
            mistake=Mistake.PREPARATION,
            kind=ItemKind.CHECK,
            title=msg(
                QT_TRANSLATE_NOOP("Visits", "Complaint of {date:%d.%m.%Y} resolved: {subject}"),
                date=complaint.occurred_on,
                subject=complaint.subject or complaint.description or "—",
            ),
            passed=False,
            reason=msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Resolve the complaint of {date:%d.%m.%Y} first: {subject}"
                ),
                date=complaint.occurred_on,
                subject=complaint.subject or complaint.description or "—",
            ),
            fix=FixTarget("account", facts.account_id, "dossier"),
            details=(
                (
                    msg(
                        QT_TRANSLATE_NOOP("Visits", "Complaint: {details}"),
                        details=complaint.description,
                    ),
                )
                if complaint.description and complaint.subject
                else ()
            )
            + (
                msg(
                    QT_TRANSLATE_NOOP(
                        "Visits",
                        "An open complaint comes before any new selling: record its "
                        "resolution on the card's Dossier",
                    )
                ),
            ),
            critical=True,
        )
        for complaint in facts.open_complaints
    ]
