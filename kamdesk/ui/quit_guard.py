"""Quitting while card edits still wait for a busy store asks first.

A card's edits wait in memory while another program holds the store's write lock
(kamdesk.ui.card.saving). Closing the window then would lose them without a word,
so `QuitGuard.may_close()` (the window's closeEvent asks it) refuses the close and
asks: «Wait» keeps the window open and closes it by itself once every edit is
stored; «Quit without saving» forgets them and closes. The question is
window-modal and opened without a nested event loop, like UnsavedChanges.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from kamdesk.ui.card.saving import drop_waiting_writes, waiting_writes

CHECK_MS = 500  # how often a waiting quit looks whether the edits are stored


class QuitGuard(QObject):
    """Asks before its window (the parent) closes with card edits not stored."""

    def __init__(self, window: QWidget, store: Callable[[], Any]) -> None:
        super().__init__(window)
        self._store = store
        self._leave_anyway = False
        self.question: QMessageBox | None = None  # while it is asked
        self._waiting = QTimer(self, interval=CHECK_MS)
        self._waiting.timeout.connect(self._close_when_stored)

    def may_close(self) -> bool:
        """True: nothing waits (or the KAM chose to lose it), close now. False: the
        question is open or the window waits for the store; keep the window."""
        if self._leave_anyway or waiting_writes(self._store()) == 0:
            self._waiting.stop()
            return True
        if self.question is None:
            self._ask()
        return False

    def _close_when_stored(self) -> None:
        if waiting_writes(self._store(), try_now=False) == 0:
            self._waiting.stop()
            window = self.parent()
            assert isinstance(window, QWidget)
            window.close()

    def _ask(self) -> None:
        window = self.parent()
        assert isinstance(window, QWidget)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("KAMdesk"),
            self.tr("Changes are not saved yet: the database is busy."),
            QMessageBox.StandardButton.NoButton,
            window,
        )
        box.setObjectName("unsavedOnQuit")
        box.setInformativeText(
            self.tr(
                "Another program is writing to the database. Wait, and KAMdesk quits "
                "once your changes are saved, or quit now and lose them."
            )
        )
        wait = box.addButton(self.tr("Wait"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("Quit without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(wait)
        box.setEscapeButton(wait)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(clicked: QAbstractButton) -> None:
            self.question = None
            if clicked is wait:
                self._waiting.start()
                return
            self._leave_anyway = True
            drop_waiting_writes(self._store())
            window.close()

        box.buttonClicked.connect(answered)
        self.question = box
        box.open()
