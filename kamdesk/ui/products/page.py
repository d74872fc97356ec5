"""The Products section: search the catalogue, read a product's arguments, edit, import prices."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.products import (
    ImportPlan,
    PriceImporter,
    ProductCatalog,
    ProductRow,
    apply_import,
    plan_import,
)
from kamdesk.services.workspace import Workspace
from kamdesk.ui.file_dialogs import get_open_file_name
from kamdesk.ui.formatting import format_date
from kamdesk.ui.offers.common import money
from kamdesk.ui.offers.vat_note import rate_text
from kamdesk.ui.products.dialog import ProductDialog
from kamdesk.ui.products.import_dialog import PriceImportDialog
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.tasks import TaskRunner

MAX_COLUMN = 120  # px; long forms and INNs are elided, the whole text is in the detail
MAX_NAME_COLUMN = 170
NAME, INN, FORM, PRICE, VAT, SKU, GROUP = range(7)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ProductsPage(QWidget):
    detail_shown = Signal()  # the detail pane was filled for the current product

    def __init__(
        self, workspace: Workspace, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        # The window's runner, so that closing the store waits for an import; a
        # page made on its own (tests, screenshots) runs its own.
        self._tasks = tasks if tasks is not None else TaskRunner(parent=self)
        self._catalog = ProductCatalog(workspace.store)
        self.import_folder = Path.home()  # where the file dialog opens
        self.search = QLineEdit(placeholderText=self.tr("Search by name, INN, SKU or group"))
        self.search.textChanged.connect(self.reload)
        # One model for the page's life: each search puts its rows into it, so no
        # model is left behind and the view's selection model (and what is connected
        # to it) stays the same.
        self.model = RecordTableModel[ProductRow]([], self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(FORM, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.detail = QTextBrowser()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([900, 300])
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("New product"), self.new_product),
            (self.tr("Edit"), self.edit_selected),
            (self.tr("Import price list…"), self.import_prices),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.reload()

    def _columns(self) -> list[RecordColumn[ProductRow]]:
        def name(row: ProductRow) -> str:
            return row.trade_name

        def inn(row: ProductRow) -> str:
            return row.inn_name

        def form(row: ProductRow) -> str:
            return " · ".join(t for t in (f"{row.dosage_form} {row.dosage}".strip(), row.pack) if t)

        def group(row: ProductRow) -> str:
            return row.product_group

        return [
            # Capped or stretched columns are elided: their whole text is in the tooltip.
            RecordColumn(lambda: self.tr("Trade name"), name, tooltip=name),
            RecordColumn(lambda: self.tr("INN"), inn, tooltip=inn),
            RecordColumn(lambda: self.tr("Form and pack"), form, tooltip=form),
            RecordColumn(
                lambda: self.tr("Price without VAT"), lambda r: money(r.price), alignment=RIGHT
            ),
            RecordColumn(
                lambda: self.tr("VAT, %"), lambda r: rate_text(r.vat_rate).removesuffix(" %")
            ),
            RecordColumn(lambda: self.tr("SKU"), lambda r: r.sku),
            RecordColumn(lambda: self.tr("Group"), group, tooltip=group),
        ]

    def reload(self) -> None:
        """Search again; the product chosen stays chosen (and its detail shown) while
        the search still finds it."""
        chosen = self.selected()
        self.model.set_records(self._catalog.list(self.search.text()))
        self.table.resizeColumnsToContents()
        # About 850 px beside the detail at 1366 px: the name, INN and group are capped
        # and the form takes what is left, so every column is in view without scrolling.
        header = self.table.horizontalHeader()
        for column, most in ((NAME, MAX_NAME_COLUMN), (INN, MAX_COLUMN), (GROUP, MAX_COLUMN)):
            cap = max(most, header.sectionSizeHint(column))
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), cap))
        again = next(
            (
                row
                for row in range(self.model.rowCount())
                if chosen is not None and self.model.record(row).id == chosen.id
            ),
            None,
        )
        if again is None:
            self.detail.clear()
        else:  # the current row changes: the detail is read again (prices may have)
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(again, 0)))

    def selected(self) -> ProductRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def show_detail(self) -> None:
        row = self.selected()
        detail = self._catalog.detail(row.id) if row else None
        if detail is None:
            self.detail.clear()
            return
        titles = {
            "messages": self.tr("Key messages"),
            "objections": self.tr("Objections and answers"),
            "competitors": self.tr("Competitors"),
            "ours": self.tr("Ours:"),
            "theirs": self.tr("Theirs:"),
            "history": self.tr("Price history"),
        }
        parts = [f"<h3>{escape(detail.row.title)}</h3>"]
        parts.append(f"<p>{escape(detail.row.inn_name)} · {escape(detail.registration_number)}</p>")
        if detail.key_messages:
            parts.append(f"<h4>{titles['messages']}</h4><ul>")
            parts += [f"<li>{escape(m)}</li>" for m in detail.key_messages]
            parts.append("</ul>")
        if detail.objections:
            parts.append(f"<h4>{titles['objections']}</h4>")
            parts += [f"<p><b>{escape(o)}</b><br/>{escape(a)}</p>" for o, a in detail.objections]
        if detail.comparisons:
            parts.append(f"<h4>{titles['competitors']}</h4>")
            for c in detail.comparisons:
                price = f" · {money(c.competitor_price)}" if c.competitor_price else ""
                parts.append(
                    f"<p><b>{escape(c.competitor_product)}</b> ({escape(c.competitor_company)})"
                    f"{price}<br/>{titles['ours']} {escape(c.our_advantages)}<br/>"
                    f"{titles['theirs']} {escape(c.their_advantages)}</p>"
                )
        if detail.price_history:
            parts.append(f"<h4>{titles['history']}</h4><table cellspacing='0' cellpadding='3'>")
            parts += [
                f"<tr><td>{format_date(p.valid_from)}</td><td align='right'>{money(p.price)}"
                f"</td><td style='padding-left: 12px'>{escape(p.price_list)}</td></tr>"
                for p in detail.price_history
            ]
            parts.append("</table>")
        self.detail.setHtml("".join(parts))
        self.detail_shown.emit()

    def new_product(self) -> None:
        dialog = ProductDialog(self._catalog, None, self)
        if dialog.exec():
            self.reload()

    def edit_selected(self) -> None:
        row = self.selected()
        detail = self._catalog.detail(row.id) if row else None
        if detail is None:
            return
        dialog = ProductDialog(self._catalog, detail, self)
        if dialog.exec():
            self.reload()

    def import_prices(self) -> None:
        path = get_open_file_name(
            self,
            self.tr("Import a price list"),
            str(self.import_folder),
            self.tr("Price lists (*.csv *.xlsx)"),
        )
        if path:
            self.import_folder = Path(path).parent  # next month's list lands there too
            self.open_import(Path(path))

    def open_import(self, path: Path) -> PriceImportDialog:
        """The import dialog on `path`: it previews at once; the list reloads once applied."""
        dialog = PriceImportDialog(PriceImporter(self._workspace.store), path, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.reload)
        dialog.open()
        return dialog

    def import_file(self, path: Path, *, ask: bool = False) -> ImportPlan:
        """Preview and apply `path` on the calling thread, without asking: for scripts
        and tests that set up a catalogue. The window asks through `open_import`."""
        if ask:
            raise ValueError("asking is the import dialog's job: use open_import")
        plan = plan_import(self._workspace.store, path)
        if plan.ok:
            apply_import(self._workspace.store, plan)
            self.reload()
        return plan
