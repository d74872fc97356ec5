"""Small widgets of the card: a notes editor that keeps text exactly, error labels,
a date field with a calendar beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QMimeData, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from kamdesk.services.card import CardError, parse_date
from kamdesk.ui.sections import drawn_icon

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


class DateField(QWidget):
    """A date typed as дд.мм.гггг, or picked from the calendar button beside it.

    The text field is what the card binds; a picked date is written into it as
    text and committed like a typed one (the field is told it lost focus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setMaximumWidth(130)
        self.button = QToolButton(self)
        self.button.setObjectName("calendarButton")
        # A drawn icon: the 📅 emoji needs an emoji font many laptops lack (an empty box).
        self.button.setIcon(drawn_icon("calendar"))
        self.button.setToolTip(self.tr("Pick a date on the calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.line)
        row.addWidget(self.button)
        row.addStretch(1)

    def show_calendar(self) -> QCalendarWidget:
        """Pop the calendar up under the field, on the date typed (or today)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("datePopup")
            self.calendar.setGridVisible(True)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.clicked.connect(self.pick)
            self.calendar.activated.connect(self.pick)
        typed = _typed_date(self.line.text())
        shown = QDate(typed.year, typed.month, typed.day) if typed else QDate.currentDate()
        self.calendar.setSelectedDate(shown)
        self.calendar.move(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        self.calendar.show()
        return self.calendar

    def pick(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.line.setText(day.toString("dd.MM.yyyy"))
        # Committed at once, as when the KAM types a date and leaves the field.
        QApplication.sendEvent(self.line, QFocusEvent(QEvent.Type.FocusOut))

    def text(self) -> str:
        return self.line.text()


def _typed_date(text: str) -> date | None:
    try:
        return parse_date(text) if text.strip() else None
    except CardError:
        return None
