"""Planning visits: the form's defaults and choices, saving, cancelling, rescheduling."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import (
    Account,
    ChecklistItemState,
    Contact,
    Offer,
    Product,
    SyncState,
    User,
    Visit,
    VisitAttendee,
    VisitProduct,
)
from kamdesk.services.visits.model import (
    CALL_DURATION_MIN,
    ContactChoice,
    OfferChoice,
    PlanInput,
    PlanningOptions,
    ProductChoice,
    VisitError,
    msg,
)
from kamdesk.services.visits.places import place_from
from kamdesk.services.visits.settings import load_visit_settings
from kamdesk.services.visits.status import require_change, require_plan_editable
from kamdesk.store import soft_delete
from kamdesk.store.natural_keys import find_or_restore
from kamdesk.vocabulary import OfferStatus, VisitChannel, VisitStatus

if TYPE_CHECKING:
    from kamdesk.store import Store

MAX_DURATION_MIN = 12 * 60


def planning_options(store: Store, account_id: uuid.UUID) -> PlanningOptions:
    """The account's contacts, the catalogue and the account's live offers for the form."""
    with store.session() as session:
        account = _account(session, account_id)
        contacts = session.scalars(
            select(Contact)
            .where(Contact.account_id == account_id)
            .order_by(Contact.influence.desc().nulls_last(), Contact.surname)
        ).all()
        products = session.scalars(select(Product).order_by(Product.trade_name)).all()
        offers = session.scalars(
            select(Offer)
            .where(
                Offer.account_id == account_id,
                Offer.status.in_([OfferStatus.DRAFT, OfferStatus.SENT, OfferStatus.ACCEPTED]),
            )
            .order_by(Offer.offer_date.desc())
        ).all()
        return PlanningOptions(
            account_name=account.name,
            address=account.address,
            contacts=[
                ContactChoice(
                    c.id,
                    c.full_name,
                    c.position,
                    c.dmu_role,
                    c.influence,
                    c.phone_mobile or c.phone_work,
                )
                for c in contacts
            ],
            products=[ProductChoice(p.id, p.trade_name, p.dosage, p.sku) for p in products],
            offers=[
                OfferChoice(o.id, o.number, o.edition, o.status, o.valid_until) for o in offers
            ],
        )


def plan_defaults(
    store: Store,
    account_id: uuid.UUID,
    starts_at: datetime,
    channel: VisitChannel = VisitChannel.VISIT,
) -> PlanInput:
    """A new plan at the account's address with the usual duration; a call has no place
    and lasts CALL_DURATION_MIN."""
    settings = load_visit_settings(store)
    with store.session() as session:
        account = _account(session, account_id)
        if channel == VisitChannel.CALL:
            return PlanInput(account_id, starts_at, CALL_DURATION_MIN, channel=channel)
        place = place_from(account.city, account.address)
        return PlanInput(
            account_id=account_id,
            starts_at=starts_at,
            duration_min=settings.default_duration_min,
            place=place,
            latitude=account.latitude,
            longitude=account.longitude,
        )


def plan_visit(store: Store, plan: PlanInput) -> uuid.UUID:
    with store.transaction() as session:
        _validate(session, plan)
        visit = Visit(
            account_id=plan.account_id,
            starts_at=plan.starts_at,
            owner_id=_my_user(session),
            channel=plan.channel,
        )
        _apply(session, visit, plan)
        return visit.id


def _my_user(session: Session) -> uuid.UUID | None:
    """The KAM this laptop is enrolled as, once the office's people are here (the visit's
    owner: whose report the manager reads); None before enrolment."""
    user_id = session.scalar(select(SyncState.user_id).where(SyncState.id == 1))
    if user_id is None or session.get(User, user_id) is None:
        return None
    return user_id


def load_plan(store: Store, visit_id: uuid.UUID) -> PlanInput:
    with store.session() as session:
        visit = get_visit(session, visit_id)
        return PlanInput(
            account_id=visit.account_id,
            starts_at=visit.starts_at,
            duration_min=visit.duration_min,
            place=visit.place,
            latitude=visit.latitude,
            longitude=visit.longitude,
            is_commercial=visit.is_commercial,
            objective=visit.objective,
            agenda=visit.agenda,
            questions=[q for q in visit.questions.splitlines() if q.strip()],
            materials=visit.materials,
            target_result=visit.target_result,
            walk_away_point=visit.walk_away_point,
            concessions=[c for c in visit.concessions.splitlines() if c.strip()],
            offer_id=visit.offer_id,
            attendee_ids=list(
                session.scalars(
                    select(VisitAttendee.contact_id).where(VisitAttendee.visit_id == visit_id)
                )
            ),
            product_ids=list(
                session.scalars(
                    select(VisitProduct.product_id).where(VisitProduct.visit_id == visit_id)
                )
            ),
            travel_override_min=visit.travel_override_min,
            channel=visit.channel,
        )


def update_plan(store: Store, visit_id: uuid.UUID, plan: PlanInput) -> None:
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        require_plan_editable(visit.status)
        if plan.account_id != visit.account_id:
            raise VisitError(
                {"account_id": msg(QT_TRANSLATE_NOOP("Visits", "A visit cannot change client"))}
            )
        _validate(session, plan)
        _apply(session, visit, plan)


def set_travel_override(store: Store, visit_id: uuid.UUID, minutes: int | None) -> None:
    """The KAM knows this leg better than the estimate (a ferry, a known jam); None clears it."""
    if minutes is not None and not 0 <= minutes <= MAX_DURATION_MIN:
        raise VisitError(
            {"travel_override_min": msg(QT_TRANSLATE_NOOP("Visits", "Travel time out of range"))}
        )
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        require_plan_editable(visit.status)
        if visit.channel == VisitChannel.CALL and minutes is not None:
            raise VisitError(
                {"travel_override_min": msg(QT_TRANSLATE_NOOP("Visits", "A call has no travel"))}
            )
        visit.travel_override_min = minutes


def cancel_visit(store: Store, visit_id: uuid.UUID, reason: str) -> None:
    if not reason.strip():
        raise VisitError(
            {"cancel_reason": msg(QT_TRANSLATE_NOOP("Visits", "Say why the visit is cancelled"))}
        )
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        require_change(visit.status, VisitStatus.CANCELLED)
        visit.status = VisitStatus.CANCELLED
        visit.cancel_reason = reason.strip()


def reschedule_visit(
    store: Store,
    visit_id: uuid.UUID,
    new_start: datetime,
    duration_min: int | None = None,
    now: datetime | None = None,
) -> uuid.UUID:
    """A new planned visit with the same plan; the old one stays, marked rescheduled.

    A new time already past is refused: a moved visit is one still to come (one held at
    another time than planned is marked held, with its real start in the report)."""
    _require_aware(new_start)
    if new_start < (now or datetime.now(UTC)):
        raise VisitError(
            {
                "starts_at": msg(
                    QT_TRANSLATE_NOOP(
                        "Visits",
                        "This time has already passed: choose a date and time still ahead.",
                    )
                )
            }
        )
    with store.transaction() as session:
        old = get_visit(session, visit_id)
        require_change(old.status, VisitStatus.RESCHEDULED)
        old.status = VisitStatus.RESCHEDULED
        new = Visit(
            account_id=old.account_id,
            owner_id=old.owner_id,
            starts_at=new_start,
            duration_min=duration_min or old.duration_min,
            rescheduled_from_id=old.id,
        )
        for column in _PLAN_COLUMNS:
            setattr(new, column, getattr(old, column))
        session.add(new)
        session.flush()
        for contact_id in session.scalars(
            select(VisitAttendee.contact_id).where(VisitAttendee.visit_id == old.id)
        ):
            session.add(VisitAttendee(visit_id=new.id, contact_id=contact_id))
        for product_id in session.scalars(
            select(VisitProduct.product_id).where(VisitProduct.visit_id == old.id)
        ):
            session.add(VisitProduct(visit_id=new.id, product_id=product_id))
        # What the KAM ticked (route, parking and pass checked, …) is still true of the
        # same meeting at another time; the automatic checks are worked out anew.
        for tick in session.scalars(
            select(ChecklistItemState).where(ChecklistItemState.visit_id == old.id)
        ):
            copied = find_or_restore(
                session, ChecklistItemState, visit_id=new.id, item_key=tick.item_key
            )
            copied.confirmed, copied.note = tick.confirmed, tick.note
        return new.id


def delete_planned_visit(store: Store, visit_id: uuid.UUID) -> None:
    """Remove a visit entered by mistake (only while planned; real ones are cancelled)."""
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        require_plan_editable(visit.status)
        soft_delete(session, visit)


_PLAN_COLUMNS = (
    "channel",
    "place",
    "latitude",
    "longitude",
    "is_commercial",
    "objective",
    "agenda",
    "questions",
    "materials",
    "target_result",
    "walk_away_point",
    "concessions",
    "offer_id",
    "travel_override_min",
)


def get_visit(session: Session, visit_id: uuid.UUID) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The visit no longer exists")))
    return visit


def _account(session: Session, account_id: uuid.UUID) -> Account:
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The client no longer exists")))
    return account


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise VisitError(
            {"starts_at": msg(QT_TRANSLATE_NOOP("Visits", "The start time needs a time zone"))}
        )


def _validate(session: Session, plan: PlanInput) -> None:
    _account(session, plan.account_id)
    _require_aware(plan.starts_at)
    problems: dict[str, Message] = {}
    if not 5 <= plan.duration_min <= MAX_DURATION_MIN:
        problems["duration_min"] = msg(
            QT_TRANSLATE_NOOP("Visits", "A visit lasts from 5 minutes to 12 hours")
        )
    if (plan.latitude is None) != (plan.longitude is None):
        problems["latitude"] = msg(
            QT_TRANSLATE_NOOP("Visits", "Give both the latitude and the longitude")
        )
    elif (
        plan.latitude is not None
        and plan.longitude is not None
        and not (-90 <= plan.latitude <= 90 and -180 <= plan.longitude <= 180)
    ):
        problems["latitude"] = msg(QT_TRANSLATE_NOOP("Visits", "Coordinates out of range"))
    if plan.travel_override_min is not None and not (
        0 <= plan.travel_override_min <= MAX_DURATION_MIN
    ):
        problems["travel_override_min"] = msg(
            QT_TRANSLATE_NOOP("Visits", "Travel time out of range")
        )
    if plan.attendee_ids:
        foreign = session.scalars(
            select(Contact.id).where(
                Contact.id.in_(plan.attendee_ids), Contact.account_id == plan.account_id
            )
        ).all()
        if len(set(foreign)) != len(set(plan.attendee_ids)):
            problems["attendee_ids"] = msg(
                QT_TRANSLATE_NOOP("Visits", "Attendees must be contacts of this client")
            )
    if plan.product_ids:
        known = session.scalars(select(Product.id).where(Product.id.in_(plan.product_ids))).all()
        if len(set(known)) != len(set(plan.product_ids)):
            problems["product_ids"] = msg(QT_TRANSLATE_NOOP("Visits", "Unknown product"))
    if plan.offer_id is not None:
        offer = session.get(Offer, plan.offer_id)
        if offer is None or offer.account_id != plan.account_id:
            problems["offer_id"] = msg(
                QT_TRANSLATE_NOOP("Visits", "The offer must be one made for this client")
            )
    if problems:
        raise VisitError(problems)


def _apply(session: Session, visit: Visit, plan: PlanInput) -> None:
    visit.channel = plan.channel
    visit.starts_at = plan.starts_at
    visit.duration_min = plan.duration_min
    # A call goes nowhere: no place, no coordinates, no travel (never a leg of the route).
    call = plan.is_call
    visit.place = "" if call else plan.place.strip()
    visit.latitude = None if call else plan.latitude
    visit.longitude = None if call else plan.longitude
    visit.is_commercial = plan.is_commercial
    visit.objective = plan.objective.strip()
    visit.agenda = plan.agenda.strip()
    visit.questions = "\n".join(q.strip() for q in plan.questions if q.strip())
    visit.materials = plan.materials.strip()
    visit.target_result = plan.target_result.strip()
    visit.walk_away_point = plan.walk_away_point.strip()
    visit.concessions = "\n".join(c.strip() for c in plan.concessions if c.strip())
    visit.offer_id = plan.offer_id
    visit.travel_override_min = None if call else plan.travel_override_min
    session.add(visit)
    session.flush()
    _sync_links(session, VisitAttendee, "contact_id", visit.id, plan.attendee_ids)
    _sync_links(session, VisitProduct, "product_id", visit.id, plan.product_ids)


def _sync_links(
    session: Session,
    model: type[VisitAttendee] | type[VisitProduct],
    column: str,
    visit_id: uuid.UUID,
    wanted_ids: list[uuid.UUID],
) -> None:
    """Make the visit's attendees (or products) exactly `wanted_ids`, reviving tombstones
    so the unique (visit, contact) row is reused rather than duplicated."""
    from kamdesk.store import INCLUDE_DELETED, restore

    rows = session.scalars(
        select(model).where(model.visit_id == visit_id).execution_options(**{INCLUDE_DELETED: True})
    ).all()
    existing: dict[uuid.UUID, Any] = {getattr(row, column): row for row in rows}
    wanted = list(dict.fromkeys(wanted_ids))
    for linked_id, row in existing.items():
        if linked_id not in wanted and row.deleted_at is None:
            soft_delete(session, row)
    for linked_id in wanted:
        row = existing.get(linked_id)
        if row is None:
            session.add(model(visit_id=visit_id, **{column: linked_id}))
        elif row.deleted_at is not None:
            restore(session, row)
