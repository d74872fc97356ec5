"""«When was it held?» — asked before a visit planned for later is marked held.

A click on tomorrow's visit must not quietly rewrite the diary: the dialog shows the
planned time, proposes now, and the service refuses a time in the future (the
message appears in the dialog, which stays open).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import DEFAULT_TIME_ZONE, VisitError, VisitRow, mark_done
from kamdesk.services.workspace import Workspace
from kamdesk.ui.visits.common import format_moment, from_qdatetime, messages_text, to_qdatetime

ERROR_STYLE = "color: #b3261e;"


class HeldTimeDialog(QDialog):
    held = Signal(object)  # the visit id, once it is stored as held

    def __init__(
        self,
        workspace: Workspace,
        row: VisitRow,
        parent: QWidget | None = None,
        tz: str = DEFAULT_TIME_ZONE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("heldTimeDialog")
        self._store = workspace.store
        self._tz = tz
        self.row = row
        self.setWindowTitle(self.tr("Mark the visit held"))
        self.setMinimumWidth(460)
        self.question = QLabel(
            self.tr("The visit to %1 is planned for %2, which has not come yet. When was it held?")
            .replace("%1", row.account_name)
            .replace("%2", format_moment(row.starts_at, tz))
        )
        self.question.setWordWrap(True)
        self.held_at = QDateTimeEdit(to_qdatetime(datetime.now().astimezone(), tz))
        self.held_at.setObjectName("heldAt")
        self.held_at.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.held_at.setCalendarPopup(True)
        self.error = QLabel()
        self.error.setObjectName("heldError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Mark held"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Held at"), self.held_at)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.held_at.setFocus()

    def chosen_time(self) -> datetime:
        return from_qdatetime(self.held_at.dateTime(), self._tz)

    def accept(self) -> None:
        """Store the visit as held at the chosen time; on refusal say why and stay open."""
        try:
            mark_done(self._store, self.row.id, self.chosen_time())
        except VisitError as error:
            self.error.setText(messages_text(error.messages))
            self.error.show()
            self.adjustSize()  # room for the message without squeezing the question
            return
        self.held.emit(self.row.id)
        super().accept()
