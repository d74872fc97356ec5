"""The Visits page's Undo: status changes made here, newest last, and how to name them.

The page records each status change it makes (held, report completed, cancelled,
rescheduled), and whether it was a call's, which is then named a call; Undo takes
back the newest through the service, which refuses once the report is submitted or
when the visit changed since. The context menu offers the same for any visit,
whoever changed it.

A record is dropped as soon as it cannot be taken back: whenever the rows shown
have the visit in another status than the record gave it (its report submitted
here, or completed, submitted or undone elsewhere), so Undo never offers what
the service would refuse.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.visits import VisitRow, VisitStatus

CONTEXT = "VisitUndo"

UNDO_TEXT: dict[VisitStatus, str] = {
    VisitStatus.DONE: QT_TRANSLATE_NOOP("VisitUndo", "Undo «Held»"),
    VisitStatus.REPORTED: QT_TRANSLATE_NOOP("VisitUndo", "Undo «Report completed»"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("VisitUndo", "Undo the cancellation"),
    VisitStatus.RESCHEDULED: QT_TRANSLATE_NOOP("VisitUndo", "Undo the rescheduling"),
}
# A call's own words where the visit's would name it a visit («Вернуть отменённый
# визит»); the others say no more than the status, which fits a call as well.
CALL_UNDO_TEXT: dict[VisitStatus, str] = {
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("VisitUndo", "Undo the call's cancellation"),
}


def undo_text(status: VisitStatus, is_call: bool = False) -> str:
    """What undoing the change that led to `status` is called in menus and tooltips."""
    text = CALL_UNDO_TEXT.get(status) if is_call else None
    return QCoreApplication.translate(CONTEXT, text or UNDO_TEXT[status])


@dataclass(frozen=True)
class StatusChange:
    visit_id: uuid.UUID
    account_name: str
    status: VisitStatus  # the status the change gave the visit
    is_call: bool = False  # a call: Undo and its message speak of the call


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

    def settle(self, rows: Iterable[VisitRow]) -> None:
        """Match the records to the visits' current statuses: a visit's newest record
        must be the change that gave it its status, so records newer than that match
        are dropped (the visit was submitted, reported or undone elsewhere); a visit
        not among `rows` (another period) keeps its records."""
        status = {row.id: row.status for row in rows}
        kept: list[StatusChange] = []
        settled: set[uuid.UUID] = set()  # visits whose newest record matches
        for change in reversed(self._changes):
            visit = change.visit_id
            if visit in status and visit not in settled and change.status != status[visit]:
                continue
            settled.add(visit)
            kept.append(change)
        kept.reverse()
        self._replace(kept)

    def _replace(self, kept: list[StatusChange]) -> None:
        if len(kept) != len(self._changes):  # only ever fewer: nothing is added here
            self._changes = kept
            self.changed.emit()

    def __len__(self) -> int:
        return len(self._changes)
