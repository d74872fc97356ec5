"""The background helper: work off the UI thread, callbacks on it, latest request wins,
results only for an owner that still exists, waiting only for its own tasks."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kamdesk.ui.tasks import Progress, TaskRunner


def test_work_runs_off_the_ui_thread_and_callbacks_on_it(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(progress):  # type: ignore[no-untyped-def]
        seen["worker_is_ui"] = QThread.currentThread() is ui_thread
        progress(50, "half way")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_is_ui"] = QThread.currentThread() is ui_thread

    runner.run(work, done, on_progress=lambda p, s: seen.setdefault("progress", (p, s)))
    qtbot.waitUntil(runner.is_idle)
    assert seen == {
        "worker_is_ui": False,
        "progress": (50, "half way"),
        "result": 42,
        "callback_is_ui": True,
    }


def test_only_the_latest_request_of_a_lane_is_delivered(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    delivered: list[int] = []

    def slow(_progress):  # type: ignore[no-untyped-def]
        release.wait(10)
        return 1

    runner.run(slow, delivered.append, key="search")
    runner.run(lambda _p: 2, delivered.append, key="search")
    runner.run(lambda _p: 3, delivered.append, key="search")
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert delivered == [3]


def test_failures_go_to_one_reporter_unless_handled(qtbot: QtBot) -> None:
    reported: list[str] = []
    runner = TaskRunner(report_error=lambda error, trace: reported.append(str(error)))
    handled: list[str] = []

    def fail(_progress):  # type: ignore[no-untyped-def]
        raise ValueError("disk on fire")

    runner.run(fail)
    runner.run(fail, on_failure=lambda error: handled.append(str(error)))
    qtbot.waitUntil(runner.is_idle)
    assert reported == ["disk on fire"]
    assert handled == ["disk on fire"]


def test_many_signals_do_not_crash_python(qtbot: QtBot) -> None:
    """PySide6 6.12 on Python 3.11 loses a reference to True on each emit; the
    workaround in kamdesk.ui keeps thousands of deliveries safe."""
    runner = TaskRunner()
    delivered: list[None] = []
    for _ in range(3000):
        runner.run(lambda _p: None, delivered.append)
    qtbot.waitUntil(runner.is_idle, timeout=30_000)
    assert len(delivered) == 3000


def test_results_for_a_destroyed_owner_are_dropped(qtbot: QtBot) -> None:
    """A dialog closed while its lookup runs: the lookup's result, progress and
    failure never reach the deleted widget (which raised "Internal C++ object
    already deleted")."""
    runner = TaskRunner()
    dialog = QWidget()
    started, release = threading.Event(), threading.Event()

    def lookup(progress: Progress) -> str:
        started.set()
        release.wait(10)
        progress(90, "almost")
        return "found"

    def fail(_progress: Progress) -> None:
        started.wait(10)
        release.wait(10)
        raise ValueError("too late")

    runner.run(
        lookup,
        dialog.setWindowTitle,
        on_progress=lambda _p, stage: dialog.setWindowTitle(stage),
        owner=dialog,
    )
    runner.run(fail, on_failure=lambda error: dialog.setWindowTitle(str(error)), owner=dialog)
    assert started.wait(10)
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    release.set()
    qtbot.waitUntil(runner.is_idle)  # a delivery to the deleted dialog would raise here


def test_a_living_owner_gets_its_results(qtbot: QtBot) -> None:
    runner = TaskRunner()
    page = QWidget()
    qtbot.addWidget(page)
    runner.run(lambda _p: "loaded", page.setWindowTitle, owner=page)
    qtbot.waitUntil(runner.is_idle)
    assert page.windowTitle() == "loaded"


def test_queued_work_of_a_destroyed_owner_never_runs(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)  # one worker, kept busy: the dialog's task waits
    busy, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def occupy(_progress: Progress) -> None:
        busy.set()
        release.wait(10)

    runner.run(occupy)
    assert busy.wait(10)
    dialog = QWidget()
    runner.run(lambda _p: ran.append("dialog work"), owner=dialog)
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(runner.is_idle)
    runner.discard_pending()
    assert ran == []


def test_a_runner_waits_only_for_its_own_tasks(qtbot: QtBot) -> None:
    """`discard_pending` (the store is about to close) must not wait for other
    runners' work in the shared pool, nor cancel it."""
    mine, theirs = TaskRunner(), TaskRunner()
    started, release, done = threading.Event(), threading.Event(), threading.Event()
    delivered: list[str] = []

    def long_export(_progress: Progress) -> str:
        started.set()
        release.wait(10)  # waiting for the whole pool would sit here for 10 s
        done.set()
        return "exported"

    theirs.run(long_export, delivered.append)
    assert started.wait(10)
    mine_started, mine_finished = threading.Event(), threading.Event()

    def short_lookup(_progress: Progress) -> str:
        mine_started.set()
        mine_finished.set()
        return "mine"

    mine.run(short_lookup, delivered.append)
    assert mine_started.wait(10)  # running, so it is waited for rather than taken back
    mine.discard_pending()
    assert mine_finished.is_set()  # its own running task was waited for
    assert not done.is_set()  # the other runner's task is still running
    assert mine.is_idle() and not theirs.is_idle()
    release.set()
    qtbot.waitUntil(theirs.is_idle)
    assert delivered == ["exported"]  # "mine" was discarded, theirs delivered
