"""The «Команда» section: the team's submitted visit reports for a manager.

At the top the filters (the KAM, the period typed as dd.mm.yyyy) and
«Выгрузка для руководителя»; below them each KAM's figures for the period; then
the list of reports beside a read-only viewer of the chosen one. The period is
read again off the UI thread (`team_view`); the KAM filters the list at once.
The export is the manager export (XLSX or PDF, by the file's suffix) of the
chosen KAM's clients and period: saved where the manager chooses
(«Отчёты о визитах 01.11–30.11.2026 Иванова.xlsx» in the folder team exports went
to last, else Documents: kamdesk.ui.saved_files), written on a worker, then the
status bar says where it went and a box offers to open it.

Nothing here writes to the store: the manager reads the KAM's report, the KAM
keeps it (the office refuses a manager's edit of it as well).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE
from kamdesk.ui.card.widgets import DateField
from kamdesk.ui.formatting import is_russian
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.printed_note import show_printed
from kamdesk.ui.record_model import RecordTableModel
from kamdesk.ui.saved_files import ask_save_path, document_saved, period_text
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.team.models import (
    ALL,
    UNNAMED,
    KamFilterProxy,
    figure_columns,
    kam_key,
    kam_label,
    report_columns,
    translate,
)
from kamdesk.ui.team.viewer import ReportViewer

if TYPE_CHECKING:
    from kamdesk.documents.printed import PrintedFile
    from kamdesk.services.team import KamFigures, TeamFilter, TeamReport, TeamView
    from kamdesk.services.workspace import Workspace

RED = "#b3261e"
MAX_COLUMN = 220  # a long client name is elided (its full name is in the viewer)
FIGURE_ROWS = 6


def default_period(today: date) -> tuple[date, date]:
    """The previous month and this one so far: what a manager reviews."""
    first = today.replace(day=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    return previous, today


def _typed(text: str) -> date | None:
    from kamdesk.services.card import CardError, parse_date

    try:
        return parse_date(text) if text.strip() else None
    except CardError:
        return None


class TeamPage(QWidget):
    status_message = Signal(str)
    loaded = Signal()  # a reload's result is on screen (tests wait for it)
    exported = Signal(object)  # the Path written

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        today: date | None = None,
        tz: str = DEFAULT_TIME_ZONE,
        open_files: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamPage")
        self.open_files = open_files  # False: tests, «Open» starts no viewer
        self._workspace = workspace
        self._tasks = tasks
        self._tz = tz
        self.view: TeamView | None = None
        first, last = default_period(today or date.today())

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.kam = QComboBox()
        self.kam.setObjectName("teamKam")
        self.kam.setMinimumContentsLength(24)
        self.kam.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kam.addItem("", ALL)
        self.kam.currentIndexChanged.connect(lambda _index: self._kam_chosen())
        # Typed as dd.mm.yyyy (dots and all) or picked on the calendar; read on Enter
        # or on leaving the field.
        self._period = (first, last)
        self.date_from = DateField()
        self.date_from.line.setObjectName("teamFrom")
        self.date_to = DateField()
        self.date_to.line.setObjectName("teamTo")
        for field, day in ((self.date_from, first), (self.date_to, last)):
            field.line.setText(f"{day:%d.%m.%Y}")
            field.line.editingFinished.connect(self._period_typed)
        self.kam_label = QLabel()
        self.from_label = QLabel()
        self.to_label = QLabel()
        self.export_button = QPushButton()
        self.export_button.setObjectName("teamExport")
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        filters = QHBoxLayout()
        filters.addWidget(self.kam_label)
        filters.addWidget(self.kam)
        filters.addSpacing(12)
        filters.addWidget(self.from_label)
        filters.addWidget(self.date_from)
        filters.addWidget(self.to_label)
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.figures_model: RecordTableModel[KamFigures] = RecordTableModel(
            [], figure_columns(), self
        )
        self.figures = QTableView()
        self.figures.setObjectName("teamFigures")
        self.figures.setModel(self.figures_model)
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.figures.verticalHeader().hide()
        self.figures.horizontalHeader().setStretchLastSection(True)
        self.figures.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.model: RecordTableModel[TeamReport] = RecordTableModel([], report_columns(), self)
        self.proxy = KamFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.table = QTableView()
        self.table.setObjectName("teamReports")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_chosen(current)
        )
        self.empty = QLabel()
        self.empty.setObjectName("teamEmpty")
        self.empty.setWordWrap(True)
        self.viewer = ReportViewer()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("teamSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([800, 380])  # at 1366×768 the list's columns all show

        self.note = QLabel()
        self.note.setObjectName("teamNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.figures)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.note)
        self._retranslate()
        self.reload()

    # --- reading ----------------------------------------------------------------------

    def team_filter(self) -> TeamFilter:
        """The period shown (the last one typed correctly), for the whole team."""
        from kamdesk.services.team import TeamFilter

        return TeamFilter(self._period[0], self._period[1], None, self._tz)

    def _period_typed(self) -> None:
        days = [_typed(field.text()) for field in (self.date_from, self.date_to)]
        if days[0] is None or days[1] is None:
            self._say(translate("Team", "Type the dates as dd.mm.yyyy."), error=True)
            return
        if days[1] < days[0]:
            self._say(translate("Team", "The period ends before it begins."), error=True)
            return
        if (days[0], days[1]) != self._period or self.note.property("error"):
            self._period = (days[0], days[1])
            self.reload()

    def reload(self) -> None:
        """Read the team's reports of the period again (after a sync brought rows)."""
        team_filter = self.team_filter()
        workspace = self._workspace

        def load(_progress: Any) -> TeamView:
            from kamdesk.services.team import team_view

            assert workspace is not None
            # On the worker: the store may still wait for its start-up check.
            return team_view(workspace.store, team_filter)

        self._tasks.run(load, self._loaded, key=f"team-{id(self)}", owner=self)

    def _loaded(self, view: TeamView) -> None:
        chosen = self.selected()
        self.view = view
        self._fill_kams(view)
        self.model.set_records(view.reports)
        self._apply_kam()
        if chosen is not None:
            self.select_report(chosen.visit_id)
        elif self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.viewer.show_report(None)
        if self.note.property("error"):
            self._say("")
        self.loaded.emit()

    def _fill_kams(self, view: TeamView) -> None:
        wanted = self.kam.currentData() or ALL
        self.kam.blockSignals(True)
        try:
            while self.kam.count() > 1:
                self.kam.removeItem(1)
            for member in view.members:
                self.kam.addItem(kam_label(member.full_name), kam_key(member.user_id))
            found = index_of_data(self.kam, wanted)
            self.kam.setCurrentIndex(found if found >= 0 else 0)
        finally:
            self.kam.blockSignals(False)

    def _kam_chosen(self) -> None:
        self._apply_kam()
        if self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.viewer.show_report(None)

    def _apply_kam(self) -> None:
        key = self.kam.currentData() or ALL
        self.proxy.set_kam(key)
        figures = self.view.all_figures if self.view is not None else []
        self.figures_model.set_records(
            [f for f in figures if key == ALL or kam_key(f.kam_id) == key]
        )
        self.figures.resizeColumnsToContents()
        self._fit_figures()
        self.table.resizeColumnsToContents()
        for column in range(self.proxy.columnCount()):
            if self.table.columnWidth(column) > MAX_COLUMN:
                self.table.setColumnWidth(column, MAX_COLUMN)
        self._update_empty()

    def _fit_figures(self) -> None:
        """As tall as its rows (a team is a handful of KAMs), at most FIGURE_ROWS of them."""
        rows = min(self.figures_model.rowCount(), FIGURE_ROWS)
        height = (
            self.figures.horizontalHeader().sizeHint().height()
            + rows * self.figures.verticalHeader().defaultSectionSize()
            + 2 * self.figures.frameWidth()
        )
        self.figures.setFixedHeight(height)

    def _update_empty(self) -> None:
        empty = self.proxy.rowCount() == 0
        self.empty.setVisible(empty)
        if self.view is not None and not self.view.manager:
            self.empty.setText(
                translate(
                    "Team",
                    "The team's reports come to a laptop enrolled with the manager role.",
                )
            )
        else:
            self.empty.setText(
                translate("Team", "No submitted reports in this period for the chosen KAM.")
            )
        self.export_button.setEnabled(self.view is not None)

    def _row_chosen(self, current: QModelIndex) -> None:
        self.viewer.show_report(self._record(current))

    def _record(self, index: QModelIndex) -> TeamReport | None:
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def selected(self) -> TeamReport | None:
        return self._record(self.table.currentIndex())

    def select_report(self, visit_id: Any) -> bool:
        for row in range(self.proxy.rowCount()):
            record = self._record(self.proxy.index(row, 0))
            if record is not None and record.visit_id == visit_id:
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return True
        return False

    # --- the manager export -----------------------------------------------------------

    def export_name(self) -> str:
        """«Отчёты о визитах 01.11–30.11.2026 Команда.xlsx», or with the KAM's surname."""
        team_filter = self.team_filter()
        who = translate("Team", "Team")
        key = self.kam.currentData() or ALL
        if key != ALL and self.view is not None:
            for member in self.view.members:
                if kam_key(member.user_id) == key and member.full_name:
                    who = member.full_name.split()[0]
        period = period_text(team_filter.date_from, team_filter.date_to)
        name = translate("Team", "Visit reports {period} {who}")
        return name.format(period=period, who=who) + ".xlsx"

    def _refuse_unnamed(self) -> bool:
        """No KAM to select their clients by: those reports go with the whole team's."""
        if (self.kam.currentData() or ALL) != UNNAMED:
            return False
        self._say(
            translate("Team", "Reports without a named KAM are exported with the whole team's."),
            error=True,
        )
        return True

    def export(self) -> bool:
        """Ask where to save, then write the manager export on a worker. True: started."""
        if self._refuse_unnamed():
            return False
        chosen = ask_save_path(
            self,
            translate("Team", "Export for the manager"),
            self.export_name(),
            translate("Team", "Excel workbook (*.xlsx);;PDF (*.pdf)"),
            suffix="xlsx",
            kind="team-export",
        )
        if chosen is None:
            return False
        return self.export_to(chosen, asked=True)

    def export_to(self, target: Path, asked: bool = False) -> bool:
        from kamdesk.services.team import TeamFilter

        team_filter = self.team_filter()

        key = self.kam.currentData() or ALL
        if self._refuse_unnamed():
            return False
        kam_id = None
        if key != ALL and self.view is not None:
            kam_id = next((m.user_id for m in self.view.members if kam_key(m.user_id) == key), None)
        chosen = TeamFilter(team_filter.date_from, team_filter.date_to, kam_id, self._tz)
        fmt = "pdf" if target.suffix.lower() == ".pdf" else "xlsx"
        if target.suffix.lower() not in (".pdf", ".xlsx"):
            target = target.with_suffix(".xlsx")
        language = "ru" if is_russian() else "en"
        workspace = self._workspace

        def work(_progress: Any) -> PrintedFile:
            from kamdesk.services.team import export_filter
            from kamdesk.ui.visits.export_dialog import write_export

            return write_export(
                workspace, export_filter(workspace.store, chosen), fmt, language, target
            )

        self.export_button.setEnabled(False)
        self._say("")
        self.status_message.emit(translate("Team", "Exporting…"))
        self._tasks.run(
            work, lambda written: self._exported(written, asked), self._export_failed, owner=self
        )
        return True

    def _exported(self, written: PrintedFile, asked: bool) -> None:
        self.export_button.setEnabled(True)
        self.note.setProperty("error", False)
        self.note.setStyleSheet("")
        ready = translate("Team", "Written: %1").replace("%1", str(written.path))
        title = translate("Team", "Export ready")
        if asked:
            say = self.status_message.emit
            document_saved(self, written, ready, self.note, say, title, self.open_files)
        else:  # a path given by the caller: said, not offered
            self.status_message.emit(ready)
            self.note.setText("")
            if written.warnings:
                show_printed(self.note, ready, written)
        self.exported.emit(written.path)

    def _export_failed(self, error: BaseException) -> None:
        from kamdesk.services.team import NoAccountsError

        self.export_button.setEnabled(True)
        if isinstance(error, NoAccountsError):
            self._say(
                translate("Team", "This KAM has no clients on this laptop: nothing to export."),
                error=True,
            )
            return
        self._say("")
        self._tasks.report(error)

    def _say(self, text: str, error: bool = False) -> None:
        self.note.setProperty("error", error)
        self.note.setStyleSheet(f"color: {RED};" if error else "")
        self.note.setText(text)

    # --- language ---------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.title.setText(translate("Team", "Team: submitted visit reports"))
        self.kam_label.setText(translate("Team", "KAM"))
        self.from_label.setText(translate("Team", "From"))
        self.to_label.setText(translate("Team", "to"))
        for field in (self.date_from, self.date_to):
            field.line.setPlaceholderText(translate("Team", "dd.mm.yyyy"))
        self.kam.setItemText(0, translate("Team", "Whole team"))
        if self.view is not None:
            for offset, member in enumerate(self.view.members, start=1):
                if offset < self.kam.count():
                    self.kam.setItemText(offset, kam_label(member.full_name))
        self.export_button.setText(translate("Team", "Export for the manager"))
        self.export_button.setToolTip(
            translate(
                "Team",
                "The manager's report (Excel or PDF) of the chosen KAM's clients for the period",
            )
        )
        self.model.retranslate()
        self.figures_model.retranslate()
        self._update_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
