"""The questions asked when a store is missing, damaged, too new or unavailable.

`DialogPrompts` answers `StorePrompts` with message boxes. Each box is built by
its own method and shown through `_ask()`, which tests override to read the
box and press a button without a modal loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget

from kamdesk.services.encryption import StoreKeyError
from kamdesk.services.workspace import (
    CorruptStoreError,
    SchemaTooNewError,
    StoreError,
    StoreUnavailableError,
)
from kamdesk.ui.file_dialogs import get_open_file_name
from kamdesk.ui.store_lock import StoreInUseError
from kamdesk.ui.store_opening import Recovery, StartChoice

STORE_FILE_FILTER_EXTENSIONS = "*.sqlite *.db *.sqlite3"


class DialogPrompts(QObject):
    """Message boxes for `kamdesk.ui.store_opening.open_interactively`."""

    def __init__(self, parent: QWidget | None = None, at_startup: bool = True) -> None:
        super().__init__(parent)
        self._parent = parent
        # At start-up giving up means quitting; from File ▸ Open it means keeping
        # the database already open.
        self._at_startup = at_startup

    # --- StorePrompts -----------------------------------------------------------

    def first_start(self, path: Path, explicit: bool, demo_available: bool) -> StartChoice | None:
        box = self._box(QMessageBox.Icon.Question, self.tr("Welcome to KAMdesk"))
        if explicit:
            box.setText(self.tr("The database {path} does not exist yet.").format(path=path))
        else:
            box.setText(self.tr("There is no KAMdesk database on this computer yet."))
        box.setInformativeText(
            self.tr(
                "Start with an empty database to enter your own clients, or load the demo "
                "territory: a Russian region with hospitals, pharmacy chains, distributors "
                "and a health ministry, their contacts, visits and three years of sales. "
                "The demo is a good way to look around; your own work is best kept in a "
                "separate database.\n\nThe database will be created at:\n{path}"
            ).format(path=path)
        )
        empty = box.addButton(
            self.tr("Start with an empty database"), QMessageBox.ButtonRole.AcceptRole
        )
        demo = box.addButton(self.tr("Load the demo territory"), QMessageBox.ButtonRole.AcceptRole)
        demo.setEnabled(demo_available)
        if not demo_available:
            demo.setToolTip(self.tr("The demo generator is not installed with this copy."))
        self._add_quit_button(box)
        box.setDefaultButton(empty)
        clicked = self._ask(box)
        if clicked is empty:
            return StartChoice.EMPTY
        if clicked is demo:
            return StartChoice.DEMO
        return None

    def schema_too_new(self, error: SchemaTooNewError) -> Recovery:
        box = self._box(QMessageBox.Icon.Warning, self.tr("Database from a newer KAMdesk"))
        box.setText(
            self.tr("{path} was written by a newer version of KAMdesk.").format(path=error.path)
        )
        box.setInformativeText(
            self.tr(
                "This version cannot read it safely, so the file was not opened and not "
                "changed. Update KAMdesk, or open another database.\n\n"
                "Database version: {found}; this KAMdesk knows up to {known}."
            ).format(found=error.found, known=error.known)
        )
        other = box.addButton(self.tr("Open another file…"), QMessageBox.ButtonRole.AcceptRole)
        self._add_quit_button(box)
        box.setDefaultButton(other)
        clicked = self._ask(box)
        return Recovery.OTHER_FILE if clicked is other else Recovery.QUIT

    def corrupt(self, error: CorruptStoreError) -> Recovery:
        box = self._box(QMessageBox.Icon.Critical, self.tr("The database is damaged"))
        box.setText(self.tr("{path} is damaged and cannot be opened.").format(path=error.path))
        box.setInformativeText(
            self.tr(
                "Nothing was overwritten. You can open a backup copy, or create a new "
                "database: the damaged file is then kept beside it under a new name, so "
                "that it can still be recovered."
            )
        )
        box.setDetailedText(error.detail)
        backup = box.addButton(self.tr("Open a backup copy…"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(
            self.tr("Create a new database"), QMessageBox.ButtonRole.DestructiveRole
        )
        self._add_quit_button(box)
        box.setDefaultButton(backup)
        clicked = self._ask(box)
        if clicked is backup:
            return Recovery.OPEN_BACKUP
        if clicked is new:
            return Recovery.CREATE_NEW
        return Recovery.QUIT

    def unavailable(self, error: StoreUnavailableError) -> Recovery:
        box = self._box(QMessageBox.Icon.Warning, self.tr("The database cannot be opened"))
        box.setText(self.tr("KAMdesk cannot use the database right now."))
        box.setInformativeText(
            self.tr(
                "{reason}\n\nIf another program has it open, close that program and try "
                "again; if the disk is full, free some space."
            ).format(reason=translated(error))
        )
        if error.detail:
            box.setDetailedText(error.detail)
        retry = box.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(self.tr("Open another file…"), QMessageBox.ButtonRole.ActionRole)
        self._add_quit_button(box)
        box.setDefaultButton(retry)
        clicked = self._ask(box)
        if clicked is retry:
            return Recovery.RETRY
        if clicked is other:
            return Recovery.OTHER_FILE
        return Recovery.QUIT

    def already_open(self, error: StoreInUseError) -> Recovery:
        """The store is open in another KAMdesk window (kamdesk.ui.store_lock)."""
        box = self._box(QMessageBox.Icon.Warning, self.tr("The database is already open"))
        box.setText(
            self.tr("{path} is already open in another KAMdesk window.").format(path=error.path)
        )
        if error.pid and error.host:
            holder = self.tr("It is open in process {pid} on the computer {host}.").format(
                pid=error.pid, host=error.host
            )
        else:
            holder = ""
        box.setInformativeText(
            (holder + " " if holder else "")
            + self.tr(
                "Two windows on one database would not see each other's changes, so this "
                "one was not opened and nothing was written to it. Switch to that window, "
                "or open another database."
            )
        )
        other = box.addButton(self.tr("Open another database…"), QMessageBox.ButtonRole.AcceptRole)
        self._add_quit_button(box)
        box.setDefaultButton(other)
        clicked = self._ask(box)
        return Recovery.OTHER_FILE if clicked is other else Recovery.QUIT

    def choose_store_file(self, start: Path, backup: bool) -> Path | None:
        title = self.tr("Open a backup copy") if backup else self.tr("Open a database")
        name_filter = self.tr("KAMdesk databases ({patterns});;All files (*)").format(
            patterns=STORE_FILE_FILTER_EXTENSIONS if not backup else "*"
        )
        chosen = get_open_file_name(self._parent, title, str(start.parent), name_filter)
        return Path(chosen) if chosen else None

    # --- helpers ------------------------------------------------------------------

    def passphrase(self, error: StoreKeyError) -> str | None:
        """The passphrase of an encrypted store (kamdesk.ui.passphrase_dialog)."""
        from kamdesk.ui.passphrase_dialog import PassphraseDialog

        return self._ask_passphrase(PassphraseDialog(error, self._parent))

    def _ask_passphrase(self, dialog: QDialog) -> str | None:
        """Show the passphrase dialog modally (tests override this, as `_ask`)."""
        from kamdesk.ui.passphrase_dialog import run_dialog

        return run_dialog(dialog)

    def _box(self, icon: QMessageBox.Icon, title: str) -> QMessageBox:
        box = QMessageBox(icon, title, "", QMessageBox.StandardButton.NoButton, self._parent)
        box.setObjectName("storeMessage")
        return box

    def _add_quit_button(self, box: QMessageBox) -> None:
        text = self.tr("Quit") if self._at_startup else self.tr("Cancel")
        box.addButton(text, QMessageBox.ButtonRole.RejectRole)

    def _ask(self, box: QMessageBox) -> QAbstractButton | None:
        """Show `box` modally and return the button pressed (tests override this)."""
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return clicked


def translated(error: StoreError) -> str:
    """The store's message in the window's language."""
    message = error.message
    return message.format(QCoreApplication.translate(message.context, message.text))
