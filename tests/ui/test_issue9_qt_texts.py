"""Issue 9, one language at a time: Qt's own dialogs (the file dialog KAMdesk uses,
a question box) show no English in the Russian window."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from kamdesk.ui.file_dialogs import make_file_dialog
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def english_texts(widget: QWidget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton)]
    # File patterns («PDF (*.pdf)») and paths are not words of the interface.
    return [t for t in texts if ENGLISH_WORD.search(t.replace("&", "")) and "/" not in t]


def test_the_file_dialog_speaks_russian(switcher: LanguageSwitcher, qtbot: object) -> None:
    switcher.apply(Language.RUSSIAN)
    dialog = make_file_dialog(None, "Сохранить памятку", "", "")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    try:
        assert english_texts(dialog) == []
    finally:
        dialog.deleteLater()


def test_question_boxes_speak_russian(switcher: LanguageSwitcher) -> None:
    """Qt's catalogue (qtbase_ru.qm) is installed with ours and follows the language."""
    switcher.apply(Language.RUSSIAN)
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "", "", buttons.Yes | buttons.No | buttons.Cancel)
    try:
        assert sorted(b.text() for b in box.buttons()) == ["&Да", "&Нет", "Отмена"]
        switcher.apply(Language.ENGLISH)
        english = QMessageBox(QMessageBox.Icon.Question, "", "", buttons.Yes | buttons.No)
        assert sorted(b.text() for b in english.buttons()) == ["&No", "&Yes"]
        english.deleteLater()
    finally:
        box.deleteLater()
