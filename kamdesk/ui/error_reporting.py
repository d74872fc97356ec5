"""The one error path of the window: every failure ends in the log and a dialog.

Three doors lead here:

- `sys.excepthook` (and `threading.excepthook`): an exception nobody caught, for
  example in a slot of a button the KAM clicked;
- Qt's message handler: Qt's warnings go to the log, its critical and fatal
  messages to the log and (critical) to the dialog;
- `ErrorReporter.report`, which `TaskRunner` calls (through the main window) for
  background work that failed without a handler of its own.

`report` writes the log line at once, on whatever thread it is called, and queues
the dialog to the UI thread: a dialog must never be built inside a paint event, a
Qt message handler or a worker. It is rate-limited: while one error dialog is
open, later errors only raise its counter; an error that was already shown less
than `QUIET_SECONDS` ago goes to the log and the status bar (`suppressed`) only.
So an error that repeats on every repaint opens one dialog, not a hundred.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from kamdesk.errors import StoreError
from kamdesk.logs import installed_handler, log_path

if TYPE_CHECKING:  # imported when an error is first shown, not at start-up
    from kamdesk.ui.error_dialog import ErrorDialog

log = logging.getLogger(__name__)
qt_log = logging.getLogger("kamdesk.qt")

QUIET_SECONDS = 60.0

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]


class QtCriticalMessage(Exception):
    """A critical message from Qt itself, shown like any other unexpected error."""


class ErrorReporter(QObject):
    """Logs errors and shows them; see the module docstring."""

    # Emitted when an error was logged but no dialog was opened for it (it was shown
    # a moment ago): the main window says so in its status bar.
    suppressed = Signal(object)
    dialog_opened = Signal(object)
    # One tuple (error, trace, parent, repeated): no signal argument is ever None
    # (see `kamdesk.ui.tasks._Relay` for why that matters with PySide6).
    _deliver = Signal(object)

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._lock = threading.Lock()
        self._last_seen: dict[tuple[str, ...], float] = {}
        self._dialog: ErrorDialog | None = None
        self._showing = False
        # Always queued, also from the UI thread: the dialog is built from the event
        # loop, never inside whatever raised (a paint event, a Qt message handler).
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        self._previous_excepthook: Callable[..., Any] | None = None
        self._previous_thread_hook: Callable[..., Any] | None = None
        self._previous_qt_handler: QtMessageHandler | None = None

    # --- reporting --------------------------------------------------------------

    def report(self, error: BaseException, trace: str = "", parent: QWidget | None = None) -> None:
        """Log `error` now and show it in a dialog from the event loop (any thread)."""
        if not trace and error.__traceback__ is not None:
            trace = "".join(traceback.format_exception(error))
        repeated = self._seen_recently(error)
        _log_error(error, trace, repeated)
        on_ui_thread = threading.current_thread() is threading.main_thread()
        self._deliver.emit((error, trace, parent if on_ui_thread else None, repeated))

    def current_dialog(self) -> ErrorDialog | None:
        if self._dialog is not None and not shiboken6.isValid(self._dialog):
            self._dialog = None
        return self._dialog

    def show_and_wait(self, error: BaseException, trace: str = "") -> None:
        """Log and show modally: for a failure before the event loop runs."""
        trace = trace or "".join(traceback.format_exception(error))
        _log_error(error, trace, False)
        _error_dialog().ErrorDialog(error, trace, _log_file()).exec()

    def _seen_recently(self, error: BaseException) -> bool:
        key = _signature(error)
        with self._lock:
            now = self._clock()
            last = self._last_seen.get(key)
            self._last_seen[key] = now
        return last is not None and now - last < QUIET_SECONDS

    def _on_deliver(self, delivery: tuple[BaseException, str, QWidget | None, bool]) -> None:
        error, trace, parent, repeated = delivery
        dialog = self.current_dialog()
        if dialog is not None:
            dialog.add_repeat()
            return
        if repeated or self._showing:
            self.suppressed.emit(error)
            return
        self._showing = True  # an error while building the dialog must not loop
        try:
            if parent is not None and not shiboken6.isValid(parent):
                parent = None
            dialogs = _error_dialog()
            self._dialog = dialogs.ErrorDialog(
                error, trace, _log_file(), parent or _active_window()
            )
            self._dialog.finished.connect(self._dialog_closed)
            self._dialog.open()
            self.dialog_opened.emit(self._dialog)
        except Exception:
            log.exception("the error dialog could not be shown")
        finally:
            self._showing = False

    def _dialog_closed(self) -> None:
        self._dialog = None

    # --- the hooks ----------------------------------------------------------------

    def install(self) -> None:
        """Become the place where uncaught exceptions and Qt's messages go."""
        global _installed
        self._previous_excepthook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        self._previous_qt_handler = qInstallMessageHandler(self._qt_message)
        _installed = self

    def uninstall(self) -> None:
        global _installed
        if _installed is not self:
            return
        sys.excepthook = self._previous_excepthook or sys.__excepthook__
        threading.excepthook = self._previous_thread_hook or threading.__excepthook__
        qInstallMessageHandler(self._previous_qt_handler)
        _installed = None

    def _excepthook(
        self,
        exc_type: type[BaseException],
        error: BaseException,
        trace_back: TracebackType | None,
    ) -> None:
        previous = self._previous_excepthook or sys.__excepthook__
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, error, trace_back)
            return
        trace = "".join(traceback.format_exception(exc_type, error, trace_back))
        try:
            if QApplication.instance() is None:  # quitting: no dialog any more, the log still
                _log_error(error, trace, False)
            else:
                self.report(error, trace)
        finally:
            previous(exc_type, error, trace_back)  # a terminal still shows the traceback

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            trace = "".join(
                traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
            )
            self.report(args.exc_value, f"thread {getattr(args.thread, 'name', '?')}\n{trace}")
        (self._previous_thread_hook or threading.__excepthook__)(args)

    def _qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(mode, logging.WARNING)
        where = f"{context.file}:{context.line}" if context.file else ""
        category = context.category or "default"
        qt_log.log(level, "%s [%s%s]", message, category, f" {where}" if where else "")
        if mode == QtMsgType.QtFatalMsg:
            _flush_log()  # Qt aborts the process when this returns
        if self._previous_qt_handler is not None:
            self._previous_qt_handler(mode, context, message)
        elif level >= logging.WARNING:
            print(message, file=sys.stderr)  # what Qt's own handler would have printed
        if mode == QtMsgType.QtCriticalMsg:
            self.report(QtCriticalMessage(message), f"Qt ({category}{where and ', ' + where})")


_installed: ErrorReporter | None = None


def installed() -> ErrorReporter | None:
    """The reporter the application installed (`install`), if any."""
    return _installed


def install(app: QApplication) -> ErrorReporter:
    """Install the one error path for the application `app`."""
    reporter = ErrorReporter(app)
    reporter.install()
    return reporter


def _log_file() -> Path | None:
    return log_path() if installed_handler() is not None else None


def _error_dialog() -> Any:
    """kamdesk.ui.error_dialog, imported on first use (it is not needed to start)."""
    from kamdesk.ui import error_dialog

    return error_dialog


def _active_window() -> QWidget | None:
    return QApplication.activeWindow()


def _signature(error: BaseException) -> tuple[str, ...]:
    """What makes two errors "the same" for rate-limiting: for a bug, its type and
    the line that raised; for a store problem or a refusal, its type and text."""
    kind = f"{type(error).__module__}.{type(error).__qualname__}"
    if isinstance(error, StoreError) or _error_dialog().message_of(error) is not None:
        return (kind, str(error))
    frames = traceback.extract_tb(error.__traceback__) if error.__traceback__ else []
    if frames:
        return (kind, frames[-1].filename, str(frames[-1].lineno))
    return (kind, str(error))


def _log_error(error: BaseException, trace: str, repeated: bool) -> None:
    if repeated:
        log.error("the same error again: %s: %s", type(error).__name__, error)
    elif isinstance(error, StoreError):
        log.warning("store problem shown to the user: %s\n%s", error, trace)
    elif _error_dialog().message_of(error) is not None:
        log.info("refusal shown to the user: %s", error)
    else:
        log.error("unexpected error shown to the user:\n%s", trace or repr(error))


def _flush_log() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()
