"""One-line fields filled by the program show the start of their text, and all of it on hover.

QLineEdit.setText() leaves the cursor after the last character and scrolls the
text so that the cursor is visible: a long text loaded into a narrow field
(«Генеральный директор Иванов И. И.») showed its end, «…ректор Иванов И. И.»,
and the KAM could not tell which field held what. `show_start` puts the
cursor back at the beginning (unless the KAM is typing in the field) and lets
the field show its whole text as a tooltip whenever it does not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QHelpEvent
from PySide6.QtWidgets import QLineEdit, QToolTip

_TIPPED = "kamdeskFullTextTip"  # a dynamic property: the field already has the filter
_FRAME = 8  # the frame and Qt's own text margins, about the same in every style


def show_start(edit: QLineEdit, text: str) -> None:
    """Put `text` in `edit`, its beginning in view (as typed fields are read, left first)."""
    if edit.text() != text:
        edit.setText(text)
    # Where the KAM is typing stays put, also while another program is in front.
    if edit.window().focusWidget() is not edit:
        edit.setCursorPosition(0)
    full_text_tip(edit)


def full_text_tip(edit: QLineEdit) -> QLineEdit:
    """Let `edit` show its whole text as a tooltip when the field is too narrow for it."""
    if not edit.property(_TIPPED):
        edit.setProperty(_TIPPED, True)
        edit.installEventFilter(_FullTextTip(edit))
    return edit


def hidden_text(edit: QLineEdit) -> bool:
    """True when part of the text is scrolled out of the field."""
    if edit.echoMode() != QLineEdit.EchoMode.Normal or not edit.text():
        return False
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - _FRAME
    return edit.fontMetrics().horizontalAdvance(edit.text()) > room


def tip_text(edit: QLineEdit) -> str:
    """What the field's tooltip says: its own tip, then the whole text if it is cut."""
    own = edit.toolTip()
    if not hidden_text(edit):
        return own
    return f"{own}\n\n{edit.text()}" if own else edit.text()


class _FullTextTip(QObject):
    """Answers the field's tooltip event with `tip_text`, and puts the cursor of a field
    the program focuses after its text (a child of the field: it goes with the field)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._edit:
            return False
        if event.type() == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            # Focused by the program, the field goes on after its text as setText() left
            # it (a click puts the cursor where it lands, Tab selects it all).
            edit = self._edit
            by_program = event.reason() == Qt.FocusReason.OtherFocusReason
            if by_program and edit.cursorPosition() == 0 and not edit.hasSelectedText():
                edit.end(False)
        elif event.type() == QEvent.Type.ToolTip:
            text = tip_text(self._edit)
            if text != self._edit.toolTip():
                assert isinstance(event, QHelpEvent)
                QToolTip.showText(event.globalPos(), text, self._edit)
                return True
        return False
