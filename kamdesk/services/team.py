"""The manager's team view: the KAMs' submitted visit reports and the figures a manager reads.

A laptop enrolled with the manager role receives the team's accounts by sync
(docs/sync.md); this module reads what arrived and never writes anything: a
manager cannot change a KAM's report (and the office would refuse it too).

Who wrote a report: the visit's owner, else the owner of its client (the demo and
the office's territories fill `accounts.owner_id`), named from `users`. A report
whose KAM this laptop cannot name is kept under «KAM not named» rather than left
out.

Times are aware datetimes in the manager's local zone (`tz`); the period is
inclusive and applies to the visit's planned start, as in the manager export
(`kamdesk.services.visits.export`).

Figures per KAM for the period (field guide §6–7; the same rules as the export's
KPIs): visits planned (less those moved to another date), held, reported (the
report submitted to the manager), submitted late (later than
`REPORT_DUE_WORKING_DAYS` working days after the visit, on the Russian production
calendar) and held but not reported yet.

Delivered: a report submitted on this laptop is delivered when the office
acknowledged the change that submitted it; one that came from the office was
delivered by definition, and its time is when it reached this laptop (never
shown before its submission).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.models import (
    Account,
    ChangeLogEntry,
    ChangeStatus,
    Contact,
    FollowUpTask,
    Product,
    SyncState,
    User,
    Visit,
    VisitAttendee,
    VisitProduct,
    VisitReport,
    VisitReportAddendum,
)
from kamdesk.services.visits.export import ExportFilter
from kamdesk.services.visits.facts_loader import HELD, product_name
from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE
from kamdesk.services.visits.travel import local_day, local_day_bounds, zone
from kamdesk.services.visits.workdays import add_working_days
from kamdesk.vocabulary import AccountKind, Sentiment, VisitChannel, VisitStatus

if TYPE_CHECKING:
    from kamdesk.store import Store

__all__ = [
    "MANAGER_ROLE",
    "REPORT_DUE_WORKING_DAYS",
    "KamFigures",
    "NoAccountsError",
    "TeamFilter",
    "TeamMember",
    "TeamReport",
    "TeamStep",
    "TeamView",
    "export_filter",
    "is_manager",
    "report_due_on",
    "team_view",
]

MANAGER_ROLE = "manager"
# A report is due by the end of the next working day after the visit.
REPORT_DUE_WORKING_DAYS = 1


class NoAccountsError(LookupError):
    """The KAM chosen for an export has no clients on this laptop."""


@dataclass(frozen=True)
class TeamFilter:
    date_from: date
    date_to: date  # inclusive
    kam_id: uuid.UUID | None = None  # None: the whole team
    tz: str = DEFAULT_TIME_ZONE


@dataclass(frozen=True)
class TeamMember:
    user_id: uuid.UUID | None  # None: reports whose KAM this laptop cannot name
    full_name: str  # «Соколова Анна Игоревна»; "" when not named
    short_name: str  # «Соколова А. И.»


@dataclass(frozen=True)
class TeamStep:
    title: str
    due_on: date | None
    done: bool


@dataclass(frozen=True)
class TeamReport:
    """One submitted visit report, as the manager reads it."""

    visit_id: uuid.UUID
    kam_id: uuid.UUID | None
    kam_name: str  # full name; "" when not named
    account_id: uuid.UUID
    account_name: str
    account_kind: AccountKind
    city: str
    visit_at: datetime  # planned start, local
    actual_start: datetime | None  # local
    actual_duration_min: int | None
    objective: str
    objective_reached: bool | None
    outcome: str
    agreements: str
    objections_heard: tuple[str, ...]
    products_discussed: tuple[str, ...]
    questions_asked: tuple[str, ...]
    attendees: tuple[str, ...]  # «Иванов Пётр Сергеевич — Главный врач»
    next_steps: tuple[TeamStep, ...]
    sentiment: Sentiment | None
    submitted_at: datetime | None  # local; the KAM's clock (display only)
    delivered_at: datetime | None  # local; see the module docstring
    due_on: date  # the day the report was due
    late: bool  # submitted after `due_on`
    addenda: tuple[str, ...] = ()  # «dd.mm.yyyy: text»
    kam_short_name: str = ""  # «Соколова А. И.»
    channel: VisitChannel = VisitChannel.VISIT  # a call's report is marked as a call


@dataclass(frozen=True)
class KamFigures:
    kam_id: uuid.UUID | None
    kam_name: str
    visits_planned: int
    visits_held: int
    reports_submitted: int  # of visits and calls
    reports_late: int
    # Calls are contacts too (the plan is of visits and calls): counted apart from visits.
    calls_planned: int = 0
    calls_held: int = 0

    @property
    def contacts_held(self) -> int:
        return self.visits_held + self.calls_held

    @property
    def reports_missing(self) -> int:
        """Visits and calls held in the period whose report the manager has not received."""
        return max(0, self.contacts_held - self.reports_submitted)


@dataclass(frozen=True)
class TeamView:
    filter: TeamFilter
    members: list[TeamMember]  # everyone with visits or clients here, by name
    reports: list[TeamReport]  # newest visit first
    figures: list[KamFigures]  # one per member with visits in the period
    manager: bool  # this laptop is enrolled with the manager role
    all_figures: list[KamFigures] = field(default_factory=list)  # before the KAM filter


def is_manager(store: Store) -> bool:
    with store.session() as session:
        role = session.scalar(select(SyncState.user_role).where(SyncState.id == 1))
    return role == MANAGER_ROLE


def report_due_on(visit_day: date) -> date:
    return add_working_days(visit_day, REPORT_DUE_WORKING_DAYS)


def _owner() -> Any:
    return func.coalesce(Visit.owner_id, Account.owner_id)


def _full_name(user: User) -> str:
    return " ".join(part for part in (user.surname, user.name, user.patronymic) if part)


def _members(session: Session) -> dict[uuid.UUID | None, TeamMember]:
    """Everyone who owns a visit or a client here, plus the team of this laptop's user."""
    me = session.scalar(select(SyncState.user_id).where(SyncState.id == 1))
    owners: set[uuid.UUID] = {
        o for o in session.scalars(select(Visit.owner_id).distinct()) if o is not None
    }
    owners |= {o for o in session.scalars(select(Account.owner_id).distinct()) if o is not None}
    users = {u.id: u for u in session.scalars(select(User))}
    team = {uid for uid, u in users.items() if me is not None and u.manager_id == me}
    result: dict[uuid.UUID | None, TeamMember] = {}
    for user_id in owners | team:
        user = users.get(user_id)
        if user is None:
            continue  # named below, among the reports of an unknown KAM
        result[user_id] = TeamMember(user_id, _full_name(user), user.short_name)
    return result


def team_view(store: Store, team_filter: TeamFilter) -> TeamView:
    """The team's submitted reports and figures for the period (read-only)."""
    local = zone(team_filter.tz)
    start, _ = local_day_bounds(team_filter.date_from, team_filter.tz)
    _, end = local_day_bounds(team_filter.date_to, team_filter.tz)
    with store.session() as session:
        manager = session.scalar(select(SyncState.user_role).where(SyncState.id == 1)) == (
            MANAGER_ROLE
        )
        members = _members(session)
        visits = session.execute(
            select(Visit, Account, _owner())
            .join(Account, Account.id == Visit.account_id)
            .where(Visit.starts_at >= start, Visit.starts_at < end)
            .order_by(Visit.starts_at.desc())
        ).all()

        def kam_of(owner_id: uuid.UUID | None) -> uuid.UUID | None:
            return owner_id if owner_id in members else None

        submitted = [
            (visit, account, kam_of(owner))
            for visit, account, owner in visits
            if visit.status == VisitStatus.SUBMITTED
        ]
        reports = _reports(session, submitted, members, team_filter.tz, local)
        all_figures = _figures(list(visits), reports, members, kam_of)
    if any(kam is None for _v, _a, kam in submitted) or any(f.kam_id is None for f in all_figures):
        members[None] = TeamMember(None, "", "")
    chosen = team_filter.kam_id
    wanted = [r for r in reports if chosen is None or r.kam_id == chosen]
    figures = [f for f in all_figures if chosen is None or f.kam_id == chosen]
    ordered = sorted(members.values(), key=lambda m: (m.user_id is None, m.full_name))
    return TeamView(team_filter, ordered, wanted, figures, manager, all_figures)


def _reports(
    session: Session,
    submitted: list[tuple[Visit, Account, uuid.UUID | None]],
    members: dict[uuid.UUID | None, TeamMember],
    tz: str,
    local: tzinfo,
) -> list[TeamReport]:
    ids = [visit.id for visit, _a, _k in submitted]
    if not ids:
        return []
    rows = {
        r.visit_id: r
        for r in session.scalars(select(VisitReport).where(VisitReport.visit_id.in_(ids)))
    }
    discussed: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, product in session.execute(
        select(VisitProduct.visit_id, Product)
        .join(Product, Product.id == VisitProduct.product_id)
        .where(VisitProduct.visit_id.in_(ids), VisitProduct.discussed.is_(True))
        .order_by(Product.trade_name)
    ).all():
        discussed[visit_id].append(product_name(product))
    # Name and position only: the manager reads no personal details here.
    people: dict[uuid.UUID, list[str]] = defaultdict(list)
    for visit_id, surname, name, patronymic, position in session.execute(
        select(
            VisitAttendee.visit_id,
            Contact.surname,
            Contact.name,
            Contact.patronymic,
            Contact.position,
        )
        .join(Contact, Contact.id == VisitAttendee.contact_id)
        .where(VisitAttendee.visit_id.in_(ids), VisitAttendee.attended.is_(True))
        .order_by(Contact.surname, Contact.name)
    ).all():
        full = " ".join(p for p in (surname, name, patronymic) if p)
        people[visit_id].append(" — ".join(p for p in (full, position) if p))
    steps: dict[uuid.UUID, list[TeamStep]] = defaultdict(list)
    for task in session.scalars(
        select(FollowUpTask).where(FollowUpTask.visit_id.in_(ids)).order_by(FollowUpTask.position)
    ):
        assert task.visit_id is not None  # selected by visit
        steps[task.visit_id].append(TeamStep(task.title, task.due_on, task.done_at is not None))
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
    acknowledged = _acknowledged_submissions(session, ids)

    def at(moment: datetime | None) -> datetime | None:
        return moment.astimezone(local) if moment is not None else None

    result = []
    for visit, account, kam in submitted:
        report = rows.get(visit.id)
        if report is None:  # the visit's status arrived before its report: shown next sync
            continue
        held_at = report.actual_start or visit.starts_at
        due = report_due_on(local_day(held_at, tz))
        submitted_at = report.submitted_at
        late = submitted_at is not None and local_day(submitted_at, tz) > due
        delivered = _delivered_at(visit, report, acknowledged)
        member = members.get(kam) if kam is not None else None
        result.append(
            TeamReport(
                visit_id=visit.id,
                kam_id=kam,
                kam_name=member.full_name if member else "",
                account_id=account.id,
                account_name=account.name,
                account_kind=account.kind,
                city=account.city,
                visit_at=visit.starts_at.astimezone(local),
                actual_start=at(report.actual_start),
                actual_duration_min=report.actual_duration_min,
                objective=visit.objective,
                objective_reached=report.objective_reached,
                outcome=report.outcome,
                agreements=report.agreements,
                objections_heard=_lines(report.objections_heard),
                products_discussed=tuple(discussed.get(visit.id, ())),
                questions_asked=_lines(report.questions_asked),
                attendees=tuple(people.get(visit.id, ())),
                next_steps=tuple(steps.get(visit.id, ())),
                sentiment=report.sentiment,
                submitted_at=at(submitted_at),
                delivered_at=at(delivered),
                due_on=due,
                late=late,
                addenda=tuple(addenda.get(visit.id, ())),
                kam_short_name=member.short_name if member else "",
                channel=visit.channel,
            )
        )
    return result


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def _acknowledged_submissions(
    session: Session, visit_ids: list[uuid.UUID]
) -> dict[uuid.UUID, datetime | None]:
    """Visits submitted on this laptop: when the office acknowledged it (None: not yet)."""
    found: dict[uuid.UUID, datetime | None] = {}
    for entity_id, status, changes, changed_at, acknowledged_at in session.execute(
        select(
            ChangeLogEntry.entity_id,
            ChangeLogEntry.status,
            ChangeLogEntry.changes,
            ChangeLogEntry.changed_at,
            ChangeLogEntry.acknowledged_at,
        ).where(ChangeLogEntry.entity == "visits", ChangeLogEntry.entity_id.in_(visit_ids))
    ).all():
        if (changes or {}).get("status") != "submitted":
            continue
        if status == ChangeStatus.ACKNOWLEDGED:
            found[entity_id] = acknowledged_at or changed_at
        else:
            found.setdefault(entity_id, None)
    return found


def _delivered_at(
    visit: Visit, report: VisitReport, acknowledged: dict[uuid.UUID, datetime | None]
) -> datetime | None:
    if visit.id in acknowledged:
        return acknowledged[visit.id]
    if visit.server_version is None:
        return None  # neither sent from here nor received from the office
    arrived = max(report.created_at, visit.created_at)
    submitted = report.submitted_at
    return max(arrived, submitted) if submitted is not None else arrived


def _figures(
    visits: list[Any],
    reports: list[TeamReport],
    members: dict[uuid.UUID | None, TeamMember],
    kam_of: Any,
) -> list[KamFigures]:
    planned: dict[tuple[uuid.UUID | None, bool], int] = defaultdict(int)
    held: dict[tuple[uuid.UUID | None, bool], int] = defaultdict(int)
    kams: set[uuid.UUID | None] = set()
    for visit, _account, owner in visits:
        kam = kam_of(owner)
        kams.add(kam)
        key = (kam, visit.channel == VisitChannel.CALL)
        if visit.status != VisitStatus.RESCHEDULED:
            planned[key] += 1
        if visit.status in HELD:
            held[key] += 1
    submitted: dict[uuid.UUID | None, int] = defaultdict(int)
    late: dict[uuid.UUID | None, int] = defaultdict(int)
    for report in reports:
        submitted[report.kam_id] += 1
        late[report.kam_id] += int(report.late)
    result = []
    for kam in {k for k in kams if planned[(k, False)] or planned[(k, True)]} | set(submitted):
        member = members.get(kam) if kam is not None else None
        result.append(
            KamFigures(
                kam_id=kam,
                kam_name=member.full_name if member else "",
                visits_planned=planned.get((kam, False), 0),
                visits_held=held.get((kam, False), 0),
                reports_submitted=submitted.get(kam, 0),
                reports_late=late.get(kam, 0),
                calls_planned=planned.get((kam, True), 0),
                calls_held=held.get((kam, True), 0),
            )
        )
    return sorted(result, key=lambda f: (f.kam_id is None, f.kam_name))


def export_filter(store: Store, team_filter: TeamFilter) -> ExportFilter:
    """The manager export's filter for the chosen KAM and period: the KAM's clients
    (those they own or visited in the period), and the KAM's name on the document.
    Raises NoAccountsError for a KAM without clients here (an empty filter would
    export the whole team)."""
    if team_filter.kam_id is None:
        return ExportFilter(team_filter.date_from, team_filter.date_to, tz=team_filter.tz)
    start, _ = local_day_bounds(team_filter.date_from, team_filter.tz)
    _, end = local_day_bounds(team_filter.date_to, team_filter.tz)
    with store.session() as session:
        kam = team_filter.kam_id
        accounts = set(session.scalars(select(Account.id).where(Account.owner_id == kam)))
        accounts |= set(
            session.scalars(
                select(Visit.account_id)
                .join(Account, Account.id == Visit.account_id)
                .where(_owner() == kam, Visit.starts_at >= start, Visit.starts_at < end)
            )
        )
        user = session.get(User, kam)
        name = _full_name(user) if user is not None else ""
    if not accounts:
        raise NoAccountsError(kam)
    return ExportFilter(
        team_filter.date_from,
        team_filter.date_to,
        account_ids=frozenset(accounts),
        tz=team_filter.tz,
        kam_name=name,
    )
