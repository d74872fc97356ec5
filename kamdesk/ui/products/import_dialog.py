"""Importing a price list: the preview, then all or nothing, both off the UI thread.

The dialog opens on a file and reads it in the background at once, with
progress and Cancel. It then shows either every refused row (file, row, column,
reason, what was in the cell) with Apply disabled, or what will change with
Apply enabled. Apply writes in one transaction in the background; Cancel (or
closing the window) asks the import to stop between chunks of rows, and a
stopped import has written nothing. While work runs the dialog stays open, so
the answer to Cancel — stopped, or already done — is always shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.errors import StoreError
from kamdesk.i18n import Message
from kamdesk.services.products import (
    PRICE_JUMP,
    ImportCancelled,
    ImportPlan,
    ImportStage,
    PlannedRow,
    PriceImporter,
    RowAction,
    RowError,
)
from kamdesk.ui.formatting import format_date, whole_percent
from kamdesk.ui.offers.common import message_text, money
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.tasks import TaskRunner
from kamdesk.vocabulary import ProductKind, VatKind

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_STYLE = "color: #b3261e;"
MAX_COLUMN = 420  # px; the whole text of the current row is shown below the table
T = TypeVar("T")


class PriceImportDialog(QDialog):
    """Preview and apply one price-list file; `imported` is emitted once it is written."""

    imported = Signal()

    def __init__(
        self,
        importer: PriceImporter,
        path: Path,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._path = Path(path)
        self._tasks = tasks
        self._stop = threading.Event()
        self._busy = False
        self._closing = False
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import a price list"))
        self.resize(900, 560)

        self.summary = QLabel(self._path.name)
        self.summary.setWordWrap(True)
        self.stage = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.table = QTableView()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: RecordTableModel[Any] = RecordTableModel([], [], self)
        self.table.setModel(self.model)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        # A price down or up by half or more is most likely a typo in the office's file: Apply
        # waits until the KAM says they checked those prices.
        self.jumps_note = QLabel()
        self.jumps_note.setWordWrap(True)  # names several products: never widens the dialog
        self.jumps_note.setStyleSheet(ERROR_STYLE)
        self.jumps_note.hide()
        self.confirm_jumps = QCheckBox()
        self.confirm_jumps.hide()
        self.confirm_jumps.toggled.connect(self._update_apply)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setEnabled(False)
        self.apply_button.setAutoDefault(False)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.outcome)
        layout.addWidget(self.jumps_note)
        layout.addWidget(self.confirm_jumps)
        layout.addLayout(buttons)
        self._preview()

    # --- the two steps ---------------------------------------------------------

    def _preview(self) -> None:
        self._run_step(
            partial(self._importer.preview, self._path), self._previewed, self._preview_failed
        )

    def _can_apply(self) -> bool:
        plan = self.plan
        if plan is None or not plan.ok or self._busy:
            return False
        return not plan.price_jumps or self.confirm_jumps.isChecked()

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(self._can_apply())

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not self._can_apply():
            return
        self.apply_button.setEnabled(False)
        self._run_step(partial(self._importer.apply, plan), self._applied, self._apply_failed)

    def _run_step(
        self,
        step: Callable[..., T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run `step(progress=..., should_stop=...)` in the background: its progress
        shows in the bar, and Cancel sets the event it polls."""
        stop = self._stop  # the worker reads the event, never the dialog
        self._start()
        self._tasks.run(
            lambda progress: step(progress=_relay(progress), should_stop=stop.is_set),
            done,
            failed,
            on_progress=self._progressed,
            owner=self,
        )

    def _start(self) -> None:
        self._busy = True
        self._stop.clear()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setEnabled(True)

    def _finish(self) -> None:
        self._busy = False
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setEnabled(True)
        if self._closing:
            self.reject()

    def _progressed(self, percent: int, stage: object) -> None:
        self.stage.setText(self._stage_text(stage))
        if percent < 0:
            self.progress.setRange(0, 0)  # the total is not known yet
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)

    def _stage_text(self, stage: object) -> str:
        texts: dict[object, str] = {
            ImportStage.READING: self.tr("Reading the file…"),
            ImportStage.CHECKING: self.tr("Checking the rows…"),
            ImportStage.WRITING: self.tr("Importing…"),
        }
        return texts.get(stage, "")

    # --- results ---------------------------------------------------------------

    def _previewed(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._finish()
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.summary.setText(self._detected(plan))
        if plan.errors:
            self.stage.setText(self.tr("The file cannot be imported"))
            self._show_errors(plan.errors)
            return
        changes = [row for row in plan.rows if row.action != RowAction.UNCHANGED]
        self.stage.setText(self.tr("Ready to import"))
        self._show_changes(changes)
        self.outcome.setStyleSheet("")
        self.outcome.setText(
            self.tr("%1 rows: %2 new, %3 changed, %4 restored from the archive, %5 unchanged.")
            .replace("%1", str(len(plan.rows)))
            .replace("%2", str(plan.count(RowAction.NEW)))
            .replace("%3", str(plan.count(RowAction.UPDATE) + plan.count(RowAction.PRICE)))
            .replace("%4", str(plan.count(RowAction.RESTORE)))
            .replace("%5", str(plan.count(RowAction.UNCHANGED)))
        )
        self._ask_about_jumps(plan)
        self._update_apply()

    def _ask_about_jumps(self, plan: ImportPlan) -> None:
        jumps = plan.price_jumps
        self.confirm_jumps.setChecked(False)
        self.confirm_jumps.setVisible(bool(jumps))
        self.jumps_note.setVisible(bool(jumps))
        if not jumps:
            return
        named = ", ".join(
            f"{row.sku} {money(row.old_price)} → {money(row.new_price)}" for row in jumps[:3]
        )
        if len(jumps) > 3:
            named += self.tr(" and %1 more").replace("%1", str(len(jumps) - 3))
        self.jumps_note.setText(
            self.tr(
                "Prices that change by half or more: %1. That is most often a typo in "
                "the file (54,00 for 1 854,00): check these rows before you import."
            ).replace("%1", named)
        )
        self.confirm_jumps.setText(self.tr("I have checked these prices: import them"))

    def _preview_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, ImportCancelled):
            self.reject()  # the user no longer wants this file
            return
        self._show_failure(error)

    def _applied(self, _price_list: object) -> None:
        plan = self.plan
        self._finish()
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.stage.setText(self.tr("Done"))
        self.outcome.setStyleSheet("")
        self.outcome.setText(
            self.tr("Imported: %1 prices valid from %2.")
            .replace("%1", str(len(plan.rows) if plan else 0))
            .replace("%2", format_date(plan.valid_from) if plan else "")
        )
        self.imported.emit()

    def _apply_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, ImportCancelled):
            self.stage.setText(self.tr("Cancelled"))
            self.progress.setValue(0)
            self.outcome.setStyleSheet("")
            self.outcome.setText(self.tr("The import was cancelled: nothing was changed."))
            self._update_apply()
            return
        self._show_failure(error)
        self._update_apply()

    def _show_failure(self, error: BaseException) -> None:
        self.stage.setText(self.tr("The import failed"))
        self.outcome.setStyleSheet(ERROR_STYLE)
        self.outcome.setText(self.tr("Nothing was changed. %1").replace("%1", _error_text(error)))
        if not isinstance(error, OSError | StoreError):
            self._tasks.report(error)  # a bug: to the one place that shows and logs errors

    def _detected(self, plan: ImportPlan) -> str:
        if plan.file_format == "xlsx":
            return self.tr("%1 — XLSX workbook").replace("%1", plan.source_name)
        if plan.file_format == "csv":
            separator = {"\t": self.tr("tab")}.get(plan.delimiter, f"«{plan.delimiter}»")
            return (
                self.tr("%1 — CSV, %2, separator %3")
                .replace("%1", plan.source_name)
                .replace("%2", plan.encoding.upper().replace("CP", "Windows-"))
                .replace("%3", separator)
            )
        return plan.source_name

    def _show_errors(self, errors: list[RowError]) -> None:
        columns: list[RecordColumn[RowError]] = [
            RecordColumn(lambda: self.tr("Row"), _row_label, alignment=RIGHT),
            RecordColumn(lambda: self.tr("Column"), lambda e: e.column),
            RecordColumn(
                lambda: self.tr("Problem"),
                lambda e: message_text(e.message),
                tooltip=lambda e: e.describe(message_text),
            ),
            RecordColumn(lambda: self.tr("Seen in the file"), lambda e: e.seen, stretch=True),
        ]
        self._show(errors, columns)
        self.table.setCurrentIndex(self.model.index(0, 0))  # its whole text below the table
        self.outcome.setStyleSheet(ERROR_STYLE)
        self.outcome.setText(
            self.tr(
                "%1 problems: nothing will be imported. Correct the file and import again."
            ).replace("%1", str(len(errors)))
        )
        self.apply_button.setEnabled(False)

    def _show_changes(self, rows: list[PlannedRow]) -> None:
        columns: list[RecordColumn[PlannedRow]] = [
            RecordColumn(lambda: self.tr("Row"), lambda r: str(r.row_number), alignment=RIGHT),
            RecordColumn(lambda: self.tr("SKU"), lambda r: r.sku),
            RecordColumn(lambda: self.tr("Product"), lambda r: r.trade_name),
            RecordColumn(
                lambda: self.tr("Price now"), lambda r: money(r.old_price), alignment=RIGHT
            ),
            RecordColumn(
                lambda: self.tr("New price"), lambda r: money(r.new_price), alignment=RIGHT
            ),
            RecordColumn(lambda: self.tr("Change"), self._change_text, stretch=True),
        ]
        self._show(rows, columns)

    def _show(self, records: list[Any], columns: list[RecordColumn[Any]]) -> None:
        self.model = RecordTableModel(records, columns, self)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for section, column in enumerate(columns):
            if column.stretch:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(section, min(self.table.columnWidth(section), MAX_COLUMN))
        self.detail.clear()

    def _show_detail(self) -> None:
        """The current row's whole text, which the table may cut short."""
        index = self.table.currentIndex()
        record = self.model.record(index.row()) if index.isValid() else None
        if isinstance(record, RowError):
            self.detail.setText(record.describe(message_text))
        elif isinstance(record, PlannedRow):
            self.detail.setText(f"{record.sku}: {record.trade_name} — {self._change_text(record)}")
        else:
            self.detail.clear()

    def _change_text(self, row: PlannedRow) -> str:
        if row.action == RowAction.NEW:
            return self.tr("new product")
        changed = [self._field_change(row, name) for name in row.changed_fields]
        if row.old_price != row.new_price:
            change = row.price_change
            if change is not None and abs(change) >= PRICE_JUMP:  # «цена −97 %»
                sign = "+" if change > 0 else "−"
                changed.append(f"{self.tr('price')} {sign}{whole_percent(abs(change) * 100)}")
            else:
                changed.append(self.tr("price"))
        fields = ", ".join(changed)
        if row.action == RowAction.RESTORE:
            text = self.tr("will be restored from the archive")
            return f"{text}; {fields}" if fields else text
        return self.tr("changes: %1").replace("%1", fields)

    def _field_change(self, row: PlannedRow, name: str) -> str:
        """«product kind: medical device»: a kind or a VAT treatment with what it becomes."""
        value = row.values.get(name)
        shown = {**self._kind_names(), **self._vat_kind_names()}.get(str(value))
        field = self._field_name(name)
        return f"{field}: {shown}" if name in ("kind", "vat_kind") and shown else field

    def _kind_names(self) -> dict[str, str]:
        return {
            ProductKind.MEDICINE: self.tr("medicine"),
            ProductKind.MEDICAL_DEVICE: self.tr("medical device"),
            ProductKind.OTHER: self.tr("other goods"),
        }

    def _vat_kind_names(self) -> dict[str, str]:
        return {
            VatKind.STANDARD: self.tr("standard rate"),
            VatKind.REDUCED: self.tr("reduced rate"),
            VatKind.ZERO: self.tr("0 %"),
            VatKind.EXEMPT: self.tr("exempt (без НДС)"),
        }

    def _field_name(self, name: str) -> str:
        return {
            "code_1c": self.tr("1C code"),
            "kind": self.tr("product kind"),
            "vat_kind": self.tr("VAT treatment"),
            "trade_name": self.tr("trade name"),
            "inn_name": self.tr("INN"),
            "dosage_form": self.tr("form"),
            "dosage": self.tr("dosage"),
            "pack": self.tr("pack"),
            "registration_number": self.tr("registration number"),
            "product_group": self.tr("group"),
            "vat_rate": self.tr("VAT"),
        }.get(name, name)

    # --- cancel and close -------------------------------------------------------

    def _cancel_or_close(self) -> None:
        if self._busy:
            self._request_stop()  # the dialog stays to say what became of the work
        else:
            self.reject()

    def _request_stop(self) -> None:
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        """Esc, the window's close button and Close: while work runs, stop it first
        and close when it has stopped (see `_finish`)."""
        if self._busy:
            self._closing = True
            self._request_stop()
            return
        super().reject()


def _relay(progress: Callable[[int, str], None]) -> Callable[[ImportStage, int, int], None]:
    """The service's (stage, done, total) as the task runner's (percent, stage); -1 is unknown."""

    def report(stage: ImportStage, done: int, total: int) -> None:
        progress(min(100, done * 100 // total) if total else -1, stage)

    return report


def _row_label(error: RowError) -> str:
    if not error.row_number:
        return "—"
    if error.last_row > error.row_number:
        return f"{error.row_number}–{error.last_row}"
    return str(error.row_number)


def _error_text(error: BaseException) -> str:
    message = getattr(error, "message", None)
    return message_text(message) if isinstance(message, Message) else str(error)
