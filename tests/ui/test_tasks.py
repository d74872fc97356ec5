"""The background helper: work off the UI thread, callbacks on it, latest request wins."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kamdesk.ui.tasks import TaskRunner


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
