"""The table of an offer's lines: every header readable, a discount above 100 % refused
as it is typed (the editor's validator lets through only 0–100 with two decimals)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kamdesk.ui.offers.lines_model import DISCOUNT, PRODUCT, LinesModel

# 0 to 100, a decimal comma or point and at most two decimals: «12,5», «100», «7.25».
DISCOUNT_PATTERN = r"^(100([.,]0{0,2})?|\d{1,2}([.,]\d{0,2})?)?$"


class DiscountDelegate(QStyledItemDelegate):
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
