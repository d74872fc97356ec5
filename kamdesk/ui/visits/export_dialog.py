"""Exports of the visits: the manager's report (XLSX or PDF, Russian or English) and an
.ics file for the phone's calendar.

«Save» asks where (kamdesk.ui.saved_files: «Отчёты о визитах 01.12–03.12.2026.xlsx»,
with the client's name when one is chosen, in the folder exports went to last, else
Documents); the file is built off the UI thread, the status bar says where it went
and a box offers to open it; what a PDF lacks (characters printed as «?») is said in
amber in the dialog."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kamdesk.documents.printed import PrintedFile
from kamdesk.services.accounts import AccountFilter, AccountKind
from kamdesk.services.visits import DEFAULT_TIME_ZONE, ExportFilter, export_ics, manager_export
from kamdesk.services.workspace import Workspace
from kamdesk.ui.enter_guard import keep_enter_in_editors
from kamdesk.ui.labels import choices
from kamdesk.ui.saved_files import ask_save_path, document_saved, period_text
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
    status_message = Signal(str)  # for the window's status bar (the Visits page passes it on)

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner,
        first_day: date,
        last_day: date,
        parent: QWidget | None = None,
        tz: str = DEFAULT_TIME_ZONE,
        open_files: bool = True,
    ) -> None:
        super().__init__(parent)
        keep_enter_in_editors(self)  # Enter in a choice or a number never saves
        self.setObjectName("visitsExport")
        self.setWindowTitle(self.tr("Export visits"))
        self._workspace = workspace
        self._tasks = tasks
        self._tz = tz
        self._open_files = open_files
        self.date_from = DateField(to_qdate(first_day))
        self.date_to = DateField(to_qdate(last_day))
        self.date_from.setObjectName("exportFrom")
        self.date_to.setObjectName("exportTo")
        self.account = QComboBox()
        self.account.addItem(self.tr("All clients"), None)
        for row in workspace.accounts.page(AccountFilter(), limit=5000):
            self.account.addItem(row.name, row.id)
            self.account.setItemData(
                self.account.count() - 1, row.name, Qt.ItemDataRole.ToolTipRole
            )
        # A long client name must not widen the dialog past a 1366 px screen.
        self.account.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.account.setMinimumContentsLength(40)
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
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow(self.tr("Client"), self.account)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Language"), self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(lambda: self.start_export())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._format_changed()
        self._backwards = False  # the note says the period ends before it begins
        for field in (self.date_from, self.date_to):
            field.dateChanged.connect(lambda _day: self._period_changed())

    def _period_changed(self) -> None:
        """A period put right takes its refusal away at once (a new one waits for Save)."""
        period = self.export_filter()
        if self._backwards and period.date_from <= period.date_to:
            self._backwards = False
            self.note.setText("")

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        # The calendar file holds every visit of the period; filters are for the manager.
        for widget in (self.account, self.kind, self.language):
            widget.setEnabled(fmt != "ics")

    def file_name(self) -> str:
        """«Отчёты о визитах 01.12–03.12.2026.xlsx» (with the client when one is chosen),
        «Визиты 01.12–03.12.2026.ics»."""
        fmt = self.format.currentData()
        export_filter = self.export_filter()
        period = period_text(export_filter.date_from, export_filter.date_to)
        if fmt == "ics":
            return self.tr("Visits {period}").format(period=period) + ".ics"
        name = self.tr("Visit reports {period}").format(period=period)
        if self.account.currentData() is not None:
            name += " " + self.account.currentText()
        return f"{name}.{fmt}"

    def _name_filter(self, fmt: str) -> str:
        if fmt == "ics":
            return self.tr("Calendar (*.ics)")
        if fmt == "pdf":
            return "PDF (*.pdf)"
        return self.tr("Excel workbook (*.xlsx)")

    def export_filter(self) -> ExportFilter:
        account, kind = self.account.currentData(), self.kind.currentData()
        return ExportFilter(
            date_from=from_qdate(self.date_from.date()),
            date_to=from_qdate(self.date_to.date()),
            account_ids=frozenset({account}) if account else frozenset(),
            kinds=frozenset({kind}) if kind else frozenset(),
            tz=self._tz,
        )

    def start_export(self, target: Path | None = None) -> bool:
        """Ask where to save (unless `target` is given), then write the export on a
        worker. False: nothing started (a period backwards, the dialog cancelled)."""
        export_filter = self.export_filter()
        if export_filter.date_to < export_filter.date_from:
            self.note.setText(self.tr("The period ends before it begins."))
            self._backwards = True
            return False
        fmt, language = self.format.currentData(), self.language.currentData()
        if target is None:
            target = ask_save_path(
                self,
                self.tr("Export visits"),
                self.file_name(),
                self._name_filter(fmt),
                suffix=fmt,
                kind="visits-export",
            )
            if target is None:
                return False
        path, workspace = target, self._workspace
        self.buttons.setEnabled(False)
        self._backwards = False
        self.note.setText("")
        self.status_message.emit(self.tr("Exporting…"))
        self._tasks.run(
            lambda _progress: write_export(workspace, export_filter, fmt, language, path),
            self._done,
            self._failed,
            owner=self,
        )
        return True

    def _done(self, written: PrintedFile) -> None:
        self.buttons.setEnabled(True)
        ready = self.tr("Written: %1").replace("%1", str(written.path))
        title = self.tr("Export ready")
        say = self.status_message.emit
        document_saved(self, written, ready, self.note, say, title, self._open_files)
        self.written.emit(written.path)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.note.setText("")
        self._tasks.report(error)


def default_period(today: date) -> tuple[date, date]:
    """The month so far: what a manager usually asks for."""
    first = today.replace(day=1)
    return first, max(first, today - timedelta(days=0))
