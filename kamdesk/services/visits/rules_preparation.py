"""Checklist rules for what is prepared before the meeting: mistakes 4–7 of field guide §4."""

from __future__ import annotations

from datetime import date, timedelta, tzinfo

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.visits.checklist_types import ChecklistItem, FixTarget, ItemKind, Mistake
from kamdesk.services.visits.facts import AttendeeFacts, VisitFacts
from kamdesk.services.visits.model import msg
from kamdesk.services.visits.rules_conduct import reminder_item, visit_target
from kamdesk.services.visits.settings import VisitSettings
from kamdesk.vocabulary import OfferStatus

# 4. No information -----------------------------------------------------------------------


def no_information_rules(facts: VisitFacts, settings: VisitSettings) -> list[ChecklistItem]:
    dossier = facts.dossier
    enough = dossier.score >= settings.dossier_threshold
    reports = facts.past_reports[: settings.past_reports_to_review]
    key = "no_information.past_reports"
    confirmed, note = facts.confirmed.get(key, (False, ""))
    reviewed = confirmed or not reports  # a first visit has nothing to review
    return [
        ChecklistItem(
            key="no_information.dossier",
            mistake=Mistake.NO_INFORMATION,
            kind=ItemKind.CHECK,
            title=msg(
                QT_TRANSLATE_NOOP("Visits", "Dossier {score}% complete"),
                score=dossier.score,
            ),
            passed=enough,
            reason=None
            if enough
            else msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Fill in the dossier: {score}% complete, {threshold}% needed"
                ),
                score=dossier.score,
                threshold=settings.dossier_threshold,
            ),
            fix=FixTarget("account", facts.account_id, "dossier"),
            details=tuple(dossier.missing),
        ),
        ChecklistItem(
            key=key,
            mistake=Mistake.NO_INFORMATION,
            # A first visit has nothing to review: that is a fact, not a tick of the KAM's.
            kind=ItemKind.REMINDER if reports else ItemKind.CHECK,
            title=msg(
                QT_TRANSLATE_NOOP("Visits", "Last {count} visit reports of this client reviewed"),
                count=len(reports),
            )
            if reports
            else msg(QT_TRANSLATE_NOOP("Visits", "No past visit reports of this client")),
            passed=reviewed,
            reason=None
            if reviewed
            else msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Review the last visit reports of this client ({count})"
                ),
                count=len(reports),
            ),
            fix=FixTarget("account", facts.account_id, "visits"),
            details=tuple(
                msg(
                    QT_TRANSLATE_NOOP("Visits", "{date:%d.%m.%Y}: {outcome}"),
                    date=report.held_at.astimezone(_tz(facts)).date(),
                    outcome=report.outcome or "—",
                )
                for report in reports
            ),
            weight=1,
            note=note,
        ),
    ]


def _tz(facts: VisitFacts) -> tzinfo:
    from kamdesk.services.visits.travel import zone

    return zone(facts.time_zone)


# 5. Preparation --------------------------------------------------------------------------


def _filled(
    facts: VisitFacts, key: str, value: str | bool, title: str, reason: str, place: str
) -> ChecklistItem:
    ok = bool(value.strip()) if isinstance(value, str) else value
    return ChecklistItem(
        key=key,
        mistake=Mistake.PREPARATION,
        kind=ItemKind.CHECK,
        title=msg(title),
        passed=ok,
        reason=None if ok else msg(reason),
        fix=visit_target(facts, place),
    )


def preparation_rules(facts: VisitFacts, settings: VisitSettings) -> list[ChecklistItem]:
    items = [
        _filled(
            facts,
            "preparation.objective",
            facts.objective,
            QT_TRANSLATE_NOOP("Visits", "Objective set"),
            QT_TRANSLATE_NOOP("Visits", "Set the visit's objective"),
            "objective",
        ),
        _filled(
            facts,
            "preparation.agenda",
            facts.agenda,
            QT_TRANSLATE_NOOP("Visits", "Agenda set"),
            QT_TRANSLATE_NOOP("Visits", "Draw up the agenda"),
            "agenda",
        ),
        _filled(
            facts,
            "preparation.attendees",
            bool(facts.attendees),
            QT_TRANSLATE_NOOP("Visits", "Attendees chosen"),
            QT_TRANSLATE_NOOP("Visits", "Choose who attends from the client's side"),
            "attendees",
        ),
    ]
    if facts.is_commercial:
        items.append(_negotiation_item(facts))
        items.append(_offer_item(facts))
    items.append(
        _filled(
            facts,
            "preparation.materials",
            facts.materials,
            QT_TRANSLATE_NOOP("Visits", "Materials listed"),
            QT_TRANSLATE_NOOP("Visits", "List the materials to take"),
            "materials",
        )
    )
    items.append(
        reminder_item(
            facts,
            "preparation.needs",
            Mistake.PREPARATION,
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "The client's needs and plans re-read; my proposals answer them"
                )
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Re-read the client's needs and plans; make the proposals answer them"
                )
            ),
        )
    )
    return items


def _negotiation_item(facts: VisitFacts) -> ChecklistItem:
    gaps: list[Message] = []
    if not facts.target_result.strip():
        gaps.append(msg(QT_TRANSLATE_NOOP("Visits", "target result not set")))
    if not facts.walk_away_point.strip():
        gaps.append(msg(QT_TRANSLATE_NOOP("Visits", "walk-away point not set")))
    if not facts.concessions:
        gaps.append(msg(QT_TRANSLATE_NOOP("Visits", "concessions not listed in order")))
    return ChecklistItem(
        key="preparation.negotiation",
        mistake=Mistake.PREPARATION,
        kind=ItemKind.CHECK,
        title=msg(QT_TRANSLATE_NOOP("Visits", "Negotiation plan ready")),
        passed=not gaps,
        reason=msg(QT_TRANSLATE_NOOP("Visits", "Complete the negotiation plan")) if gaps else None,
        fix=visit_target(facts, "negotiation"),
        details=tuple(gaps),
    )


def _offer_item(facts: VisitFacts) -> ChecklistItem:
    offer = facts.offer
    reason: Message | None = None
    fix = visit_target(facts, "offer")
    if offer is None:
        reason = msg(QT_TRANSLATE_NOOP("Visits", "Prepare an offer for this client"))
    elif offer.account_id != facts.account_id:
        reason = msg(
            QT_TRANSLATE_NOOP("Visits", "Choose this client's offer: {number} is for another"),
            number=offer.number,
        )
    elif offer.status in (OfferStatus.REJECTED, OfferStatus.EXPIRED):
        reason = msg(
            QT_TRANSLATE_NOOP("Visits", "Prepare a new offer: {number} was rejected")
            if offer.status == OfferStatus.REJECTED
            else QT_TRANSLATE_NOOP("Visits", "Prepare a new offer: {number} has expired"),
            number=offer.number,
        )
    elif offer.valid_until < facts.visit_day:
        reason = msg(
            QT_TRANSLATE_NOOP(
                "Visits", "Extend offer {number}: it expires on {date:%d.%m.%Y}, before the visit"
            ),
            number=offer.number,
            date=offer.valid_until,
        )
        fix = FixTarget("offer", offer.offer_id, "validity")
    return ChecklistItem(
        key="preparation.offer",
        mistake=Mistake.PREPARATION,
        kind=ItemKind.CHECK,
        title=msg(
            QT_TRANSLATE_NOOP("Visits", "Offer {number} ready to hand over"),
            number=offer.number if offer else "—",
        ),
        passed=reason is None,
        reason=reason,
        fix=fix,
    )


# 6. Manners ------------------------------------------------------------------------------


def birthday_offset(birthday: date, day: date) -> int:
    """Days from `day` to the nearest anniversary of `birthday` (negative: it has passed)."""
    offsets = []
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            anniversary = birthday.replace(year=year)
        except ValueError:  # 29 February in a common year: celebrated on the 28th
            anniversary = date(year, 2, 28)
        offsets.append((anniversary - day).days)
    return min(offsets, key=abs)


def etiquette_notes(attendee: AttendeeFacts) -> tuple[Message, ...]:
    """What to keep in mind about a person; only from details given with consent."""
    personal = attendee.personal
    if personal is None:
        return ()
    notes: list[Message] = []
    for text, value in (
        (QT_TRANSLATE_NOOP("Visits", "Smoking: {value}"), personal.smoking),
        (QT_TRANSLATE_NOOP("Visits", "Food: {value}"), personal.food_preferences),
        (QT_TRANSLATE_NOOP("Visits", "Alcohol: {value}"), personal.alcohol),
        (QT_TRANSLATE_NOOP("Visits", "Topics to avoid: {value}"), personal.topics_to_avoid),
    ):
        if value.strip():
            notes.append(msg(text, value=value.strip()))
    return tuple(notes)


def conversation_openers(attendee: AttendeeFacts) -> tuple[Message, ...]:
    """Something to talk about before business (hobbies, family, where they studied);
    only from details given with consent, for the brief."""
    personal = attendee.personal
    if personal is None:
        return ()
    return tuple(
        msg(text, value=_short(value.strip()))
        for text, value in (
            (QT_TRANSLATE_NOOP("Visits", "Hobbies: {value}"), personal.hobbies),
            (QT_TRANSLATE_NOOP("Visits", "Family: {value}"), personal.family),
            (QT_TRANSLATE_NOOP("Visits", "Studied: {value}"), personal.education),
        )
        if value.strip()
    )


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def manners_rules(facts: VisitFacts, settings: VisitSettings) -> list[ChecklistItem]:
    items: list[ChecklistItem] = []
    for attendee in facts.attendees:
        known = bool(attendee.form_of_address.strip())
        items.append(
            ChecklistItem(
                key=f"manners.address:{attendee.contact_id}",
                mistake=Mistake.MANNERS,
                kind=ItemKind.CHECK,
                title=msg(
                    QT_TRANSLATE_NOOP("Visits", "Form of address of {name} known"),
                    name=attendee.full_name,
                ),
                passed=known,
                reason=None
                if known
                else msg(
                    QT_TRANSLATE_NOOP("Visits", "Find out how to address {name}"),
                    name=attendee.full_name,
                ),
                fix=FixTarget("contact", attendee.contact_id, "address"),
                details=(
                    (
                        msg(
                            QT_TRANSLATE_NOOP("Visits", "Address as «{form}»"),
                            form=attendee.form_of_address,
                        ),
                    )
                    if known
                    else ()
                )
                + etiquette_notes(attendee),
            )
        )
        birthday = attendee.personal.birthday if attendee.personal else None
        if birthday is not None:
            offset = birthday_offset(birthday, facts.visit_day)
            if abs(offset) <= settings.birthday_window_days:
                items.append(_birthday_item(facts, attendee, facts.visit_day + timedelta(offset)))
    items.append(
        reminder_item(
            facts,
            "manners.etiquette",
            Mistake.MANNERS,
            msg(QT_TRANSLATE_NOOP("Visits", "Business dress, business cards, phone on silent")),
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Wear business dress, take business cards, silence the phone"
                )
            ),
        )
    )
    return items


def _birthday_item(facts: VisitFacts, attendee: AttendeeFacts, when: date) -> ChecklistItem:
    item = reminder_item(
        facts,
        f"manners.birthday:{attendee.contact_id}",
        Mistake.MANNERS,
        msg(
            QT_TRANSLATE_NOOP(
                "Visits", "Congratulations ready: birthday of {name} on {date:%d.%m}"
            ),
            name=attendee.full_name,
            date=when,
        ),
        msg(
            QT_TRANSLATE_NOOP("Visits", "Congratulate {name}: birthday on {date:%d.%m}"),
            name=attendee.full_name,
            date=when,
        ),
    )
    return item


# 7. Product ------------------------------------------------------------------------------


def product_rules(facts: VisitFacts, settings: VisitSettings) -> list[ChecklistItem]:
    items: list[ChecklistItem] = []
    if facts.is_commercial and not facts.products:
        items.append(
            ChecklistItem(
                key="product.agenda",
                mistake=Mistake.PRODUCT,
                kind=ItemKind.CHECK,
                title=msg(QT_TRANSLATE_NOOP("Visits", "Products on the agenda")),
                passed=False,
                reason=msg(
                    QT_TRANSLATE_NOOP(
                        "Visits", "Add the products to discuss: the visit is commercial"
                    )
                ),
                fix=visit_target(facts, "products"),
            )
        )
    for product in facts.products:
        for key, ok, title, reason, place in (
            (
                "product.key_messages",
                bool(product.key_messages),
                QT_TRANSLATE_NOOP("Visits", "Key messages for {product} written"),
                QT_TRANSLATE_NOOP("Visits", "Write key messages for {product}"),
                "key_messages",
            ),
            (
                "product.price",
                product.price is not None,
                QT_TRANSLATE_NOOP("Visits", "Current price of {product} known"),
                QT_TRANSLATE_NOOP("Visits", "Enter the current price of {product}"),
                "prices",
            ),
            (
                "product.comparison",
                product.comparisons > 0,
                QT_TRANSLATE_NOOP("Visits", "{product} compared with competitors"),
                QT_TRANSLATE_NOOP("Visits", "Compare {product} with competitors"),
                "comparisons",
            ),
        ):
            items.append(
                ChecklistItem(
                    key=f"{key}:{product.product_id}",
                    mistake=Mistake.PRODUCT,
                    kind=ItemKind.CHECK,
                    title=msg(title, product=product.name),
                    passed=ok,
                    reason=None if ok else msg(reason, product=product.name),
                    fix=FixTarget("product", product.product_id, place),
                )
            )
    items.append(
        reminder_item(
            facts,
            "product.materials",
            Mistake.PRODUCT,
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Instructions, the latest price list and studies at hand"
                )
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Take the instructions, the latest price list and studies"
                )
            ),
        )
    )
    return items
