"""Start-up: the first page of clients is on screen at once, read-only, and the window
takes its place once the store is opened and checked (kamdesk.ui.first_page)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kamdesk.services.workspace import prepare_opening
from kamdesk.store import Store, crypto
from kamdesk.ui.app import start_window
from kamdesk.ui.clients.model import Column
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.first_page import FirstPage
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.store_dialogs import DialogPrompts

PASSPHRASE = "kamdesk-tests"  # tests/conftest.py

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _fresh_keys() -> Iterator[None]:
    crypto.reset_keys()  # derive the key as a new process does
    yield
    crypto.reset_keys()


def _shown_first_pages() -> list[FirstPage]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstPage) and w.isVisible()]


def _names(model: Any) -> list[str]:
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def _start(qapp: QApplication, path: Path) -> MainWindow:
    prepare_opening(path)  # what `kamdesk gui` does before it imports Qt
    started = start_window(path, True, Preferences(), LanguageSwitcher(qapp))
    assert started is not None
    return started[0]


def test_the_first_page_of_an_encrypted_store_shows_at_once_and_cannot_be_acted_on(
    qtbot: QtBot, qapp: QApplication, store: Store, territory: dict[str, Any]
) -> None:
    store.close()
    window = _start(qapp, store.path)
    qtbot.addWidget(window)
    try:
        (first,) = _shown_first_pages()
        shown = _names(first.table.model())
        assert "ГБУЗ «Областная клиническая больница»" in shown
        assert len(shown) == len(territory)
        assert not window.isVisible(), "the window waits for its own first page"

        # Clicks and keys do nothing on it: no card opens, nothing is selected.
        row = shown.index("ГБУЗ «Областная клиническая больница»")
        point = QPoint(20, first.table.rowViewportPosition(row) + 5)
        QTest.mouseDClick(first.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
        QTest.keyClick(first.table, Qt.Key.Key_Return)
        assert not first.table.selectionModel().hasSelection()

        qtbot.waitUntil(window.isVisible, timeout=20_000)
        assert _shown_first_pages() == []
        page = window.section_page(SectionKey.CLIENTS)
        assert isinstance(page, ClientsPage)
        assert page.tabs.count() == 1, "the double click on the first page opened no card"
        assert sorted(_names(page.model)) == sorted(shown), "the window shows what it showed"
    finally:
        qtbot.waitUntil(window.tasks.is_idle, timeout=20_000)
        window.close()


def test_with_a_wrong_passphrase_no_first_page_shows_and_the_passphrase_is_asked(
    qtbot: QtBot,
    qapp: QApplication,
    store: Store,
    territory: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.close()
    before = store.path.read_bytes()
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, "не тот")
    asked: list[tuple[str, list[FirstPage], bytes]] = []

    def type_the_right_one(_prompts: DialogPrompts, dialog: QDialog) -> str | None:
        dialog.show()
        reason = " ".join(label.text() for label in dialog.findChildren(QLabel))
        asked.append((reason, _shown_first_pages(), store.path.read_bytes()))
        field = dialog.findChild(QLineEdit, "passphrase")
        buttons = dialog.findChild(QDialogButtonBox)
        assert field is not None and buttons is not None
        QTest.keyClicks(field, PASSPHRASE)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        text = field.text()
        dialog.deleteLater()
        return text if dialog.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(DialogPrompts, "_ask_passphrase", type_the_right_one)
    window = _start(qapp, store.path)
    qtbot.addWidget(window)
    try:
        (reason, first_pages, bytes_then), *_ = asked
        assert "This passphrase does not open the database" in reason
        assert first_pages == [], "nothing of the store was shown before the right passphrase"
        assert bytes_then == before, "nothing was written with the wrong one"
        qtbot.waitUntil(window.isVisible, timeout=20_000)
        page = window.section_page(SectionKey.CLIENTS)
        assert isinstance(page, ClientsPage)
        qtbot.waitUntil(lambda: page.model.rowCount() == len(territory), timeout=20_000)
    finally:
        qtbot.waitUntil(window.tasks.is_idle, timeout=20_000)
        window.close()


def test_a_store_damaged_where_only_the_check_finds_it_opens_then_is_asked_about_untouched(
    qtbot: QtBot, qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick check runs after the window is usable (kamdesk.ui.app.begin): the
    clients table is intact, so the window shows them; then the check finds the
    accounts table damaged, the damaged-store question is asked, and nothing was
    written to the file meanwhile."""
    from kamdesk.models import Account, AccountKind
    from kamdesk.ui.app import begin
    from tests.store.other_process import garble

    with store.transaction() as session:
        session.add_all(
            Account(name=f"Аптека № {n}", kind=AccountKind.PHARMACY) for n in range(200)
        )
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
        root = connection.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'accounts'"
        ).scalar_one()
    store.close()
    garble(store.path, (root - 1) * page_size, page_size)
    before = store.path.read_bytes()
    asked: list[str] = []

    def quit_when_asked(_prompts: DialogPrompts, box: Any) -> Any:
        asked.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "Quit")
        box.deleteLater()
        return button

    monkeypatch.setattr(DialogPrompts, "_ask", quit_when_asked)
    preferences, language = Preferences(), LanguageSwitcher(qapp)
    prepare_opening(store.path)
    started = start_window(store.path, True, preferences, language)
    assert started is not None
    window, opened = started
    qtbot.waitUntil(window.isVisible, timeout=20_000)
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    assert "Аптека № 0" in _names(clients.model)
    begin(window, opened, preferences, language)
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    (text,) = asked
    assert "is damaged" in text
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert store.path.read_bytes() == before


def test_kamdesk_gui_starts_checking_the_store_opened_last_before_qt_is_imported(
    store: Store,
) -> None:
    """`kamdesk gui` without --db opens the store the window opened last: its key and
    check start with the same head start as a store named on the command line."""
    from kamdesk.commands.gui import last_store

    store.close()
    preferences = Preferences()
    preferences.last_store = store.path
    preferences.sync()
    assert last_store() == store.path
    odd = store.path.with_name('a "quoted", name.sqlite')
    odd.write_bytes(store.path.read_bytes())
    preferences.last_store = odd
    preferences.sync()
    assert last_store() is None  # only QSettings reads that one right: no head start
