"""Issue 9, small screens: on a 1024×700 laptop (a KAM's old one) the window fits in
every section, in Russian (the longer language) and in English: the client filters wrap
onto a second line, a card's tabs and the visits' day, week and list need no more
than the screen, and a list too wide for it scrolls sideways with its names readable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter, AccountKind
from kamdesk.ui.card.chain_tab import NAME_FLOOR as PHARMACY_FLOOR
from kamdesk.ui.clients.model import Column
from kamdesk.ui.clients.page import NAME_FLOOR, ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SECTIONS, SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.list_layout import CLIENT, CLIENT_FLOOR
from kamdesk.ui.visits.page import VisitsPage
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

WIDTH, HEIGHT = 1024, 700


@pytest.fixture(params=[Language.RUSSIAN, Language.ENGLISH], ids=["ru", "en"])
def small_window(
    request: pytest.FixtureRequest, window_on_screen: Callable[[Language, int, int], MainWindow]
) -> MainWindow:
    return window_on_screen(request.param, WIDTH, HEIGHT)


def fits(window: MainWindow, where: str) -> None:
    window.resize(WIDTH, HEIGHT)
    QApplication.processEvents()
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDTH, f"{where}: at least {hint.width()} px wide"
    assert hint.height() <= HEIGHT, f"{where}: at least {hint.height()} px tall"
    assert window.width() == WIDTH, f"{where}: the window grew to {window.width()} px"


def click_tabs(window: MainWindow, tabs: QTabWidget, where: str) -> None:
    bar = tabs.tabBar()
    for index in range(tabs.count()):
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert tabs.currentIndex() == index
        fits(window, f"{where}, tab «{tabs.tabText(index)}»")


def open_section(window: MainWindow, key: SectionKey) -> QWidget:
    button = window.section_button(key)
    assert button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_section() == key
    return window.section_page(key)


def test_every_section_fits_1024_by_700(
    qtbot: QtBot,
    small_window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    window = small_window
    for key in SECTIONS:
        open_section(window, key)
        wait_idle(tasks)
        fits(window, key.value)

    # The client list: the filters wrap under the search, the names stay readable.
    clients = open_section(window, SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    fits(window, "clients")
    filters = clients.filters
    assert filters.show_archived.geometry().top() > filters.search.geometry().top()  # wrapped
    assert filters.geometry().right() < clients.width()
    assert clients.table.columnWidth(Column.NAME) >= NAME_FLOOR

    # A chain's card, every tab of it (the pharmacies' names readable too).
    chain = window.workspace.accounts.page(
        AccountFilter(kinds=frozenset({AccountKind.PHARMACY_CHAIN})), limit=1
    )[0]
    clients.open_account(chain.id)
    qtbot.waitUntil(lambda: getattr(clients.account_tab(chain.id), "bundle", None) is not None)
    wait_idle(tasks)
    card = clients.account_tab(chain.id)
    click_tabs(window, card.tabs, "a chain's card")  # type: ignore[union-attr]
    pharmacies = card.pharmacies.table  # type: ignore[union-attr]
    assert pharmacies.columnWidth(0) >= PHARMACY_FLOOR
    card.tabs.setCurrentIndex(0)  # type: ignore[union-attr]
    QApplication.processEvents()
    overview = card.overview.scroll_area  # type: ignore[union-attr]
    assert overview.horizontalScrollBar().maximum() == 0, "the overview scrolls sideways"

    # Visits: the day, the week and the list, as their buttons show them.
    visits = open_section(window, SectionKey.VISITS)
    assert isinstance(visits, VisitsPage)
    wait_idle(tasks)
    for mode in (0, 1, 2):
        QTest.mouseClick(visits.mode_buttons.button(mode), Qt.MouseButton.LeftButton)
        assert visits.stack.currentIndex() == mode
        wait_idle(tasks)
        fits(window, f"visits, {visits.mode_buttons.button(mode).text()}")
    assert visits.table.columnWidth(CLIENT) >= CLIENT_FLOOR
