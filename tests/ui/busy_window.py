"""The main window with a card edit waiting for a store another program holds, and
the question KAMdesk asks before leaving it: shared by the quit and open-database tests."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.store import crypto
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from tests.ui.kam_day.input import LEFT, activate, choose_in_menu, click, click_tab
from tests.ui.write_lock import WriteLock

CITY = "Rzhev"


def stored_city(path: Path, account_id: uuid.UUID) -> str:
    """What the file holds, read by another connection (the window may have closed
    its store already)."""
    reader = crypto.connect(path)
    try:
        (city,) = reader.execute(
            "SELECT city FROM accounts WHERE id = ?", (account_id.bytes,)
        ).fetchone()
    finally:
        reader.close()
    return str(city)


def type_city_while_busy(
    qtbot: QtBot,
    window: MainWindow,
    account_id: uuid.UUID,
    wait_idle: Callable[[TaskRunner], None],
) -> tuple[QLineEdit, WriteLock]:
    """Open the account's card, let another program take the write lock, type a city.
    The caller releases the returned lock."""
    window.resize(1300, 850)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    page: Any = window.section_page(SectionKey.CLIENTS)
    page.open_account(account_id)  # what a double-click on the row does
    wait_idle(window.tasks)
    card = page.tabs.currentWidget()
    click_tab(card.tabs, "Dossier")
    city = card.findChild(QLineEdit, "field_account_city")
    assert city is not None
    card.dossier.ensureWidgetVisible(city)
    lock = WriteLock(window.workspace.store)
    click(city)
    city.selectAll()
    QTest.keyClicks(city, CITY)
    return city, lock


def choose_from_file_menu(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """File ▸ `text` with the mouse (the offscreen platform binds no Quit shortcut)."""
    bar = window.menuBar()
    click(bar, bar.actionGeometry(window.file_menu.menuAction()).center())
    choose_in_menu(qtbot, window.file_menu, text)


def question(qtbot: QtBot) -> QMessageBox:
    """The question asked before leaving edits that still wait for the store."""
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
