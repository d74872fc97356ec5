"""Start KAMdesk's window as a KAM would, look at it, and quit: the smoke test of a wheel
or a bundle (offscreen: QT_QPA_PLATFORM=offscreen).

    python packaging/smoke_window.py --db store.sqlite     # an installed wheel
    KAMDESK_SMOKE=1 dist/kamdesk/kamdesk --db store.sqlite  # a PyInstaller bundle

It makes the QApplication first (KAMdesk's start-up reuses it), runs the ordinary
`kamdesk` command line, and once the main window is up and its first background refresh
is done, checks what breaks when files are missing from an installation: the menus are in
Russian (the translation catalogue loaded: the smoke chooses Russian in the settings, as
a KAM would), the section icons and the window icon draw (the SVG files and Qt's SVG
plugin are there), the style sheet is applied, and nothing was logged at WARNING or above.
Exit code 0 when all hold; the problems are printed otherwise.

It writes settings, so it runs only with KAMDESK_HOME set (a throwaway folder).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time

TIMEOUT_S = 120.0
CYRILLIC = re.compile("[А-Яа-яЁё]")
# What Qt's offscreen platform itself says (no real screen): not KAMdesk's problem.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if any(noise in record.getMessage() for noise in OFFSCREEN_NOISE):
            return
        self.records.append(f"{record.levelname} {record.name}: {record.getMessage()}")


def _problems(app: object, window: object, warnings: list[str]) -> list[str]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from kamdesk.ui import sections

    assert isinstance(app, QApplication) and isinstance(window, QMainWindow)
    problems = [f"logged: {line}" for line in warnings]
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    if not any(CYRILLIC.search(text) for text in menus):
        problems.append(f"the menus are not in Russian: {menus}")
    for key in sections.SectionKey:
        if sections.icon(key).pixmap(32, 32).isNull():
            problems.append(f"the icon of the section {key.value} does not draw")
    if app.windowIcon().pixmap(32, 32).isNull():
        problems.append("the window icon does not draw")
    if not app.styleSheet().strip():
        problems.append("no style sheet")
    if not window.isVisible():
        problems.append("the main window is not shown")
    print(f"smoke: window «{window.windowTitle()}», menus {menus}", flush=True)
    return problems


def watch(timeout_s: float = TIMEOUT_S) -> None:
    """Make the application and arrange the check; the caller then runs KAMdesk."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from kamdesk.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    warnings = _Warnings()
    logging.getLogger().addHandler(warnings)
    started = time.monotonic()

    def finish(window: MainWindow) -> None:
        problems = _problems(app, window, warnings.records)
        for problem in problems:
            print(f"smoke: PROBLEM {problem}", file=sys.stderr, flush=True)
        print(f"smoke: {'FAILED' if problems else 'ok'} after {time.monotonic() - started:.1f} s")
        QCoreApplication.exit(1 if problems else 0)

    def look() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if windows and windows[0].isVisible():
            window = windows[0]
            # The first refresh imports SQLAlchemy and the services in the background:
            # wait for it, so a module missing from a bundle shows up here.
            window.refreshed.connect(lambda: QTimer.singleShot(500, lambda: finish(window)))
            return
        if time.monotonic() - started > timeout_s:
            print("smoke: PROBLEM no main window appeared", file=sys.stderr, flush=True)
            QCoreApplication.exit(1)
            return
        QTimer.singleShot(200, look)

    def give_up() -> None:
        print(f"smoke: PROBLEM no refresh within {timeout_s:.0f} s", file=sys.stderr, flush=True)
        QCoreApplication.exit(1)

    QTimer.singleShot(200, look)
    QTimer.singleShot(int(timeout_s * 1000), give_up)


def main(argv: list[str]) -> int:
    from kamdesk.cli import main as kamdesk_main
    from kamdesk.paths import HOME_ENV

    if not os.environ.get(HOME_ENV):
        print(f"smoke: set {HOME_ENV} to a throwaway folder first", file=sys.stderr)
        return 2
    watch()
    from kamdesk.ui.preferences import Language, Preferences

    Preferences().language = Language.RUSSIAN
    return kamdesk_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
