"""The discount envelope as an editable table: the default, then product groups and SKUs.

Each row is the largest discount (%) a KAM may give without the manager's
approval, per ABC class of the account; an empty cell falls through to the
less specific row (SKU → group → default, class → «any class»).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.offers import EnvelopeRow
from kamdesk.services.offers.requisites import CLASSES

SCOPE = Qt.ItemDataRole.UserRole
KEY_COLUMN = 1
FIRST_CLASS_COLUMN = 2
AnyIndex = QModelIndex | QPersistentModelIndex


def _item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None  # every cell is filled when its row is added
    return item


class _KeyDelegate(QStyledItemDelegate):
    """Edits a group or SKU with completion from the catalogue."""

    def __init__(self, table: EnvelopeTable) -> None:
        super().__init__(table)
        self._table = table

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        scope = index.model().index(index.row(), 0).data(SCOPE)
        words = self._table.known_groups if scope == "groups" else self._table.known_skus
        completer = QCompleter(sorted(words), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text().strip())


class EnvelopeTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known_groups: set[str] = set()
        self.known_skus: set[str] = set()
        self._read_only = False
        self.table = QTableWidget(0, FIRST_CLASS_COLUMN + len(CLASSES), self)
        self.table.setObjectName("envelopeTable")
        self._edit_triggers = self.table.editTriggers()
        self.table.setItemDelegateForColumn(KEY_COLUMN, _KeyDelegate(self))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEY_COLUMN, QHeaderView.ResizeMode.Stretch)
        for i in range(len(CLASSES)):
            header.setSectionResizeMode(FIRST_CLASS_COLUMN + i, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(FIRST_CLASS_COLUMN + i, 54 if CLASSES[i] != "*" else 80)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_group = QPushButton(self)
        self.add_group.clicked.connect(lambda: self.add_row("groups"))
        self.add_sku = QPushButton(self)
        self.add_sku.clicked.connect(lambda: self.add_row("products"))
        self.remove = QPushButton(self)
        self.remove.clicked.connect(self.remove_current)
        self.remove.setEnabled(False)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_group, self.add_sku, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._retranslate()

    # --- rows ---------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """Shown, not edited (a KAM's laptop: the envelope is the office's)."""
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.NoEditTriggers if read_only else self._edit_triggers
        )
        for button in (self.add_group, self.add_sku):
            button.setEnabled(not read_only)
        self._read_only = read_only
        self._selection_changed()

    def set_rows(self, rows: list[EnvelopeRow]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)

    def add_row(self, scope: str) -> int:
        """A new empty row for a group or an SKU; its name cell is put in edit mode."""
        if self._read_only:
            return -1
        number = self._append(EnvelopeRow(scope, "", {}))
        self.table.setCurrentCell(number, KEY_COLUMN)
        if self.table.isVisible():
            self.table.editItem(_item(self.table, number, KEY_COLUMN))
        return number

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row > 0 and not self._read_only:  # the default row stays
            self.table.removeRow(row)

    def rows(self) -> list[EnvelopeRow]:
        result = []
        for number in range(self.table.rowCount()):
            scope = _item(self.table, number, 0).data(SCOPE)
            key = "" if scope == "default" else _item(self.table, number, KEY_COLUMN).text()
            limits = {
                abc: _item(self.table, number, FIRST_CLASS_COLUMN + i).text().strip()
                for i, abc in enumerate(CLASSES)
            }
            result.append(EnvelopeRow(scope, key, limits))
        return result

    def _append(self, row: EnvelopeRow) -> int:
        number = self.table.rowCount()
        self.table.insertRow(number)
        scope_item = QTableWidgetItem(self._scope_text(row.scope))
        scope_item.setData(SCOPE, row.scope)
        scope_item.setFlags(scope_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(number, 0, scope_item)
        key_item = QTableWidgetItem(row.key)
        if row.scope == "default":
            key_item.setText(self.tr("all products"))
            key_item.setFlags(key_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(number, KEY_COLUMN, key_item)
        for i, abc in enumerate(CLASSES):
            item = QTableWidgetItem(row.limits.get(abc, ""))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(number, FIRST_CLASS_COLUMN + i, item)
        return number

    def _selection_changed(self) -> None:
        self.remove.setEnabled(self.table.currentRow() > 0 and not self._read_only)

    # --- texts --------------------------------------------------------------------

    def _scope_text(self, scope: str) -> str:
        return {
            "default": self.tr("Default"),
            "groups": self.tr("Product group"),
            "products": self.tr("SKU"),
        }[scope]

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Applies to"),
                self.tr("Group or SKU"),
                "A, %",
                "B, %",
                "C, %",
                self.tr("Any, %"),
            ]
        )
        for number in range(self.table.rowCount()):
            item = _item(self.table, number, 0)
            item.setText(self._scope_text(item.data(SCOPE)))
            if item.data(SCOPE) == "default":
                _item(self.table, number, KEY_COLUMN).setText(self.tr("all products"))
        for i in range(len(CLASSES)):
            header = self.table.horizontalHeaderItem(FIRST_CLASS_COLUMN + i)
            if header is not None:
                header.setToolTip(self.tr("The account's ABC class"))
        self._keep_headers_whole()
        self.add_group.setText(self.tr("Add a product group"))
        self.add_sku.setText(self.tr("Add an SKU"))
        self.remove.setText(self.tr("Remove the row"))
        self.hint.setText(
            self.tr(
                "The largest discount a KAM may give without the manager's approval. "
                "An SKU row wins over its group, a group over the default. "
                "An empty cell takes the row's «any class», else the less specific row."
            )
        )

    def _keep_headers_whole(self) -> None:
        """The table is never narrower than its headers («Группа или артикул» was cut to
        «ппа или арти» in a 1366×768 window): the stretched column is at least as wide
        as its caption, and the neighbouring fields give way instead."""
        header = self.table.horizontalHeader()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        widths = []
        for column in range(self.table.columnCount()):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Fixed:
                widths.append(header.sectionSize(column))
                continue
            item = self.table.horizontalHeaderItem(column)
            caption = header.fontMetrics().horizontalAdvance(item.text() if item else "")
            widths.append(max(caption + 2 * margin, self.table.sizeHintForColumn(column)))
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumWidth(sum(widths) + frame)

    def showEvent(self, event: QShowEvent) -> None:
        self._keep_headers_whole()  # with the style's fonts, known once shown
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._keep_headers_whole()
        super().changeEvent(event)
