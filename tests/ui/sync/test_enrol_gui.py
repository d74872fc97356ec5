"""Connecting a laptop to a real office server from the window, and syncing with F9."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kamdesk.models import Account, AccountKind
from kamdesk.services.sync_status import read_overview
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.sync.credentials import Credentials
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sync.backend import OfficeBackend
from kamdesk.ui.sync.enrol_dialog import EnrolDialog
from kamdesk.ui.sync.page import SyncPage
from tests.ui.sync.conftest import OFFSCREEN, PASSWORD, SERVER, Office

LEFT = Qt.MouseButton.LeftButton


def _sync_page(qtbot, make_window, store: Store, office: Office | None, tmp_path: Path):
    window = make_window(Workspace(store.path, store))
    if office is not None:
        tokens = Credentials(tmp_path / "tokens", use_keyring=False)
        window.sync.use_backend(lambda ws: OfficeBackend(ws, office.http, tokens))
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.section_button(SectionKey.SYNC), LEFT)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.controller.state is not None)
    return window, page


def _enrol_dialog(qtbot, page: SyncPage) -> EnrolDialog:
    assert page.enrol_button.text() == "Connect to the office…"
    QTest.mouseClick(page.enrol_button, LEFT)
    dialog = page.findChild(EnrolDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _type(dialog: EnrolDialog, server: str, login: str, password: str) -> None:
    for edit, text in ((dialog.server, server), (dialog.login, login), (dialog.password, password)):
        edit.clear()
        QTest.keyClicks(edit, text)


@OFFSCREEN
def test_enrol_with_a_wrong_password_then_the_right_one_and_sync(
    qtbot, make_window, store: Store, office: Office, tmp_path: Path
) -> None:
    office.user("sokolova", "Соколова Анна Игоревна")
    window, page = _sync_page(qtbot, make_window, store, office, tmp_path)
    assert page.connection.text() == "Not connected: this laptop works on its own"
    dialog = _enrol_dialog(qtbot, page)
    _type(dialog, SERVER, "sokolova", "not-the-password")
    QTest.mouseClick(dialog.connect_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy)
    assert dialog.error.text() == "Wrong login or password. Check them and try again."
    assert dialog.isVisible() and dialog.login.text() == "sokolova"  # what was typed stays

    _type(dialog, SERVER, "sokolova", PASSWORD)
    QTest.mouseClick(dialog.connect_button, LEFT)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed and deleted
    qtbot.waitUntil(lambda: page.connection.text() == "Connected to the office", timeout=15_000)
    assert page.who.text() == "Соколова Анна Игоревна (key account manager) at http://testserver"
    qtbot.waitUntil(lambda: page.last_sync.text() not in ("never", "—"))
    assert window.sync.state_label.text().startswith("Synced ")

    # A local edit waits in the status bar until F9 sends it.
    with store.transaction() as session:
        session.add(Account(name="Аптека «Ромашка»", kind=AccountKind.PHARMACY, city="Тверь"))
    label = window.sync.waiting_label
    qtbot.waitUntil(lambda: label.text() == "Waiting to be sent: 1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: label.text() == "Waiting to be sent: 0", timeout=15_000)
    qtbot.waitUntil(lambda: not window.sync.running)
    assert read_overview(store).waiting == 0


@OFFSCREEN
def test_too_many_attempts_are_said_so(
    qtbot, make_window, store: Store, office: Office, tmp_path: Path
) -> None:
    office.user("sokolova", "Соколова Анна Игоревна")
    _window, page = _sync_page(qtbot, make_window, store, office, tmp_path)
    dialog = _enrol_dialog(qtbot, page)
    texts = []
    for attempt in range(6):
        _type(dialog, SERVER, "sokolova", f"wrong-{attempt}")
        QTest.mouseClick(dialog.connect_button, LEFT)
        qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy)
        texts.append(dialog.error.text())
        dialog.error.hide()
    assert texts[0] == "Wrong login or password. Check them and try again."
    assert texts[-1] == "Too many attempts to log in. Wait a few minutes, then try again."


@OFFSCREEN
def test_an_office_that_does_not_answer(qtbot, make_window, store: Store, tmp_path: Path) -> None:
    _window, page = _sync_page(qtbot, make_window, store, None, tmp_path)
    dialog = _enrol_dialog(qtbot, page)
    _type(dialog, "http://127.0.0.1:9", "sokolova", PASSWORD)
    QTest.mouseClick(dialog.connect_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy, timeout=15_000)
    assert dialog.error.text().startswith("The office server does not answer.")
    dialog.reject()


@OFFSCREEN
def test_an_office_older_than_the_laptop_answers_but_refuses_and_says_who_to_ask(
    qtbot, make_window, store: Store, office: Office, tmp_path: Path, monkeypatch
) -> None:
    from kamdesk.server import compat

    office.user("sokolova", "Соколова Анна Игоревна")
    window, page = _sync_page(qtbot, make_window, store, office, tmp_path)
    dialog = _enrol_dialog(qtbot, page)
    _type(dialog, SERVER, "sokolova", PASSWORD)
    QTest.mouseClick(dialog.connect_button, LEFT)
    qtbot.waitUntil(lambda: page.connection.text() == "Connected to the office", timeout=15_000)
    qtbot.waitUntil(lambda: not window.sync.running)
    # The office is rolled back to a version that knows only older laptops.
    monkeypatch.setattr(compat, "SCHEMA_VERSIONS", ("0003", "0004"))
    QTest.mouseClick(page.sync_button, LEFT)
    qtbot.waitUntil(lambda: page.failure.isVisible(), timeout=15_000)
    assert page.failure.text() == (
        "The office server is older than this version of KAMdesk: ask your administrator "
        "to update the server. Your changes are kept on this laptop."
    )
    assert page.connection.text() == "The office answers, but sync is not possible"
