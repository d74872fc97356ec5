"""Asking for the store's passphrase: where no keyring holds its key, or the key it
holds does not open this store (kamdesk.store.crypto)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.encryption import StoreKeyError


class PassphraseDialog(QDialog):
    """The reason (no key, or the wrong one), a hidden field and OK/Cancel."""

    def __init__(self, error: StoreKeyError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("The database is encrypted"))
        message = error.message
        reason = QLabel(message.format(QCoreApplication.translate(message.context, message.text)))
        reason.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Passphrase"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.field.textChanged.connect(lambda text: self._ok.setEnabled(bool(text)))
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addWidget(self.field)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        return self.field.text()


def run_dialog(dialog: QDialog) -> str | None:
    """The passphrase typed into `dialog` (a PassphraseDialog); None when cancelled."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = dialog.passphrase() if isinstance(dialog, PassphraseDialog) else ""
    dialog.deleteLater()
    return typed or None if accepted else None


def ask_passphrase(error: StoreKeyError, parent: QWidget | None = None) -> str | None:
    """The passphrase the user typed; None when they cancelled."""
    return run_dialog(PassphraseDialog(error, parent))
