"""Quitting while a card's edit still waits for a busy store asks first instead of
losing it: «Changes are not saved yet: the database is busy» — wait (the window
closes by itself once the edit is stored) or quit without saving.

The other program is a second sqlite3 connection holding `BEGIN IMMEDIATE`; the
KAM quits with File ▸ Quit, a real close of the window. QTest types ASCII only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.store import Store
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.tasks import TaskRunner
from tests.ui.busy_window import (
    CITY,
    answer,
    choose_from_file_menu,
    question,
    stored_city,
    type_city_while_busy,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WaitIdle = Callable[[TaskRunner], None]


def test_quit_waits_for_the_busy_store_and_then_closes_with_the_edit_stored(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    city, lock = type_city_while_busy(qtbot, window, account_id, wait_idle)
    try:
        choose_from_file_menu(qtbot, window, "Quit")
        box = question(qtbot)
        assert box.text() == "Changes are not saved yet: the database is busy."
        assert window.isVisible() and city.text() == CITY  # nothing lost, nothing closed
        answer(box, "Wait")
        qtbot.waitUntil(lambda: not box.isVisible())
        assert window.isVisible() and city.text() == CITY
        assert stored_city(store.path, account_id) == "Тверь"
    finally:
        lock.release()  # the other program is done
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert stored_city(store.path, account_id) == CITY


def test_quit_without_saving_closes_at_once_and_leaves_the_store_as_it_was(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    _city, lock = type_city_while_busy(qtbot, window, account_id, wait_idle)
    try:
        choose_from_file_menu(qtbot, window, "Quit")
        answer(question(qtbot), "Quit without saving")
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        lock.release()
    assert stored_city(store.path, account_id) == "Тверь"


def test_quit_on_a_free_store_stores_the_edit_without_asking(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    _city, lock = type_city_while_busy(qtbot, window, account_id, wait_idle)
    lock.release()  # free again before the KAM quits
    choose_from_file_menu(qtbot, window, "Quit")
    assert not window.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert stored_city(store.path, account_id) == CITY
