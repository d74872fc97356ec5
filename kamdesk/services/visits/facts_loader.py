"""Gathering `VisitFacts` for many visits with a fixed number of queries.

The calendar shows the readiness of a whole week, so nothing here runs a
query per visit: every table is read once for the set of visits, accounts or
products, and the facts are assembled in Python.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.models import (
    Account,
    ChecklistItemState,
    Contact,
    ContactPersonal,
    KeyMessage,
    ObjectionAnswer,
    Offer,
    PriceList,
    PriceListItem,
    Product,
    ProductComparison,
    RelationshipEvent,
    Visit,
    VisitAttendee,
    VisitProduct,
    VisitReport,
)
from kamdesk.services.dossier import DossierFacts, load_facts_many, score
from kamdesk.services.visits.facts import (
    AttendeeFacts,
    ComplaintFacts,
    ObjectionFacts,
    OfferFacts,
    PastReport,
    PersonalFacts,
    ProductFacts,
    VisitFacts,
    lines,
)
from kamdesk.services.visits.places import place_shown
from kamdesk.services.visits.settings import VisitSettings
from kamdesk.services.visits.travel import Leg, Stop, local_day, schedule_legs
from kamdesk.textfold import fold
from kamdesk.vocabulary import RelationshipEventKind, VisitChannel, VisitStatus

# Visits that take the KAM somewhere: they are legs of the day's route.
ON_ROUTE = (VisitStatus.PLANNED, VisitStatus.DONE, VisitStatus.REPORTED, VisitStatus.SUBMITTED)
HELD = (VisitStatus.DONE, VisitStatus.REPORTED, VisitStatus.SUBMITTED)
MAX_HOURS = 12  # no visit lasts longer (the planner's limit)


def product_name(product: Product) -> str:
    return " ".join(part for part in (product.trade_name, product.dosage) if part)


def legs_around(
    session: Session, start: datetime, end: datetime, settings: VisitSettings
) -> dict[uuid.UUID, Leg]:
    """Legs of every visit on the road in [start, end), with a margin so the first
    visit of the range still sees the one before it (across midnight too). Calls are
    made from wherever the KAM is: they have no leg and do not break a trip."""
    margin = timedelta(minutes=settings.same_trip_max_gap_min) + timedelta(days=1)
    rows = session.execute(
        select(
            Visit.id,
            Visit.starts_at,
            Visit.duration_min,
            Visit.latitude,
            Visit.longitude,
            Visit.travel_override_min,
            Account.latitude,
            Account.longitude,
        )
        .join(Account, Account.id == Visit.account_id)
        .where(
            Visit.starts_at >= start - margin,
            Visit.starts_at < end + margin,
            Visit.status.in_(ON_ROUTE),
            Visit.channel != VisitChannel.CALL,
        )
    ).all()
    stops = []
    for visit_id, starts_at, duration, lat, lon, override, a_lat, a_lon in rows:
        point = (lat, lon) if lat is not None and lon is not None else None
        if point is None and a_lat is not None and a_lon is not None:
            point = (a_lat, a_lon)
        stops.append(Stop(visit_id, starts_at, duration, point, override))
    return schedule_legs(stops, settings)


def load_visit_facts(
    session: Session, visit_ids: Iterable[uuid.UUID], settings: VisitSettings, tz: str
) -> dict[uuid.UUID, VisitFacts]:
    visits = session.scalars(select(Visit).where(Visit.id.in_(list(visit_ids)))).all()
    if not visits:
        return {}
    ids = [v.id for v in visits]
    account_ids = {v.account_id for v in visits}
    names, cities = {}, {}
    for account_id, name, city in session.execute(
        select(Account.id, Account.name, Account.city).where(Account.id.in_(account_ids))
    ).all():
        names[account_id], cities[account_id] = name, city
    legs = legs_around(
        session, min(v.starts_at for v in visits), max(v.starts_at for v in visits), settings
    )
    busy_calls = call_overlaps(session, [v for v in visits if v.channel == VisitChannel.CALL])
    complaints = open_complaints(session, account_ids)
    attendees = _attendees(session, ids)
    products = _products(session, ids, visits, tz)
    dossiers = load_facts_many(session.connection(), account_ids)
    past = past_reports(session, account_ids)
    known_answers = {
        fold(objection): answer
        for objection, answer in session.execute(
            select(ObjectionAnswer.objection, ObjectionAnswer.answer).where(
                ObjectionAnswer.answer != ""
            )
        ).all()
    }
    offer_ids = {v.offer_id for v in visits if v.offer_id}
    offers = {
        o.id: OfferFacts(o.id, o.account_id, o.number, o.status, o.valid_until)
        for o in session.scalars(select(Offer).where(Offer.id.in_(offer_ids))).all()
    }
    confirmed: dict[uuid.UUID, dict[str, tuple[bool, str]]] = defaultdict(dict)
    for state in session.scalars(
        select(ChecklistItemState).where(ChecklistItemState.visit_id.in_(ids))
    ).all():
        confirmed[state.visit_id][state.item_key] = (state.confirmed, state.note)
    result: dict[uuid.UUID, VisitFacts] = {}
    for visit in visits:
        result[visit.id] = VisitFacts(
            visit_id=visit.id,
            account_id=visit.account_id,
            account_name=names.get(visit.account_id, ""),
            starts_at=visit.starts_at,
            time_zone=tz,
            status=visit.status,
            duration_min=visit.duration_min,
            place=place_shown(visit.place, cities.get(visit.account_id, "")),
            is_commercial=visit.is_commercial,
            objective=visit.objective,
            agenda=visit.agenda,
            questions=lines(visit.questions),
            materials=visit.materials,
            target_result=visit.target_result,
            walk_away_point=visit.walk_away_point,
            concessions=lines(visit.concessions),
            offer=offers.get(visit.offer_id) if visit.offer_id else None,
            leg=legs.get(visit.id),
            attendees=tuple(attendees.get(visit.id, ())),
            products=tuple(products.get(visit.id, ())),
            dossier=score(dossiers.get(visit.account_id, DossierFacts())),
            past_reports=tuple(
                r for r in past.get(visit.account_id, ()) if r.held_at < visit.starts_at
            ),
            known_answers=known_answers,
            confirmed=dict(confirmed.get(visit.id, {})),
            channel=visit.channel,
            call_overlaps=visit.id in busy_calls,
            open_complaints=tuple(complaints.get(visit.account_id, ())),
        )
    return result


def call_overlaps(session: Session, calls: list[Visit]) -> set[uuid.UUID]:
    """The calls that fall inside another visit or call (the KAM cannot talk twice)."""
    if not calls:
        return set()
    start = min(c.starts_at for c in calls) - timedelta(hours=MAX_HOURS)
    end = max(c.starts_at + timedelta(minutes=c.duration_min) for c in calls)
    others = session.execute(
        select(Visit.id, Visit.starts_at, Visit.duration_min).where(
            Visit.starts_at >= start, Visit.starts_at < end, Visit.status.in_(ON_ROUTE)
        )
    ).all()
    busy: set[uuid.UUID] = set()
    for call in calls:
        call_end = call.starts_at + timedelta(minutes=call.duration_min)
        for other_id, other_start, other_duration in others:
            other_end = other_start + timedelta(minutes=other_duration)
            if other_id != call.id and other_start < call_end and call.starts_at < other_end:
                busy.add(call.id)
                break
    return busy


def open_complaints(
    session: Session, account_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[ComplaintFacts]]:
    """Each account's complaints with no resolution date, oldest first."""
    result: dict[uuid.UUID, list[ComplaintFacts]] = defaultdict(list)
    for event in session.scalars(
        select(RelationshipEvent)
        .where(
            RelationshipEvent.account_id.in_(list(account_ids)),
            RelationshipEvent.kind == RelationshipEventKind.COMPLAINT,
            RelationshipEvent.resolved_on.is_(None),
            RelationshipEvent.deleted_at.is_(None),
        )
        .order_by(RelationshipEvent.occurred_on, RelationshipEvent.created_at)
    ):
        result[event.account_id].append(
            ComplaintFacts(
                event.id, event.occurred_on, event.subject.strip(), event.description.strip()
            )
        )
    return result


def _attendees(session: Session, visit_ids: list[uuid.UUID]) -> dict[uuid.UUID, list]:
    rows = session.execute(
        select(VisitAttendee.visit_id, Contact, ContactPersonal)
        .join(Contact, Contact.id == VisitAttendee.contact_id)
        .outerjoin(
            ContactPersonal,
            (ContactPersonal.contact_id == Contact.id) & ContactPersonal.deleted_at.is_(None),
        )
        .where(VisitAttendee.visit_id.in_(visit_ids))
        .order_by(Contact.influence.desc().nulls_last(), Contact.surname)
    ).all()
    result: dict[uuid.UUID, list[AttendeeFacts]] = defaultdict(list)
    for visit_id, contact, personal in rows:
        result[visit_id].append(attendee_facts(contact, personal))
    return result


def attendee_facts(contact: Contact, personal: ContactPersonal | None) -> AttendeeFacts:
    # Personal details are used only with the contact's consent (152-ФЗ).
    personal_facts = (
        PersonalFacts(
            birthday=personal.birthday,
            smoking=personal.smoking,
            alcohol=personal.alcohol,
            food_preferences=personal.food_preferences,
            topics_to_avoid=personal.topics_to_avoid,
            hobbies=personal.hobbies,
            family=personal.family,
            education=personal.education,
        )
        if personal is not None and contact.consent_given
        else None
    )
    return AttendeeFacts(
        contact_id=contact.id,
        full_name=contact.full_name,
        position=contact.position,
        dmu_role=contact.dmu_role,
        influence=contact.influence,
        attitude=contact.attitude,
        psychotype=contact.psychotype,
        form_of_address=contact.form_of_address,
        personal=personal_facts,
        phone=contact.phone_mobile or contact.phone_work,
    )


def _products(
    session: Session, visit_ids: list[uuid.UUID], visits: Iterable[Visit], tz: str
) -> dict[uuid.UUID, list[ProductFacts]]:
    rows = session.execute(
        select(VisitProduct.visit_id, VisitProduct.discussed, Product)
        .join(Product, Product.id == VisitProduct.product_id)
        .where(VisitProduct.visit_id.in_(visit_ids))
        .order_by(Product.trade_name)
    ).all()
    product_ids = {product.id for _, _, product in rows}
    if not product_ids:
        return {}
    objections: dict[uuid.UUID, list[ObjectionFacts]] = defaultdict(list)
    for row in session.scalars(
        select(ObjectionAnswer)
        .where(ObjectionAnswer.product_id.in_(product_ids))
        .order_by(ObjectionAnswer.created_at)
    ).all():
        objections[row.product_id].append(ObjectionFacts(row.objection, row.answer))
    messages: dict[uuid.UUID, list[str]] = defaultdict(list)
    for message in session.scalars(
        select(KeyMessage)
        .where(KeyMessage.product_id.in_(product_ids))
        .order_by(KeyMessage.position)
    ).all():
        messages[message.product_id].append(message.text)
    comparisons = dict(
        session.execute(
            select(ProductComparison.product_id, func.count())
            .where(ProductComparison.product_id.in_(product_ids))
            .group_by(ProductComparison.product_id)
        ).all()
    )
    prices: dict[uuid.UUID, list[tuple]] = defaultdict(list)
    for product_id, valid_from, price in session.execute(
        select(PriceListItem.product_id, PriceList.valid_from, PriceListItem.price)
        .join(PriceList, PriceList.id == PriceListItem.price_list_id)
        .where(PriceListItem.product_id.in_(product_ids))
        .order_by(PriceList.valid_from)
    ).all():
        prices[product_id].append((valid_from, price))
    days = {v.id: local_day(v.starts_at, tz) for v in visits}
    result: dict[uuid.UUID, list[ProductFacts]] = defaultdict(list)
    for visit_id, discussed, product in rows:
        current: Decimal | None = None
        for valid_from, price in prices.get(product.id, ()):
            if valid_from <= days[visit_id]:
                current = price  # ordered by date: the last one that applies wins
        result[visit_id].append(
            ProductFacts(
                product_id=product.id,
                name=product_name(product),
                objections=tuple(objections.get(product.id, ())),
                key_messages=tuple(messages.get(product.id, ())),
                price=current,
                comparisons=int(comparisons.get(product.id, 0)),
                discussed=discussed,
            )
        )
    return result


def past_reports(
    session: Session, account_ids: set[uuid.UUID]
) -> dict[uuid.UUID, list[PastReport]]:
    rows = session.execute(
        select(Visit.account_id, Visit.id, Visit.starts_at, VisitReport)
        .join(VisitReport, VisitReport.visit_id == Visit.id)
        .where(Visit.account_id.in_(account_ids), Visit.status.in_(HELD))
        .order_by(Visit.starts_at.desc())
    ).all()
    result: dict[uuid.UUID, list[PastReport]] = defaultdict(list)
    for account_id, visit_id, starts_at, report in rows:
        if not (report.outcome or report.objections_heard):
            continue  # only the time it was held so far (marked held early): nothing to read
        result[account_id].append(
            PastReport(
                visit_id=visit_id,
                held_at=report.actual_start or starts_at,
                outcome=report.outcome,
                objections=lines(report.objections_heard),
            )
        )
    return result
