"""The client list as a lazy table model: pages of rows from SQL, never the whole table.

The model holds only the rows the view has asked for. A new filter or sort
order re-runs the query (SQLite filters and sorts) and resets the model when
the first page arrives; scrolling to the end asks `fetchMore` for the next
page. Queries run through the TaskRunner in a latest-wins lane, so typing never
waits for SQLite and only the last keystroke's rows reach the view.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.accounts import (
    AccountDirectory,
    AccountFilter,
    AccountRow,
    AccountStatus,
    SortKey,
)
from kamdesk.ui import colors, labels
from kamdesk.ui.formatting import format_datetime, format_share
from kamdesk.ui.tasks import TaskRunner

PAGE_SIZE = 200
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    KIND = 1
    CITY = 2
    CLIENT_TYPE = 3
    ABC_XYZ = 4
    STATUS = 5
    OWNER = 6
    NEXT_VISIT = 7
    DOSSIER = 8


# Starting widths in pixels (the user's own are remembered), for the list and for the
# first page painted before it. The name takes the width that is left: about 360 px on
# a 1366-pixel laptop screen, so «… больница № 7» keeps its number (and the name is
# elided in the middle, its whole text in the tooltip).
COLUMN_WIDTHS = {
    Column.KIND: 115,
    Column.CITY: 95,
    Column.CLIENT_TYPE: 110,
    Column.ABC_XYZ: 60,
    Column.STATUS: 135,  # «● Потенциальный» whole
    Column.OWNER: 110,
    Column.NEXT_VISIT: 120,
    Column.DOSSIER: 65,
}


SORT_KEYS: dict[Column, SortKey] = {
    Column.NAME: SortKey.NAME,
    Column.KIND: SortKey.KIND,
    Column.CITY: SortKey.CITY,
    Column.CLIENT_TYPE: SortKey.CLIENT_TYPE,
    Column.ABC_XYZ: SortKey.ABC_XYZ,
    Column.STATUS: SortKey.STATUS,
    Column.OWNER: SortKey.OWNER,
    Column.NEXT_VISIT: SortKey.NEXT_VISIT,
    Column.DOSSIER: SortKey.DOSSIER,
}


_HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("AccountListModel", "Name"),
    Column.KIND: QT_TRANSLATE_NOOP("AccountListModel", "Kind"),
    Column.CITY: QT_TRANSLATE_NOOP("AccountListModel", "City"),
    Column.CLIENT_TYPE: QT_TRANSLATE_NOOP("AccountListModel", "Client type"),
    Column.ABC_XYZ: QT_TRANSLATE_NOOP("AccountListModel", "ABC/XYZ"),
    Column.STATUS: QT_TRANSLATE_NOOP("AccountListModel", "Status"),
    Column.OWNER: QT_TRANSLATE_NOOP("AccountListModel", "Owner"),
    Column.NEXT_VISIT: QT_TRANSLATE_NOOP("AccountListModel", "Next visit"),
    Column.DOSSIER: QT_TRANSLATE_NOOP("AccountListModel", "Dossier"),
}


# The header's tooltip says in full what a short header abbreviates.
_HEADER_TIPS = {
    Column.ABC_XYZ: QT_TRANSLATE_NOOP(
        "AccountListModel", "ABC/XYZ class: sales share (ABC) and how steady they are (XYZ)"
    ),
    Column.OWNER: QT_TRANSLATE_NOOP("AccountListModel", "The KAM who owns the account"),
    Column.NEXT_VISIT: QT_TRANSLATE_NOOP("AccountListModel", "Next planned visit"),
    Column.DOSSIER: QT_TRANSLATE_NOOP("AccountListModel", "Dossier completeness"),
}


# A thin dossier is a warning, not an alarm: amber below half, red below a quarter.
_THIN_DOSSIER = QColor("#b26a00")
_EMPTY_DOSSIER = QColor("#c62828")


def _dossier_color(score: int) -> QColor | None:
    if score < 25:
        return _EMPTY_DOSSIER
    if score < 50:
        return _THIN_DOSSIER
    return None


def _header(column: Column) -> str:
    return QCoreApplication.translate("AccountListModel", _HEADERS[column])


def _status_dot(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class AccountListModel(QAbstractTableModel):
    """Rows of `AccountDirectory.page()`; see the module docstring."""

    loaded = Signal()  # the first page of a new query is in the model
    loading_changed = Signal(bool)

    def __init__(
        self,
        directory: AccountDirectory,
        tasks: TaskRunner,
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._tasks = tasks
        self._page_size = page_size
        self._rows: list[AccountRow] = []
        self._filter = AccountFilter()
        self._sort = SortKey.NAME
        self._descending = False
        self._complete = True  # every matching row is loaded
        self._generation = 0  # bumps with each new query; older pages are dropped
        self._query_running = False
        self._more_running = False
        self._lane = f"account-list-{id(self)}"
        self._dots: dict[AccountStatus, QIcon] = {}

    # --- what the page asks -------------------------------------------------

    @property
    def account_filter(self) -> AccountFilter:
        return self._filter

    @property
    def sort_key(self) -> SortKey:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def is_complete(self) -> bool:
        """True when the loaded rows are all the accounts that match."""
        return self._complete and not self._query_running

    def is_loading(self) -> bool:
        return self._query_running or self._more_running

    def after_loading(self, then: Callable[[], None]) -> None:
        """Call `then` once the query running now has its first page in, or at once
        when none runs."""
        if not self.is_loading():
            then()
            return

        def finished(loading: bool) -> None:
            if not loading:
                self.loading_changed.disconnect(finished)
                then()

        self.loading_changed.connect(finished)

    def row_at(self, row: int) -> AccountRow:
        return self._rows[row]

    def set_filter(self, account_filter: AccountFilter) -> None:
        if account_filter != self._filter:
            self._filter = account_filter
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):  # -1: Qt asks for "unsorted"; SQL always orders
            return
        sort = SORT_KEYS[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self._sort, self._descending):
            self._sort, self._descending = sort, descending
            self.reload()

    def reload(self) -> None:
        """Run the query again from the first page (new filter, sort, or data)."""
        self._generation += 1
        generation = self._generation
        query = (self._filter, self._sort, self._descending)
        self._set_loading(query_running=True, more_running=False)
        self._tasks.run(
            lambda _progress: self._directory.page(
                query[0], sort=query[1], descending=query[2], offset=0, limit=self._page_size
            ),
            lambda rows: self._first_page_arrived(generation, rows),
            self._query_failed,
            key=self._lane,
            owner=self,
        )

    def show_rows(self, rows: list[AccountRow]) -> None:
        """Show `rows` as the whole list, without a query and without asking for more
        (the read-only first page painted at start-up, kamdesk.ui.first_page)."""
        self._generation += 1
        self.beginResetModel()
        self._rows = list(rows)
        self._complete = True
        self.endResetModel()

    def retranslate(self) -> None:
        """Labels and dates depend on the language: ask the views to repaint them."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    # --- lazy loading -------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._complete and not self._query_running and not self._more_running

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        generation = self._generation
        query = (self._filter, self._sort, self._descending, len(self._rows))
        self._set_loading(query_running=False, more_running=True)
        self._tasks.run(
            lambda _progress: self._directory.page(
                query[0], sort=query[1], descending=query[2], offset=query[3], limit=self._page_size
            ),
            lambda rows: self._next_page_arrived(generation, rows),
            self._query_failed,
            key=f"{self._lane}-more",
            owner=self,
        )

    def _first_page_arrived(self, generation: int, rows: list[AccountRow]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._complete = len(rows) < self._page_size
        self.endResetModel()
        self._set_loading(query_running=False, more_running=False)
        self.loaded.emit()

    def _next_page_arrived(self, generation: int, rows: list[AccountRow]) -> None:
        if generation != self._generation:
            return
        self._complete = len(rows) < self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_loading(query_running=self._query_running, more_running=False)

    def _query_failed(self, error: BaseException) -> None:
        self._set_loading(query_running=False, more_running=False)
        self._tasks.report(error)

    def _set_loading(self, *, query_running: bool, more_running: bool) -> None:
        was = self.is_loading()
        self._query_running, self._more_running = query_running, more_running
        if was != self.is_loading():
            self.loading_changed.emit(self.is_loading())

    # --- QAbstractTableModel ------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole and Column(section) in _HEADER_TIPS:
            return QCoreApplication.translate("AccountListModel", _HEADER_TIPS[Column(section)])
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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ACCOUNT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column == Column.STATUS:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._dot(row.status)
            if role == Qt.ItemDataRole.ForegroundRole and row.status in colors.ALERT_STATUSES:
                return colors.STATUS_COLORS[row.status]
        if column in (Column.ABC_XYZ, Column.DOSSIER) and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return colors.MUTED_TEXT
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.DOSSIER:
            return _dossier_color(row.dossier_score)
        return None

    def _display(self, row: AccountRow, column: Column) -> str:
        match column:
            case Column.NAME:
                return row.name
            case Column.KIND:
                return labels.label(row.kind)
            case Column.CITY:
                return row.city
            case Column.CLIENT_TYPE:
                return labels.label(row.client_type)
            case Column.ABC_XYZ:
                return row.abc_xyz
            case Column.STATUS:
                return labels.label(row.status)
            case Column.OWNER:
                return row.owner_name
            case Column.NEXT_VISIT:
                return format_datetime(row.next_visit_at)
            case Column.DOSSIER:
                return format_share(row.dossier_score / 100).replace(",0", "").replace(".0", "")

    def _tooltip(self, row: AccountRow, column: Column) -> str | None:
        if column == Column.NAME:
            inn = QCoreApplication.translate("AccountListModel", "INN {inn}").format(inn=row.inn)
            return f"{row.name}\n{inn}" if row.inn else row.name
        if column == Column.CLIENT_TYPE:
            return labels.description(row.client_type) or None
        if column == Column.DOSSIER:
            return QCoreApplication.translate("AccountListModel", "Dossier completeness")
        return None

    def _dot(self, status: AccountStatus) -> QIcon:
        if status not in self._dots:
            self._dots[status] = _status_dot(colors.STATUS_COLORS[status])
        return self._dots[status]

    @staticmethod
    def account_id(index: QModelIndex) -> uuid.UUID | None:
        value = index.data(ACCOUNT_ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None
