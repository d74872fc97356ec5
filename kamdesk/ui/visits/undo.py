"""The Visits page's Undo: status changes made here, newest last, and how to name them.

The page records each status change it makes (held, report completed, cancelled,
rescheduled); Undo takes back the newest through the service, which refuses once the
report is submitted or when the visit changed since. The context menu offers the
same for any visit, whoever changed it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.visits import VisitStatus

CONTEXT = "VisitUndo"

UNDO_TEXT: dict[VisitStatus, str] = {
    VisitStatus.DONE: QT_TRANSLATE_NOOP("VisitUndo", "Undo «Held»"),
    VisitStatus.REPORTED: QT_TRANSLATE_NOOP("VisitUndo", "Undo «Report completed»"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("VisitUndo", "Undo the cancellation"),
    VisitStatus.RESCHEDULED: QT_TRANSLATE_NOOP("VisitUndo", "Undo the rescheduling"),
}


def undo_text(status: VisitStatus) -> str:
    """What undoing the change that led to `status` is called in menus and tooltips."""
    return QCoreApplication.translate(CONTEXT, UNDO_TEXT[status])


@dataclass(frozen=True)
class StatusChange:
    visit_id: uuid.UUID
    account_name: str
    status: VisitStatus  # the status the change gave the visit


class StatusHistory(QObject):
    """Status changes made on this page, newest last (not kept across restarts)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._changes: list[StatusChange] = []

    def record(self, change: StatusChange) -> None:
        if change.status in UNDO_TEXT:
            self._changes.append(change)
            self.changed.emit()

    def last(self) -> StatusChange | None:
        return self._changes[-1] if self._changes else None

    def forget(self, visit_id: uuid.UUID, status: VisitStatus) -> None:
        """Drop the newest record of this change (it was undone, or cannot be any more)."""
        for index in range(len(self._changes) - 1, -1, -1):
            change = self._changes[index]
            if change.visit_id == visit_id and change.status == status:
                del self._changes[index]
                self.changed.emit()
                return

    def __len__(self) -> int:
        return len(self._changes)
