"""File ▸ Restore from backup…: the open store's backups, and restoring one.

The list (when, size, clients) is read off the UI thread (each backup is opened
read-only to count its clients). Restoring asks first, in words that say what
happens to the current database (it is kept aside, nothing is lost); the
restore itself is the window's (`database_commands.restore_from`): it asks
about edits still waiting for a busy store, runs on a worker and reopens the
restored store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.formatting import format_datetime, format_number
from kamdesk.ui.record_model import RecordColumn, RecordTableModel

if TYPE_CHECKING:
    from pathlib import Path

    from kamdesk.services.backups import BackupInfo
    from kamdesk.ui.tasks import TaskRunner

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def format_size(size: int) -> str:
    """«536 КБ», «12,3 МБ»: what a KAM compares, not bytes."""
    if size >= 1024 * 1024:
        return QCoreApplication.translate("BackupsDialog", "{value} MB").format(
            value=format_number(size / (1024 * 1024), 1)
        )
    return QCoreApplication.translate("BackupsDialog", "{value} KB").format(
        value=format_number(max(1, round(size / 1024)))
    )


def backups_model(parent: Any = None) -> RecordTableModel[BackupInfo]:
    """The backups table: taken (local time), size, clients; the file in the tooltip."""
    columns: Sequence[RecordColumn[BackupInfo]] = (
        RecordColumn(
            lambda: QCoreApplication.translate("BackupsDialog", "Taken"),
            lambda b: format_datetime(b.taken_at),
            tooltip=lambda b: str(b.path),
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("BackupsDialog", "Size"),
            lambda b: format_size(b.size),
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("BackupsDialog", "Clients"),
            lambda b: "—" if b.accounts is None else format_number(b.accounts),
            alignment=RIGHT,
        ),
    )
    return RecordTableModel([], columns, parent)


class BackupsDialog(QDialog):
    """Lists the backups of the store at `store_path`; `restore_chosen(backup)` is
    emitted once the KAM confirmed restoring one (the dialog then closes)."""

    restore_chosen = Signal(object)

    def __init__(
        self,
        store_path: Path,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        load: Callable[[Path], list[BackupInfo]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self._store_path = store_path
        self._tasks = tasks
        self._load = load
        self.confirmation: QMessageBox | None = None

        self.intro = QLabel(self)
        self.intro.setObjectName("backupsIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = backups_model(self)
        self.table = QTableView(self)
        self.table.setObjectName("backupsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._ask())
        self.state = QLabel(self)
        self.state.setObjectName("backupsState")
        self.state.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.setEnabled(False)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._ask)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self._loading = True
        self._retranslate()
        self.reload()

    def reload(self) -> None:
        """Read the list again, off the UI thread."""
        self._loading = True
        self._show_state()
        path = self._store_path
        load = self._load or _list_backups
        self._tasks.run(lambda _progress: load(path), self._loaded, self._failed, owner=self)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    # --- list ---------------------------------------------------------------------

    def _loaded(self, backups: list[BackupInfo]) -> None:
        self._loading = False
        self.model.set_records(backups)
        if backups:
            self.table.selectRow(0)
        self._show_state()
        self.table.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.model.set_records([])
        self._show_state()
        self._tasks.report(error)

    def _show_state(self) -> None:
        if self._loading:
            text = self.tr("Reading the backups…")
        elif self.model.rowCount() == 0:
            text = self.tr(
                "There are no backups of this database yet. KAMdesk makes one a day by "
                "itself; File ▸ Create backup makes one now."
            )
        else:
            text = ""
        self.state.setText(text)
        self.state.setVisible(bool(text))
        self.restore_button.setEnabled(self.chosen() is not None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    # --- restoring ------------------------------------------------------------------

    def _ask(self) -> None:
        backup = self.chosen()
        if backup is None or self.confirmation is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore from backup"),
            self.tr("Restore the database as it was on {when}?").format(
                when=format_datetime(backup.taken_at)
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("confirmRestore")
        box.setInformativeText(
            self.tr(
                "Everything entered since then is replaced by the backup. The database as "
                "it is now is kept as a copy in its folder (with «before-restore» in its "
                "name), so nothing is lost."
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(clicked: QAbstractButton) -> None:
            self.confirmation = None
            if clicked is restore:
                self.accept()
                self.restore_chosen.emit(backup)

        box.buttonClicked.connect(answered)
        self.confirmation = box
        box.open()

    # --- language -------------------------------------------------------------------

    def _retranslate(self) -> None:
        from kamdesk.services.backups import backups_folder

        self.setWindowTitle(self.tr("Restore from backup"))
        self.intro.setText(
            self.tr(
                "Backups of {path} are kept in {folder}. KAMdesk makes one a day by "
                "itself and keeps the last ones (Settings). Choose the one to go back to."
            ).format(path=self._store_path, folder=backups_folder(self._store_path))
        )
        self.restore_button.setText(self.tr("Restore…"))
        self.model.retranslate()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _list_backups(path: Path) -> list[BackupInfo]:
    from kamdesk.services.backups import list_backups

    return list_backups(path)
