"""Reports reach the manager: two KAM laptops submit visit reports and sync through a real
office (the FastAPI app on SQLite through Starlette's TestClient); the manager's window
syncs on start and «Команда» lists both reports with their KAMs. A KAM's window has no
«Команда» at all."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kamdesk.models import Account, AccountKind, Sentiment
from kamdesk.services.visits import PlanInput, ReportInput, plan_visit, save_report, submit_reports
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store, open_store
from kamdesk.sync.client import SyncClient
from kamdesk.sync.credentials import Credentials
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sync.backend import OfficeBackend
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.team import TeamPage
from tests.ui.sync.conftest import PASSWORD, SERVER, Office

LEFT = Qt.MouseButton.LeftButton
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
ANNA, BORIS = "Соколова Анна Игоревна", "Петров Борис Ильич"
ANNA_SHORT, BORIS_SHORT = "Соколова А. И.", "Петров Б. И."  # as the list shows them


@dataclass
class Laptop:
    store: Store
    client: SyncClient
    tokens: Credentials


@pytest.fixture
def make_laptop(
    tmp_path: Path, migrated_template: Path, office: Office
) -> Iterator[Callable[[str, str], Laptop]]:
    made: list[Store] = []

    def make(name: str, login: str) -> Laptop:
        folder = tmp_path / f"laptop-{name}"
        folder.mkdir()
        path = folder / "store.sqlite"
        shutil.copyfile(migrated_template, path)
        store = open_store(path)
        made.append(store)
        tokens = Credentials(folder, use_keyring=False)
        client = SyncClient(store, office.http, credentials=tokens)
        client.enrol(SERVER, login, PASSWORD, device_name=f"ноутбук {name}")
        return Laptop(store, client, tokens)

    yield make
    for store in made:
        store.close()


def _people(office: Office) -> dict[str, uuid.UUID]:
    from kamdesk.server.users import add_user

    ids = {}
    for login, role, name, manager in (
        ("volkov", "manager", "Волков Дмитрий Олегович", None),
        ("sokolova", "kam", ANNA, "volkov"),
        ("petrov", "kam", BORIS, "volkov"),
    ):
        user = add_user(
            office.engine, login, role=role, name=name, manager_login=manager, password=PASSWORD
        )
        ids[login] = user.id
    return ids


def _submit_a_report(laptop: Laptop, client: str, outcome: str) -> None:
    """A client the KAM enters on their laptop, a visit held there two days ago, its report
    completed and submitted. Nobody names the owner: the visit is the enrolled KAM's."""
    held = (datetime.now(UTC) - timedelta(days=2)).replace(hour=8, minute=0, second=0)
    with laptop.store.transaction() as session:
        account = Account(name=client, kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
        session.flush()
        account_id = account.id
    visit_id = plan_visit(laptop.store, PlanInput(account_id=account_id, starts_at=held))
    report = ReportInput(
        actual_start=held,
        actual_duration_min=40,
        objective_reached=True,
        outcome=outcome,
        sentiment=Sentiment.NEUTRAL,
    )
    assert save_report(laptop.store, visit_id, report, final=True).saved
    submit_reports(laptop.store, [visit_id])


def _window(
    qtbot: QtBot,
    laptop: Laptop,
    office: Office,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
) -> MainWindow:
    window = MainWindow(
        Workspace(laptop.store.path, laptop.store),
        tasks,
        preferences,
        switcher,
        default_page_factories(),
    )
    qtbot.addWidget(window)
    # Before the first event is handled: the sync on start talks to this office.
    window.sync.use_backend(lambda ws: OfficeBackend(ws, office.http, laptop.tokens))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _synced(window: MainWindow) -> bool:
    state = window.sync.state
    return (
        not window.sync.running
        and state is not None
        and state.overview.last_sync_at is not None
        and window.sync.last_failure is None
    )


def test_reports_of_two_kams_reach_the_managers_team_view(
    qtbot: QtBot,
    office: Office,
    make_laptop: Callable[[str, str], Laptop],
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
) -> None:
    _people(office)
    manager = make_laptop("manager", "volkov")
    anna, boris = make_laptop("anna", "sokolova"), make_laptop("boris", "petrov")
    # The office publishes its people: every laptop learns who is who by syncing.
    assert manager.client.sync().rejected == 0
    for laptop, client, outcome in (
        (anna, "ГБУЗ «ГКБ № 7»", "Заведующий согласен на пробную партию"),
        (boris, "ГБУЗ «Областная больница»", "Главврач ждёт КП"),
    ):
        laptop.client.sync()  # the team's names come down
        _submit_a_report(laptop, client, outcome)
        sent = laptop.client.sync()
        assert (sent.rejected, sent.pushed > 0) == (0, True), sent

    window = _window(qtbot, manager, office, tasks, preferences, switcher)
    qtbot.waitUntil(lambda: _synced(window), timeout=30_000)
    button = window.section_button(SectionKey.TEAM)
    qtbot.waitUntil(button.isVisible)
    QTest.mouseClick(button, LEFT)
    page = window.section_page(SectionKey.TEAM)
    assert isinstance(page, TeamPage)

    def listed() -> set[tuple[str, str]]:
        proxy = page.proxy
        return {
            (str(proxy.index(row, 1).data()), str(proxy.index(row, 2).data()))
            for row in range(proxy.rowCount())
        }

    qtbot.waitUntil(
        lambda: (
            listed() == {(ANNA_SHORT, "ГБУЗ «ГКБ № 7»"), (BORIS_SHORT, "ГБУЗ «Областная больница»")}
        ),
        timeout=10_000,
    )
    # Came through the office: delivered, with the time it reached this laptop.
    assert page.view is not None
    assert all(report.delivered_at is not None for report in page.view.reports)
    page.select_report(next(r.visit_id for r in page.view.reports if r.kam_name == BORIS))
    assert "Главврач ждёт КП" in page.viewer.toPlainText()

    # Boris reports another visit; the manager's F9 brings it into the open list.
    _submit_a_report(boris, "Аптечная сеть «Здоровье»", "Ввод SKU в матрицу")
    assert boris.client.sync().rejected == 0
    QTest.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: (BORIS_SHORT, "Аптечная сеть «Здоровье»") in listed(), timeout=30_000)
    assert len(listed()) == 3

    kams_window = _window(qtbot, anna, office, tasks, preferences, switcher)
    qtbot.waitUntil(lambda: _synced(kams_window), timeout=30_000)
    assert not kams_window.section_button(SectionKey.TEAM).isVisible()
    assert kams_window.section_button(SectionKey.SYNC).isVisible()
    assert not kams_window.section_actions[SectionKey.TEAM].isEnabled()
