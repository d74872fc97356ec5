"""Asking for the store's passphrase: where no keyring holds its key, or the key it
holds does not open this store (kamdesk.store.crypto)."""

from __future__ import annotations

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
        # A new store without a keyring: the passphrase is chosen, so it is typed twice.
        self.new = bool(getattr(error, "new", False))
        if self.new:
            self.setWindowTitle(self.tr("Choose a passphrase"))
            text = self.tr(
                "KAMdesk encrypts the new database {path}, and there is no system keyring "
                "here to keep its key in. Choose a passphrase and type it twice: it is asked "
                "for every time the database or its backups are opened. If it is lost, "
                "nobody can read them: write it down and keep it somewhere safe."
            ).format(path=error.path)
        elif getattr(error, "missing", True):
            # The store's own message names keyrings and environment variables: it is
            # for the command line. In the window a KAM is asked for the password only.
            self.setWindowTitle(self.tr("The database is encrypted"))
            text = self.tr(
                "The database {path} is encrypted. Type its passphrase: the one chosen "
                "when it was created or encrypted."
            ).format(path=error.path)
        else:
            self.setWindowTitle(self.tr("The database is encrypted"))
            text = self.tr(
                "This passphrase does not open the database {path}. Check the keyboard "
                "layout and Caps Lock and type it again. If the database was encrypted on "
                "another computer or for another user, ask your administrator. Nothing was "
                "written to it."
            ).format(path=error.path)
        reason = QLabel(text)
        reason.setWordWrap(True)
        self.field = self._password_field("passphrase", self.tr("Passphrase"))
        self.again = self._password_field("passphraseAgain", self.tr("The passphrase again"))
        self.again.setVisible(self.new)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        opening = self.tr("Create") if self.new else self.tr("Open")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(opening)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addWidget(self.field)
        layout.addWidget(self.again)
        layout.addWidget(buttons)

    def _password_field(self, name: str, hint: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(hint)
        field.textChanged.connect(self._typed)
        return field

    def _typed(self) -> None:
        text = self.field.text()
        self._ok.setEnabled(bool(text) and (not self.new or self.again.text() == text))

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
