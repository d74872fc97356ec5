"""File ▸ «Вернуть неотправленное из копии…»: the unsent edits of a damaged store.

When a damaged store was moved aside and a new one made, the edits the office had
not acknowledged are still in the old file. The KAM picks that file; the work
(kamdesk.sync.salvage: read the copy read-only, re-queue with the original change
ids, show the values here) runs on the window's TaskRunner; a message says how
many came back, and the next sync sends them. A refused file (not a store, the
open store itself, another user's) is told by the window's error dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from kamdesk.ui.file_dialogs import get_open_file_name

if TYPE_CHECKING:
    from kamdesk.sync.salvage import SalvageReport
    from kamdesk.ui.main_window import MainWindow

# Texts as literal translate("Context", "…") calls: lupdate extracts no helper's text.
translate = QCoreApplication.translate


class SalvageCommand(QObject):
    """The File menu's command, placed after «Restore from backup…»."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("salvageUnsent")
        self.action.triggered.connect(self.start)
        actions = window.file_menu.actions()
        after = actions.index(window.restore_action) + 1
        if after < len(actions):
            window.file_menu.insertAction(actions[after], self.action)
        else:
            window.file_menu.addAction(self.action)
        self.result: QMessageBox | None = None
        window.installEventFilter(self)
        self._retranslate()

    def start(self) -> None:
        window = self.window
        chosen = get_open_file_name(
            window,
            translate("SalvageCommand", "Copy of the database with unsent changes"),
            str(window.workspace.path.parent),
            translate("SalvageCommand", "KAMdesk databases (*.sqlite *.db);;All files (*)"),
        )
        if not chosen:
            return
        from kamdesk.sync.salvage import salvage  # SQLAlchemy: not on the start-up path

        workspace = window.workspace
        window.statusBar().showMessage(
            translate("SalvageCommand", "Reading unsent changes from {file}…").format(
                file=Path(chosen).name
            )
        )

        def work(_progress: Any) -> SalvageReport:
            return salvage(workspace.store, Path(chosen))

        window.tasks.run(work, self._done, owner=window)

    def _done(self, report: SalvageReport) -> None:
        window = self.window
        window.statusBar().clearMessage()
        lines = [
            translate("SalvageCommand", "Changes found in the copy: {count}").format(
                count=report.found
            ),
            translate("SalvageCommand", "Queued to be sent to the office: {count}").format(
                count=report.requeued
            ),
            translate("SalvageCommand", "Already received by the office: {count}").format(
                count=report.acknowledged
            ),
        ]
        if report.already_here:
            lines.append(
                translate(
                    "SalvageCommand", "Already returned from this copy before: {count}"
                ).format(count=report.already_here)
            )
        if report.superseded:
            lines.append(
                translate("SalvageCommand", "Changed again in this database since: {count}").format(
                    count=report.superseded
                )
            )
        lines.append(
            translate("SalvageCommand", "Could not be read (damaged): {count}").format(
                count=report.unreadable
            )
        )
        if report.requeued:
            lines.append(translate("SalvageCommand", "The next sync with the office sends them."))
        self.result = QMessageBox(
            QMessageBox.Icon.Information,
            translate("SalvageCommand", "Unsent changes"),
            "\n".join(lines),
            QMessageBox.StandardButton.Ok,
            window,
        )
        self.result.setObjectName("salvageResult")
        self.result.open()
        window.reload_pages()
        refresh = getattr(getattr(window, "sync", None), "refresh", None)
        if callable(refresh):
            refresh()  # the status bar's count of what waits for the office

    def _retranslate(self) -> None:
        self.action.setText(translate("SalvageCommand", "Return &unsent changes from a copy…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False
