"""The offer's lines as an editable table: quantity, price and discount edit in place.

The figures columns come from the same `line_figures` the PDF uses, so the
screen and the printed offer never disagree by a kopeck.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from kamdesk.services.offers import LineInput
from kamdesk.ui.formatting import format_number
from kamdesk.ui.offers.common import money

AnyIndex = QModelIndex | QPersistentModelIndex
PRODUCT, QUANTITY, PRICE, DISCOUNT, VAT, NET, TOTAL = range(7)
EDITABLE = {QUANTITY, PRICE, DISCOUNT}


def parse_decimal(text: str) -> Decimal:
    """What the user typed, with a decimal comma or point and any spaces.

    Raises InvalidOperation for anything but a finite number: Decimal itself would
    take "NaN" or "Infinity", which no price, quantity or discount can be."""
    cleaned = "".join(ch for ch in text if not ch.isspace()).replace("₽", "").replace("%", "")
    value = Decimal(cleaned.replace(",", "."))  # thousands are only ever grouped with spaces
    if not value.is_finite():
        raise InvalidOperation(text)
    return value


def parse_quantity(text: str) -> int:
    """Whole packs only: "1,5" is refused rather than quietly offered as 1."""
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise InvalidOperation(text)
    return int(value)


class LinesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[LineInput] = []
        self.max_discounts: dict[Any, Decimal] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Product"),
            self.tr("Quantity"),
            self.tr("Price without VAT"),
            self.tr("Discount, %"),
            self.tr("VAT, %"),
            self.tr("Amount without VAT"),
            self.tr("Amount with VAT"),
        ]

    def lines(self) -> list[LineInput]:
        return list(self._lines)

    def set_lines(self, lines: list[LineInput]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def append(self, line: LineInput) -> None:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self.endInsertRows()

    def row_of_product(self, product_id: Any) -> int:
        """The row holding `product_id`, -1 when none does (an offer has one line a product)."""
        return next((r for r, line in enumerate(self._lines) if line.product_id == product_id), -1)

    def figures_changed(self) -> None:
        """The lines' rates changed outside the table (a new offer date): show them."""
        if self._lines:
            self.dataChanged.emit(self.index(0, VAT), self.index(len(self._lines) - 1, TOTAL))

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section <= TOTAL
        ):
            return self.headers()[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column != PRODUCT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == DISCOUNT:
            limit = self.max_discounts.get(line.product_id)
            if limit is not None:
                return self.tr("Without approval up to %1 %").replace("%1", _number(limit))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == DISCOUNT:
            limit = self.max_discounts.get(line.product_id, Decimal(100))  # 150 %: red too
            if line.discount_pct > limit:
                from PySide6.QtGui import QColor

                return QColor("#b3261e")
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == PRODUCT:
            return line.title
        if column == QUANTITY:  # grouped to read («1 000 000»), plain to edit
            edit = role == Qt.ItemDataRole.EditRole
            return str(line.quantity) if edit else format_number(line.quantity)
        if column == PRICE:
            if line.unit_price is None:
                return "" if role == Qt.ItemDataRole.EditRole else self.tr("no price")
            return (
                _number(line.unit_price)
                if role == Qt.ItemDataRole.EditRole
                else money(line.unit_price)
            )
        if column == DISCOUNT:
            return _number(line.discount_pct)
        if column == VAT:
            return self.tr("no VAT") if line.vat_rate is None else _number(line.vat_rate)
        if line.unit_price is None:
            return ""
        figures = line.figures()
        return money(figures.net if column == NET else figures.total)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not 0 <= index.row() < len(self._lines)
        ):
            return False
        line = self._lines[index.row()]
        try:
            if index.column() == QUANTITY:
                line.quantity = parse_quantity(str(value))
            elif index.column() == PRICE:
                line.unit_price = parse_decimal(str(value)) if str(value).strip() else None
            elif index.column() == DISCOUNT:
                line.discount_pct = parse_decimal(str(value))
            else:
                return False
        except (InvalidOperation, ValueError):
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), TOTAL))
        return True


def _number(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    return text.replace(".", QLocale().decimalPoint())
