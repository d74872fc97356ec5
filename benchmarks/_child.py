"""One measured process of bench_app.py; prints one JSON line. Not a test."""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def empty_window() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 850)
    window.show()
    app.processEvents()
    return {"ready_at": time.time(), "rss_mb": rss_mb()}


def _kamdesk_window(db: str):  # type: ignore[no-untyped-def]
    """The window as `kamdesk gui` starts it (kamdesk.ui.app.run_gui, without the event
    loop and the error hooks); also when the read-only first page was painted."""
    from pathlib import Path

    from kamdesk.services.workspace import prepare_opening

    prepare_opening(Path(db))  # as `kamdesk gui` does, before Qt is imported
    from kamdesk.ui import first_page
    from kamdesk.ui.app import create_application, start_background_work, start_window
    from kamdesk.ui.language import LanguageSwitcher
    from kamdesk.ui.preferences import Preferences

    times: dict[str, float] = {}
    show_first_page = first_page.show_first_page

    def timed_first_page(path: Path, preferences: Preferences) -> first_page.FirstPage | None:
        shown = show_first_page(path, preferences)
        if shown is not None:
            times["first_page_at"] = time.time()  # shown and painted (it repaints)
        return shown

    first_page.show_first_page = timed_first_page
    app = create_application(sys.argv[:1])
    preferences = Preferences()
    language = LanguageSwitcher(app)
    language.apply(preferences.language)
    started = start_window(Path(db), True, preferences, language)
    assert started is not None
    window, opened = started
    page = window.section_page(window.current_section())

    def painted(loading: bool) -> None:
        # Connected after the hand-over's own slot, which shows and paints the window
        # in the first page's place (kamdesk.ui.first_page.hand_over).
        if not loading and "window_at" not in times:
            times["window_at"] = time.time()

    if page.model.is_loading():
        page.model.loading_changed.connect(painted)
    start_background_work(window, opened)
    # The first page arrives from a worker thread; the window is shown once it has.
    while page.model.rowCount() == 0 or not window.isVisible():
        app.processEvents()
        time.sleep(0.001)
    if "window_at" not in times:  # shown without a first page before it: paint it now
        app.processEvents()
        times["window_at"] = time.time()
    return app, window, page, times


def kamdesk_start(db: str) -> dict[str, float]:
    _app, _window, _page, times = _kamdesk_window(db)
    ready = times.get("first_page_at", times["window_at"])
    return {"ready_at": ready, "window_at": times["window_at"], "rss_mb": rss_mb()}


def typing(db: str, words: list[str]) -> dict[str, object]:
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app, window, page, _times = _kamdesk_window(db)
    # Let the start-up refresh finish so it does not share the measured keystrokes.
    deadline = time.time() + 120
    while not window.tasks.is_idle() and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    search = page.filters.search
    latencies: list[float] = []
    for word in words:
        search.clear()
        _wait_loaded(app, page.model, 10.0)
        for char in word:
            loop = QEventLoop()
            page.model.loaded.connect(loop.quit, Qt.ConnectionType.SingleShotConnection)
            QTimer.singleShot(10_000, loop.quit)
            started = time.perf_counter()
            # A real key event (QTest's helpers know only ASCII keys).
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    search, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )
            loop.exec()
            app.processEvents()  # the repaint of the list
            latencies.append((time.perf_counter() - started) * 1000)
    return {"latencies_ms": latencies, "rss_mb": rss_mb()}


def _wait_loaded(app, model, seconds: float) -> None:  # type: ignore[no-untyped-def]
    end = time.time() + seconds
    while model.is_loading() and time.time() < end:
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "empty":
        result: dict[str, object] = dict(empty_window())
    elif mode == "kamdesk":
        result = dict(kamdesk_start(sys.argv[2]))
    else:
        result = typing(sys.argv[2], sys.argv[3:])
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # skip teardown: only the figures matter here


if __name__ == "__main__":
    main()
