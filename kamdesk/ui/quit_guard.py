"""Quitting while card edits still wait for a busy store asks first.

A card's edits wait in memory while another program holds the store's write lock
(kamdesk.ui.card.saving). Closing the window then would lose them without a word,
so `QuitGuard.may_close()` (the window's closeEvent asks it) refuses the close and
asks: «Wait» keeps the window open and closes it by itself once every edit is
stored; «Quit without saving» forgets them and closes. The question is
window-modal and opened without a nested event loop, like UnsavedChanges.

Opening another store closes this one, so `may_leave(switch)` asks the same
before the window switches: «Wait» switches by itself once the edits are stored,
«Open without saving» forgets them and switches now.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

_CARD_SAVING = "kamdesk.ui.card.saving"


CHECK_MS = 500  # how often a waiting quit looks whether the edits are stored


class QuitGuard(QObject):
    """Asks before its window (the parent) closes with card edits not stored."""

    def __init__(self, window: QWidget, store: Callable[[], Any]) -> None:
        super().__init__(window)
        self._store = store
        self._leave_anyway = False
        self._leave: Callable[[], None] = self._close_window  # what «Wait» does at the end
        self.question: QMessageBox | None = None  # while it is asked
        self._waiting = QTimer(self, interval=CHECK_MS)
        self._waiting.timeout.connect(self._leave_when_stored)

    def may_close(self) -> bool:
        """True: nothing waits (or the KAM chose to lose it), close now. False: the
        question is open or the window waits for the store; keep the window."""
        return self._may_go(self._close_window, switching=False)

    def may_leave(self, leave: Callable[[], None]) -> bool:
        """Before the window leaves its store for another: True, nothing waits (or the
        KAM chose to lose it), go on now. False: the question is open, or the window
        waits for the store and then calls `leave()` itself."""
        return self._may_go(leave, switching=True)

    def _may_go(self, leave: Callable[[], None], switching: bool) -> bool:
        if self._leave_anyway:
            # Once: the next store is asked about afresh. What the window handed its
            # queues since the answer (closing saves the cards' fields) goes too.
            self._leave_anyway = False
            drop_waiting_writes(self._store())
            self._waiting.stop()
            return True
        if waiting_writes(self._store()) == 0:
            self._waiting.stop()
            return True
        self._leave = leave
        if self.question is None:
            self._ask(switching)
        return False

    def _close_window(self) -> None:
        window = self.parent()
        assert isinstance(window, QWidget)
        window.close()

    def _leave_when_stored(self) -> None:
        if waiting_writes(self._store(), try_now=False) == 0:
            self._waiting.stop()
            self._leave()

    def _ask(self, switching: bool) -> None:
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
        if switching:
            informative = self.tr(
                "Another program is writing to the database. Wait, and KAMdesk opens "
                "the other database once your changes are saved, or open it now and "
                "lose them."
            )
            leave_text = self.tr("Open without saving")
        else:
            informative = self.tr(
                "Another program is writing to the database. Wait, and KAMdesk quits "
                "once your changes are saved, or quit now and lose them."
            )
            leave_text = self.tr("Quit without saving")
        box.setInformativeText(informative)
        wait = box.addButton(self.tr("Wait"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(leave_text, QMessageBox.ButtonRole.DestructiveRole)
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
            self._leave()

        box.buttonClicked.connect(answered)
        self.question = box
        box.open()


def waiting_writes(store: Any, *, try_now: bool = True) -> int:
    """Card edits still waiting for the store. The card's write queues are looked up
    only once a card has loaded them: the card package brings SQLAlchemy, which must
    not load before the first window paints (and nothing waits before a card opened)."""
    saving = sys.modules.get(_CARD_SAVING)
    if saving is None or store is None:  # no store opened for writing: nothing can wait
        return 0
    return int(saving.waiting_writes(store, try_now=try_now))


def drop_waiting_writes(store: Any) -> None:
    saving = sys.modules.get(_CARD_SAVING)
    if saving is not None and store is not None:
        saving.drop_waiting_writes(store)
