"""What the screenshot scripts share: their arguments, an offscreen main window on a
store, and waiting for it to settle. Not a program of its own."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", type=Path, required=True, help="a KAMdesk store (e.g. the demo)")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    parser.add_argument("--size", default="1400x850", help="window size, WIDTHxHEIGHT")
    parser.add_argument(
        "--tz", default="Europe/Moscow", help="the time zone the window shows times in"
    )
    args = parser.parse_args()
    # The window shows this computer's time: a build machine's UTC would put the demo's
    # morning visits before the day's first hour.
    os.environ["TZ"] = args.tz
    time.tzset()
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: create it with `kamdesk --db {args.db} demo`")
    args.width, args.height = (int(part) for part in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    return args


@dataclass
class Session:
    app: Any
    workspace: Any
    tasks: Any
    window: Any
    language: Any

    def wait(self, condition: Callable[[], bool] | None = None, timeout: float = 60.0) -> None:
        """Process events until `condition` holds (default: no background work left)."""
        wait(self.app, condition or self.tasks.is_idle, timeout)


def start(args: argparse.Namespace, db: Path | None = None, before_window: Any = None) -> Session:
    """The main window on `db` (default `args.db`), offscreen, in `args.lang`, with its own
    empty settings folder so the user's preferences are neither used nor changed;
    `before_window(workspace)` may add data first."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KAMDESK_HOME"] = tempfile.mkdtemp(prefix="kamdesk-screenshots-")

    from kamdesk.services.workspace import open_workspace
    from kamdesk.ui.app import create_application
    from kamdesk.ui.language import LanguageSwitcher
    from kamdesk.ui.main_window import MainWindow
    from kamdesk.ui.pages import default_page_factories
    from kamdesk.ui.preferences import Language, Preferences
    from kamdesk.ui.tasks import TaskRunner

    app = create_application([sys.argv[0]])
    language = LanguageSwitcher(app)
    language.apply(Language.RUSSIAN if args.lang == "ru" else Language.ENGLISH)
    workspace = open_workspace(db or args.db)
    if before_window is not None:
        before_window(workspace)
    tasks = TaskRunner()
    window = MainWindow(workspace, tasks, Preferences(), None, default_page_factories())
    window.resize(args.width, args.height)
    window.show()
    window.start_refresh()
    session = Session(app, workspace, tasks, window, language)
    session.wait()
    return session


def over(window: Any, dialog: Any) -> Any:
    """`window` with `dialog` drawn centred on it, framed: offscreen, a dialog is a
    window of its own and `window.grab()` alone would not show it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter, QPen

    picture = window.grab()
    face = dialog.grab()
    corner = QPoint(
        max(0, (picture.width() - face.width()) // 2),
        max(0, (picture.height() - face.height()) // 3),
    )
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind is inactive
    painter.drawPixmap(corner, face)
    painter.setPen(QPen(QColor("#5f6368"), 1))
    painter.drawRect(corner.x() - 1, corner.y() - 1, face.width() + 1, face.height() + 1)
    painter.end()
    return picture


def wait(app: Any, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window to settle")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()
