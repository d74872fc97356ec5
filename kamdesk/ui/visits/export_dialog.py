"""Exports of the visits: the manager's report (XLSX or PDF, Russian or English) and an
.ics file for the phone's calendar. Built off the UI thread; what a PDF lacks
(characters printed as «?») is said in amber under «Written»."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.documents.printed import PrintedFile
from kamdesk.services.accounts import AccountFilter, AccountKind
from kamdesk.services.visits import DEFAULT_TIME_ZONE, ExportFilter, export_ics, manager_export
from kamdesk.services.workspace import Workspace
from kamdesk.ui.file_dialogs import get_save_file_name
from kamdesk.ui.labels import choices
from kamdesk.ui.printed_note import show_printed
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.common import from_qdate, to_qdate
from kamdesk.ui.visits.date_field import DateField

FORMATS = ("xlsx", "pdf", "ics")


def write_export(
    workspace: Workspace, export_filter: ExportFilter, fmt: str, language: str, target: Path
) -> PrintedFile:
    """The work of an export, run in the pool: reads the store, writes one file.

    A PDF comes with its pages and warnings; a workbook or a calendar is not paged
    (0) and holds every character, so it has no warnings."""
    store = workspace.store
    if fmt == "ics":
        target.write_bytes(
            export_ics(store, export_filter.date_from, export_filter.date_to, export_filter.tz)
        )
        return PrintedFile(target, pages=0)
    export = manager_export(store, export_filter)
    if fmt == "pdf":
        from kamdesk.documents.visits.report_pdf import print_visits_pdf

        return print_visits_pdf(export, target, language)
    from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

    return PrintedFile(write_visits_xlsx(export, target, language), pages=0)


class ExportDialog(QDialog):
    written = Signal(object)  # the Path

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner,
        first_day: date,
        last_day: date,
        parent: QWidget | None = None,
        tz: str = DEFAULT_TIME_ZONE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitsExport")
        self.setWindowTitle(self.tr("Export visits"))
        self._workspace = workspace
        self._tasks = tasks
        self._tz = tz
        self.date_from = DateField(to_qdate(first_day))
        self.date_to = DateField(to_qdate(last_day))
        self.date_from.setObjectName("exportFrom")
        self.date_to.setObjectName("exportTo")
        self.account = QComboBox()
        self.account.addItem(self.tr("All clients"), None)
        for row in workspace.accounts.page(AccountFilter(), limit=5000):
            self.account.addItem(row.name, row.id)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        for kind, text in choices(AccountKind):
            self.kind.addItem(text, kind)
        self.format = QComboBox()
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format.addItem(self.tr("PDF for the manager"), "pdf")
        self.format.addItem(self.tr("Calendar for the phone (.ics)"), "ics")
        self.format.currentIndexChanged.connect(self._format_changed)
        self.language = QComboBox()
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.addItem(self.tr("English"), "en")
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow(self.tr("Client"), self.account)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("File"), path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._format_changed()

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        # The calendar file holds every visit of the period; filters are for the manager.
        for widget in (self.account, self.kind, self.language):
            widget.setEnabled(fmt != "ics")
        current = Path(self.path.text()) if self.path.text() else Path.home() / "visits"
        self.path.setText(str(current.with_suffix("." + fmt)))

    def _browse(self) -> None:
        fmt = self.format.currentData()
        chosen = get_save_file_name(self, self.tr("Export visits"), self.path.text(), f"*.{fmt}")
        if chosen:
            self.path.setText(chosen)

    def export_filter(self) -> ExportFilter:
        account, kind = self.account.currentData(), self.kind.currentData()
        return ExportFilter(
            date_from=from_qdate(self.date_from.date()),
            date_to=from_qdate(self.date_to.date()),
            account_ids=frozenset({account}) if account else frozenset(),
            kinds=frozenset({kind}) if kind else frozenset(),
            tz=self._tz,
        )

    def start_export(self) -> None:
        export_filter = self.export_filter()
        if export_filter.date_to < export_filter.date_from:
            self.note.setText(self.tr("The period ends before it begins."))
            return
        target = Path(self.path.text()).expanduser()
        fmt, language = self.format.currentData(), self.language.currentData()
        workspace = self._workspace
        self.buttons.setEnabled(False)
        self.note.setText(self.tr("Exporting…"))
        self._tasks.run(
            lambda _progress: write_export(workspace, export_filter, fmt, language, target),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, written: PrintedFile) -> None:
        self.buttons.setEnabled(True)
        show_printed(self.note, self.tr("Written: %1").replace("%1", str(written.path)), written)
        self.written.emit(written.path)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.note.setText("")
        self._tasks.report(error)


def default_period(today: date) -> tuple[date, date]:
    """The month so far: what a manager usually asks for."""
    first = today.replace(day=1)
    return first, max(first, today - timedelta(days=0))
