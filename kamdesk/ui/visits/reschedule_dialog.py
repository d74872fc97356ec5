"""«Reschedule»: which visit moves, and to when.

A bare date field with OK/Cancel left the KAM guessing which visit was being moved and
whether its time and length went along. The dialog names the visit (client, date and
time), asks for the new date and time, and says the duration stays as planned.

A new time already past is refused here, before anything is written: «Reschedule» is
off, and a line under the field (and the button's tooltip) says why, as the plan
dialog says its problems under the field. Time goes on while the dialog is open, so
«Reschedule» checks again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import DEFAULT_TIME_ZONE, VisitRow
from kamdesk.ui.visits.common import from_qdatetime, local, to_qdatetime

ERROR_STYLE = "color: #b3261e;"  # as the plan dialog's problems


def _heading(row: VisitRow, when: str) -> str:
    # Literal translate() calls: pyside6-lupdate extracts only those.
    if row.is_call:
        text = QCoreApplication.translate("RescheduleDialog", "Reschedule the call: %1, %2")
    else:
        text = QCoreApplication.translate("RescheduleDialog", "Reschedule the visit: %1, %2")
    return text.replace("%1", row.account_name).replace("%2", when)


class RescheduleDialog(QDialog):
    """The new start of `row`; `new_start()` once accepted."""

    def __init__(
        self, row: VisitRow, tz: str = DEFAULT_TIME_ZONE, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rescheduleDialog")
        self.setMinimumWidth(480)  # the client's long name on two lines, not four
        self._tz = tz
        if row.is_call:
            self.setWindowTitle(self.tr("Reschedule the call"))
        else:
            self.setWindowTitle(self.tr("Reschedule the visit"))
        self.heading = QLabel(_heading(row, local(row.starts_at, tz).strftime("%d.%m.%Y %H:%M")))
        self.heading.setObjectName("rescheduleHeading")
        self.heading.setWordWrap(True)
        self.start = QDateTimeEdit(to_qdatetime(row.starts_at, tz))
        self.start.setObjectName("rescheduleStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.duration = QLabel(self.tr("%1 min, as planned").replace("%1", str(row.duration_min)))
        self.duration.setObjectName("rescheduleDuration")
        self.error = QLabel()
        self.error.setObjectName("rescheduleError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        start_box = QWidget()
        start_layout = QVBoxLayout(start_box)
        start_layout.setContentsMargins(0, 0, 0, 0)
        start_layout.setSpacing(2)
        start_layout.addWidget(self.start)
        start_layout.addWidget(self.error)
        form = QFormLayout()
        form.addRow(self.tr("New date and time"), start_box)
        form.addRow(self.tr("Duration"), self.duration)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reschedule"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.start.dateTimeChanged.connect(lambda _value: self._check())
        self._check()  # a visit still planned for a time gone by opens refused
        self.start.setFocus()

    def new_start(self) -> datetime:
        return from_qdatetime(self.start.dateTime(), self._tz)

    def problem(self) -> str:
        """Why the new start cannot be taken; "" when it can."""
        now = datetime.now(UTC).replace(second=0, microsecond=0)  # the field has minutes
        if self.new_start() < now:
            return self.tr("This time has already passed: choose a date and time still ahead.")
        return ""

    def _check(self) -> bool:
        """«Reschedule» on only for a time still ahead; under the field, why not."""
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.ok.setEnabled(not problem)
        self.ok.setToolTip(problem)
        return not problem

    def accept(self) -> None:
        if self._check():  # the time may have passed while the dialog was open
            super().accept()
