"""Quitting while a card's edit still waits for a busy store asks first instead of
losing it: «Changes are not saved yet: the database is busy» — wait (the window
closes by itself once the edit is stored) or quit without saving.

The other program is a second sqlite3 connection holding `BEGIN IMMEDIATE`; the
KAM quits with File ▸ Quit, a real close of the window. QTest types ASCII only.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.store import Store
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from tests.ui.kam_day.input import LEFT, activate, choose_in_menu, click

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WaitIdle = Callable[[TaskRunner], None]
CITY = "Rzhev"


@pytest.fixture
def write_lock(store: Store) -> Iterator[sqlite3.Connection]:
    """Another program holding the store's write lock; the test releases it."""
    other = sqlite3.connect(store.path, isolation_level=None)
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def stored_city(store: Store, account_id: uuid.UUID) -> str:
    """What the file holds, read by another connection (the window may have closed
    its store already)."""
    reader = sqlite3.connect(store.path)
    try:
        (city,) = reader.execute(
            "SELECT city FROM accounts WHERE id = ?", (account_id.hex,)
        ).fetchone()
    finally:
        reader.close()
    return str(city)


def type_city_while_busy(
    qtbot: QtBot,
    window: MainWindow,
    account_id: uuid.UUID,
    lock: sqlite3.Connection,
    wait_idle: WaitIdle,
) -> QLineEdit:
    window.resize(1300, 850)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    page: Any = window.section_page(SectionKey.CLIENTS)
    page.open_account(account_id)  # what a double-click on the row does
    wait_idle(window.tasks)
    card = page.tabs.currentWidget()
    city = card.findChild(QLineEdit, "field_account_city")
    assert city is not None
    lock.execute("BEGIN IMMEDIATE")
    QTest.mouseClick(city, LEFT)
    city.selectAll()
    QTest.keyClicks(city, CITY)
    return city


def quit_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    """File ▸ Quit with the mouse (the offscreen platform binds no Quit shortcut)."""
    bar = window.menuBar()
    click(bar, bar.actionGeometry(window.file_menu.menuAction()).center())
    choose_in_menu(qtbot, window.file_menu, "Quit")


def question(qtbot: QtBot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "unsavedOnQuit" and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[-1]


def answer(box: QMessageBox, text: str) -> None:
    (chosen,) = [button for button in box.buttons() if button.text() == text]
    QTest.mouseClick(chosen, LEFT)


def test_quit_waits_for_the_busy_store_and_then_closes_with_the_edit_stored(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    write_lock: sqlite3.Connection,
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    city = type_city_while_busy(qtbot, window, account_id, write_lock, wait_idle)
    quit_from_the_menu(qtbot, window)
    box = question(qtbot)
    assert box.text() == "Changes are not saved yet: the database is busy."
    assert window.isVisible() and city.text() == CITY  # nothing lost, nothing closed
    answer(box, "Wait")
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible() and city.text() == CITY
    assert stored_city(store, account_id) == "Тверь"

    write_lock.execute("ROLLBACK")  # the other program is done
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert stored_city(store, account_id) == CITY


def test_quit_without_saving_closes_at_once_and_leaves_the_store_as_it_was(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    write_lock: sqlite3.Connection,
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    type_city_while_busy(qtbot, window, account_id, write_lock, wait_idle)
    quit_from_the_menu(qtbot, window)
    answer(question(qtbot), "Quit without saving")
    qtbot.waitUntil(lambda: not window.isVisible())
    write_lock.execute("ROLLBACK")
    assert stored_city(store, account_id) == "Тверь"


def test_quit_on_a_free_store_stores_the_edit_without_asking(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    write_lock: sqlite3.Connection,
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    type_city_while_busy(qtbot, window, account_id, write_lock, wait_idle)
    write_lock.execute("ROLLBACK")  # free again before the KAM quits
    quit_from_the_menu(qtbot, window)
    assert not window.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert stored_city(store, account_id) == CITY
