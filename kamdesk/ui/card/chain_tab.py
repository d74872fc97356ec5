"""A pharmacy chain's pharmacies on its card: name, city, sales in the last 12 months,
share of the chain's sales, ABC, status and last visit; sortable by any column, and a
double-click (or Enter) opens the pharmacy's card."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.card.standing import PharmacyRow
from kamdesk.textfold import natural_key
from kamdesk.ui import colors, labels
from kamdesk.ui.formatting import format_datetime, format_money, format_share
from kamdesk.ui.header_fit import StretchFloor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_FLOOR = 220  # px: the least width of a pharmacy's name
AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_HEADERS = (
    QT_TRANSLATE_NOOP("ChainPharmacies", "Pharmacy"),
    QT_TRANSLATE_NOOP("ChainPharmacies", "City"),
    QT_TRANSLATE_NOOP("ChainPharmacies", "Sales, 12 months"),
    QT_TRANSLATE_NOOP("ChainPharmacies", "Share of the chain"),
    # A pharmacy is not classed on its own: it carries its chain's class, and the header
    # says so, or «A» beside a 0.2 % share reads as a mistake.
    QT_TRANSLATE_NOOP("ChainPharmacies", "Chain's ABC"),
    QT_TRANSLATE_NOOP("ChainPharmacies", "Status"),
    QT_TRANSLATE_NOOP("ChainPharmacies", "Last visit"),
)


class PharmacyModel(QAbstractTableModel):
    """The chain's pharmacies; SORT_ROLE gives each cell's value to sort by."""

    def __init__(self, rows: list[PharmacyRow], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: list[PharmacyRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PharmacyRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("ChainPharmacies", _HEADERS[section])
                if 0 <= section < len(_HEADERS)
                else None
            )
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == 4
        ):
            return QCoreApplication.translate(
                "ChainPharmacies",
                "The chain's ABC class: a pharmacy of the chain is not classed on its own",
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ID_ROLE:
            return str(row.account_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.status is not None:
            return colors.STATUS_COLORS[row.status]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and row.abc_class:
            return QCoreApplication.translate(
                "ChainPharmacies", "The chain's class, not the pharmacy's own"
            )
        return None

    @staticmethod
    def _display(row: PharmacyRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.city
        if column == 2:
            return format_money(row.sales_12m)
        if column == 3:
            return format_share(row.share) if row.share is not None else "—"
        if column == 4:
            return row.abc_class or ""
        if column == 5:
            return labels.label(row.status) if row.status is not None else ""
        return format_datetime(row.last_visit_at).split(" ")[0]  # the day, in this zone

    @staticmethod
    def _sort_value(row: PharmacyRow, column: int) -> Any:
        values: tuple[Any, ...] = (
            natural_key(row.name),  # «№ 2» before «№ 10», as in the client list
            row.city.casefold(),
            float(row.sales_12m),
            row.share if row.share is not None else -1.0,
            row.abc_class or "~",
            labels.label(row.status) if row.status is not None else "",
            row.last_visit_at.timestamp() if row.last_visit_at is not None else 0.0,
        )
        return values[column]


class PharmaciesTab(QWidget):
    open_requested = Signal(object)  # the pharmacy's account id

    def __init__(
        self, rows: list[PharmacyRow], chain_sales: Decimal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chainPharmacies")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.total = QLabel()
        self.total.setObjectName("chainPharmaciesTotal")
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        self.model = PharmacyModel(rows, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("chainPharmacyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # the biggest buyers first
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The pharmacy's name stays readable in a 1024 px window; the list scrolls sideways.
        StretchFloor(header, 0, NAME_FLOOR)
        self.table.activated.connect(self._activated)  # double-click or Enter
        layout.addWidget(self.table, 1)
        self.set_rows(rows, chain_sales)

    def set_rows(self, rows: list[PharmacyRow], chain_sales: Decimal) -> None:
        self.model.set_rows(rows)
        together = sum((r.sales_12m for r in rows), Decimal(0))
        self.total.setText(
            self.tr(
                "%n pharmacies, together %1 in 12 months; the chain with them: %2", "", len(rows)
            )
            .replace("%1", format_money(together))
            .replace("%2", format_money(chain_sales))
        )

    def account_at(self, index: QModelIndex) -> uuid.UUID | None:
        value = self.proxy.data(index, ID_ROLE)
        return uuid.UUID(value) if value else None

    def _activated(self, index: QModelIndex) -> None:
        account_id = self.account_at(index)
        if account_id is not None:
            self.open_requested.emit(account_id)
