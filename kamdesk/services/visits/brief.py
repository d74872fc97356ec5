"""The pre-call brief: everything the KAM needs on one page before going in.

`brief_content` gathers it as plain data for the PDF (kamdesk.documents.visits)
and for the UI. Personal details appear only where the contact consented.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.card.dmu import DmuLayout, DmuNode, dmu_layout
from kamdesk.services.visits.brief_dossier import BriefDossier, load_brief_dossier
from kamdesk.services.visits.brief_objections import offered_objections
from kamdesk.services.visits.checklist import build_checklist
from kamdesk.services.visits.checklist_types import ItemKind, ReadinessSummary
from kamdesk.services.visits.model import VisitError, msg
from kamdesk.services.visits.rules_conduct import psychotype_tip
from kamdesk.services.visits.rules_preparation import conversation_openers, etiquette_notes
from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, load_visit_settings
from kamdesk.services.visits.travel import zone
from kamdesk.vocabulary import Attitude, DmuRole, OfferStatus, Psychotype

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kamdesk.models import OfferLine
    from kamdesk.store import Store


@dataclass(frozen=True)
class BriefAttendee:
    full_name: str
    position: str
    dmu_role: DmuRole | None
    influence: int | None
    attitude: Attitude | None
    psychotype: Psychotype | None
    psychotype_tip: Message | None
    form_of_address: str
    etiquette: tuple[Message, ...]  # only with consent
    openers: tuple[Message, ...] = ()  # hobbies, family, studies: only with consent


@dataclass(frozen=True)
class BriefObjection:
    objection: str
    answer: str  # "" when none is prepared
    product: str = ""  # the products it was prepared for; "" for the client's own only


@dataclass(frozen=True)
class BriefProduct:
    name: str
    key_messages: tuple[str, ...]
    price: Decimal | None  # without VAT


@dataclass(frozen=True)
class BriefOffer:
    number: str
    edition: int
    status: OfferStatus
    valid_until: date
    lines: int
    total_with_vat: Decimal | None
    benefit: str


@dataclass(frozen=True)
class BriefFollowUp:
    title: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class BriefContent:
    visit_id: uuid.UUID
    account_name: str
    place: str
    starts_at: datetime  # local time
    ends_at: datetime  # local time
    departure_at: datetime | None  # local time
    travel_min: int | None
    is_commercial: bool
    objective: str
    agenda: str
    questions: tuple[str, ...]
    materials: str
    attendees: tuple[BriefAttendee, ...]
    objections: tuple[BriefObjection, ...]
    products: tuple[BriefProduct, ...]
    target_result: str
    walk_away_point: str
    concessions: tuple[str, ...]
    offer: BriefOffer | None
    open_follow_ups: tuple[BriefFollowUp, ...]
    readiness: ReadinessSummary
    problems: tuple[Message, ...]  # the checklist's failing items, to fix before going
    # The account's decision-making map as the card draws it (field guide §3, §6: know
    # the attendees' place in it), with the visit's attendees picked out.
    dmu: DmuLayout
    dmu_attendees: frozenset[uuid.UUID]
    # The dossier on paper (field guide §3, mistake 4): needs, plans, worries, the last
    # tender, open complaints, competitors here and the sales trend.
    dossier: BriefDossier | None = None

    def is_attendee(self, node: DmuNode) -> bool:
        return node.contact_id in self.dmu_attendees


def brief_content(
    store: Store, visit_id: uuid.UUID, tz: str = DEFAULT_TIME_ZONE, today: date | None = None
) -> BriefContent:
    from datetime import timedelta

    from kamdesk.services.visits.facts_loader import load_visit_facts
    from kamdesk.services.visits.followups import open_follow_ups

    settings = load_visit_settings(store)
    with store.session() as session:
        facts = load_visit_facts(session, [visit_id], settings, tz).get(visit_id)
        if facts is None:
            raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The visit no longer exists")))
        offer = _offer(session, facts.offer.offer_id) if facts.offer else None
        day = today or facts.visit_day
        dossier = load_brief_dossier(session, facts.account_id, day)
    checklist = build_checklist(facts, settings)
    local = zone(tz)
    # The account's channel picks the products' objections; each objection once.
    objections = [
        BriefObjection(o.objection, o.answer, ", ".join(o.products))
        for o in offered_objections(
            facts.products, facts.client_objections(), dossier.kind, facts.known_answers
        )
    ]
    leg = facts.leg
    return BriefContent(
        visit_id=visit_id,
        account_name=facts.account_name,
        place=facts.place,
        starts_at=facts.starts_at.astimezone(local),
        ends_at=(facts.starts_at + timedelta(minutes=facts.duration_min)).astimezone(local),
        departure_at=leg.departure_at.astimezone(local) if leg and leg.departure_at else None,
        travel_min=leg.travel_min if leg else None,
        is_commercial=facts.is_commercial,
        objective=facts.objective,
        agenda=facts.agenda,
        questions=facts.questions,
        materials=facts.materials,
        attendees=tuple(
            BriefAttendee(
                full_name=a.full_name,
                position=a.position,
                dmu_role=a.dmu_role,
                influence=a.influence,
                attitude=a.attitude,
                psychotype=a.psychotype,
                psychotype_tip=psychotype_tip(a.psychotype),
                form_of_address=a.form_of_address,
                etiquette=etiquette_notes(a),
                openers=conversation_openers(a),
            )
            for a in facts.attendees
        ),
        objections=tuple(objections),
        products=tuple(BriefProduct(p.name, p.key_messages, p.price) for p in facts.products),
        target_result=facts.target_result,
        walk_away_point=facts.walk_away_point,
        concessions=facts.concessions,
        offer=offer,
        open_follow_ups=tuple(
            BriefFollowUp(f.title, f.due_on, f.overdue)
            for f in open_follow_ups(store, day, facts.account_id)
        ),
        readiness=checklist.summary,
        # Only what data can fix; unconfirmed reminders are the KAM's own ticks.
        problems=tuple(
            item.reason
            for item in checklist.failing
            if item.reason is not None and item.kind == ItemKind.CHECK
        ),
        dmu=dmu_layout(store, facts.account_id),
        dmu_attendees=frozenset(a.contact_id for a in facts.attendees),
        dossier=dossier,
    )


def _offer(session: Session, offer_id: uuid.UUID) -> BriefOffer | None:
    from sqlalchemy import select

    from kamdesk.models import Offer, OfferLine

    offer = session.get(Offer, offer_id)
    if offer is None:
        return None
    lines = session.scalars(select(OfferLine).where(OfferLine.offer_id == offer_id)).all()
    return BriefOffer(
        number=offer.number,
        edition=offer.edition,
        status=offer.status,
        valid_until=offer.valid_until,
        lines=len(lines),
        total_with_vat=_total(lines),
        benefit=offer.benefit,
    )


def _total(lines: Sequence[OfferLine]) -> Decimal | None:
    """The offer's total with VAT by the offers service's own arithmetic, when present."""
    try:
        from kamdesk.services.offers.money import line_figures, totals
    except ImportError:  # the offers service is optional to the brief
        return None
    figures = [
        line_figures(line.quantity, line.unit_price, line.discount_pct, line.vat_rate)
        for line in lines
    ]
    return totals(figures).total if figures else None
