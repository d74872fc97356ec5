"""Help ▸ About, the window's first size and keeping a restored window on the screen:
small pieces of the main window kept apart so that kamdesk/ui/main_window.py stays
readable in one sitting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kamdesk import __version__

DEFAULT_SIZE = QSize(1400, 850)


def show_about(parent: QWidget, store_path: Path) -> None:
    # The catalogue files these under the main window's context, where they were first.
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About KAMdesk"),
        QCoreApplication.translate(
            "MainWindow",
            "<h3>KAMdesk {version}</h3><p>The workstation of a pharmaceutical Key "
            "Account Manager: clients and their dossiers, visits, commercial offers, "
            "products and analytics. It works without a connection; your data stays "
            "on this computer.</p><p>Database: {path}</p>",
        ).format(version=__version__, path=store_path),
    )


def first_window_size(window: QWidget) -> QSize:
    """The default size, but never larger than the screen (a 1366×768 laptop)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    # Leave room for the title bar and frame the window manager adds.
    room = screen.availableGeometry().size().shrunkBy(QMargins(0, 0, 0, 40))
    return DEFAULT_SIZE.boundedTo(room)


def keep_on_screen(window: QWidget) -> None:
    """Moves a restored window, and shrinks it if it must, so that its frame lies within
    the screen's available area: the taskbar may have grown since it was saved, and
    before the window is shown Qt checks only its inside, not the title bar above it.
    Done now, and again once shown, when the window manager's frame is known."""
    _fit(window)
    window.installEventFilter(_RefitWhenShown(window))


class _RefitWhenShown(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            # The frame's size is known after the window manager has placed it.
            QTimer.singleShot(0, watched, lambda: _fit(watched))
            self.deleteLater()
        return False


def _fit(window: QWidget) -> None:
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window manager keeps these within the screen
    frame, inside = window.frameGeometry(), window.geometry()
    screen = QGuiApplication.screenAt(frame.center()) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    if room.contains(frame):
        return
    width, height = min(frame.width(), room.width()), min(frame.height(), room.height())
    window.resize(
        inside.width() - (frame.width() - width), inside.height() - (frame.height() - height)
    )
    # move() places the frame's corner: the title bar stays reachable.
    window.move(
        max(room.left(), min(frame.left(), room.right() + 1 - width)),
        max(room.top(), min(frame.top(), room.bottom() + 1 - height)),
    )
