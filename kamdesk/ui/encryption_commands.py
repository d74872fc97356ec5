"""File ▸ Encrypt database… and the status bar's «Encrypted» / «Not encrypted».

A store made by an earlier KAMdesk is plain SQLite; the status bar says so and the
File menu offers to encrypt it (the command is shown only for a plain store). The
dialog says what happens (a backup first, the key in the system keyring or a
passphrase chosen twice, what a lost passphrase means). Encrypting needs the file to
itself: open cards hand over what is typed, office sync stops, the window's
connections close, the work runs on the window's TaskRunner with progress, and the
store is reopened (encrypted, or as it was after a failure). Copies SQLite cannot
read (damaged ones) stay plain: the window names them and offers to delete them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import Message
from kamdesk.services import encryption
from kamdesk.services.workspace import StoreError, open_workspace

if TYPE_CHECKING:
    from kamdesk.ui.main_window import MainWindow


# Texts as literal translate("Context", "…") calls: lupdate extracts no helper's text.
translate = QCoreApplication.translate


class EncryptionCommands(QObject):
    """The command and the status of the window's open store."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.encrypted: bool | None = None  # None: not known yet
        self.action = QAction(window)
        self.action.setObjectName("encryptDatabase")
        self.action.setVisible(False)
        self.action.triggered.connect(self.start)
        actions = window.file_menu.actions()
        after = actions.index(window.restore_action) + 1
        if after < len(actions):
            window.file_menu.insertAction(actions[after], self.action)
        else:
            window.file_menu.addAction(self.action)
        self.label = QLabel(window)
        self.label.setObjectName("storeEncryption")
        window.statusBar().addPermanentWidget(self.label)
        window.workspace_changed.connect(self.check)
        window.installEventFilter(self)
        self.last_result: Any = None
        self.plain_left: QMessageBox | None = None
        self._retranslate()
        self.check()

    def check(self) -> None:
        """Find out (off the UI thread) whether the open store is encrypted."""
        path = self.window.workspace.path
        self.window.tasks.run(
            lambda _progress: encryption.store_is_encrypted(path),
            self._known,
            lambda _error: self._known(None),
            owner=self,
        )

    def _known(self, encrypted: bool | None) -> None:
        self.encrypted = encrypted
        self.action.setVisible(encrypted is False)
        self.action.setEnabled(encrypted is False)
        self._retranslate()

    # --- the command ------------------------------------------------------------------

    def start(self) -> None:
        """Ask the keyring where the key would go (off the UI thread), then explain."""
        self.window.tasks.run(lambda _progress: encryption.key_source(), self._explain, owner=self)

    def _explain(self, source: str) -> None:
        dialog = EncryptDialog(self.window.workspace.path, source, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._leave_store(dialog.passphrase()))
        dialog.open()

    def _leave_store(self, passphrase: str | None) -> None:
        window = self.window
        if not window.may_leave_store(lambda: self._leave_store(passphrase)):
            return  # edits wait for a busy store: asked; called again once answered
        window.sync.stop()
        if window.sync.running:
            window.sync.running_changed.connect(
                lambda _running: self._encrypt(passphrase), Qt.ConnectionType.SingleShotConnection
            )
        else:
            self._encrypt(passphrase)

    def _encrypt(self, passphrase: str | None) -> None:
        window = self.window
        path = window.workspace.path
        window.sync.close_backend()
        window.workspace.close()  # the file must be free: reopened afterwards
        progress = QProgressDialog(window)
        progress.setObjectName("encryptProgress")
        progress.setWindowTitle(translate("EncryptDatabase", "Encrypt database"))
        progress.setLabelText(translate("EncryptDatabase", "Encrypting the database…"))
        progress.setCancelButton(None)
        progress.setRange(0, 100)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setValue(0)

        def report(percent: int, stage: object) -> None:
            progress.setValue(percent)
            if isinstance(stage, Message):
                progress.setLabelText(stage.format(_translated(stage)))

        def done(result: Any) -> None:
            progress.close()
            progress.deleteLater()
            self.last_result = result
            count = len(result.backups_encrypted)
            note = translate(
                "EncryptDatabase",
                "The database is encrypted; backups and copies encrypted too: {count}.",
            ).format(count=count)
            if self._reopen(path, note) and result.left_plain:
                self._offer_removal(list(result.left_plain))

        def failed(error: BaseException) -> None:
            progress.close()
            progress.deleteLater()
            if self._reopen(path):
                window.show_error(error)  # the store is as it was

        def work(step: Any) -> Any:  # the stages are Messages, translated in `report`
            return encryption.encrypt_plain_store(path, passphrase, progress=step)

        window.tasks.run(
            work,
            done,
            failed,
            on_progress=report,
            owner=self,
        )

    def _reopen(self, path: Path, note: str = "") -> bool:
        window = self.window
        try:
            reopened = open_workspace(path)
        except StoreError as error:
            window.show_error(error)
            return False
        if note:  # said once the figures are up to date: the refresh's own note would hide it
            window.refreshed.connect(
                lambda: window.statusBar().showMessage(note, 30_000),
                Qt.ConnectionType.SingleShotConnection,
            )
        window.set_workspace(reopened, then=window.start_refresh)
        return True

    def _offer_removal(self, paths: list[Path]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("EncryptDatabase", "Copies left unencrypted"),
            translate(
                "EncryptDatabase",
                "These copies of the database could not be encrypted: SQLite cannot read "
                "them (damaged files kept for a recovery). They still show clients and "
                "contacts to anyone who reads the disk.",
            ),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setObjectName("plainCopiesLeft")
        box.setInformativeText(
            "\n".join(str(p) for p in paths)
            + "\n\n"
            + translate(
                "EncryptDatabase", "Delete them if nobody needs them for a recovery any more."
            )
        )
        delete = box.addButton(
            translate("EncryptDatabase", "Delete these copies"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(
            translate("EncryptDatabase", "Keep them"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(clicked: QAbstractButton) -> None:
            self.plain_left = None
            if clicked is delete:
                removed = encryption.remove_plain_copies(paths)
                self.window.statusBar().showMessage(
                    translate("EncryptDatabase", "Unencrypted copies deleted: {count}.").format(
                        count=len(removed)
                    ),
                    30_000,
                )

        box.buttonClicked.connect(answered)
        self.plain_left = box
        box.open()

    # --- language -----------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.action.setText(translate("EncryptDatabase", "&Encrypt database…"))
        if self.encrypted is None:
            self.label.setText("")
            self.label.setToolTip("")
        elif self.encrypted:
            self.label.setText(translate("EncryptDatabase", "Encrypted"))
            self.label.setToolTip(
                translate(
                    "EncryptDatabase",
                    "The database and its backups are encrypted: the disk shows nothing of them.",
                )
            )
        else:
            self.label.setText(translate("EncryptDatabase", "Not encrypted"))
            self.label.setToolTip(
                translate(
                    "EncryptDatabase",
                    "The database is not encrypted: File ▸ Encrypt database… encrypts it.",
                )
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


class EncryptDialog(QDialog):
    """What encrypting does, and the passphrase typed twice where no keyring works."""

    def __init__(self, path: Path, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encryptDialog")
        self.setWindowTitle(translate("EncryptDatabase", "Encrypt database"))
        self.choose = source == ""
        intro = QLabel(
            translate(
                "EncryptDatabase",
                "KAMdesk will encrypt {path}. Without the key, nobody who gets this "
                "computer's disk, a backup or a copy of the file can read the clients, "
                "contacts and their personal details.\n\nFirst a backup is made. Then an "
                "encrypted copy is written, checked against the database and put in its "
                "place, and the database's backups and the copies KAMdesk kept of it are "
                "encrypted too. Close other KAMdesk windows on this database first.",
            ).format(path=path),
            self,
        )
        intro.setObjectName("encryptIntro")
        intro.setWordWrap(True)
        if source == "keyring":
            text = translate(
                "EncryptDatabase",
                "The key is a random one, kept in the system keyring of your user account: "
                "KAMdesk opens the database and its backups with it without asking. If the "
                "user account or the computer is lost, the key is lost with it: ask your "
                "administrator to keep a copy of it.",
            )
        elif source == "passphrase":
            text = translate(
                "EncryptDatabase",
                "The database is encrypted with the passphrase this KAMdesk already uses "
                "(KAMDESK_PASSPHRASE, or the one you typed): it is needed every time the "
                "database or a backup is opened. If it is lost, nobody can read them.",
            )
        else:
            text = translate(
                "EncryptDatabase",
                "There is no system keyring here, so the key is a passphrase you choose: "
                "type it twice. It is asked for every time the database or a backup is "
                "opened. If the passphrase is lost, nobody, neither KAMdesk nor your "
                "administrator, can read the database or its backups: write it down and "
                "keep it somewhere safe.",
            )
        key = QLabel(text, self)
        key.setObjectName("encryptKey")
        key.setWordWrap(True)
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.again = QLineEdit(self)
        self.again.setObjectName("repeatPassphrase")
        for field, hint in (
            (self.first, translate("EncryptDatabase", "Passphrase")),
            (self.again, translate("EncryptDatabase", "The passphrase again")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setPlaceholderText(hint)
            field.setVisible(self.choose)
            field.textChanged.connect(self._typed)
        self.differ = QLabel(translate("EncryptDatabase", "The two passphrases differ."), self)
        self.differ.setObjectName("passphrasesDiffer")
        self.differ.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("EncryptDatabase", "Cancel")
        )
        self.encrypt_button = self.buttons.addButton(
            translate("EncryptDatabase", "Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.encrypt_button.setObjectName("encryptNow")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, key, self.first, self.again, self.differ, self.buttons):
            layout.addWidget(widget)
        self.resize(560, self.sizeHint().height())
        self._typed()

    def passphrase(self) -> str | None:
        """The passphrase chosen (None: the key comes from the keyring or is known)."""
        return self.first.text() if self.choose else None

    def _typed(self) -> None:
        first, again = self.first.text(), self.again.text()
        self.differ.setVisible(self.choose and bool(again) and first != again)
        self.encrypt_button.setEnabled(not self.choose or (bool(first) and first == again))


def _translated(message: Message) -> str:
    return QCoreApplication.translate(message.context, message.text)
