"""A start field that keeps what the KAM types: «08.12.2026 14:30» stays 08.12.2026 14:30.

A QDateTimeEdit rewrote typing behind the KAM's back: Ctrl+A and «08.12.2026 14:30»
became 07.12.2026 14:30 (the first digit over a selected text was refused), «31.02.2026
25:70» became 07.02.2026 02:07, and a click on the day left the cursor between its
digits, so «15» typed there changed nothing. This field is a line of text: what is
typed is what is shown and kept. A click selects the part under it (day, month, year,
hour, minutes), so «15» typed there replaces it; ↑/↓ step that part; the calendar
button beside it picks a day and keeps the time. A date or time that does not exist
is never corrected: `problem()` says so, and the dialog shows it under the field and
refuses to save. `dateTime()` is the last moment the text did mean.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QMessageBox, QWidget

from kamdesk.ui.sections import drawn_icon
from kamdesk.ui.visits.common import from_qdatetime

FORMAT = "dd.MM.yyyy HH:mm"
# 08.12.2026 14:30; also 8.12.2026 9:05, 08/12/2026 14.30 and 08122026 1430.
PATTERN = re.compile(r"^\s*(\d{1,2})[.,/-]?(\d{1,2})[.,/-]?(\d{4})[\s,]+(\d{1,2})[:.]?(\d{2})\s*$")
# The parts of «dd.MM.yyyy HH:mm» by their first and last character.
PARTS = ((0, 2), (3, 5), (6, 10), (11, 13), (14, 16))


def parse(text: str) -> QDateTime | None:
    """The moment typed, or None when the text is not one (or not a real one)."""
    match = PATTERN.match(text)
    if match is None:
        return None
    day, month, year, hour, minute = (int(part) for part in match.groups())
    day_ok = QDate.isValid(year, month, day)
    if not day_ok or not QTime.isValid(hour, minute, 0):
        return None
    return QDateTime(QDate(year, month, day), QTime(hour, minute))


class DateTimeField(QLineEdit):
    dateTimeChanged = Signal(QDateTime)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateTimeField")
        self.setPlaceholderText(self.tr("dd.mm.yyyy hh:mm"))
        self.setMaxLength(24)
        self._value = QDateTime(QDate.currentDate(), QTime(9, 0))
        self.setText(self._value.toString(FORMAT))
        self.calendar: QCalendarWidget | None = None
        self.calendar_action = self.addAction(
            drawn_icon("calendar"), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Pick a date on the calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.textChanged.connect(self._typed)
        width = self.fontMetrics().horizontalAdvance("00.00.0000 00:00") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)

    # The value ----------------------------------------------------------------------------

    def dateTime(self) -> QDateTime:
        return QDateTime(self._value)

    def date(self) -> QDate:
        return self._value.date()

    def setDateTime(self, value: QDateTime) -> None:
        self.setText(value.toString(FORMAT))

    def is_valid(self) -> bool:
        return parse(self.text()) is not None

    def problem(self) -> str:
        """Why the text is not a moment ("" when it is one)."""
        if self.is_valid():
            return ""
        return self.tr("There is no such date or time: «%1». Type it as 08.12.2026 14:30.").replace(
            "%1", self.text().strip()
        )

    def _typed(self, text: str) -> None:
        value = parse(text)
        if value is not None and value != self._value:
            self._value = value
            self.dateTimeChanged.emit(QDateTime(value))

    # Typing -------------------------------------------------------------------------------

    def _part_at(self, position: int) -> tuple[int, int] | None:
        if parse(self.text()) is None or self.text() != self._value.toString(FORMAT):
            return None  # typed otherwise («8.12.2026 9:05»): the cursor stays where clicked
        for start, end in PARTS:
            if start <= position <= end:
                return start, end
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.hasSelectedText():
            part = self._part_at(self.cursorPosition())
            if part is not None:  # the day, month… clicked is the one typed over
                self.setSelection(part[0], part[1] - part[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.is_valid():
            self._step(1 if event.key() == Qt.Key.Key_Up else -1)
            event.accept()
            return
        super().keyPressEvent(event)

    def _step(self, by: int) -> None:
        position = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
        part = self._part_at(position) or PARTS[0]
        value = self._value
        index = PARTS.index(part)
        value = (
            value.addDays(by),
            value.addMonths(by),
            value.addYears(by),
            value.addSecs(3600 * by),
            value.addSecs(60 * by),
        )[index]
        self.setDateTime(value)
        self.setSelection(part[0], part[1] - part[0])

    # The calendar -------------------------------------------------------------------------

    def show_calendar(self) -> QCalendarWidget:
        """Pop the calendar up under the field on the day shown; a day picked keeps the time."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("dateTimePopup")
            self.calendar.setGridVisible(True)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.clicked.connect(self.pick)
            self.calendar.activated.connect(self.pick)
        self.calendar.setSelectedDate(self._value.date())
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        return self.calendar

    def pick(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setDateTime(QDateTime(day, self._value.time()))
        self.setFocus()


def start_problem(field: DateTimeField, tz: str, kept: datetime | None = None) -> str:
    """Why the plan cannot start at what `field` says ("" when it can): a moment that
    does not exist, or one already past (said as «Reschedule» says it; the plan then
    asks, `agree_to_past_start`). `kept` is the start the plan had: an old visit's plan
    edited keeps its time without a question."""
    problem = field.problem()
    if problem:
        return problem
    start = from_qdatetime(field.dateTime(), tz)
    now = datetime.now(UTC).replace(second=0, microsecond=0)  # the field has minutes
    if start < now and start != kept:
        return QCoreApplication.translate(
            "RescheduleDialog", "This time has already passed: choose a date and time still ahead."
        )
    return ""


def show_start_problem(
    error: QLabel, field: DateTimeField, tz: str, kept: datetime | None, clear_only: bool = False
) -> bool:
    """Say under the field why its start cannot be taken; True when it can. With
    `clear_only` (while typing) a problem is not shown yet, but one fixed goes at once."""
    problem = start_problem(field, tz, kept)
    if problem and clear_only:
        return False
    error.setText(problem)
    error.setVisible(bool(problem))
    return not problem


def agree_to_past_start(parent: QWidget, field: DateTimeField) -> bool:
    """A start already past, as a call made an hour ago is recorded: asked, never assumed
    (No is the default, and then nothing is saved)."""
    if not field.is_valid():
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("DateTimeField", "The start has passed"),
        QCoreApplication.translate(
            "DateTimeField",
            "%1 has already passed. Save it at this time anyway (e.g. to record a call "
            "already made)?",
        ).replace("%1", field.text().strip()),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
