"""A search or filter that finds nothing: the list says why, and one button (click,
Space or Enter, reached by ↓ from the search box) brings every account back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter, AccountKind
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

WaitIdle = Callable[[TaskRunner], None]
EVERY_ACCOUNT = 6  # the territory of tests/ui/conftest.py

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle) -> ClientsPage:
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(window.tasks)
    return clients


def _search_for_nothing(qtbot: QtBot, page: ClientsPage, typed: str = "zzq") -> None:
    page.filters.search.setFocus()
    with qtbot.waitSignal(page.model.loaded):
        QTest.keyClicks(page.filters.search, typed)
    qtbot.waitUntil(lambda: page.model.account_filter.text == typed and not page.model.rowCount())
    qtbot.waitUntil(page.no_matches.isVisible)
    assert not page.hint_label.isVisible()  # «Double-click opens…» with nothing to open


def _whole_list_is_back(qtbot: QtBot, page: ClientsPage) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == EVERY_ACCOUNT)
    assert not page.no_matches.isVisible()
    assert page.hint_label.isVisible()
    assert page.filters.search.text() == ""
    assert page.filters.current_filter() == AccountFilter()
    assert page.filters.search.hasFocus()  # typing a new search goes on at once


def test_the_empty_list_says_what_was_searched_with_which_filters(
    qtbot: QtBot, page: ClientsPage
) -> None:
    with qtbot.waitSignal(page.model.loaded):
        page.filters.kinds.action_for(AccountKind.PHARMACY).trigger()
    with qtbot.waitSignal(page.model.loaded):
        page.filters.abc_classes.action_for("A").trigger()
    _search_for_nothing(qtbot, page)

    panel = page.no_matches
    assert panel.title.text() == "Nothing found for “zzq”"
    # Whole, not cut off: on one line, or wrapped onto more in a narrow window.
    QApplication.processEvents()  # the panel's layout, once its texts are set
    for label in (panel.title, panel.filters, panel.hint):
        assert label.wordWrap() or label.width() >= label.fontMetrics().horizontalAdvance(
            label.text()
        )
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert panel.filters.isVisible()
    assert panel.filters.text() == "with the filters: Pharmacy, ABC: A"
    assert panel.reset_button.isVisible()
    assert panel.reset_button.text() == "Clear search and filters"
    # It lies over the list, inside it, and leaves the column headers visible.
    assert panel.geometry() == page.table.viewport().geometry()
    assert page.table.horizontalHeader().isVisible()


def test_filters_alone_that_leave_nothing_are_named(qtbot: QtBot, page: ClientsPage) -> None:
    with qtbot.waitSignal(page.model.loaded):
        page.filters.kinds.action_for(AccountKind.DISTRIBUTOR).trigger()
    assert page.model.rowCount() == 1
    assert not page.no_matches.isVisible()
    with qtbot.waitSignal(page.model.loaded):
        page.filters.abc_classes.action_for("A").trigger()
    qtbot.waitUntil(page.no_matches.isVisible)
    assert page.no_matches.title.text() == "No accounts with the filters: Distributor, ABC: A"
    assert not page.no_matches.filters.isVisible()


def test_clicking_the_button_brings_every_account_back(qtbot: QtBot, page: ClientsPage) -> None:
    with qtbot.waitSignal(page.model.loaded):
        page.filters.kinds.action_for(AccountKind.PHARMACY).trigger()
    _search_for_nothing(qtbot, page)
    button = page.no_matches.reset_button
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    _whole_list_is_back(qtbot, page)
    assert page.filters.kinds.text() == "Kind: all"


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_the_keyboard_reaches_the_button_from_the_search_box(
    qtbot: QtBot, page: ClientsPage, key: Qt.Key
) -> None:
    _search_for_nothing(qtbot, page)
    QTest.keyClick(page.filters.search, Qt.Key.Key_Down)
    button = page.no_matches.reset_button
    assert button.hasFocus()
    QTest.keyClick(button, key)
    _whole_list_is_back(qtbot, page)


def test_a_search_that_finds_something_shows_no_panel(qtbot: QtBot, page: ClientsPage) -> None:
    _search_for_nothing(qtbot, page, "zzq")
    for _ in range(3):
        QTest.keyClick(page.filters.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: page.model.rowCount() == EVERY_ACCOUNT)
    assert not page.no_matches.isVisible()
    # A number typed finds a number where one starts («№ 12»), not inside an ИНН.
    with qtbot.waitSignal(page.model.loaded):
        QTest.keyClicks(page.filters.search, "1")
    qtbot.waitUntil(lambda: page.model.account_filter.text == "1")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == "Аптека «Вита» № 12"
    assert not page.no_matches.isVisible()
