"""Saving a dialog off the UI thread, so a busy store never freezes it.

While another program (a price import, a second KAMdesk) holds the store's write
lock, a write waits up to the store's busy timeout; on the UI thread that wait is a
frozen window. `BackgroundSave.start(work, ...)` runs the dialog's write on a worker
of the window's TaskRunner instead, with the dialog as the task's owner (a result
for a closed dialog is dropped). Meanwhile Save reads «Saving…» and Save and Cancel
are disabled; a save given up because the store stayed busy re-enables them and
says so under the buttons (the dialog's own words), with everything typed still in
the dialog. The offer editor and the visit plan dialog save this way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from kamdesk.services.store_wait import is_busy
from kamdesk.ui.tasks import TaskRunner

ERROR_STYLE = "color: #b3261e;"
T = TypeVar("T")


class BackgroundSave(QObject):
    """The save under way of one dialog (its parent) and the note saying why the last
    one was given up."""

    def __init__(
        self,
        dialog: QDialog,
        buttons: QDialogButtonBox,
        busy_text: Callable[[], str],
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(dialog)
        # The window's runner; a dialog made without one brings its own (tests, tools).
        self._tasks = tasks if tasks is not None else TaskRunner(parent=self)
        self._busy_text = busy_text
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
        work: Callable[[], T],
        on_stored: Callable[[T], None],
        refused_by: type[Exception],
        on_refused: Callable[[dict[str, Any]], None],
    ) -> bool:
        """Run `work()` on a worker (True: started). `on_stored(result)` runs when it is
        stored; a `refused_by` error's reasons go to `on_refused(error.messages)`, a busy
        store gets the note, anything else the runner's error report."""
        if self.under_way:
            return False

        def run(_progress: object) -> T:
            return work()

        def failed(error: BaseException) -> None:
            self._set_under_way(False)
            if isinstance(error, refused_by):
                on_refused(getattr(error, "messages", {}))
            elif is_busy(error):
                self.note.setText(self._busy_text())
                self.note.show()
            else:
                self._tasks.report(error)

        def stored(result: Any) -> None:
            self._set_under_way(False)
            on_stored(result)

        self._set_under_way(True)
        self._tasks.run(run, stored, failed, owner=self.parent())
        return True

    def _set_under_way(self, under_way: bool) -> None:
        self.under_way = under_way
        self.save_button.setEnabled(not under_way)
        self.save_button.setText(self.tr("Saving…") if under_way else self._save_text)
        self.cancel_button.setEnabled(not under_way)  # the save under way decides
        if under_way:
            self.note.hide()
