"""Pieces of the report form: tick lists (plan versus actual) and the next-step rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import NextStep
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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.due)
        layout.addWidget(self.remove)

    def value(self) -> NextStep:
        return replace(self.step, title=self.title.text(), due_on=from_qdate(self.due.date()))


class NextStepsEditor(QWidget):
    """Next steps with due dates, one row each; every step becomes a follow-up task."""

    changed = Signal()

    def __init__(self, default_due: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default_due = default_due
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

    def add_step(self, step: NextStep | None = None) -> NextStepRow:
        row = NextStepRow(step or NextStep("", self._default_due), self)
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
