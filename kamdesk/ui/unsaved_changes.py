"""Closing a dialog with unsaved changes asks first: save, don't save, or go back.

A dialog keeps an `UnsavedChanges` made once it has shown what it edits; it
remembers that state (a deep copy: editors change their lines in place) and its
`reject()` (Esc, «Отмена», the window's close button all end there) calls
`ask()`. Nothing changed: the dialog closes at once. Otherwise a question
opens (window-modal, without a nested event loop) and the answer saves, throws
the changes away, or returns to the dialog with everything still typed.

It holds the dialog and its methods weakly: a dialog deleted on close must not be
kept alive (as a Python wrapper of a deleted C++ object) by its own helper.
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox

# Texts as literal translate("Context", "…") calls: lupdate extracts no helper's text.
translate = QCoreApplication.translate


class UnsavedChanges:
    def __init__(
        self, dialog: QDialog, state: Callable[[], Any], save: Callable[[], object]
    ) -> None:
        """`state` and `save` are methods of `dialog` (held weakly, like it)."""
        self._dialog = weakref.ref(dialog)
        self._state, self._save = weakref.WeakMethod(state), weakref.WeakMethod(save)
        self._unchanged: Any = None
        self.question: QMessageBox | None = None  # while it is asked
        self.mark_unchanged()

    def mark_unchanged(self) -> None:
        """What the dialog shows now counts as saved (after loading, after a save)."""
        self._unchanged = copy.deepcopy(self._current())

    def changed(self) -> bool:
        return bool(self._current() != self._unchanged)

    def _current(self) -> Any:
        state = self._state()
        return state() if state is not None else self._unchanged

    def ask(self) -> None:
        """Close the dialog if nothing changed; otherwise ask what to do. (The dialog's
        own `reject()` calls this; closing uses QDialog's, which does not ask again.)"""
        if self.question is not None:
            return  # already asked; the answer decides
        dialog = self._dialog()
        if dialog is None:
            return
        if not self.changed():
            QDialog.reject(dialog)
            return
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("UnsavedChanges", "Unsaved changes"),
            translate("UnsavedChanges", "Save changes?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            dialog,
        )
        box.setObjectName("unsavedChanges")
        for button, text in (
            (buttons.Save, translate("UnsavedChanges", "Save")),
            (buttons.Discard, translate("UnsavedChanges", "Don't save")),
            (buttons.Cancel, translate("UnsavedChanges", "Go back")),
        ):
            box.button(button).setText(text)
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)  # Esc in the question returns to the dialog
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        # The answer's slot lives as long as the box and holds nothing of the dialog
        # strongly: otherwise deleting the box (a child of the dialog) could delete the
        # dialog from inside the box's own destruction.
        def answered(clicked: QAbstractButton) -> None:
            self.question = None
            choice = box.standardButton(clicked)
            save, still_there = self._save(), self._dialog()
            if choice == buttons.Save and save is not None:
                save()
            elif choice == buttons.Discard and still_there is not None:
                QDialog.reject(still_there)

        box.buttonClicked.connect(answered)
        self.question = box
        box.open()
