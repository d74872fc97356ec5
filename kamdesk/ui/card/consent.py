"""The question asked when a contact's consent to personal-data processing is withdrawn.

152-ФЗ (ст. 21 ч. 5) wants the personal details destroyed once consent is
withdrawn; the card asks at once, in plain words, and the answer «Не сейчас»
leaves a button in the contact's Personal data box to do it later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


class ErasureQuestion(QMessageBox):
    """Window-modal and not blocking: the answer arrives through `on_erase`."""

    def __init__(self, full_name: str, on_erase: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("erasureQuestion")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Consent withdrawn"))
        self.setText(
            self.tr("{name}: consent to the processing of personal data is withdrawn.").format(
                name=full_name
            )
        )
        self.setInformativeText(
            self.tr(
                "The law on personal data (152-FZ, article 21) requires destroying them within "
                "30 days of the withdrawal. Erase the personal details now (birthday, education, "
                "previous jobs, military service, family, hobbies, concerns, habits, topics to "
                "avoid, notes)? They are erased on this computer, also from changes not yet sent "
                "to the office, and the erasure itself goes to the office at the next sync. "
                "This cannot be undone."
            )
        )
        self.erase_button = self.addButton(
            self.tr("Erase personal details"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("eraseDetails")
        self.keep_button = self.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keepDetails")
        self.setDefaultButton(self.keep_button)  # Enter must not destroy anything
        self.setEscapeButton(self.keep_button)
        self._on_erase = on_erase
        self.buttonClicked.connect(self._answered)

    def _answered(self, button: QAbstractButton) -> None:
        if button is self.erase_button:
            self._on_erase()


def ask_to_erase(parent: QWidget, full_name: str, on_erase: Callable[[], None]) -> ErasureQuestion:
    question = ErasureQuestion(full_name, on_erase, parent)
    question.open()
    return question
