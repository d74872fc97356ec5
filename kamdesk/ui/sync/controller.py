"""Background sync with the office: on start, every five minutes and on demand.

One `SyncController` per window. It runs the backend's `sync` through the
window's TaskRunner (never on the UI thread), one at a time: a request while a
sync runs is remembered and served once it ends. It keeps the status bar's
«Ждут отправки: N» and a short state («Синхронизировано в 10:42», «Офис
недоступен», «Синхронизация 120 из 500…»), and hands the Sync page what it
shows (`state_changed`, `progressed`). The count follows local edits: the store
calls back after each commit that queued a change (`watch_local_changes`).

Before the store closes (quitting, opening another one) the window calls
`stop()`: a running sync is asked to stop at its next step.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStatusBar

from kamdesk.ui.formatting import format_datetime
from kamdesk.ui.sync.backend import (
    Backend,
    BackendFactory,
    Failure,
    OfficeBackend,
    classify,
    failure_text,
)
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.services.sync_inbox import InboxState
    from kamdesk.services.workspace import Workspace

log = logging.getLogger(__name__)

INTERVAL_MS = 5 * 60 * 1000
COUNT_DELAY_MS = 200  # edits in a burst (a pasted list) recount once
SHORTCUT = "F9"


class SyncController(QObject):
    state_changed = Signal(object)  # InboxState
    progressed = Signal(str, int, int)  # phase, done, total
    running_changed = Signal(bool)
    finished = Signal(object, object)  # the report or None, the failure or None
    data_arrived = Signal()  # a sync brought rows from the office: pages reload
    _local_change = Signal()  # emitted on the committing thread, delivered here

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner,
        status_bar: QStatusBar | None = None,
        parent: QObject | None = None,
        backend: BackendFactory | None = None,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._make_backend: BackendFactory = backend or OfficeBackend
        self._backend: Backend | None = None
        self._stop = threading.Event()
        self.running = False
        self._again = False
        self._stops = 0  # how many times stop() was called: a start asked before is void
        self.state: InboxState | None = None
        self.connected: bool | None = None  # None: not tried since start
        self.last_failure: BaseException | None = None
        self.progress: tuple[str, int, int] | None = None
        self._watched: set[int] = set()
        self._sync_after_load = False

        self.action = QAction(self)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(lambda _checked=False: self.sync_now())
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.sync_now(automatic=True))
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh)
        self._local_change.connect(self._count_timer.start)

        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("syncWaiting")
        self.state_label = QLabel()
        self.state_label.setObjectName("connectionState")
        if status_bar is not None:
            status_bar.addPermanentWidget(self.waiting_label)
            status_bar.addPermanentWidget(self.state_label)
        self.retranslate()

    # --- public ---------------------------------------------------------------------

    def start(self) -> None:
        """Read the state, then sync at once if this laptop is enrolled."""
        self.timer.start()
        self.refresh(then_sync=True)

    def start_soon(self) -> None:
        """`start()` once the event loop runs again, unless stopped meanwhile (the
        window closed before its first page came: nothing may start on a closed store)."""
        stops = self._stops
        QTimer.singleShot(0, self, lambda: self.start() if self._stops == stops else None)

    def enrolled_now(self) -> None:
        """After the enrolment dialog: read the new state and sync at once."""
        self.last_failure = None
        self.timer.start()
        self.refresh(then_sync=True)

    def set_workspace(self, workspace: Workspace) -> None:
        self.stop()
        self.close_backend()
        self._workspace = workspace
        self.state = None
        self.connected = None
        self.last_failure = None
        self.retranslate()
        self.start()

    def stop(self) -> None:
        """Ask a running sync to stop at its next step (before the store closes)."""
        self._stop.set()
        self._again = False
        self._stops += 1
        self.timer.stop()

    def backend(self) -> Backend:
        """The office client of the open store (one, so it keeps its retry delay)."""
        if self._backend is None:
            self._backend = self._make_backend(self._workspace)
        return self._backend

    def use_backend(self, factory: BackendFactory) -> None:
        """Talk to the office through `factory(workspace)` from now on (tests: an office
        reached without a network)."""
        self.close_backend()
        self._make_backend = factory

    def close_backend(self) -> None:
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    @property
    def enrolled(self) -> bool:
        return self.state is not None and self.state.overview.enrolled

    def refresh(self, then_sync: bool = False) -> None:
        """Read the inbox, the counts and the overview off the UI thread."""
        workspace = self._workspace
        self._sync_after_load = self._sync_after_load or then_sync

        def load(_progress: Any) -> InboxState:
            from kamdesk.services.sync_inbox import load_inbox, watch_local_changes

            store = workspace.store
            if id(store) not in self._watched:
                self._watched.add(id(store))
                watch_local_changes(store, self._changed_elsewhere)
            return load_inbox(store)

        self._tasks.run(
            load,
            self._loaded,
            key=f"sync-state-{id(self)}",
            owner=self,
        )

    def sync_now(self, automatic: bool = False) -> bool:
        """Start a sync unless one runs (then one more follows it); True: started."""
        if self.state is not None and not self.enrolled:
            return False
        if self.running:
            self._again = not automatic or self._again
            return False
        backend = self.backend()
        due = getattr(backend, "due", None)
        if automatic and callable(due) and not due():
            return False  # the office failed lately: the client's retry delay decides
        self.running = True
        self._stop.clear()
        self.progress = None
        self.running_changed.emit(True)
        self.retranslate()
        stop = self._stop

        def work(progress: Any) -> Any:
            return backend.sync(lambda step: progress(0, step), stop.is_set)

        self._tasks.run(
            work,
            self._synced,
            self._failed,
            on_progress=lambda _percent, step: self._progressed(step),
            owner=self,
        )
        return True

    # --- results --------------------------------------------------------------------

    def _changed_elsewhere(self) -> None:
        """Called by the store on the committing thread: hand over to the UI thread."""
        if shiboken6.isValid(self):
            self._local_change.emit()

    def _loaded(self, state: InboxState) -> None:
        self.state = state
        self.retranslate()
        self.state_changed.emit(state)
        then_sync, self._sync_after_load = self._sync_after_load, False
        if then_sync and state.overview.enrolled:
            self.sync_now(automatic=True)

    def _progressed(self, step: Any) -> None:
        phase = str(getattr(step, "phase", "") or "")
        done, total = int(getattr(step, "done", 0) or 0), int(getattr(step, "total", 0) or 0)
        self.progress = (phase, done, total)
        self.progressed.emit(phase, done, total)
        self.retranslate()

    def _synced(self, report: Any) -> None:
        self.connected = True
        self.last_failure = None
        self._end()
        self.finished.emit(report, None)
        if getattr(report, "pulled_rows", 0) or getattr(report, "removed_buckets", 0):
            self.data_arrived.emit()

    def _failed(self, error: BaseException) -> None:
        kind = classify(error)
        self.connected = kind not in (Failure.UNREACHABLE, Failure.OTHER)
        self.last_failure = error
        if kind == Failure.OTHER:
            log.error("sync failed", exc_info=error)
        else:
            log.info("sync failed: %s (%s)", error, getattr(error, "detail", ""))
        self._end()
        self.finished.emit(None, error)

    def _end(self) -> None:
        self.running = False
        self.progress = None
        self.running_changed.emit(False)
        again, self._again = self._again, False
        self.refresh(then_sync=again)

    # --- status bar -----------------------------------------------------------------

    def state_text(self) -> str:
        """The short state for the status bar and the page's heading."""
        if self.running:
            if self.progress and self.progress[2]:
                _phase, done, total = self.progress
                return (
                    self.tr("Syncing: %1 of %2…").replace("%1", str(done)).replace("%2", str(total))
                )
            return self.tr("Syncing…")
        if self.state is None:
            return ""
        if not self.state.overview.enrolled:
            return self.tr("Not connected to the office")
        if self.last_failure is not None:
            if classify(self.last_failure) == Failure.UNREACHABLE:
                return self.tr("Office unreachable")
            return self.tr("Sync failed")
        last = self.state.overview.last_sync_at
        if last is None:
            return self.tr("Not synced yet")
        return self.tr("Synced %1").replace("%1", format_datetime(_as_utc(last)))

    def failure_text(self) -> str:
        return failure_text(self.last_failure) if self.last_failure is not None else ""

    def retranslate(self) -> None:
        self.action.setText(self.tr("Sync now"))
        waiting = self.state.overview.waiting if self.state is not None else None
        self.waiting_label.setText(
            self.tr("Waiting to be sent: %1").replace("%1", str(waiting))
            if waiting is not None
            else ""
        )
        self.waiting_label.setVisible(waiting is not None)
        self.state_label.setText(self.state_text())
        self.state_label.setToolTip(self.failure_text())


def _as_utc(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
