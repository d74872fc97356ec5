"""«Cancel the visit»: why, before anything is cancelled.

The service cancels only with a reason (`cancel_visit`). A bare text prompt took «OK»
with the field empty, closed, and the visit stayed planned while the KAM thought it
cancelled. Here «OK» waits for a reason (spaces are none), a hint under the field says
so, and a call is spoken of as a call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QDialogButtonBox, QInputDialog, QLabel, QLineEdit, QWidget

from kamdesk.services.visits import VisitRow


def _texts(row: VisitRow) -> tuple[str, str, str]:
    """Title, question and hint, a call's or a visit's (literal translate() calls:
    pyside6-lupdate extracts only those)."""
    if row.is_call:
        return (
            QCoreApplication.translate("VisitsPage", "Cancel the call"),
            QCoreApplication.translate("VisitsPage", "Why is the call to %1 cancelled?"),
            QCoreApplication.translate(
                "VisitsPage", "A reason is needed: without one the call is not cancelled."
            ),
        )
    return (
        QCoreApplication.translate("VisitsPage", "Cancel the visit"),
        QCoreApplication.translate("VisitsPage", "Why is the visit to %1 cancelled?"),
        QCoreApplication.translate(
            "VisitsPage", "A reason is needed: without one the visit is not cancelled."
        ),
    )


class CancelDialog(QInputDialog):
    """The reason `row` is cancelled; `reason()` once accepted, never empty."""

    def __init__(self, row: VisitRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelDialog")
        title, question, hint = _texts(row)
        self.setWindowTitle(title)
        self.setLabelText(question.replace("%1", row.account_name))
        self.setInputMode(QInputDialog.InputMode.TextInput)
        self.setMinimumWidth(420)
        self.setOkButtonText(self.tr("Cancel it"))  # builds the dialog's own layout
        self.setCancelButtonText(self.tr("Keep it"))
        buttons = self.findChild(QDialogButtonBox)
        field = self.findChild(QLineEdit)
        assert buttons is not None and field is not None
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.hint = QLabel(hint)
        self.hint.setObjectName("cancelReasonHint")
        self.hint.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)  # QInputDialog's: label, field, buttons
        layout.insertWidget(layout.indexOf(field) + 1, self.hint)  # under the field
        self._hint_text = hint
        self.textValueChanged.connect(self._changed)
        self._changed(self.textValue())

    def _changed(self, text: str) -> None:
        """«OK» only with a reason; until then the hint says why it is off."""
        missing = not text.strip()
        self._ok.setEnabled(not missing)
        self._ok.setToolTip(self._hint_text if missing else "")
        self.hint.setVisible(missing)

    def accept(self) -> None:
        if not self.reason():  # Enter with the button off: stay, the hint says why
            return
        super().accept()

    def reason(self) -> str:
        return self.textValue().strip()
