"""Help ▸ About and the window's first size: small pieces of the main window kept apart
so that kamdesk/ui/main_window.py stays readable in one sitting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMargins, QSize
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
