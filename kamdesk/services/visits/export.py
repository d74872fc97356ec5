"""What goes to the manager: the reports of a period and the KPIs of field guide §7.

Plain data for the XLSX and PDF writers in kamdesk.documents.visits. Contacts
appear by name, position and DMU role only: nothing from their personal
details (birthdays, family, hobbies, habits) is read here at all.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.models import (
    Account,
    AccountStats,
    Contact,
    FollowUpTask,
    Offer,
    OfferStatusChange,
    Product,
    Visit,
    VisitAttendee,
    VisitProduct,
    VisitReport,
    VisitReportAddendum,
)
from kamdesk.services.visits.export_people import kam_and_territory
from kamdesk.services.visits.facts_loader import HELD, product_name
from kamdesk.services.visits.frequency import is_overdue
from kamdesk.services.visits.settings import (
    DEFAULT_TIME_ZONE,
    VisitSettings,
    load_visit_settings,
)
from kamdesk.services.visits.travel import local_day, local_day_bounds, zone
from kamdesk.vocabulary import (
    AccountKind,
    DmuRole,
    OfferStatus,
    Sentiment,
    VisitChannel,
    VisitStatus,
)

if TYPE_CHECKING:
    from kamdesk.store import Store


@dataclass(frozen=True)
class ExportFilter:
    date_from: date
    date_to: date  # inclusive
    account_ids: frozenset[uuid.UUID] = frozenset()  # empty: all
    kinds: frozenset[AccountKind] = frozenset()  # empty: all
    tz: str = DEFAULT_TIME_ZONE
    kam_name: str = ""  # the manager's export of one KAM's work names them on the document


@dataclass(frozen=True)
class ExportAttendee:
    full_name: str
    position: str
    dmu_role: DmuRole | None
    attended: bool | None
    planned: bool = True  # False: joined without being planned (added from the report)


@dataclass(frozen=True)
class ExportStep:
    title: str
    due_on: date | None
    done: bool


@dataclass(frozen=True)
class ExportRow:
    visit_id: uuid.UUID
    starts_at: datetime  # local
    duration_min: int
    account_name: str
    account_kind: AccountKind
    city: str
    status: VisitStatus
    is_commercial: bool
    objective: str
    attendees: tuple[ExportAttendee, ...]
    actual_start: datetime | None  # local
    actual_duration_min: int | None
    objective_reached: bool | None
    outcome: str
    agreements: str
    objections_heard: str
    products_discussed: tuple[str, ...]
    questions_asked: str
    next_steps: tuple[ExportStep, ...]
    sentiment: Sentiment | None
    submitted_at: datetime | None  # local
    addenda: tuple[str, ...]  # «dd.mm.yyyy: text»
    cancel_reason: str
    products_unplanned: tuple[str, ...] = ()  # those of products_discussed off the agenda
    channel: VisitChannel = VisitChannel.VISIT  # a call is marked as such for the manager


@dataclass(frozen=True)
class Kpis:
    """The period's figures. Visits and calls are both contacts with the client (the plan
    is a plan of visits *and* calls, field guide §6): `visits_*` count the visits in
    person, `calls_*` the calls, and what is about contacts counts both."""

    visits_planned: int  # visits in the period, less those moved to another date
    visits_held: int
    visits_cancelled: int
    reports_submitted: int  # of visits and calls
    accounts_covered: int  # accounts with a held visit or call in the period
    accounts_with_target: int  # accounts that have a frequency target (an ABC class)
    accounts_overdue: int  # of those, overdue at the end of the period
    offers_sent: int
    offers_accepted: int
    follow_ups_due: int  # due in the period
    follow_ups_done_on_time: int
    follow_ups_done_late: int
    follow_ups_open: int
    calls_planned: int = 0  # calls in the period, less those moved to another date
    calls_held: int = 0

    @property
    def contacts_held(self) -> int:
        return self.visits_held + self.calls_held

    @staticmethod
    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None


@dataclass(frozen=True)
class ManagerExport:
    filter: ExportFilter
    rows: list[ExportRow]
    kpis: Kpis
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    kam_name: str = ""  # whose work: the chosen KAM, the visits' owners or this laptop's user
    territory: str = ""  # the exported clients' territory


def manager_export(store: Store, export_filter: ExportFilter) -> ManagerExport:
    settings = load_visit_settings(store)
    tz = export_filter.tz
    local = zone(tz)
    start, _ = local_day_bounds(export_filter.date_from, tz)
    _, end = local_day_bounds(export_filter.date_to, tz)

    def in_scope(query: Any) -> Any:
        if export_filter.account_ids:
            query = query.where(Account.id.in_(export_filter.account_ids))
        if export_filter.kinds:
            query = query.where(Account.kind.in_(export_filter.kinds))
        return query

    with store.session() as session:
        visits = session.execute(
            in_scope(
                select(Visit, Account)
                .join(Account, Account.id == Visit.account_id)
                .where(Visit.starts_at >= start, Visit.starts_at < end)
                .order_by(Visit.starts_at)
            )
        ).all()
        ids = [v.id for v, _ in visits]
        reports = {
            r.visit_id: r
            for r in session.scalars(select(VisitReport).where(VisitReport.visit_id.in_(ids)))
        }
        addenda: dict[uuid.UUID, list[str]] = defaultdict(list)
        for visit_id, addendum in session.execute(
            select(VisitReport.visit_id, VisitReportAddendum)
            .join(VisitReportAddendum, VisitReportAddendum.report_id == VisitReport.id)
            .where(VisitReport.visit_id.in_(ids))
            .order_by(VisitReportAddendum.created_at)
        ).all():
            addenda[visit_id].append(
                f"{addendum.created_at.astimezone(local):%d.%m.%Y}: {addendum.text}"
            )
        # Name, position and role only: the personal-details table is never joined.
        people: dict[uuid.UUID, list[ExportAttendee]] = defaultdict(list)
        for (
            visit_id,
            attended,
            planned,
            name,
            surname,
            patronymic,
            position,
            role,
        ) in session.execute(
            select(
                VisitAttendee.visit_id,
                VisitAttendee.attended,
                VisitAttendee.planned,
                Contact.name,
                Contact.surname,
                Contact.patronymic,
                Contact.position,
                Contact.dmu_role,
            )
            .join(Contact, Contact.id == VisitAttendee.contact_id)
            .where(VisitAttendee.visit_id.in_(ids))
            .order_by(Contact.surname)
        ).all():
            full_name = " ".join(p for p in (surname, name, patronymic) if p)
            people[visit_id].append(
                ExportAttendee(full_name, position, role, attended, planned is not False)
            )
        discussed: dict[uuid.UUID, list[str]] = defaultdict(list)
        unplanned: dict[uuid.UUID, list[str]] = defaultdict(list)
        for visit_id, product, planned_product in session.execute(
            select(VisitProduct.visit_id, Product, VisitProduct.planned)
            .join(Product, Product.id == VisitProduct.product_id)
            .where(VisitProduct.visit_id.in_(ids), VisitProduct.discussed.is_(True))
            .order_by(Product.trade_name)
        ).all():
            discussed[visit_id].append(product_name(product))
            if planned_product is False:
                unplanned[visit_id].append(product_name(product))
        steps: dict[uuid.UUID, list[ExportStep]] = defaultdict(list)
        for task in session.scalars(
            select(FollowUpTask)
            .where(FollowUpTask.visit_id.in_(ids))
            .order_by(FollowUpTask.position)
        ):
            assert task.visit_id is not None  # selected by visit
            steps[task.visit_id].append(
                ExportStep(task.title, task.due_on, task.done_at is not None)
            )
        rows = [
            _row(v, a, reports.get(v.id), people, (discussed, unplanned), steps, addenda, local)
            for v, a in visits
        ]
        kpis = _kpis(session, visits, export_filter, start, end, settings, in_scope)
        kam, territory = kam_and_territory(session, visits, export_filter.kam_name)
    return ManagerExport(export_filter, rows, kpis, kam_name=kam, territory=territory)


def _row(
    visit: Visit,
    account: Account,
    report: VisitReport | None,
    people: dict[uuid.UUID, list[ExportAttendee]],
    products: tuple[dict[uuid.UUID, list[str]], dict[uuid.UUID, list[str]]],
    steps: dict[uuid.UUID, list[ExportStep]],
    addenda: dict[uuid.UUID, list[str]],
    local: tzinfo,
) -> ExportRow:
    def at(moment: datetime | None) -> datetime | None:
        return moment.astimezone(local) if moment else None

    discussed, unplanned = products
    return ExportRow(
        visit_id=visit.id,
        starts_at=visit.starts_at.astimezone(local),
        duration_min=visit.duration_min,
        account_name=account.name,
        account_kind=account.kind,
        city=account.city,
        status=visit.status,
        is_commercial=visit.is_commercial,
        objective=visit.objective,
        attendees=tuple(people.get(visit.id, ())),
        actual_start=at(report.actual_start) if report else None,
        actual_duration_min=report.actual_duration_min if report else None,
        objective_reached=report.objective_reached if report else None,
        outcome=report.outcome if report else "",
        agreements=report.agreements if report else "",
        objections_heard=report.objections_heard if report else "",
        products_discussed=tuple(discussed.get(visit.id, ())),
        questions_asked=report.questions_asked if report else "",
        next_steps=tuple(steps.get(visit.id, ())),
        sentiment=report.sentiment if report else None,
        submitted_at=at(report.submitted_at) if report else None,
        addenda=tuple(addenda.get(visit.id, ())),
        cancel_reason=visit.cancel_reason,
        products_unplanned=tuple(unplanned.get(visit.id, ())),
        channel=visit.channel,
    )


def _kpis(
    session: Session,
    visits: Sequence[Any],
    export_filter: ExportFilter,
    start: datetime,
    end: datetime,
    settings: VisitSettings,
    in_scope: Callable[[Any], Any],
) -> Kpis:
    tz = export_filter.tz
    statuses = [v.status for v, _ in visits if v.channel != VisitChannel.CALL]
    call_statuses = [v.status for v, _ in visits if v.channel == VisitChannel.CALL]
    held_accounts = {v.account_id for v, _ in visits if v.status in HELD}
    # Frequency targets as of the end of the period, from the visits themselves.
    classes = dict(
        session.execute(
            in_scope(
                select(AccountStats.account_id, AccountStats.abc_class)
                .join(Account, Account.id == AccountStats.account_id)
                .where(AccountStats.abc_class.is_not(None), AccountStats.archived.is_(False))
            )
        ).all()
    )
    last_held = dict(
        session.execute(
            select(Visit.account_id, func.max(Visit.starts_at))
            .where(
                Visit.account_id.in_(list(classes)), Visit.status.in_(HELD), Visit.starts_at < end
            )
            .group_by(Visit.account_id)
        ).all()
    )
    overdue = sum(
        1
        for account_id, abc in classes.items()
        if is_overdue(
            abc,
            local_day(last_held[account_id], tz) if account_id in last_held else None,
            export_filter.date_to,
            settings,
        )
    )
    offer_changes = session.execute(
        in_scope(
            select(OfferStatusChange.to_status, func.count(func.distinct(Offer.id)))
            .join(Offer, Offer.id == OfferStatusChange.offer_id)
            .join(Account, Account.id == Offer.account_id)
            .where(
                OfferStatusChange.changed_at >= start,
                OfferStatusChange.changed_at < end,
                OfferStatusChange.to_status.in_([OfferStatus.SENT, OfferStatus.ACCEPTED]),
            )
            .group_by(OfferStatusChange.to_status)
        )
    ).all()
    offers = dict(offer_changes)
    tasks = session.scalars(
        in_scope(
            select(FollowUpTask)
            .join(Account, Account.id == FollowUpTask.account_id)
            .where(
                FollowUpTask.due_on >= export_filter.date_from,
                FollowUpTask.due_on <= export_filter.date_to,
            )
        )
    ).all()
    on_time = sum(1 for t in tasks if t.done_at and local_day(t.done_at, tz) <= t.due_on)
    late = sum(1 for t in tasks if t.done_at and local_day(t.done_at, tz) > t.due_on)
    return Kpis(
        visits_planned=sum(1 for s in statuses if s != VisitStatus.RESCHEDULED),
        visits_held=sum(1 for s in statuses if s in HELD),
        visits_cancelled=sum(1 for s in statuses if s == VisitStatus.CANCELLED),
        reports_submitted=sum(1 for v, _ in visits if v.status == VisitStatus.SUBMITTED),
        accounts_covered=len(held_accounts),
        accounts_with_target=sum(1 for abc in classes.values() if settings.visit_every_days(abc)),
        accounts_overdue=overdue,
        offers_sent=int(offers.get(OfferStatus.SENT, 0)),
        offers_accepted=int(offers.get(OfferStatus.ACCEPTED, 0)),
        follow_ups_due=len(tasks),
        follow_ups_done_on_time=on_time,
        follow_ups_done_late=late,
        follow_ups_open=len(tasks) - on_time - late,
        calls_planned=sum(1 for s in call_statuses if s != VisitStatus.RESCHEDULED),
        calls_held=sum(1 for s in call_statuses if s in HELD),
    )
