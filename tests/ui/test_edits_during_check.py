"""The window while the store's quick check still runs (kamdesk.ui.app.begin): the
store opens for writing only once the check passed, and nothing on the window's
thread waits for it.

The check is held by an unfinished `IntegrityCheck`; a timer finishes it after
SAFETY_S in case something does wait for it, so that such a test fails (the
action returned only after the check was over) instead of hanging.
QTest types ASCII only, so the typed city is English.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kamdesk.errors import CorruptStoreError
from kamdesk.services.store_wait import is_busy, without_waiting
from kamdesk.services.workspace import StoreCheckingError, Workspace
from kamdesk.store import Store
from kamdesk.store.probe import IntegrityCheck
from kamdesk.ui.card import AccountCard
from kamdesk.ui.clients.model import Column
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.settings_dialog import SettingsDialog
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.page import VisitsPage
from tests.ui.busy_window import CITY, stored_city
from tests.ui.kam_day.input import LEFT, activate, click, retype_dossier_field

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
SAFETY_S = 15.0
HOSPITAL = "ГБУЗ «Областная клиническая больница»"


class HeldCheck:
    """The store's quick check, running until `release` (or SAFETY_S)."""

    def __init__(self, store: Store) -> None:
        self.check = IntegrityCheck(store.path)
        self._safety = threading.Timer(SAFETY_S, self.release)
        self._safety.start()

    @property
    def held(self) -> bool:
        return not self.check.done

    def release(self, failure: Any = None) -> None:
        if not self.check.done:
            self.check.finish(failure)

    def stop(self) -> None:
        self._safety.cancel()
        self._safety.join()
        self.release()


@pytest.fixture
def held(store: Store, territory: dict[str, Any]) -> Iterator[HeldCheck]:
    store.close()  # the window's workspace opens it itself, once the check passed
    check = HeldCheck(store)
    yield check
    check.stop()


@pytest.fixture
def checking_window(
    qtbot: QtBot,
    store: Store,
    held: HeldCheck,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: Any,
) -> Iterator[MainWindow]:
    workspace = Workspace(store.path, check=held.check)
    window = MainWindow(workspace, tasks, preferences, switcher, default_page_factories())
    qtbot.addWidget(window)
    window.resize(1300, 850)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    yield window
    held.stop()
    qtbot.waitUntil(tasks.is_idle, timeout=20_000)
    if isValid(window):
        window.close()
    workspace.close()


def test_inside_without_waiting_the_store_is_busy_at_once_while_the_check_runs(
    store: Store, held: HeldCheck
) -> None:
    workspace = Workspace(store.path, check=held.check)
    try:
        with pytest.raises(StoreCheckingError) as refused, without_waiting():
            workspace.store  # noqa: B018 - asking is what is tested
        assert held.held, "refused while the check was still running, not after it"
        assert is_busy(refused.value)  # the card's queue keeps such an edit and retries
        assert workspace.store_at_once() is None
        held.release()
        with without_waiting():
            opened = workspace.store
        assert workspace.store_at_once() is opened
    finally:
        workspace.close()


def test_a_failed_check_is_said_inside_without_waiting_and_opens_nothing(
    store: Store, held: HeldCheck
) -> None:
    before = store.path.read_bytes()
    workspace = Workspace(store.path, check=held.check)
    try:
        held.release(CorruptStoreError(store.path, "page 2 is garbled"))
        with pytest.raises(CorruptStoreError) as failed, without_waiting():
            workspace.store  # noqa: B018
        assert not is_busy(failed.value), "not an edit to keep for later: the file is damaged"
        assert workspace.opened_store is None
    finally:
        workspace.close()
    assert store.path.read_bytes() == before


def test_a_card_opened_during_the_check_loads_after_it_and_stores_the_typed_city(
    qtbot: QtBot, checking_window: MainWindow, held: HeldCheck, territory: dict[str, Any]
) -> None:
    page = checking_window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    row = next(
        r for r in range(page.model.rowCount())
        if page.model.index(r, Column.NAME).data() == HOSPITAL
    )  # fmt: skip
    rect = page.table.visualRect(page.model.index(row, Column.NAME))
    QTest.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    QTest.mouseDClick(page.table.viewport(), LEFT, pos=rect.center())
    card = page.tabs.currentWidget()
    assert isinstance(card, AccountCard)
    qtbot.wait(300)  # the window goes on while the card waits for the check
    assert held.held, "the double-click returned while the check was still running"
    assert card.findChild(QLineEdit, "field_account_city") is None, (
        "no field to type into before the store may be written"
    )
    held.release()
    qtbot.waitUntil(lambda: card.bundle is not None, timeout=10_000)
    retype_dossier_field(card, "field_account_city", CITY)  # leaving the field stores it
    qtbot.waitUntil(
        lambda: stored_city(checking_window.workspace.path, territory["hospital"]) == CITY,
        timeout=10_000,
    )


def test_settings_asked_for_during_the_check_say_so_and_open_after_it(
    qtbot: QtBot, checking_window: MainWindow, held: HeldCheck
) -> None:
    bar = checking_window.menuBar()
    where = bar.actionGeometry(checking_window.settings_action).center()
    click(bar, where)
    assert held.held, "the click returned while the check was still running"
    assert "Checking the database" in checking_window.statusBar().currentMessage()
    assert not checking_window.findChildren(SettingsDialog)
    held.release()
    qtbot.waitUntil(lambda: not checking_window.workspace.checking, timeout=5_000)
    click(bar, where)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in checking_window.findChildren(SettingsDialog)),
        timeout=10_000,
    )
    for dialog in checking_window.findChildren(SettingsDialog):
        dialog.reject()


def test_the_visits_section_opens_during_the_check_and_fills_after_it(
    qtbot: QtBot, checking_window: MainWindow, held: HeldCheck
) -> None:
    QTest.mouseClick(checking_window.section_button(SectionKey.VISITS), LEFT)
    page = checking_window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage) and page.isVisible()
    assert held.held, "the section opened while the check was still running"
    held.release()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
