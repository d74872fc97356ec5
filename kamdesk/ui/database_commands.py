"""File ▸ Open/New database, backups and loading the demo territory, for the main window.

Texts keep the "MainWindow" translation context: they are the window's commands.
The file dialogs come from `kamdesk.ui.file_dialogs`: they list the store's
folder without opening its files (which would drop SQLite's locks on the store
the window has open).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from kamdesk.i18n import Message
from kamdesk.services.workspace import StoreError, open_workspace
from kamdesk.ui import store_lock
from kamdesk.ui.file_dialogs import get_save_file_name
from kamdesk.ui.formatting import format_datetime
from kamdesk.ui.store_dialogs import DialogPrompts
from kamdesk.ui.store_opening import has_store, open_interactively

if TYPE_CHECKING:
    from kamdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def open_database(window: MainWindow) -> None:
    prompts = DialogPrompts(window, at_startup=False)
    chosen = prompts.choose_store_file(window.workspace.path, backup=False)
    if chosen is not None:
        switch_to(window, chosen, prompts)


def new_database(window: MainWindow) -> None:
    chosen = get_save_file_name(
        window,
        QCoreApplication.translate("DatabaseCommands", "New database"),
        str(window.workspace.path.with_name("kamdesk-new.sqlite")),
        QCoreApplication.translate("DatabaseCommands", "KAMdesk databases (*.sqlite)"),
        confirm_overwrite=False,
    )
    if not chosen:
        return
    path = Path(chosen)
    if has_store(path):
        QMessageBox.information(
            window,
            QCoreApplication.translate("DatabaseCommands", "New database"),
            QCoreApplication.translate(
                "DatabaseCommands",
                "{path} already exists. KAMdesk never overwrites a database: choose "
                "another name, or open this one with File ▸ Open database…",
            ).format(path=path),
        )
        return
    switch_to(window, path, DialogPrompts(window, at_startup=False))


def switch_to(window: MainWindow, path: Path, prompts: DialogPrompts) -> None:
    if _same_file(path, window.workspace.path):
        # Opening it again would give two stores on one file in this process, and a
        # damaged one could be moved aside under the window's open connections.
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "DatabaseCommands", "{path} is the database already open."
            ).format(path=path),
            10_000,
        )
        return
    left = window.workspace.path
    opened = open_interactively(path, prompts, explicit=True)
    if opened is None:
        return

    def switched() -> None:  # maybe later: card edits waiting for a busy store ask first
        store_lock.release(left)  # another KAMdesk window may open it now
        window.preferences.last_store = opened.workspace.path
        if opened.load_demo:
            window.load_demo()
        else:
            window.start_refresh()

    window.set_workspace(opened.workspace, then=switched)


def load_demo(window: MainWindow, accounts: int) -> None:
    """Put the demo territory into the (new, empty) open store in the background.

    The demo is built in a file beside the store and copied into it only when
    complete; the window then reopens the store, so every page works on it."""
    dialog = QProgressDialog(window)
    dialog.setObjectName("demoProgress")
    dialog.setWindowTitle(QCoreApplication.translate("DatabaseCommands", "Demo territory"))
    dialog.setLabelText(
        QCoreApplication.translate("DatabaseCommands", "Creating the demo territory…")
    )
    dialog.setCancelButton(None)
    dialog.setRange(0, 100)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setValue(0)

    def progress(percent: int, stage: object) -> None:
        dialog.setValue(percent)
        if stage:
            dialog.setLabelText(_stage_text(stage))

    def finished(_summary: object) -> None:
        dialog.close()
        dialog.deleteLater()
        try:
            reopened = open_workspace(path)
        except StoreError as error:
            window.show_error(error)
            return
        window.set_workspace(reopened)
        # Said once the figures are up to date: the refresh's own note would hide it.
        window.refreshed.connect(
            lambda: window.statusBar().showMessage(
                QCoreApplication.translate("DatabaseCommands", "The demo territory is ready."),
                10_000,
            ),
            Qt.ConnectionType.SingleShotConnection,
        )
        window.start_refresh()

    def failed(error: BaseException) -> None:
        dialog.close()
        dialog.deleteLater()
        window.show_error(error)

    workspace = window.workspace
    path = workspace.path
    window.tasks.run(
        lambda report: workspace.load_demo(accounts=accounts, progress=report),
        finished,
        failed,
        on_progress=progress,
        owner=window,
    )


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return Path(os.path.abspath(path)) == Path(os.path.abspath(other))


def _stage_text(stage: object) -> str:
    """Progress stages come from the services as a Message or a plain string."""
    if isinstance(stage, Message):
        return stage.format(QCoreApplication.translate(stage.context, stage.text))
    return str(stage)


# --- backups (File ▸ Create backup, File ▸ Restore from backup…) -----------------------


def create_backup(window: MainWindow) -> None:
    """Back the open store up now, in the background; the status bar says where."""
    from kamdesk.services import backups

    window.statusBar().showMessage(
        QCoreApplication.translate("DatabaseCommands", "Creating a backup…")
    )
    workspace = window.workspace

    def made(backup: Any) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("DatabaseCommands", "Backup saved: {path}").format(
                path=backup.path
            ),
            15_000,
        )

    window.tasks.run(lambda _progress: backups.back_up_now(workspace), made, owner=window)


def start_daily_backup(window: MainWindow) -> None:
    """The automatic backup (one a day at most), in the background once the window is up.
    A failure is logged and said in the status bar, without a dialog at start-up."""
    from kamdesk.services import backups

    workspace = window.workspace

    def failed(error: BaseException) -> None:
        log.warning("the daily backup of %s failed: %s", workspace.path, error)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "DatabaseCommands", "The daily backup could not be made: {reason}"
            ).format(reason=_reason(error)),
            30_000,
        )

    window.tasks.run(lambda _progress: backups.daily_backup(workspace), None, failed, owner=window)


def restore_backup(window: MainWindow) -> None:
    """File ▸ Restore from backup…: the list of the open store's backups."""
    from kamdesk.ui.backups_dialog import BackupsDialog

    dialog = BackupsDialog(window.workspace.path, window.tasks, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restore_chosen.connect(lambda backup: restore_from(window, backup))
    dialog.open()


def restore_from(window: MainWindow, backup: Any) -> None:
    """Put `backup` in place of the open store and reopen it. Card edits still waiting
    for a busy store are asked about first (as on File ▸ Open), office sync is stopped
    (a running one first ends); the restore runs on a worker (the current store is kept
    aside there) and the window then reopens the store. On failure the store is as it
    was and the window goes on with it."""
    if not window.may_leave_store(lambda: restore_from(window, backup)):
        return  # asked; called again once answered
    from kamdesk.services import backups

    dialog = QProgressDialog(window)
    dialog.setObjectName("restoreProgress")
    dialog.setWindowTitle(QCoreApplication.translate("DatabaseCommands", "Restore from backup"))
    dialog.setLabelText(QCoreApplication.translate("DatabaseCommands", "Restoring the backup…"))
    dialog.setCancelButton(None)
    dialog.setRange(0, 100)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    path = window.workspace.path

    def work(report: Callable[[int, Any], None]) -> Any:
        return backups.restore(
            path, backup, progress=lambda done, total: report(done * 100 // max(total, 1), "")
        )

    def restored(result: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        try:
            reopened = open_workspace(path)
        except StoreError as error:
            window.show_error(error)
            return
        window.set_workspace(reopened)
        when = format_datetime(result.backup.taken_at)
        if result.kept_aside is not None:
            note = QCoreApplication.translate(
                "DatabaseCommands",
                "Restored the backup of {when}. The database as it was is kept at {path}.",
            ).format(when=when, path=result.kept_aside)
        else:
            note = QCoreApplication.translate(
                "DatabaseCommands", "Restored the backup of {when}."
            ).format(when=when)
        # Said once the figures are up to date: the refresh's own note would hide it.
        window.refreshed.connect(
            lambda: window.statusBar().showMessage(note, 30_000),
            Qt.ConnectionType.SingleShotConnection,
        )
        window.start_refresh()

    def failed(error: BaseException) -> None:
        dialog.close()
        dialog.deleteLater()
        window.sync.start()  # the store is as it was: syncing goes on
        window.show_error(error)

    def start() -> None:
        window.tasks.run(
            work,
            restored,
            failed,
            on_progress=lambda percent, _stage: dialog.setValue(percent),
            owner=window,
        )

    # No office sync may write into the store while it is replaced: its pulled rows and
    # cursor would land in the restored store. A running sync stops at its next step.
    window.sync.stop()
    if window.sync.running:
        window.sync.running_changed.connect(
            lambda _running: start(), Qt.ConnectionType.SingleShotConnection
        )
    else:
        start()


def _reason(error: BaseException) -> str:
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message.format(QCoreApplication.translate(message.context, message.text))
    return str(error)
