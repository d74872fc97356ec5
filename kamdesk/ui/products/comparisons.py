"""The competitor comparisons of a product, edited as a table with add and remove."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.products import Comparison

COMPANY, PRODUCT, PRICE, OURS, THEIRS = range(5)


def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None  # every cell is filled when its row is added
    return item


def parse_price(text: str) -> Decimal | None:
    """«1 234,50» or «1234.5 ₽» → Decimal; "" → None; ValueError if not a number."""
    cleaned = "".join(ch for ch in text if ch not in " \u00a0\u202f₽").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not value.is_finite():
        raise ValueError(text)
    return value.quantize(Decimal("0.01"))


def _price_text(price: Decimal | None) -> str:
    return "" if price is None else f"{price:.2f}".replace(".", ",")


class ComparisonsEditor(QWidget):
    def __init__(self, comparisons: list[Comparison], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("comparisonsTable")
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((COMPANY, 120), (PRODUCT, 130), (PRICE, 80), (OURS, 170)):
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for comparison in comparisons:
            self._append(comparison)
        self._selection_changed()
        self._retranslate()

    def add_row(self) -> int:
        """An empty comparison, its first cell ready for typing."""
        row = self._append(Comparison("", "", None, "", ""))
        self.table.setCurrentCell(row, COMPANY)
        if self.table.isVisible():
            self.table.editItem(_item(self.table, row, COMPANY))
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_row(self, row: int, *values: str) -> None:
        """Fill a row's cells in column order (company, product, price, ours, theirs)."""
        for column, value in enumerate(values):
            _item(self.table, row, column).setText(value)

    def comparisons(self) -> list[Comparison]:
        """The rows that have any text; ValueError(row number) for a price that is no number."""
        result = []
        for row in range(self.table.rowCount()):
            texts = [_item(self.table, row, c).text().strip() for c in range(5)]
            if not any(texts):
                continue
            try:
                price = parse_price(texts[PRICE])
            except ValueError:
                raise ValueError(row + 1) from None
            result.append(
                Comparison(texts[COMPANY], texts[PRODUCT], price, texts[OURS], texts[THEIRS])
            )
        return result

    def _append(self, c: Comparison) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (
            c.competitor_company,
            c.competitor_product,
            _price_text(c.competitor_price),
            c.our_advantages,
            c.their_advantages,
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == PRICE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        return row

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Competitor"),
                self.tr("Their product"),
                self.tr("Their price"),
                self.tr("Our advantages"),
                self.tr("Their advantages"),
            ]
        )
        self.add_button.setText(self.tr("Add a competitor"))
        self.remove_button.setText(self.tr("Remove"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
