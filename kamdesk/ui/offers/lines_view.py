"""The table of an offer's lines: every header readable, a discount above 100 % said.

The discount's editor takes digits with a decimal comma or point and at most two
decimals. It once refused the third digit of «150», which became 15 % unsaid; now the
figure is taken as typed and `note` under the table says «Discount no more than 100 %»
(the editor framed red while it is typed, the cell red once entered) until no line has
one, and Save refuses it on the line («the discount must be between 0 and 100 %»)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kamdesk.ui.offers.lines_model import DISCOUNT, PRODUCT, LinesModel, parse_decimal

HUNDRED = Decimal(100)

# A number, a decimal comma or point and at most two decimals: «12,5», «100», «7.25»;
# one above 100 is taken and said (`LinesView.note`), not cut to its first two digits.
DISCOUNT_PATTERN = r"^(\d{1,5}([.,]\d{0,2})?)?$"
FRAME = "border: 1px solid #b3261e;"


def over_hundred(text: str) -> bool:
    try:
        return parse_decimal(text) > HUNDRED
    except (InvalidOperation, ValueError):
        return False


class DiscountDelegate(QStyledItemDelegate):
    typed = Signal(str)  # the text in the open editor, as typed

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setObjectName("discountEditor")
            editor.setValidator(
                QRegularExpressionValidator(QRegularExpression(DISCOUNT_PATTERN), editor)
            )
            editor.textChanged.connect(self.typed)
        return editor


class LinesView(QTableView):
    def __init__(self, model: LinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerLines")
        self.setModel(model)
        self._discount = DiscountDelegate(self)
        self.setItemDelegateForColumn(DISCOUNT, self._discount)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The product's name takes what the figures leave; the figures' headers
        # («Цена без НДС», «Сумма без НДС») always fit their columns.
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.note = QLabel(QCoreApplication.translate("OfferEditor", "Discount no more than 100 %"))
        self.note.setObjectName("discountNote")
        self.note.setStyleSheet("color: #b3261e;")
        self.note.hide()
        self._typed = ""
        self._discount.typed.connect(self._discount_typed)
        self._discount.closeEditor.connect(lambda *closed: self._discount_typed(""))
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._show_note)

    def _discount_typed(self, text: str) -> None:
        self._typed = text
        cell = self.findChild(QLineEdit, "discountEditor")
        if cell is not None:
            cell.setStyleSheet(FRAME if over_hundred(text) else "")
        self._show_note()

    def _show_note(self, *args: object) -> None:
        model = self.model()
        assert isinstance(model, LinesModel)
        entered = any(line.discount_pct > HUNDRED for line in model.lines())
        self.note.setVisible(entered or over_hundred(self._typed))
