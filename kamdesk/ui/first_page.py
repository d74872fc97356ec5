"""The first page of clients, painted before the rest of the window is imported.

Start-up spends most of its time on things a KAM does not see: importing the
window's ~40 modules, building it, and SQLite's quick check of the whole store
(with the key fetched or derived first: kamdesk.store.probe.start_probe). So the
window first shows a plain read-only copy of what it is about to show: the
client list's first page in the list's own model and columns, read from the
store itself through a read-only connection (kamdesk.services.accounts.
peek_first_page: always the store's current rows, so there is no cache to go
stale and nothing with client names is written anywhere). It has no menus and
no commands, ignores clicks and keys and shows the busy cursor: nothing in it
can be acted on. The real window takes its place (same geometry, from the same
preferences) once the store has been opened and checked and the real list has
its first page.

When there is nothing to show at once (a new store, no key at hand: the
passphrase dialog comes first, a file that cannot be read), no copy is shown
and the start-up goes on as before. Before any question about the store
(damaged, too new, passphrase) the copy is closed: the question is asked about
a store the window may never open.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMainWindow, QTableView, QWidget

from kamdesk.services.accounts import AccountDirectory, SortKey, peek_first_page
from kamdesk.ui.clients.model import COLUMN_WIDTHS, PAGE_SIZE, SORT_KEYS, AccountListModel, Column
from kamdesk.ui.header_fit import fit_sections
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# The main window's and the client list's names and sizes (kamdesk.ui.main_window,
# kamdesk.ui.clients.page), repeated here so this module imports neither.
WINDOW_NAME = "main_window"
LIST_NAME = "clients"
DEFAULT_SIZE = QSize(1400, 850)

_BLOCKED = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
}


class FirstPage(QMainWindow):
    """The read-only first page; see the module docstring."""

    def __init__(self, path: Path, preferences: Preferences) -> None:
        super().__init__()
        self.setObjectName("firstPage")
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "KAMdesk"))
        self.setCursor(Qt.CursorShape.BusyCursor)
        directory = AccountDirectory(path, _no_store, read_only=True)
        self.model = AccountListModel(directory, TaskRunner(parent=self), parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("firstPageTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        fit_sections(header, COLUMN_WIDTHS)
        state = preferences.header_state(LIST_NAME)
        if state is not None:
            header.restoreState(state)
        header.setSortIndicatorShown(True)
        for widget in (self.table, self.table.viewport(), header):
            widget.installEventFilter(self)
        self.setCentralWidget(self.table)
        geometry = preferences.geometry(WINDOW_NAME)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)

    def sort_order(self) -> tuple[SortKey, bool]:
        """The order the real list will ask for: the one its saved header shows."""
        header = self.table.horizontalHeader()
        section = header.sortIndicatorSection()
        sort = SORT_KEYS.get(Column(section), SortKey.NAME) if 0 <= section < len(Column) else None
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return (sort or SortKey.NAME), descending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _BLOCKED or super().eventFilter(watched, event)


def _no_store() -> Any:
    raise RuntimeError("the first page has no store")


def show_first_page(path: Path, preferences: Preferences) -> FirstPage | None:
    """Show and paint the store's first page of clients, read-only; None when there
    is nothing to show at once (see the module docstring)."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    window = FirstPage(path, preferences)
    sort, descending = window.sort_order()
    try:
        rows = peek_first_page(path, sort, descending, limit=PAGE_SIZE)
    except Exception as error:  # the real opening finds it again and says so
        log.info("no first page before the window: %s", error)
        window.deleteLater()
        return None
    window.model.show_rows(rows)
    window.show()
    window.repaint()  # painted now, not when the event loop first runs
    return window


class ClosingPrompts:
    """The store's prompts, closing the first page before any question is asked."""

    def __init__(self, prompts: Any, first_page: FirstPage | None) -> None:
        self._prompts = prompts
        self._first_page = first_page

    def __getattr__(self, name: str) -> Any:
        answer = getattr(self._prompts, name)
        if not callable(answer):
            return answer

        def asked(*args: Any, **kwargs: Any) -> Any:
            self.close_first_page()
            return answer(*args, **kwargs)

        return asked

    @property
    def first_page(self) -> FirstPage | None:
        """The first page, while it is still shown."""
        return self._first_page

    def close_first_page(self) -> None:
        if self._first_page is not None:
            self._first_page.close()
            self._first_page.deleteLater()
            self._first_page = None


def hand_over(first_page: FirstPage | None, window: QWidget, list_model: Any) -> None:
    """Show `window` in place of `first_page` once its list (`list_model`, an
    AccountListModel) has its first page, or at once without a first page."""
    if first_page is None or list_model is None:
        window.show()
        if first_page is not None:
            _close(first_page)
        return

    def loaded() -> None:
        window.show()
        # Painted now, before the background work that starts once the list is idle
        # competes with the paint for the interpreter.
        window.repaint()
        _close(first_page)

    list_model.after_loading(loaded)


def _close(first_page: FirstPage) -> None:
    first_page.close()
    first_page.deleteLater()


__all__ = ["ClosingPrompts", "FirstPage", "hand_over", "show_first_page"]
