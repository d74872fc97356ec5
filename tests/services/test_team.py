"""The manager's team view: two KAMs' submitted reports, filters, figures, and the export.

The store is a manager's laptop holding what sync brought: two KAMs of the manager,
their clients, visits and reports (submitted on time, late, and not yet)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from kamdesk.models import (
    Account,
    AccountKind,
    ChangeLogEntry,
    Sentiment,
    SyncState,
    User,
    VisitStatus,
)
from kamdesk.services.team import (
    NoAccountsError,
    TeamFilter,
    export_filter,
    is_manager,
    team_view,
)
from kamdesk.services.visits import (
    PlanInput,
    ReportInput,
    manager_export,
    plan_visit,
    save_report,
    submit_reports,
)
from kamdesk.services.visits.report_model import NextStep, ObjectionTick
from kamdesk.store import Store

TZ = "Europe/Moscow"
MSK = ZoneInfo(TZ)
NOVEMBER = TeamFilter(date(2026, 11, 1), date(2026, 11, 30), tz=TZ)
ANNA = "Соколова Анна Игоревна"
BORIS = "Петров Борис Ильич"


def msk(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=MSK)


@dataclass
class Team:
    manager: uuid.UUID
    anna: uuid.UUID
    boris: uuid.UUID
    idle: uuid.UUID  # a KAM of the team without clients
    anna_account: uuid.UUID
    boris_account: uuid.UUID
    on_time: uuid.UUID  # Anna's visit of 10 November, reported the next day
    late: uuid.UUID  # Anna's visit of 10 November, reported on the 13th
    boris_visit: uuid.UUID  # Boris's visit of 17 November, reported the same day
    unreported: uuid.UUID  # Boris's visit held on 18 November, report not submitted
    december: uuid.UUID  # Boris's visit of 2 December (outside November)


def become(store: Store, user_id: uuid.UUID | None, role: str, name: str) -> None:
    with store.transaction() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.user_id, state.user_role, state.user_name = user_id, role, name


def add_user(store: Store, surname: str, name: str, patronymic: str, **fields: object) -> uuid.UUID:
    with store.transaction() as session:
        user = User(surname=surname, name=name, patronymic=patronymic, **fields)
        session.add(user)
        session.flush()
        return user.id


def add_client(store: Store, name: str, owner: uuid.UUID | None) -> uuid.UUID:
    with store.transaction() as session:
        account = Account(name=name, kind=AccountKind.HOSPITAL, city="Тверь", owner_id=owner)
        session.add(account)
        session.flush()
        return account.id


def reported_visit(
    store: Store,
    account_id: uuid.UUID,
    starts_at: datetime,
    outcome: str,
    submitted_at: datetime | None,
    objective: str = "Обсудить заявку на I квартал",
    objections: tuple[str, ...] = (),
    agreements: str = "",
) -> uuid.UUID:
    """A visit held at `starts_at`, its report completed and (at `submitted_at`) submitted."""
    visit_id = plan_visit(
        store, PlanInput(account_id=account_id, starts_at=starts_at, objective=objective)
    )
    report = ReportInput(
        actual_start=starts_at,
        actual_duration_min=45,
        objective_reached=True,
        outcome=outcome,
        agreements=agreements,
        sentiment=Sentiment.POSITIVE,
        objections=[ObjectionTick(text, heard=True) for text in objections],
        next_steps=[NextStep("Отправить КП", date(starts_at.year, starts_at.month, 25))],
    )
    saved = save_report(store, visit_id, report, final=True, tz=TZ)
    assert saved.saved, saved.problems
    if submitted_at is not None:
        submit_reports(store, [visit_id], now=submitted_at)
    return visit_id


def make_team(store: Store) -> Team:
    """A manager's laptop: Anna's and Boris's clients and reports, as sync brought them."""
    manager = add_user(store, "Волков", "Дмитрий", "Олегович", role="manager")
    anna = add_user(store, "Соколова", "Анна", "Игоревна", manager_id=manager)
    boris = add_user(store, "Петров", "Борис", "Ильич", manager_id=manager)
    idle = add_user(store, "Новикова", "Вера", "Павловна", manager_id=manager)
    anna_account = add_client(store, "ГБУЗ «ГКБ № 7»", anna)
    boris_account = add_client(store, "ГБУЗ «Областная больница»", boris)
    on_time = reported_visit(
        store,
        anna_account,
        msk(11, 10),
        "Заведующий согласен на пробную партию",
        msk(11, 11, 18),
        objections=("Дорого", "Нет в формуляре"),
        agreements="Пробная партия в декабре",
    )
    late = reported_visit(
        store, anna_account, msk(11, 10, 15), "Встреча с закупками", msk(11, 13, 12)
    )
    boris_visit = reported_visit(
        store, boris_account, msk(11, 17), "Главврач ждёт КП", msk(11, 17, 19)
    )
    unreported = reported_visit(store, boris_account, msk(11, 18), "Черновик", None)
    december = reported_visit(store, boris_account, msk(12, 2), "Декабрь", msk(12, 2, 18))
    become(store, manager, "manager", "Волков Дмитрий Олегович")  # what sync brought is read
    return Team(
        manager,
        anna,
        boris,
        idle,
        anna_account,
        boris_account,
        on_time,
        late,
        boris_visit,
        unreported,
        december,
    )


@pytest.fixture
def team(store: Store) -> Team:
    return make_team(store)


def changes(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0)


def test_the_manager_reads_both_kams_submitted_reports_of_the_period(
    store: Store, team: Team
) -> None:
    view = team_view(store, NOVEMBER)
    assert view.manager and is_manager(store)
    assert [(r.kam_name, r.outcome) for r in view.reports] == [
        (BORIS, "Главврач ждёт КП"),
        (ANNA, "Встреча с закупками"),
        (ANNA, "Заведующий согласен на пробную партию"),
    ], "newest visit first; the unsubmitted draft and December are not there"
    first = next(r for r in view.reports if r.visit_id == team.on_time)
    assert first.account_name == "ГБУЗ «ГКБ № 7»"
    assert first.visit_at == msk(11, 10) and first.visit_at.utcoffset() is not None
    assert first.visit_at.tzinfo is not None and str(first.visit_at.tzinfo) == TZ
    assert first.objective_reached is True
    assert first.agreements == "Пробная партия в декабре"
    assert first.objections_heard == ("Дорого", "Нет в формуляре")
    assert first.sentiment == Sentiment.POSITIVE
    assert first.submitted_at == msk(11, 11, 18)
    assert [s.title for s in first.next_steps] == ["Отправить КП"]
    assert not first.late and first.due_on == date(2026, 11, 11)
    # Submitted here, never sent: not delivered yet.
    assert first.delivered_at is None
    names = [m.full_name for m in view.members]
    assert names == ["Новикова Вера Павловна", "Петров Борис Ильич", ANNA]


def test_filters_by_kam_and_by_period(store: Store, team: Team) -> None:
    annas = team_view(store, TeamFilter(NOVEMBER.date_from, NOVEMBER.date_to, team.anna, TZ))
    assert {r.visit_id for r in annas.reports} == {team.on_time, team.late}
    assert {r.kam_name for r in annas.reports} == {ANNA}
    assert [f.kam_name for f in annas.figures] == [ANNA]
    december = team_view(store, TeamFilter(date(2026, 12, 1), date(2026, 12, 31), tz=TZ))
    assert [r.visit_id for r in december.reports] == [team.december]
    one_day = team_view(store, TeamFilter(date(2026, 11, 17), date(2026, 11, 17), tz=TZ))
    assert [r.visit_id for r in one_day.reports] == [team.boris_visit]


def test_figures_a_manager_reads_per_kam(store: Store, team: Team) -> None:
    figures = {f.kam_name: f for f in team_view(store, NOVEMBER).figures}
    anna, boris = figures[ANNA], figures[BORIS]
    assert (anna.visits_planned, anna.visits_held, anna.reports_submitted) == (2, 2, 2)
    assert anna.reports_late == 1, "the report of 10 November handed in on the 13th"
    assert (boris.visits_planned, boris.visits_held, boris.reports_submitted) == (2, 2, 1)
    assert (boris.reports_late, boris.reports_missing) == (0, 1)
    late = next(r for r in team_view(store, NOVEMBER).reports if r.visit_id == team.late)
    assert late.late and late.due_on == date(2026, 11, 11)


def test_a_report_due_over_a_holiday_is_due_on_the_next_working_day() -> None:
    from kamdesk.services.team import report_due_on

    # 3 November 2026 (Tuesday) is followed by 4 November, National Unity Day.
    assert report_due_on(date(2026, 11, 3)) == date(2026, 11, 5)
    assert report_due_on(date(2026, 11, 6)) == date(2026, 11, 9)  # Friday → Monday


def test_reports_whose_kam_is_unknown_are_kept_under_no_name(store: Store, team: Team) -> None:
    stranger = add_client(store, "Аптека «Здоровье»", None)
    become(store, None, "", "")  # typed before this laptop was enrolled: nobody's
    visit = reported_visit(store, stranger, msk(11, 20), "Без владельца", msk(11, 20, 18))
    become(store, team.manager, "manager", "Волков Дмитрий Олегович")
    view = team_view(store, NOVEMBER)
    [unnamed] = [r for r in view.reports if r.visit_id == visit]
    assert (unnamed.kam_id, unnamed.kam_name) == (None, "")
    assert any(m.user_id is None for m in view.members)


def test_reading_the_team_writes_nothing(store: Store, team: Team) -> None:
    before = changes(store)
    team_view(store, NOVEMBER)
    export_filter(store, TeamFilter(NOVEMBER.date_from, NOVEMBER.date_to, team.anna, TZ))
    assert changes(store) == before


def test_the_export_of_one_kam_holds_their_clients_and_names_them(
    store: Store, team: Team, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    chosen = export_filter(store, TeamFilter(NOVEMBER.date_from, NOVEMBER.date_to, team.anna, TZ))
    assert chosen.account_ids == frozenset({team.anna_account}) and chosen.kam_name == ANNA
    export = manager_export(store, chosen)
    assert {row.visit_id for row in export.rows} == {team.on_time, team.late}
    assert export.kpis.reports_submitted == 2
    path = write_visits_xlsx(export, tmp_path / "anna.xlsx", "ru")
    cells = [
        str(cell.value)
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert f"КАМ: {ANNA}" in cells
    assert "Главврач ждёт КП" not in cells  # Boris's report stays out
    with pytest.raises(NoAccountsError):
        export_filter(store, TeamFilter(NOVEMBER.date_from, NOVEMBER.date_to, team.idle, TZ))


def test_a_kam_laptop_is_no_manager(store: Store, team: Team) -> None:
    become(store, team.anna, "kam", ANNA)
    assert not is_manager(store)
    assert not team_view(store, NOVEMBER).manager


def test_statuses_of_the_reports_stay_as_the_kam_left_them(store: Store, team: Team) -> None:
    from kamdesk.models import Visit

    team_view(store, NOVEMBER)
    with store.session() as session:
        statuses = {v.id: v.status for v in session.scalars(select(Visit))}
    assert statuses[team.on_time] == VisitStatus.SUBMITTED
    assert statuses[team.unreported] == VisitStatus.REPORTED


def test_a_visit_planned_on_an_enrolled_kams_laptop_is_theirs(store: Store) -> None:
    """The manager reads whose report it is even for a client the KAM entered themselves."""
    from kamdesk.models import Visit

    anna = add_user(store, "Соколова", "Анна", "Игоревна")
    own = add_client(store, "ГБУЗ «Новая больница»", None)  # typed by the KAM: no owner
    before = plan_visit(store, PlanInput(account_id=own, starts_at=msk(11, 2)))
    become(store, anna, "kam", ANNA)
    after = reported_visit(store, own, msk(11, 10), "Первая встреча", msk(11, 10, 18))
    with store.session() as session:
        owners = {v.id: v.owner_id for v in session.scalars(select(Visit))}
    assert owners == {before: None, after: anna}, "planned before enrolment: nobody's"
    [report] = team_view(store, NOVEMBER).reports
    assert (report.kam_id, report.kam_name) == (anna, ANNA)
