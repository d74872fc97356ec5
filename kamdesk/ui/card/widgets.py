"""Small widgets of the card: a notes editor that keeps text exactly and grows with it,
error labels, a date field with a calendar beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QMimeData, QSize, Qt
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from kamdesk.services.card import CardError, parse_date
from kamdesk.ui.sections import drawn_icon

PARAGRAPH = "\u2029"  # how QTextDocument holds a line break
MIN_LINES = 3  # an empty box still looks like a place for a few sentences
MAX_LINES = 10  # beyond this the box scrolls inside, as a long text must


class NotesEdit(QPlainTextEdit):
    """Plain text kept exactly: non-breaking spaces, tabs, «ёлочки» and Windows line ends.

    QPlainTextEdit.toPlainText() turns non-breaking spaces into spaces and every
    line end into "\\n"; text pasted from Word has "\\r\\n". The raw document
    text keeps the spaces, and the editor remembers whether the text it was
    given (stored or pasted) used "\\r\\n", so it hands the same line ends back.

    The box is as tall as its text, between `min_lines` and `max_lines` lines: a
    page of notes boxes (the dossier) stays short for short notes and has no
    scroll bars inside its own scroll bar; only a text longer than `max_lines`
    scrolls in its box.
    """

    def __init__(
        self, parent: QWidget | None = None, min_lines: int = MIN_LINES,
        max_lines: int = MAX_LINES,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.crlf = False
        self.min_lines, self.max_lines = min_lines, max(min_lines, max_lines)
        self._height = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def lines_shown(self) -> int:
        """How many lines of text the box is tall enough for now."""
        return round((self._height - self._frame_height()) / self.fontMetrics().lineSpacing())

    def _frame_height(self) -> int:
        margins = self.contentsMargins()
        document = round(2 * self.document().documentMargin())
        # 1 more: Qt scrolls the last line out unless it fits with a pixel to spare.
        return margins.top() + margins.bottom() + document + 1

    def _text_lines(self, limit: int) -> int:
        """The wrapped text's lines at the box's width, counted up to `limit` only."""
        lines = 0
        block = self.document().begin()
        while block.isValid() and lines <= limit:
            self.blockBoundingRect(block)  # lays the block out at the width it has now
            layout = block.layout()
            lines += max(layout.lineCount() if layout is not None else 1, 1)
            block = block.next()
        return lines

    def _fit(self) -> None:
        lines = self._text_lines(self.max_lines)
        scrolls = lines > self.max_lines
        # A scroll bar only for a text taller than the box can be: a bar in a box that
        # fits its text scrolled the last line away under the KAM's cursor.
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        shown = min(max(lines, self.min_lines), self.max_lines)
        height = shown * self.fontMetrics().lineSpacing() + self._frame_height()
        if height != self._height:
            self._height = height
            self.updateGeometry()
        if not scrolls:
            self.verticalScrollBar().setValue(0)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the text wraps anew
            self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a line is taller or shorter now
            self._fit()

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
