"""An encrypted store the keyring cannot open: the window asks for its passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit

from kamdesk.services.workspace import open_workspace
from kamdesk.store import crypto
from kamdesk.ui.store_dialogs import DialogPrompts
from kamdesk.ui.store_opening import open_interactively

PASSPHRASE = "kamdesk-tests"  # tests/conftest.py

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _fresh_keys() -> Iterator[None]:
    crypto.reset_keys()
    yield
    crypto.reset_keys()


class TypingPrompts(DialogPrompts):
    """The real passphrase dialog, typed into and clicked; message boxes are answered
    by the button text given."""

    def __init__(self, *typed: str, answers: tuple[str, ...] = ()) -> None:
        super().__init__(None, at_startup=True)
        self.typed = list(typed)
        self.answers = list(answers)
        self.reasons: list[str] = []
        self.boxes: list[str] = []

    def _ask_passphrase(self, dialog: QDialog) -> str | None:
        dialog.show()
        self.reasons.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        field = dialog.findChild(QLineEdit, "passphrase")
        buttons = dialog.findChild(QDialogButtonBox)
        assert field is not None and buttons is not None and field.isVisible()
        assert field.echoMode() == QLineEdit.EchoMode.Password
        wanted = self.typed.pop(0)
        if wanted:
            QTest.keyClicks(field, wanted)
            button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        else:
            button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        text = field.text()
        dialog.deleteLater()
        return text if accepted else None

    def _ask(self, box):  # type: ignore[no-untyped-def]
        self.boxes.append(box.text())
        wanted = self.answers.pop(0)
        button = next(b for b in box.buttons() if b.text() == wanted)
        box.deleteLater()
        return button


def _encrypted_store(tmp_path: Path) -> Path:
    path = tmp_path / "kamdesk.sqlite"
    open_workspace(path).close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    return path


def test_a_wrong_passphrase_is_asked_again_and_the_right_one_opens_the_store(
    tmp_path: Path, qapp: QApplication
) -> None:
    path = _encrypted_store(tmp_path)
    before = path.read_bytes()
    crypto.use_passphrase("не тот")  # what the keyring or the environment gave
    prompts = TypingPrompts("wrong-again", PASSPHRASE)

    opened = open_interactively(path, prompts)

    try:
        assert opened is not None
        assert len(prompts.reasons) == 2
        assert "This passphrase does not open the database" in prompts.reasons[0]
        assert "KAMDESK_PASSPHRASE" not in " ".join(prompts.reasons)  # words for scripts, not KAMs
        assert str(path) in prompts.reasons[0]
    finally:
        if opened is not None:
            opened.workspace.close()
    assert path.exists() and len(path.read_bytes()) >= len(before)


def test_cancelling_the_passphrase_never_touches_the_file(
    tmp_path: Path, qapp: QApplication
) -> None:
    path = _encrypted_store(tmp_path)
    before = path.read_bytes()
    crypto.use_passphrase("не тот")
    prompts = TypingPrompts("", answers=("Quit",))

    assert open_interactively(path, prompts) is None

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kamdesk.sqlite"]
