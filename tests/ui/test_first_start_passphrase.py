"""First start where no keyring works and no KAMDESK_PASSPHRASE is set (issue 11): the
window says why a passphrase is needed and has it chosen twice for the new store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit
from sqlcipher3 import dbapi2 as sqlcipher

from kamdesk.store import crypto
from kamdesk.ui.store_dialogs import DialogPrompts
from kamdesk.ui.store_opening import StartChoice, open_interactively

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _no_key_anywhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    crypto.reset_keys()
    yield
    crypto.reset_keys()
    keyring.set_keyring(previous)


class ChoosingPrompts(DialogPrompts):
    """An empty store on first start; the passphrase dialog typed into and clicked."""

    def __init__(self, first: str, again: str) -> None:
        super().__init__(None, at_startup=True)
        self.typed = (first, again)
        self.seen: list[str] = []
        self.ok_before_matching: list[bool] = []

    def first_start(self, path: Path, explicit: bool, demo_available: bool) -> StartChoice:
        return StartChoice.EMPTY

    def _ask_passphrase(self, dialog: QDialog) -> str | None:
        dialog.show()
        self.seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        self.seen.append(dialog.windowTitle())
        first = dialog.findChild(QLineEdit, "passphrase")
        again = dialog.findChild(QLineEdit, "passphraseAgain")
        buttons = dialog.findChild(QDialogButtonBox)
        assert first is not None and again is not None and buttons is not None
        assert again.isVisible() and again.echoMode() == QLineEdit.EchoMode.Password
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTest.keyClicks(first, self.typed[0])
        QTest.keyClicks(again, self.typed[1][:-1])
        self.ok_before_matching.append(ok.isEnabled())
        QTest.keyClicks(again, self.typed[1][-1])
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return first.text() if accepted else None


def test_a_new_store_without_a_keyring_has_its_passphrase_chosen_twice(
    tmp_path: Path, qapp: QApplication
) -> None:
    path = tmp_path / "kamdesk.sqlite"
    prompts = ChoosingPrompts("Tver-2026 pass", "Tver-2026 pass")

    opened = open_interactively(path, prompts)

    assert opened is not None
    opened.workspace.close()
    said, title = prompts.seen
    assert title == "Choose a passphrase"
    assert "no system keyring" in said and "type it twice" in said and "write it down" in said
    assert "is encrypted" not in said  # the old text said so of a file not made yet
    assert prompts.ok_before_matching == [False]
    connection = sqlcipher.connect(str(path))  # the administrator's sqlcipher opens it
    try:
        connection.execute("PRAGMA key = 'Tver-2026 pass'")
        assert connection.execute("SELECT count(*) FROM accounts").fetchone() == (0,)
    finally:
        connection.close()
