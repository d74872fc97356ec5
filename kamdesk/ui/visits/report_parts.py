"""Pieces of the report form: tick lists (plan versus actual) and the next-step rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import DEFAULT_TIME_ZONE, NextStep, due_before_visit, local_day
from kamdesk.ui.formatting import format_date
from kamdesk.ui.visits.common import from_qdate, to_qdate

PAYLOAD = Qt.ItemDataRole.UserRole + 1


class TickList(QListWidget):
    """Checkable lines; Space toggles the current one (Qt's item delegate does that)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(120)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def add_tick(self, text: str, checked: bool, payload: Any, tooltip: str = "") -> None:
        item = QListWidgetItem(text)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(PAYLOAD, payload)
        if tooltip:
            item.setToolTip(tooltip)
        self.addItem(item)
        if self.currentRow() < 0:
            self.setCurrentRow(0)

    def ticks(self) -> list[tuple[Any, bool]]:
        """Each line's payload with whether it is ticked, in order."""
        return [
            (self.item(row).data(PAYLOAD), self.item(row).checkState() == Qt.CheckState.Checked)
            for row in range(self.count())
        ]


class NextStepRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, step: NextStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.title = QLineEdit(step.title)
        self.title.setPlaceholderText(self.tr("What, who"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd.MM.yyyy")
        self.due.setDate(to_qdate(step.due_on or date.today() + timedelta(days=7)))
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this step"))
        self.remove.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keep Tab on the fields
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.title.textChanged.connect(lambda _: self.changed.emit())
        self.due.dateChanged.connect(lambda _: self.changed.emit())
        # Under the row: a date before the visit (the final report refuses it; a draft
        # keeps it), said while the KAM can still see which step it is.
        self.note = QLabel()
        self.note.setObjectName("nextStepNote")
        self.note.setStyleSheet("color: #b3261e;")
        self.note.setWordWrap(True)
        self.note.hide()
        self._visit_start: datetime | None = None
        self._tz = DEFAULT_TIME_ZONE
        self.due.dateChanged.connect(lambda _: self.check_due())
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.title, 1)
        line.addWidget(self.due)
        line.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.note)

    def value(self) -> NextStep:
        return replace(self.step, title=self.title.text(), due_on=from_qdate(self.due.date()))

    def set_visit_start(self, start: datetime | None, tz: str) -> None:
        self._visit_start, self._tz = start, tz
        self.check_due()

    def check_due(self) -> None:
        """Say under the step when it is due before its visit; the note goes once not."""
        due = from_qdate(self.due.date())
        early = due_before_visit(due, self._visit_start, self._tz)
        if early and self._visit_start is not None:
            self.note.setText(
                self.tr(
                    "Due before the visit: %1, and the visit was on %2. The report is "
                    "saved as final only with a date from the visit on."
                )
                .replace("%1", format_date(due))
                .replace("%2", format_date(local_day(self._visit_start, self._tz)))
            )
        self.note.setVisible(early)


class NextStepsEditor(QWidget):
    """Next steps with due dates, one row each; every step becomes a follow-up task."""

    changed = Signal()

    def __init__(self, default_due: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_due = default_due
        self._visit_start: datetime | None = None
        self._tz = DEFAULT_TIME_ZONE
        self.rows: list[NextStepRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("&Add a next step"))
        self.add_button.setAutoDefault(False)  # Enter in the form must not add rows
        self.add_button.clicked.connect(lambda: self.add_step().title.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_visit_start(self, start: datetime | None, tz: str) -> None:
        """When the visit began (the report's actual start): a step due before it is said."""
        self._visit_start, self._tz = start, tz
        for row in self.rows:
            row.set_visit_start(start, tz)

    def add_step(self, step: NextStep | None = None) -> NextStepRow:
        row = NextStepRow(step or NextStep("", self._default_due), self)
        row.set_visit_start(self._visit_start, self._tz)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self._rows_layout.addWidget(row)
        self.rows.append(row)
        self.changed.emit()
        return row

    def _remove(self, row: NextStepRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self.changed.emit()

    def steps(self) -> list[NextStep]:
        return [row.value() for row in self.rows]

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        for row in self.rows:
            row.setEnabled(not read_only)
