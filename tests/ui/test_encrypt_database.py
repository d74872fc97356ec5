"""File ▸ Encrypt database…, clicked through as a KAM with an older plain store does: the
status bar says «Not encrypted», the dialog explains, the store and every copy KAMdesk
made of it are encrypted and the window goes on with it; where no keyring works the
passphrase is chosen twice; a damaged copy that cannot be encrypted is named and
deleted only when the KAM says so."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlcipher3 import dbapi2 as sqlcipher

from kamdesk.models import Account, AccountKind, Contact
from kamdesk.services.workspace import Workspace
from kamdesk.store import crypto, open_store
from kamdesk.store.backups import create_backup
from kamdesk.store.files import move_aside
from kamdesk.ui.encryption_commands import EncryptDialog
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.tasks import TaskRunner
from tests.store.other_process import garble
from tests.ui.busy_window import answer, choose_from_file_menu
from tests.ui.kam_day.input import activate, click, wait_for_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WaitIdle = Callable[[TaskRunner], None]
SURNAME = "Разумовская"


@pytest.fixture(autouse=True)
def _fresh_keys() -> Iterator[None]:
    crypto.reset_keys()
    yield
    crypto.reset_keys()


@pytest.fixture
def plain_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of an earlier KAMdesk (plain SQLite) with a contact and a backup."""
    path = tmp_path / "kamdesk.sqlite"
    with monkeypatch.context() as plain:
        plain.setenv(crypto.ENCRYPTION_VARIABLE, "off")
        store = open_store(path)
        try:
            with store.transaction() as session:
                account = Account(name="ГКБ № 52", kind=AccountKind.HOSPITAL, city="Тверь")
                session.add(account)
                session.flush()
                session.add(Contact(account_id=account.id, surname=SURNAME, name="Елена"))
        finally:
            store.close()
        create_backup(path)
    return path


def _window(
    qtbot: QtBot,
    path: Path,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    wait_idle: WaitIdle,
) -> MainWindow:
    window = MainWindow(Workspace(path), tasks, preferences, switcher, default_page_factories())
    qtbot.addWidget(window)
    window.resize(1300, 850)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    wait_idle(tasks)
    return window


def _plain_files(folder: Path) -> list[str]:
    return [
        p.relative_to(folder).as_posix()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and (p.read_bytes().startswith(b"SQLite format 3") or SURNAME.encode() in p.read_bytes())
    ]


def _encrypt_from_the_menu(qtbot: QtBot, window: MainWindow) -> EncryptDialog:
    choose_from_file_menu(qtbot, window, "Encrypt database")
    return wait_for_window(qtbot, EncryptDialog)


def _encrypted_in_the_status_bar(qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle) -> None:
    qtbot.waitUntil(lambda: window.encryption.label.text() == "Encrypted", timeout=30_000)
    wait_idle(window.tasks)


def test_a_plain_store_is_encrypted_from_the_file_menu_with_its_copies(
    qtbot: QtBot,
    plain_store: Path,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    wait_idle: WaitIdle,
) -> None:
    window = _window(qtbot, plain_store, tasks, preferences, switcher, wait_idle)
    assert window.encryption.label.text() == "Not encrypted"
    assert window.encryption.label.isVisible()
    assert _plain_files(plain_store.parent)  # the store and its backup show the surname

    dialog = _encrypt_from_the_menu(qtbot, window)
    intro = dialog.findChild(QLabel, "encryptIntro")
    key = dialog.findChild(QLabel, "encryptKey")
    assert intro is not None and "backup" in intro.text() and str(plain_store) in intro.text()
    assert key is not None and "passphrase" in key.text() and "lost" in key.text()
    assert not dialog.first.isVisible()  # the passphrase is known already
    click(dialog.encrypt_button)

    _encrypted_in_the_status_bar(qtbot, window, wait_idle)
    assert _plain_files(plain_store.parent) == []
    assert not window.encryption.action.isVisible()  # nothing left to encrypt
    assert "encrypted" in window.statusBar().currentMessage()
    assert window.workspace.accounts is not None
    with window.workspace.store.session() as session:  # the window goes on with it
        assert session.query(Contact.surname).scalar() == SURNAME


def test_without_a_keyring_the_passphrase_is_chosen_twice(
    qtbot: QtBot,
    plain_store: Path,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    wait_idle: WaitIdle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        window = _window(qtbot, plain_store, tasks, preferences, switcher, wait_idle)
        dialog = _encrypt_from_the_menu(qtbot, window)
        assert dialog.first.isVisible() and dialog.again.isVisible()
        assert dialog.first.echoMode() == QLineEdit.EchoMode.Password
        key = dialog.findChild(QLabel, "encryptKey")
        assert key is not None and "write it down" in key.text()
        assert not dialog.encrypt_button.isEnabled()

        QTest.keyClicks(dialog.first, "Tver-2026 pass")
        QTest.keyClicks(dialog.again, "Tver-2026 pas")
        assert not dialog.encrypt_button.isEnabled()
        assert dialog.differ.isVisible()
        QTest.keyClicks(dialog.again, "s")
        assert dialog.encrypt_button.isEnabled() and not dialog.differ.isVisible()
        click(dialog.encrypt_button)

        _encrypted_in_the_status_bar(qtbot, window, wait_idle)
    finally:
        keyring.set_keyring(previous)
    assert _plain_files(plain_store.parent) == []
    connection = sqlcipher.connect(str(plain_store))  # the administrator's sqlcipher
    try:
        connection.execute("PRAGMA key = 'Tver-2026 pass'")
        assert connection.execute("SELECT surname FROM contacts").fetchall() == [(SURNAME,)]
    finally:
        connection.close()


def test_a_damaged_copy_left_plain_is_named_and_deleted_when_asked(
    qtbot: QtBot,
    plain_store: Path,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    wait_idle: WaitIdle,
) -> None:
    broken = plain_store.with_name("broken.sqlite")
    shutil.copyfile(plain_store, broken)
    garble(broken, 4096, 8192)
    damaged = move_aside(broken).rename(
        plain_store.with_name("kamdesk.damaged-20260301-101500.sqlite")
    )
    window = _window(qtbot, plain_store, tasks, preferences, switcher, wait_idle)

    click(_encrypt_from_the_menu(qtbot, window).encrypt_button)

    _encrypted_in_the_status_bar(qtbot, window, wait_idle)
    box = window.encryption.plain_left
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert isinstance(box, QMessageBox) and str(damaged) in box.informativeText()
    assert _plain_files(plain_store.parent) == [damaged.name]
    answer(box, "Delete these copies")
    assert not damaged.exists()
    assert _plain_files(plain_store.parent) == []


def test_an_encrypted_store_offers_no_encryption(
    qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle
) -> None:
    wait_idle(window.tasks)
    assert window.encryption.encrypted is True
    assert window.encryption.label.text() == "Encrypted"
    assert not window.encryption.action.isVisible()
    texts = [a.text().replace("&", "") for a in window.file_menu.actions() if a.isVisible()]
    assert "Encrypt database…" not in texts
