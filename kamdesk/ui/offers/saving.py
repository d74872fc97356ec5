"""Saving an offer off the UI thread, so a busy store never freezes the editor.

While another program (a price import, a second KAMdesk) holds the store's write
lock, a write waits up to the store's busy timeout; on the UI thread that wait is a
frozen window. `OfferSaving.start(draft, ...)` runs `OfferBook.save` on a worker of
the window's TaskRunner instead, with the editor as the task's owner (a result for
a closed editor is dropped). Meanwhile Save reads «Saving…» and Save and Cancel
are disabled; a save refused because the store stayed busy re-enables them and
says so under the buttons, with everything typed still in the editor.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from kamdesk.i18n import Message
from kamdesk.services.offers import OfferBook, OfferDraft, OfferError
from kamdesk.services.store_wait import is_busy
from kamdesk.ui.tasks import TaskRunner

ERROR_STYLE = "color: #b3261e;"


class OfferSaving(QObject):
    """The save under way of one editor (its parent) and the note saying why the last
    one failed."""

    def __init__(
        self,
        editor: QDialog,
        book: OfferBook,
        buttons: QDialogButtonBox,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(editor)
        # The window's runner; an editor made without one brings its own (tests, tools).
        self._tasks = tasks if tasks is not None else TaskRunner(parent=self)
        self._book = book
        self.under_way = False
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self._save_text = self.save_button.text()
        self.note = QLabel()
        self.note.setObjectName("saveNote")
        self.note.setStyleSheet(ERROR_STYLE)
        self.note.setWordWrap(True)
        self.note.hide()

    def start(
        self,
        draft: OfferDraft,
        on_stored: Callable[[uuid.UUID], None],
        on_refused: Callable[[dict[str, Message]], None],
    ) -> bool:
        """Save `draft` on a worker (True: started). `on_stored(offer_id)` runs when it
        is stored, `on_refused(problems)` when the service finds problems."""
        if self.under_way:
            return False
        # The worker gets its own copy: the editor's line model keeps its lines, and
        # the service sets their VAT while the UI may be reading them.
        book, mine = self._book, copy.deepcopy(draft)

        def work(_progress: object) -> uuid.UUID:
            return book.save(mine)

        def failed(error: BaseException) -> None:
            self._set_under_way(False)
            if isinstance(error, OfferError):
                on_refused(error.messages)
            elif is_busy(error):
                self.note.setText(
                    self.tr(
                        "Not saved: the database is busy with another program. Your offer "
                        "is still here; press Save again in a moment."
                    )
                )
                self.note.show()
            else:
                self._tasks.report(error)

        def stored(offer_id: uuid.UUID) -> None:
            self._set_under_way(False)
            on_stored(offer_id)

        self._set_under_way(True)
        self._tasks.run(work, stored, failed, owner=self.parent())
        return True

    def _set_under_way(self, under_way: bool) -> None:
        self.under_way = under_way
        self.save_button.setEnabled(not under_way)
        self.save_button.setText(self.tr("Saving…") if under_way else self._save_text)
        self.cancel_button.setEnabled(not under_way)  # the save under way decides
        if under_way:
            self.note.hide()
