"""A KAM's phone rings with a number they do not know: typed into the search box as the
phone shows it, the number finds the account (its switchboard, or one of its people),
and ↓ Enter opens that card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Account, Contact
from kamdesk.store import Store
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def phones(store: Store, territory: dict[str, Any]) -> dict[str, Any]:
    with store.transaction() as session:
        hospital = session.get(Account, territory["hospital"])
        assert hospital is not None
        hospital.phone = "+74822302693;ext=15"
        buyer = session.scalars(select(Contact).where(Contact.surname == "Кузнецова")).one()
        buyer.phone_mobile = "+79161234567"
    return territory


def _search(qtbot: QtBot, window: MainWindow, typed: str) -> ClientsPage:
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    search = page.filters.search
    assert QApplication.focusWidget() is search
    QTest.keyClick(search, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(search, typed)  # digits, brackets, dashes and spaces: QTest types them
    qtbot.waitUntil(lambda: page.model.account_filter.text == typed and not page.model.is_loading())
    return page


def test_a_callers_number_finds_the_account_and_enter_opens_it(
    qtbot: QtBot,
    window: MainWindow,
    phones: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    page = _search(qtbot, window, "8 (916) 123-45-67")  # the chain's buyer's mobile
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.account_id(page.model.index(0, 0)) == phones["chain"]
    QTest.keyClick(page.filters.search, Qt.Key.Key_Down)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.account_tab(phones["chain"]) is not None)
    assert page.tabs.currentWidget() is page.account_tab(phones["chain"])
    wait_idle(tasks)

    bar = page.tabs.tabBar()  # back to the list's own tab
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert page.tabs.currentIndex() == 0
    page = _search(qtbot, window, "30-26-93")  # part of the switchboard's number
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.account_id(page.model.index(0, 0)) == phones["hospital"]
    assert "phone" in page.filters.search.placeholderText()
    wait_idle(tasks)
