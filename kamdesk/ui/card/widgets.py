"""Small widgets of the card: a notes editor that keeps text exactly, error labels."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

PARAGRAPH = "\u2029"  # how QTextDocument holds a line break


class NotesEdit(QPlainTextEdit):
    """Plain text kept exactly: non-breaking spaces, tabs, «ёлочки» and Windows line ends.

    QPlainTextEdit.toPlainText() turns non-breaking spaces into spaces and every
    line end into "\\n"; text pasted from Word has "\\r\\n". The raw document
    text keeps the spaces, and the editor remembers whether the text it was
    given (stored or pasted) used "\\r\\n", so it hands the same line ends back.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.crlf = False

    def setPlainText(self, text: str) -> None:
        self.crlf = "\r\n" in text
        super().setPlainText(text)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and "\r\n" in source.text():
            self.crlf = True
        super().insertFromMimeData(source)

    def insertPlainText(self, text: str) -> None:
        if "\r\n" in text:
            self.crlf = True
        super().insertPlainText(text)

    def plain_text(self) -> str:
        text = self.document().toRawText().replace(PARAGRAPH, "\n")
        return text.replace("\n", "\r\n") if self.crlf else text


def error_label(parent: QWidget | None = None) -> QLabel:
    """Where a field says what is wrong with what was typed (hidden while all is well)."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    label.hide()
    return label


def muted(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("mutedNote")
    label.setWordWrap(True)
    return label
