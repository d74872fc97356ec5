"""A date field that takes typing: select all (Ctrl+A) and type «30.11.2026», «1.12.2026»
or «01122026»; the calendar pops up as well.

A plain QDateEdit refuses the first digit typed over a selected text (the whole text
would no longer be a date) and then treats the separator typed after a full day as a
jump past the month: «30.11.2026» became 01.11.2026."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

DISPLAY_FORMAT = "dd.MM.yyyy"
SEPARATORS = frozenset(".,/- ")


class DateField(QDateEdit):
    def __init__(self, value: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if value is not None:
            self.setDate(value)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self._advanced = False  # the last digit filled a section and moved to the next

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in SEPARATORS and self._advanced:
            self._advanced = False  # Qt moved on already: the separator is the same step
            event.accept()
            return
        line = self.lineEdit()
        if text.isdigit() and line.hasSelectedText() and line.selectedText() == line.text():
            # Typing over the whole date starts again at the day; January takes any day.
            self.setDate(QDate(self.date().year(), 1, 1))
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
        before = self.currentSection()
        super().keyPressEvent(event)
        self._advanced = text.isdigit() and self.currentSection() != before
