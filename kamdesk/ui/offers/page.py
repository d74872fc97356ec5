"""The Offers section: the list, and the actions on the selected offer.

«PDF» asks where to save the offer («КП-2026-K001-0004 ГКБ №7.pdf» in the folder
offers were saved to last, else Documents: kamdesk.ui.saved_files), builds it off
the UI thread through the app's TaskRunner with progress beside the buttons, says
in the status bar where it went and offers to open it; what the PDF lacks
(characters printed as «?», a logo left out) is said in amber under the buttons.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.documents.printed import PrintedFile
from kamdesk.documents.stored_offer import render_pdf
from kamdesk.services.offers import (
    OfferBook,
    OfferError,
    OfferRow,
    OfferStatus,
    expire_overdue,
    mark_accepted,
    mark_rejected,
    mark_sent,
)
from kamdesk.services.workspace import Workspace
from kamdesk.ui.formatting import format_date
from kamdesk.ui.offers.common import messages_text, money, status_label
from kamdesk.ui.offers.editor import open_offer_editor
from kamdesk.ui.printed_note import show_printed
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.saved_files import ask_save_path, document_saved
from kamdesk.ui.tasks import TaskRunner

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class OffersPage(QWidget):
    pdf_ready = Signal(object)  # the Path written
    status_message = Signal(str)  # the main window shows it in the status bar

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
        open_pdfs: bool = True,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._book = OfferBook(workspace.store)
        self._tasks = tasks or TaskRunner(parent=self)
        self._open_pdfs = open_pdfs
        self.search = QLineEdit(placeholderText=self.tr("Search by number or account"))
        self.search.textChanged.connect(self.reload)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for value in OfferStatus:
            self.status.addItem(status_label(value), value)
        self.status.currentIndexChanged.connect(self.reload)
        self.model = RecordTableModel[OfferRow]([], self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.note = QLabel()
        # Its own line, wrapped: a long warning must not widen the window past the screen.
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new", self.tr("New offer"), self.new_offer),
            ("edit", self.tr("Open"), self.edit_selected),
            ("pdf", self.tr("PDF"), self.pdf_selected),
            ("sent", self.tr("Mark sent"), lambda: self._act(mark_sent)),
            ("accepted", self.tr("Accepted"), lambda: self._act(mark_accepted)),
            ("rejected", self.tr("Rejected"), lambda: self._act(mark_rejected)),
        ):
            button = QPushButton(text)
            # clicked(bool) must not reach the slot: new_offer(False) once meant "account False".
            button.clicked.connect(lambda _checked=False, act=slot: act())
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        actions.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.note)
        expire_overdue(workspace.store)
        self.reload()

    def _columns(self) -> list[RecordColumn[OfferRow]]:
        def status(row: OfferRow) -> str:
            text = status_label(row.status)
            if row.needs_approval and not row.approved and row.status == OfferStatus.DRAFT:
                if row.approval_status == "requested":
                    text += " · " + self.tr("awaiting approval")
                elif row.approval_status == "rejected":
                    text += " · " + self.tr("approval rejected")
                else:
                    text += " · " + self.tr("needs approval")
            return text

        return [
            RecordColumn(lambda: self.tr("Number"), lambda r: r.number),
            RecordColumn(lambda: self.tr("Ed."), lambda r: str(r.edition)),
            RecordColumn(lambda: self.tr("Date"), lambda r: format_date(r.offer_date)),
            RecordColumn(lambda: self.tr("Valid until"), lambda r: format_date(r.valid_until)),
            RecordColumn(lambda: self.tr("Status"), status),
            RecordColumn(
                lambda: self.tr("Total with VAT"), lambda r: money(r.total), alignment=RIGHT
            ),
            RecordColumn(lambda: self.tr("Account"), lambda r: r.account_name),
        ]

    def reload(self) -> None:
        status = self.status.currentData()
        rows = self._book.list(self.search.text(), frozenset({status}) if status else frozenset())
        chosen = self.selected()
        # The same model for the page's life (a new one per keystroke was never freed);
        # the offer chosen stays chosen while the search still finds it.
        self.model.set_records(rows)
        if chosen is not None:
            self.select_row(chosen.id)
        self.table.resizeColumnsToContents()

    def selected(self) -> OfferRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def select_row(self, offer_id: uuid.UUID) -> None:
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == offer_id:
                self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def new_offer(self, account_id: uuid.UUID | None = None) -> Any:
        editor = open_offer_editor(self, self._workspace, account_id=account_id, tasks=self._tasks)
        editor.saved.connect(lambda _: self.reload())
        return editor

    def edit_selected(self) -> Any:
        row = self.selected()
        if row is None:
            return None
        editor = open_offer_editor(self, self._workspace, offer_id=row.id, tasks=self._tasks)
        editor.saved.connect(lambda _: self.reload())
        return editor

    def _act(self, action: Any) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            action(self._workspace.store, row.id)
        except OfferError as error:
            QMessageBox.warning(self, self.tr("Offer"), messages_text(error.messages))
        self.reload()
        self.select_row(row.id)

    def pdf_name(self, row: OfferRow) -> str:
        """«КП-2026-K001-0004 ГКБ №7.pdf»; a later edition «… ред. 2 …»."""
        if row.edition > 1:
            name = self.tr("{number} ed. {edition} {client}.pdf")
        else:
            name = self.tr("{number} {client}.pdf")
        return name.format(number=row.number, edition=row.edition, client=row.account_name)

    def pdf_selected(self, target: Path | None = None) -> None:
        """Ask where to save the selected offer's PDF (unless `target` is given), build
        it in the background, then offer to open it. Cancelled: nothing is written."""
        row = self.selected()
        if row is None:
            return
        asked = target is None
        if target is None:
            target = ask_save_path(
                self, self.tr("Save the offer"), self.pdf_name(row), "PDF (*.pdf)", kind="offer"
            )
            if target is None:
                return
        path, store = target, self._workspace.store
        self.progress.setValue(0)
        self.progress.show()
        self.note.setText("")
        self.status_message.emit(self.tr("Building the PDF…"))
        self._tasks.run(
            lambda progress: render_pdf(store, row.id, path, progress=progress),
            lambda printed: self._pdf_done(printed, asked),
            self._pdf_failed,
            on_progress=lambda percent, stage: self.progress.setValue(percent),
            owner=self,
        )

    def _pdf_done(self, printed: PrintedFile, asked: bool) -> None:
        path = printed.path
        self.progress.hide()
        ready = self.tr("PDF ready: %1").replace("%1", str(path))
        if asked:
            title = self.tr("Offer PDF ready")
            say = self.status_message.emit
            document_saved(self, printed, ready, self.note, say, title, self._open_pdfs)
        else:  # a path given by the caller: written there and opened
            self.status_message.emit(ready)
            if printed.warnings:
                show_printed(self.note, ready, printed)
            if self._open_pdfs:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.pdf_ready.emit(path)

    def _pdf_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.note.setText("")
        if isinstance(error, OfferError):
            QMessageBox.warning(
                self, self.tr("The PDF was not made"), messages_text(error.messages)
            )
        else:
            self._tasks.report(error)
