"""The day, week and list views, the day's route order and departure reminders."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Account, Visit, VisitReport
from kamdesk.services.visits.checklist import readiness_in_session
from kamdesk.services.visits.facts_loader import legs_around
from kamdesk.services.visits.model import HELD_STATUSES, VisitRow, msg
from kamdesk.services.visits.places import place_shown
from kamdesk.services.visits.route import path_length, shortest_order
from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, load_visit_settings
from kamdesk.services.visits.travel import (
    Point,
    distance_km,
    local_day_bounds,
    travel_minutes,
    zone,
)
from kamdesk.vocabulary import VisitChannel, VisitStatus

if TYPE_CHECKING:
    from kamdesk.store import Store


def visits_between(
    store: Store,
    start: datetime,
    end: datetime,
    tz: str = DEFAULT_TIME_ZONE,
    *,
    with_readiness: bool = True,
    account_id: uuid.UUID | None = None,
) -> list[VisitRow]:
    """Visits planned, or held (their report's actual start), in [start, end), in time
    order, with their legs and readiness; a held visit's row says when it was held."""
    settings = load_visit_settings(store)
    with store.session() as session:
        held_then = select(VisitReport.visit_id).where(
            VisitReport.actual_start >= start, VisitReport.actual_start < end
        )
        query = (
            select(Visit, Account.name, Account.kind, Account.short_name, Account.city)
            .join(Account, Account.id == Visit.account_id)
            .where(
                or_(
                    and_(Visit.starts_at >= start, Visit.starts_at < end),
                    and_(Visit.status.in_(HELD_STATUSES), Visit.id.in_(held_then)),
                )
            )
            .order_by(Visit.starts_at, Visit.id)
        )
        if account_id is not None:
            query = query.where(Visit.account_id == account_id)
        rows = session.execute(query).all()
        legs = legs_around(session, start, end, settings) if rows else {}
        planned = [v.id for v, *_ in rows if v.status == VisitStatus.PLANNED]
        ready = (
            readiness_in_session(session, planned, settings, tz)
            if with_readiness and planned
            else {}
        )
        submitted = [v.id for v, *_ in rows if v.status == VisitStatus.SUBMITTED]
        delivered = _delivered(session, submitted)
        held = _held(session, [v.id for v, *_ in rows if v.status in HELD_STATUSES])
        return [
            VisitRow(
                id=v.id,
                account_id=v.account_id,
                account_name=name,
                account_kind=kind,
                starts_at=v.starts_at,
                ends_at=v.starts_at + timedelta(minutes=v.duration_min),
                duration_min=v.duration_min,
                place=place_shown(v.place, city),
                status=v.status,
                is_commercial=v.is_commercial,
                objective=v.objective,
                rescheduled_from_id=v.rescheduled_from_id,
                # The way there was worked out for the planned time, not for another.
                leg=legs.get(v.id) if held.get(v.id, NOT_HELD)[0] in (None, v.starts_at) else None,
                readiness=ready.get(v.id),
                delivered=v.id in delivered,
                channel=v.channel,
                account_short_name=short_name or "",
                held_at=held.get(v.id, NOT_HELD)[0],
                held_duration_min=held.get(v.id, NOT_HELD)[1],
                cancel_reason=v.cancel_reason if v.status == VisitStatus.CANCELLED else "",
            )
            for v, name, kind, short_name, city in rows
        ]


NOT_HELD: tuple[datetime | None, int | None] = (None, None)


def _held(
    session: Any, visit_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[datetime | None, int | None]]:
    """When each of these held visits began and how long it took, where its report says
    (either may be missing: the plan's is shown then)."""
    if not visit_ids:
        return {}
    found = session.execute(
        select(
            VisitReport.visit_id, VisitReport.actual_start, VisitReport.actual_duration_min
        ).where(VisitReport.visit_id.in_(visit_ids))
    ).all()
    return {visit_id: (start, minutes or None) for visit_id, start, minutes in found}


def _delivered(session: Any, visit_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Submitted reports the office acknowledged (imported only when there are some)."""
    if not visit_ids:
        return set()
    from kamdesk.services.sync_inbox import delivered_visits

    return delivered_visits(session, visit_ids)


def visits_on_days(
    store: Store,
    first_day: date,
    last_day: date,
    tz: str = DEFAULT_TIME_ZONE,
    *,
    with_readiness: bool = True,
) -> list[VisitRow]:
    """Visits on the KAM's local days first_day..last_day inclusive."""
    start, _ = local_day_bounds(first_day, tz)
    _, end = local_day_bounds(last_day, tz)
    return visits_between(store, start, end, tz, with_readiness=with_readiness)


def day_view(store: Store, day: date, tz: str = DEFAULT_TIME_ZONE) -> list[VisitRow]:
    return visits_on_days(store, day, day, tz)


def week_view(store: Store, any_day: date, tz: str = DEFAULT_TIME_ZONE) -> list[VisitRow]:
    """Monday to Sunday of the week that holds `any_day`."""
    monday = any_day - timedelta(days=any_day.weekday())
    return visits_on_days(store, monday, monday + timedelta(days=6), tz)


# The route -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteStop:
    visit_id: uuid.UUID
    account_name: str
    current_start: datetime
    proposed_start: datetime
    travel_min: int


@dataclass(frozen=True)
class RoutePlan:
    day: date
    stops: list[RouteStop]  # in the proposed order
    distance_km: float  # straight line, from the start point
    current_distance_km: float
    skipped: list[uuid.UUID]  # planned visits without coordinates: left where they are


def suggest_route(
    store: Store, day: date, start_point: Point | None = None, tz: str = DEFAULT_TIME_ZONE
) -> RoutePlan:
    """The day's planned visits in the shortest order from `start_point` (home by default);
    calls are not stops of the route and stay where they are.

    Proposed times keep the day's first start and chain each visit after the
    previous one's end plus travel plus the buffer.
    """
    settings = load_visit_settings(store)
    start, end = local_day_bounds(day, tz)
    with store.session() as session:
        rows = session.execute(
            select(Visit, Account.name, Account.latitude, Account.longitude)
            .join(Account, Account.id == Visit.account_id)
            .where(
                Visit.starts_at >= start,
                Visit.starts_at < end,
                Visit.status == VisitStatus.PLANNED,
                Visit.channel != VisitChannel.CALL,  # a call is made from anywhere
            )
            .order_by(Visit.starts_at)
        ).all()
    placed, skipped = [], []
    for visit, name, a_lat, a_lon in rows:
        lat, lon = (
            (visit.latitude, visit.longitude) if visit.latitude is not None else (a_lat, a_lon)
        )
        if lat is None or lon is None:
            skipped.append(visit.id)
        else:
            placed.append((visit, name, (lat, lon)))
    if not placed:
        return RoutePlan(day, [], 0.0, 0.0, skipped)
    points = [point for _, _, point in placed]
    origin = start_point or settings.home or points[0]
    order = shortest_order(origin, points)
    stops: list[RouteStop] = []
    clock = placed[0][0].starts_at
    here = origin
    for position, index in enumerate(order):
        visit, name, point = placed[index]
        travel = travel_minutes(distance_km(here, point), settings)
        if position > 0:
            clock += timedelta(minutes=travel + settings.buffer_min)
        stops.append(RouteStop(visit.id, name, visit.starts_at, clock, travel))
        clock += timedelta(minutes=visit.duration_min)
        here = point
    return RoutePlan(
        day=day,
        stops=stops,
        distance_km=path_length(origin, points, order),
        current_distance_km=path_length(origin, points, range(len(points))),
        skipped=skipped,
    )


def apply_route(store: Store, plan: RoutePlan) -> None:
    """Move the visits to the proposed times, all at once."""
    from kamdesk.services.visits.planner import get_visit
    from kamdesk.services.visits.status import require_plan_editable

    with store.transaction() as session:
        for stop in plan.stops:
            visit = get_visit(session, stop.visit_id)
            require_plan_editable(visit.status)
            visit.starts_at = stop.proposed_start


# Reminders -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DepartureReminder:
    visit_id: uuid.UUID
    account_name: str
    starts_at: datetime
    departure_at: datetime | None  # None: travel unknown, reminded before the start
    remind_at: datetime
    text: Message


def due_reminders(
    store: Store,
    now: datetime,
    tz: str = DEFAULT_TIME_ZONE,
    already_shown: Iterable[uuid.UUID] = (),
) -> list[DepartureReminder]:
    """Reminders to show at `now`: planned visits whose reminder time has come and which
    have not started yet. The UI polls this (every minute) and passes the ids it showed."""
    settings = load_visit_settings(store)
    shown = set(already_shown)
    horizon = now + timedelta(hours=12)
    rows = [
        row
        for row in visits_between(store, now, horizon, tz, with_readiness=False)
        if row.status == VisitStatus.PLANNED and row.id not in shown
    ]
    result = []
    lead = timedelta(minutes=settings.reminder_before_departure_min)
    for row in rows:
        departure = row.leg.departure_at if row.leg else None
        anchor = departure or row.starts_at - timedelta(minutes=settings.buffer_min)
        remind_at = anchor - lead
        if remind_at <= now < row.starts_at:
            local = (departure or row.starts_at).astimezone(zone(tz))
            text = (
                msg(
                    QT_TRANSLATE_NOOP("Visits", "Call {account} at {time:%H:%M}"),
                    time=local,
                    account=row.account_name,
                )
                if row.is_call
                else msg(
                    QT_TRANSLATE_NOOP("Visits", "Leave at {time:%H:%M} for {account}"),
                    time=local,
                    account=row.account_name,
                )
                if departure
                else msg(
                    QT_TRANSLATE_NOOP("Visits", "Visit to {account} at {time:%H:%M}"),
                    time=local,
                    account=row.account_name,
                )
            )
            result.append(
                DepartureReminder(
                    row.id, row.account_name, row.starts_at, departure, remind_at, text
                )
            )
    return result


__all__ = [
    "DepartureReminder",
    "RoutePlan",
    "RouteStop",
    "apply_route",
    "day_view",
    "due_reminders",
    "suggest_route",
    "visits_between",
    "visits_on_days",
    "week_view",
]
