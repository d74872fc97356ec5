"""Departure reminders while the app runs: once a minute, ask the services which visits
it is time to leave for, and say so without blocking ("Leave at 09:20 for …")."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from kamdesk.services.visits import DEFAULT_TIME_ZONE, DepartureReminder, due_reminders
from kamdesk.services.workspace import Workspace
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.common import message_text

CHECK_EVERY_MS = 60_000


class DepartureReminders(QObject):
    """Polls `due_reminders` in the background; each visit is announced once."""

    reminded = Signal(str, object)  # the text, the visit id

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        tasks: TaskRunner,
        parent: QObject | None = None,
        tz: str = DEFAULT_TIME_ZONE,
        tray: QSystemTrayIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace  # a callable: the window may switch stores
        self._tasks = tasks
        self._tz = tz
        self._tray = tray
        self.shown: set[uuid.UUID] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def check(self, now: datetime | None = None) -> None:
        store = self._workspace().store
        moment = now or datetime.now(UTC)
        shown = frozenset(self.shown)
        self._tasks.run(
            lambda _progress: due_reminders(store, moment, self._tz, shown),
            self._show,
            lambda _error: None,  # a reminder missed this minute is asked again the next
            key="departure-reminders",
            owner=self,
        )

    def _show(self, reminders: list[DepartureReminder]) -> None:
        for reminder in reminders:
            if reminder.visit_id in self.shown:
                continue
            self.shown.add(reminder.visit_id)
            text = message_text(reminder.text)
            self.reminded.emit(text, reminder.visit_id)
            if self._tray is not None and self._tray.isVisible():
                self._tray.showMessage(
                    "KAMdesk", text, QSystemTrayIcon.MessageIcon.Information, 15_000
                )


def install_departure_reminders(window: object) -> DepartureReminders:
    """Start the reminders for the main window: status bar message, and a tray message
    when the desktop has a tray. Call once at start-up (the lead wires this in app.py)."""
    from kamdesk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(window.windowIcon(), window)
        tray.show()
    reminders = DepartureReminders(lambda: window.workspace, window.tasks, window, tray=tray)
    reminders.reminded.connect(lambda text, _id: window.statusBar().showMessage(text, 120_000))
    reminders.start()
    return reminders
