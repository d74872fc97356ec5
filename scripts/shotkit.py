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


def catch(
    session: Session,
    trigger: Callable[[], object],
    prepare: Callable[[Any], object] | None = None,
    timeout: float = 60.0,
) -> tuple[Any, Any]:
    """Run `trigger` (what the KAM clicks) and shoot the dialog it opens, drawn over
    the window, once the background work has settled; `prepare(dialog)` may fill it
    in first. The dialog is then closed without saving. A modal dialog runs its own
    event loop inside `trigger`, so the shot is taken from a timer inside that loop.
    Returns (picture, dialog)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    before = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    shot: dict[str, Any] = {}
    deadline = time.monotonic() + timeout

    def opened() -> Any:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not session.window:
            return modal
        new = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and isinstance(w, QDialog) and not any(w is b for b in before)
        ]
        return new[-1] if new else None

    def poll() -> None:
        dialog = opened()
        if dialog is None or not session.tasks.is_idle():
            if time.monotonic() > deadline:
                shot["picture"], shot["dialog"] = None, None
                return
            QTimer.singleShot(50, poll)
            return
        if prepare is not None:
            prepare(dialog)
        session.app.processEvents()
        shot["picture"], shot["dialog"] = over(session.window, dialog), dialog
        QTimer.singleShot(0, lambda: _discard_question(dialog))
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(0, poll)
    trigger()
    session.wait(lambda: "picture" in shot, timeout)
    if shot["picture"] is None:
        raise SystemExit("timed out waiting for the dialog")
    return shot["picture"], shot["dialog"]


def _discard_question(dialog: Any) -> None:
    """Answer «Save the changes?» (asked when a filled-in dialog closes) with «Don't
    save»: a shot never saves."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    question = QApplication.activeModalWidget()
    if isinstance(question, QMessageBox) and question is not dialog:
        discard = question.button(QMessageBox.StandardButton.Discard)
        if discard is not None:
            discard.click()
        else:
            question.reject()


def saver(out: Path, folder: str = "") -> Callable[[Any, str], None]:
    """save(pixmap, name): writes `out/folder/name`, printing its path."""
    target_folder = out / folder if folder else out
    target_folder.mkdir(parents=True, exist_ok=True)

    def save(pixmap: Any, name: str) -> None:
        target = target_folder / name
        pixmap.save(str(target))
        print(f"wrote {target}")

    return save
