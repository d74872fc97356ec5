"""Enter in a choice never accepts a dialog.

A dialog's default button (Save, Create) is clicked by Enter that no widget took. A combo
box (editable or not), a spin box or date field, a table or list and the editor open in a
cell all let Enter through once they have done with it, so picking a product with Down,
Enter closed and saved the offer. `keep_enter_in_editors(dialog)` stops Enter there: the
editor still gets it (a cell is committed, a typed number read), the dialog does not. Enter
in a plain line edit, or on a focused button, still works as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QDialog

EDITORS = (QComboBox, QAbstractSpinBox, QAbstractItemView)
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _inside_editor(widget: QObject | None, dialog: QDialog) -> bool:
    """`widget` is an editor, or part of one (a combo's line edit, a cell's editor)."""
    while widget is not None and widget is not dialog:
        if isinstance(widget, EDITORS):
            return True
        widget = widget.parent()
    return False


class _EnterGuard(QObject):
    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter an editor let through to the dialog is swallowed here.
        return (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER
            and _inside_editor(QApplication.focusWidget(), self._dialog)
        )


def keep_enter_in_editors(dialog: QDialog) -> None:
    """Enter that a combo box, spin box, date field, table or cell editor let through
    is not passed on to `dialog` (its default button stays unclicked)."""
    dialog.installEventFilter(_EnterGuard(dialog))
