"""A read-only table model over a short list of plain records (dataclasses).

For small lists already in memory (an account's contacts, its recent events):
each column says how to show a record, so a new table needs a list of
`RecordColumn`s, not a new model class. Big lists use a lazy SQL model
instead (see `kamdesk.ui.clients.model`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RecordColumn(Generic[R]):
    header: Callable[[], str]  # called on every paint, so it follows the language
    display: Callable[[R], str]
    tooltip: Callable[[R], str] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    alignment: Qt.AlignmentFlag | None = None
    stretch: bool = False  # shares the table's spare width (long free text); others fit content


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self, records: Sequence[R], columns: Sequence[RecordColumn[R]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._records = list(records)
        self._columns = list(columns)

    def column(self, section: int) -> RecordColumn[R]:
        return self._columns[section]

    def record(self, row: int) -> R:
        return self._records[row]

    def set_records(self, records: Sequence[R]) -> None:
        """Show another list in the same model (a new search, a reload): views keep
        their selection model and header state, and no old model is left behind."""
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def retranslate(self) -> None:
        if not self._columns:  # no header range to announce (Qt's tester rejects 0..-1)
            return
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._records:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._records) - 1, len(self._columns) - 1)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header()
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record) or None
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment)
        return None
