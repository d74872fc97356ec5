""" "N of M accounts" under the client list, counted without blocking typing.

Most of the time no count query is needed: when the first page already holds
every match, its length is the count. Otherwise `AccountDirectory.count()`
runs in the background in a latest-wins lane once typing pauses (a one- or
two-letter word is counted by scanning 100 000 rows, and that scan would
otherwise compete with the next keystroke's page query); the label says
"counting" meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from kamdesk.services.accounts import AccountDirectory, AccountFilter
from kamdesk.ui.tasks import TaskRunner

COUNT_AFTER_MS = 150  # typing pause before a count query starts


class AccountCounter(QObject):
    changed = Signal()

    def __init__(
        self, directory: AccountDirectory, tasks: TaskRunner, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._directory = directory
        self._tasks = tasks
        self.matching: int | None = None  # None while counting
        self.total: int | None = None
        self._lane = f"account-count-{id(self)}"
        self._pending: AccountFilter | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_AFTER_MS)
        self._timer.timeout.connect(self._count_pending)

    def refresh_total(self) -> None:
        self._tasks.run(
            lambda _progress: self._directory.count_all(),
            self._total_arrived,
            key=f"{self._lane}-total",
            owner=self,
        )

    def update(self, account_filter: AccountFilter, loaded_rows: int, complete: bool) -> None:
        """Called when the first page of a query is in the model."""
        self._timer.stop()
        known = loaded_rows if complete else None
        if known is None and account_filter == AccountFilter():
            known = self.total  # no filter: every account matches
        if known is not None:
            self._tasks.run(lambda _progress: None, key=self._lane)  # drop a count in flight
            self.matching = known
            self.changed.emit()
            return
        self.matching = None
        self.changed.emit()
        self._pending = account_filter
        self._timer.start()

    def _count_pending(self) -> None:
        account_filter = self._pending
        if account_filter is None:
            return
        self._pending = None
        self._tasks.run(
            lambda _progress: self._directory.count(account_filter),
            self._matching_arrived,
            key=self._lane,
            owner=self,
        )

    def _matching_arrived(self, count: int) -> None:
        self.matching = count
        self.changed.emit()

    def _total_arrived(self, count: int) -> None:
        self.total = count
        if self.matching is None and self._pending == AccountFilter():
            self._timer.stop()  # the list is unfiltered: the total is the count
            self._pending = None
            self.matching = count
        self.changed.emit()
