"""UI test fixtures: a small territory, the window on it, and checks that nothing leaks.

Widgets are created but not shown unless a test needs real geometry (mouse
clicks). Tests wait for conditions (`qtbot.waitUntil`, `waitSignal`), never
for a fixed time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountKind,
    AccountStats,
    AccountStatus,
    Attitude,
    ClientType,
    Contact,
    DmuRole,
    Psychotype,
    RelationshipEvent,
    RelationshipEventKind,
    TenderResult,
    User,
    Visit,
)
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.app import apply_style_sheet
from kamdesk.ui.card import AccountCard
from kamdesk.ui.input_guard import install_wheel_guard
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_thread_gc import collect_on_main_thread
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.preferences import Language, Preferences
from kamdesk.ui.tasks import TaskRunner, busy_runners
from tests.ui.kam_day.input import activate


@pytest.fixture(autouse=True, scope="session")
def wheel_guard(qapp: QApplication) -> None:
    """Every GUI test runs with the wheel guard the real application installs."""
    install_wheel_guard(qapp)
    # As the application does: cycles holding Qt objects are collected on the UI thread.
    collect_on_main_thread(qapp)


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves pool work, Python threads or windows behind.

    pytest-qt closes the widgets registered with `qtbot.addWidget` before this
    runs (in its teardown hook), so what is left here was leaked by the test."""
    threads_before = set(_python_threads())
    yield
    pool = QThreadPool.globalInstance()
    busy = pool.activeThreadCount()
    pool.waitForDone()
    runners = busy_runners()  # each runner has its own pool
    for runner in runners:
        runner.discard_pending()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    windows = [w for w in QApplication.topLevelWidgets() if not w.property("leak_ok")]
    for widget in windows:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    new_threads = [t for t in _python_threads() if t not in threads_before]
    problems = []
    if busy:
        problems.append(f"{busy} thread-pool task(s) still running")
    if runners:
        problems.append(f"{len(runners)} task runner(s) left with background work")
    if windows:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in windows)
        problems.append(f"top-level widgets left open: {names}")
    if new_threads:
        problems.append(f"threads left running: {new_threads}")
    if problems:
        pytest.fail("; ".join(problems))


def _python_threads() -> list[threading.Thread]:
    # Pool threads that ran Python show up as _DummyThread; the pool is checked above.
    return [t for t in threading.enumerate() if not isinstance(t, threading._DummyThread)]


@pytest.fixture
def territory(store: Store) -> dict[str, Any]:
    """Six accounts of a Tver territory: one of each kind, each status, contacts
    and history on the hospital. Returns their ids by a short name."""
    soon = datetime.now(UTC) + timedelta(days=3)
    with store.transaction() as session:
        owner = User(surname="Соколова", name="Анна", patronymic="Игоревна")
        session.add(owner)
        session.flush()
        accounts = {
            "hospital": Account(
                name="ГБУЗ «Областная клиническая больница»",
                short_name="ОКБ",
                kind=AccountKind.HOSPITAL,
                city="Тверь",
                region="Тверская область",
                inn="6905012345",
                kpp="695001001",
                client_type=ClientType.BREADWINNER,
                status=AccountStatus.ACTIVE,
                owner_id=owner.id,
                qual_need=True,
                qual_need_note="Кардиология, 120 коек",
                qual_pay=True,
                qual_authority=False,
                qual_authority_note="Решает закупочная комиссия",
            ),
            "chain": Account(
                name="Аптечная сеть «Вита»",
                kind=AccountKind.PHARMACY_CHAIN,
                city="Тверь",
                client_type=ClientType.PROSPECT,
                status=AccountStatus.AT_RISK,
                owner_id=owner.id,
            ),
            "pharmacy": Account(
                name="Аптека «Вита» № 12",
                kind=AccountKind.PHARMACY,
                city="Ржев",
                status=AccountStatus.LOST,
            ),
            "distributor": Account(
                name="АО «Протек», тверской филиал",
                kind=AccountKind.DISTRIBUTOR,
                city="Тверь",
                client_type=ClientType.EXPERT,
                status=AccountStatus.ACTIVE,
            ),
            "ministry": Account(
                name="Министерство здравоохранения Тверской области",
                kind=AccountKind.HEALTH_AUTHORITY,
                city="Тверь",
                client_type=ClientType.IMAGE_MAKER,
                status=AccountStatus.PROSPECT,
            ),
            "winback": Account(
                name="Аптека «Здоровье»",
                kind=AccountKind.PHARMACY,
                city="Бежецк",
                status=AccountStatus.WIN_BACK,
            ),
        }
        session.add_all(accounts.values())
        session.flush()
        hospital = accounts["hospital"].id
        session.add_all(
            [
                Contact(
                    account_id=hospital,
                    surname="Семёнов",
                    name="Пётр",
                    patronymic="Сергеевич",
                    position="Главный врач",
                    dmu_role=DmuRole.DECISION_MAKER,
                    influence=5,
                    attitude=Attitude.SUPPORTER,
                    psychotype=Psychotype.DIRECTIVE,
                    is_kol=True,
                ),
                Contact(
                    account_id=hospital,
                    surname="Орлова",
                    name="Марина",
                    patronymic="Андреевна",
                    position="Заведующая аптекой",
                    dmu_role=DmuRole.INFLUENCER,
                    influence=3,
                    attitude=Attitude.NEUTRAL,
                    psychotype=Psychotype.ANALYST,
                ),
                Contact(account_id=accounts["chain"].id, surname="Кузнецова", name="Ольга"),
                RelationshipEvent(
                    account_id=hospital,
                    kind=RelationshipEventKind.TENDER,
                    occurred_on=date(2025, 3, 14),
                    subject="Аукцион на поставку антикоагулянтов",
                    tender_result=TenderResult.WON,
                    amount=Decimal("1250000.00"),
                ),
                AccountCompetitor(account_id=hospital, company="Фармстандарт"),
                Visit(account_id=hospital, starts_at=soon),
            ]
        )
        session.flush()
        session.execute(
            update(AccountStats)
            .where(AccountStats.account_id == hospital)
            .values(abc_class="A", xyz_class="X", sales_12m=Decimal("4800000.00"))
        )
        session.execute(
            update(AccountStats)
            .where(AccountStats.account_id == accounts["distributor"].id)
            .values(abc_class="B", xyz_class="Y")
        )
        # The statuses the classification would work out from their (absent) purchases;
        # the ministry (never in touch: «Потенциальный») and «Вернуть» (the KAM's choice)
        # come out of the cache refresh as they are.
        for key, figures in (
            ("hospital", AccountStatus.ACTIVE),
            ("distributor", AccountStatus.ACTIVE),
            ("chain", AccountStatus.AT_RISK),
            ("pharmacy", AccountStatus.LOST),
        ):
            session.execute(
                update(AccountStats)
                .where(AccountStats.account_id == accounts[key].id)
                .values(status=figures)
            )
    return {key: account.id for key, account in accounts.items()}


@pytest.fixture
def workspace(store: Store, territory: dict[str, Any]) -> Workspace:
    return Workspace(store.path, store)


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.discard_pending()


@pytest.fixture
def preferences() -> Preferences:
    return Preferences()


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    """The translators, English to start with and English again after the test."""
    language = LanguageSwitcher(qapp)
    language.apply(Language.ENGLISH)
    yield language
    language.apply(Language.ENGLISH)


@pytest.fixture
def wait_idle(qtbot: QtBot) -> Callable[[TaskRunner], None]:
    def wait(runner: TaskRunner) -> None:
        qtbot.waitUntil(runner.is_idle, timeout=10_000)

    return wait


@pytest.fixture
def hospital_card(
    qtbot: QtBot,
    store: Store,
    tasks: TaskRunner,
    territory: dict[str, Any],
    wait_idle: Callable[[TaskRunner], None],
) -> Iterator[AccountCard]:
    """The territory hospital's card in a window of its own, on the screen, active and
    loaded, as a KAM has it after opening it from the list."""
    shown = AccountCard(territory["hospital"], lambda: store, tasks)
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    activate(qtbot, shown)
    wait_idle(tasks)
    assert shown.bundle is not None
    yield shown
    wait_idle(tasks)


@pytest.fixture
def window(
    qtbot: QtBot,
    workspace: Workspace,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    wait_idle: Callable[[TaskRunner], None],
) -> MainWindow:
    main = MainWindow(workspace, tasks, preferences, switcher, default_page_factories())
    qtbot.addWidget(main)
    wait_idle(tasks)
    return main


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's own style sheet (bold headers, paddings), as the window has it."""
    apply_style_sheet(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def window_on_screen(
    styled: None,
    qtbot: QtBot,
    window: MainWindow,
    switcher: LanguageSwitcher,
    wait_idle: Callable[[TaskRunner], None],
    tasks: TaskRunner,
) -> Callable[[Language, int, int], MainWindow]:
    """The styled window shown in a language at a screen's size, its first loads done."""

    def show(language: Language, width: int, height: int) -> MainWindow:
        switcher.apply(language)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        wait_idle(tasks)
        return window

    return show
