"""Knowing when the focus has left a typed-into combo box, suggestions included.

A combo box holds the focus for its line edit, and neither sees a focus-out of its
own when Tab leaves while the completer's suggestions are open; the application's
focusChanged is the one signal that says it every time (the client fields of the
plan dialog and of the offer editor).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from shiboken6 import isValid


class OnLeaving(QObject):
    """Calls `action` when the focus leaves `combo` (and its suggestions) for elsewhere."""

    def __init__(self, combo: QComboBox, action: Callable[[], None]) -> None:
        super().__init__(combo)
        self._combo, self._action = combo, action
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _inside(self, widget: QWidget | None) -> bool:
        completer = self._combo.completer()
        popup = completer.popup() if completer is not None else None
        return widget is not None and (
            widget is self._combo
            or self._combo.isAncestorOf(widget)
            or (popup is not None and (widget is popup or popup.isAncestorOf(widget)))
        )

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self._combo):  # its dialog is being destroyed
            return
        if self._inside(old) and not self._inside(new):
            self._action()
