"""The one way the UI runs slow work: off the UI thread, results back on it.

`TaskRunner.run(work, on_success, on_failure, owner=widget)` runs `work(progress)`
on a thread of the runner's own QThreadPool. The callbacks always run on the UI thread
(a relay QObject that lives there receives the worker's signals through queued
connections), so they may touch widgets; the worker never does. A failure
without its own handler goes to the runner's `report_error`, the one place that
shows errors to the user.

`owner` is the QObject that asked (a dialog, a page, a model). Its results,
progress and failures are delivered only while it exists: when it is destroyed,
its tasks that have not started are taken out of the pool and what its running
ones bring back is dropped. A dialog closed while its lookup runs therefore never
sees a callback touch its deleted widgets.

A `key` makes a lane where the latest request wins: submitting again under the
same key makes a queued request skip its work, and the result of a superseded
one is discarded. Typing in a search box uses this so that only the last keystroke's
query reaches the list.

A runner waits for and cancels only its own tasks (`discard_pending`): each runner
has its own pool, so waiting for it never waits for another runner's long export.

Quitting is orderly (`shut_down`, on the application's aboutToQuit): the runner
takes no new task, cancels its queued ones, waits a bounded time for the running
ones and drops what they bring back. A task asked for after that, or after the
runner's Qt object died with its parent (a dialog's runner once the window is
destroyed), is dropped without a word; a worker never emits on a deleted relay.
"""

from __future__ import annotations

import logging
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[int, str], None]
ErrorReporter = Callable[[BaseException, str], None]
SHUTDOWN_WAIT_MS = 3000  # how long quitting waits for running tasks before it goes on


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, the UI thread delivers.

    Every value crosses in a `_Box`, so no signal argument is ever None: a
    cheap guard against the kind of reference-count slip on None described at
    `_Runnable`."""

    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, object)


class _Box:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


@dataclass(eq=False)
class _Task:
    serial: int
    key: str | None
    relay: _Relay
    owner: QObject | None = None
    # Set on the UI thread when a newer request under the same key arrives, the
    # owner is destroyed or the runner discards its work; a worker that has not
    # started yet then skips the work, and nothing it brings back is delivered.
    superseded: bool = False
    runnable: QRunnable | None = None  # kept alive here until the result is delivered


@dataclass(eq=False)
class _Owned:
    """The tasks of one owner, and the slot watching for the owner's end."""

    owner: QObject
    serials: set[int]
    on_destroyed: Callable[[], None]


class _Runnable(QRunnable):
    """A QRunnable subclass rather than `QThreadPool.start(callable)`: with PySide6
    6.12 the callable form releases None once per call, and after a few thousand
    searches Python aborts with "deallocating None"."""

    def __init__(self, task: _Task, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._task = task
        self._work = work

    def run(self) -> None:
        _work_on_worker(self._task, self._work)


def busy_runners() -> list[TaskRunner]:
    """Every runner with work queued, running or waiting for its callbacks (for
    tests that fail when a test leaves background work behind)."""
    return [runner for runner in list(_RUNNERS) if not runner.is_idle()]


class TaskRunner(QObject):
    """Runs callables off the UI thread; see the module docstring."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        report_error: ErrorReporter | None = None,
        parent: QObject | None = None,
        *,
        max_threads: int | None = None,
    ):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads is not None:
            self._pool.setMaxThreadCount(max_threads)
        self._report_error = report_error or _log_error
        self._tasks: dict[int, _Task] = {}
        self._latest: dict[str, _Task] = {}
        # Keyed by id(owner); the entry holds the owner, so the id is not reused meanwhile.
        self._owners: dict[int, _Owned] = {}
        self._serial = 0
        self._closed = False
        # Tasks still running when quitting stopped waiting: their relays stay alive (a
        # worker must never emit on a deleted one) and nothing they send is delivered.
        self._abandoned: list[_Task] = []
        _RUNNERS.add(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shut_down)

    def set_error_reporter(self, report_error: ErrorReporter) -> None:
        self._report_error = report_error

    def run(
        self,
        work: Callable[[Progress], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[[int, Any], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Start `work(progress)` in the pool; returns a serial number for the task.

        With `owner`, the callbacks run only while that QObject exists. After
        `shut_down` (or once the runner's Qt object is gone) nothing runs."""
        self._serial += 1
        if self._closed or not shiboken6.isValid(self) or not shiboken6.isValid(self._pool):
            log.debug("task %d dropped: the runner has shut down", self._serial)
            return self._serial
        task = _Task(self._serial, key, _Relay(), owner)
        if owner is not None and not shiboken6.isValid(owner):
            task.relay.deleteLater()
            return task.serial  # asked for by something already gone: nothing to do
        task.relay.succeeded.connect(lambda box: self._finish(task, on_success, box.value))
        task.relay.failed.connect(lambda box, trace: self._fail(task, on_failure, box.value, trace))
        if on_progress is not None:
            task.relay.progressed.connect(
                lambda percent, box: self._is_current(task) and on_progress(percent, box.value)
            )
        if key is not None:
            previous = self._latest.get(key)
            if previous is not None:
                previous.superseded = True
            self._latest[key] = task
        if owner is not None:
            self._watch(owner, task)
        was_idle = not self._tasks
        self._tasks[task.serial] = task
        task.runnable = _Runnable(task, work)
        self._pool.start(task.runnable)
        if was_idle:
            self.busy_changed.emit(True)
        return task.serial

    def report(self, error: BaseException, trace: str = "") -> None:
        """Hand a failure to the one place that shows errors (for `on_failure`
        handlers that tidy up first and then want the usual report)."""
        self._report_error(error, trace)

    def is_idle(self) -> bool:
        """No task of this runner is queued, running, or waiting for its callbacks."""
        return not self._tasks

    def discard_pending(self) -> None:
        """Cancel this runner's queued tasks, wait for its running ones and drop
        every result not delivered yet.

        Called before the store is closed (opening another one, quitting), so no
        worker of this runner is still reading it and no late callback touches a
        closed page. Tasks of other runners are neither waited for nor cancelled."""
        for task in list(self._tasks.values()):
            self._cancel(task)
        self._pool.waitForDone()
        for task in list(self._tasks.values()):
            self._forget(task)
        self._latest.clear()

    def shut_down(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        """Quitting: take no new task, cancel the queued ones, wait up to `wait_ms` for
        the running ones and drop every result not delivered yet."""
        if self._closed or not shiboken6.isValid(self) or not shiboken6.isValid(self._pool):
            self._closed = True
            return
        self._closed = True
        for task in list(self._tasks.values()):
            self._cancel(task)
        if not self._pool.waitForDone(wait_ms):
            log.warning("quitting while %d background task(s) still run", len(self._tasks))
            self._abandoned.extend(self._tasks.values())
            self._tasks.clear()
            self._latest.clear()
            return
        for task in list(self._tasks.values()):
            self._forget(task)
        self._latest.clear()

    # --- owners ------------------------------------------------------------------

    def _watch(self, owner: QObject, task: _Task) -> None:
        entry = self._owners.get(id(owner))
        if entry is None:
            owner_key = id(owner)
            entry = _Owned(owner, set(), lambda: self._owner_destroyed(owner_key))
            owner.destroyed.connect(entry.on_destroyed)
            self._owners[owner_key] = entry
        entry.serials.add(task.serial)

    def _owner_destroyed(self, owner_key: int) -> None:
        entry = self._owners.pop(owner_key, None)
        if entry is None:
            return
        for serial in list(entry.serials):
            task = self._tasks.get(serial)
            if task is not None:
                self._cancel(task)

    def _unwatch(self, task: _Task) -> None:
        if task.owner is None:
            return
        entry = self._owners.get(id(task.owner))
        if entry is None or entry.owner is not task.owner:
            return
        entry.serials.discard(task.serial)
        if entry.serials:
            return
        del self._owners[id(task.owner)]
        if shiboken6.isValid(entry.owner):
            entry.owner.destroyed.disconnect(entry.on_destroyed)

    # --- delivery ------------------------------------------------------------------

    def _cancel(self, task: _Task) -> None:
        """Nothing of `task` will be delivered; if it has not started, it never will."""
        task.superseded = True
        if task.runnable is not None and self._pool.tryTake(task.runnable):
            self._forget(task)

    def _is_current(self, task: _Task) -> bool:
        if not shiboken6.isValid(self):  # the runner died with its parent: no one asks
            return False
        if task.serial not in self._tasks or task.superseded:
            return False
        return task.owner is None or shiboken6.isValid(task.owner)

    def _finish(self, task: _Task, on_success: Callable[[T], None] | None, result: T) -> None:
        current = self._is_current(task)
        self._forget(task)
        if current and on_success is not None:
            on_success(result)

    def _fail(
        self,
        task: _Task,
        on_failure: Callable[[BaseException], None] | None,
        error: BaseException,
        trace: str,
    ) -> None:
        current = self._is_current(task)
        self._forget(task)
        if not current or isinstance(error, _Skipped):
            return
        if on_failure is not None:
            log.info("background task failed, handled by its caller:\n%s", trace)
            on_failure(error)
        else:
            log.error("background task failed:\n%s", trace)
            self._report_error(error, trace)

    def _forget(self, task: _Task) -> None:
        if self._tasks.pop(task.serial, None) is None:
            return
        if task.key is not None and self._latest.get(task.key) is task:
            del self._latest[task.key]
        self._unwatch(task)
        task.relay.deleteLater()
        if not self._tasks and shiboken6.isValid(self):
            self.busy_changed.emit(False)


class _Skipped(Exception):
    """A superseded task that never started its work."""


def _work_on_worker(task: _Task, work: Callable[[Progress], Any]) -> None:
    """The body of a pool thread: never touches widgets, only emits on the relay."""
    relay = task.relay

    def emit(signal: str, *values: Any) -> None:
        # The relay lives until its result is delivered; a task dropped at quitting
        # may find it gone with its runner: then there is no one to tell.
        try:
            getattr(relay, signal).emit(*values)
        except RuntimeError:
            if shiboken6.isValid(relay):
                raise

    try:
        if task.superseded:
            raise _Skipped
        result = work(lambda percent, stage: emit("progressed", int(percent), _Box(stage)))
    except BaseException as error:  # every failure must reach the UI thread
        emit("failed", _Box(error), traceback.format_exc())
    else:
        emit("succeeded", _Box(result))


_RUNNERS: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


def _log_error(error: BaseException, trace: str) -> None:
    log.error("unhandled background failure: %s", error)
