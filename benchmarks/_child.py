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
    from pathlib import Path

    from kamdesk.ui.app import build_window, create_application, start_background_work
    from kamdesk.ui.language import LanguageSwitcher
    from kamdesk.ui.preferences import Preferences
    from kamdesk.ui.store_dialogs import DialogPrompts
    from kamdesk.ui.store_opening import open_interactively

    app = create_application(sys.argv[:1])
    preferences = Preferences()
    language = LanguageSwitcher(app)
    language.apply(preferences.language)
    opened = open_interactively(Path(db), DialogPrompts(at_startup=True), explicit=True)
    assert opened is not None
    window = build_window(opened, preferences, language)
    window.resize(1400, 850)
    window.show()
    start_background_work(window, opened)
    page = window.section_page(window.current_section())
    while page.model.rowCount() == 0:  # the first page arrives from a worker thread
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()  # paint it
    return app, window, page


def kamdesk_start(db: str) -> dict[str, float]:
    _app, _window, _page = _kamdesk_window(db)
    ready = time.time()
    return {"ready_at": ready, "rss_mb": rss_mb()}


def typing(db: str, words: list[str]) -> dict[str, object]:
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app, window, page = _kamdesk_window(db)
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
