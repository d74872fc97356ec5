"""Issue 9, the keyboard: Ctrl+N is "new" of the section shown (never File ▸ New
database), one key for one action, ↓ and Enter from the search box into the
results, and a visible focus on the filter buttons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.ui.card import AccountCard
from kamdesk.ui.clients.new_account import NewAccountDialog
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.offers import OfferEditor
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.plan_dialog import PlanDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # where a person's keys go
    return window


def open_dialogs(kind: type) -> list[Any]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [w for w in QApplication.allWidgets() if isinstance(w, kind) and w.isVisible()]


def close_all(kind: type) -> None:
    for dialog in open_dialogs(kind):
        dialog.done(0)


def test_ctrl_n_makes_the_new_thing_of_the_section_shown(
    qtbot: QtBot,
    shown: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
    territory: dict[str, Any],
) -> None:
    for key, kind, title in (
        (SectionKey.VISITS, PlanDialog, "&New visit…"),
        (SectionKey.OFFERS, OfferEditor, "&New offer…"),
        (SectionKey.CLIENTS, NewAccountDialog, "&New account…"),
    ):
        QTest.mouseClick(shown.section_button(key), Qt.MouseButton.LeftButton)
        wait_idle(tasks)
        assert shown.file_menu.actions()[0].text() == title
        QTest.keyClick(shown.focusWidget() or shown, Qt.Key.Key_N, CTRL)
        qtbot.waitUntil(lambda kind=kind: bool(open_dialogs(kind)))  # type: ignore[misc]
        close_all(kind)
        qtbot.waitUntil(lambda kind=kind: not open_dialogs(kind))  # type: ignore[misc]
    # Also from an open card, not only from the list.
    page = shown.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    page.open_account(territory["hospital"])
    qtbot.waitUntil(lambda: getattr(page.account_tab(territory["hospital"]), "bundle", None))
    card = page.account_tab(territory["hospital"])
    assert isinstance(card, AccountCard)
    card.tabs.setFocus()
    QTest.keyClick(card.tabs, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: bool(open_dialogs(NewAccountDialog)))
    close_all(NewAccountDialog)


def test_one_key_one_action_and_new_database_is_not_ctrl_n(shown: MainWindow) -> None:
    keys = [
        action.shortcut().toString()
        for action in shown.findChildren(QAction)
        if not action.shortcut().isEmpty() and action.parent() is shown
    ]
    twice = [key for key, count in Counter(keys).items() if count > 1]
    assert not twice, twice
    assert shown.new_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    assert shown.new_item.action.shortcut() == QKeySequence("Ctrl+N")
    help_texts = [action.text() for action in shown.help_menu.actions()]
    assert "&Keyboard shortcuts" in help_texts


def test_down_and_enter_go_from_the_search_box_to_the_results(
    qtbot: QtBot, shown: MainWindow, tasks: TaskRunner, wait_idle: Callable[[TaskRunner], None]
) -> None:
    page = shown.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    QTest.keyClick(shown, Qt.Key.Key_F, CTRL)
    search = page.filters.search
    assert QApplication.focusWidget() is search
    search.insert("Тверь")  # typed (QTest types Latin letters only)
    qtbot.waitUntil(lambda: not page.model.is_loading() and page.model.rowCount() > 1)
    QTest.keyClick(search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    second = page.model.account_id(page.table.currentIndex())
    assert second is not None
    search.setFocus()
    QTest.keyClick(search, Qt.Key.Key_Return)  # the row chosen, opened
    qtbot.waitUntil(lambda: page.account_tab(second) is not None)
    assert page.tabs.currentWidget() is page.account_tab(second)
    wait_idle(tasks)


def test_a_focused_filter_button_looks_focused(
    qtbot: QtBot, styled: None, shown: MainWindow
) -> None:
    page = shown.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    button = page.filters.kinds
    page.filters.search.setFocus()
    QTest.keyClick(page.filters.search, Qt.Key.Key_Tab)  # as a KAM walks the filters
    assert QApplication.focusWidget() is button

    def picture(widget: QWidget) -> Any:
        return widget.grab().toImage()

    focused = picture(button)
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: not button.hasFocus())
    assert picture(button) != focused
