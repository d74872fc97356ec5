"""The Clients section: the searchable client list and account cards in tabs.

The first tab is the list (when a search or filter leaves it empty, a panel over
it says why and offers to clear them: kamdesk.ui.clients.empty_state); each
opened account gets a closable tab beside it, so a KAM preparing a day of visits
can keep several clients open. What an
account tab shows is built by `card_factory` (the editable card of
kamdesk.ui.card by default, imported when the first card opens so start-up
never pays for it). A card loads itself in the background.

New accounts and merges are started here (buttons, Ctrl+N, the
menu, "Merge with…" on a card) and run by `AccountCommands`.

Signals the window wires: `plan_visit_requested(account_id)`, and
`new_offer_requested(account_id)` when the page has no workspace to open the
offer editor itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.accounts import AccountDirectory, AccountFilter
from kamdesk.ui.changes import changes
from kamdesk.ui.clients.commands import AccountCommands
from kamdesk.ui.clients.counter import AccountCounter
from kamdesk.ui.clients.empty_state import NoMatchesPanel
from kamdesk.ui.clients.filters import AccountFilterBar
from kamdesk.ui.clients.model import COLUMN_WIDTHS, AccountListModel, Column
from kamdesk.ui.formatting import format_number
from kamdesk.ui.header_fit import StretchFloor, fit_sections, widen_cut_sections
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.services.workspace import Workspace

CardFactory = Callable[[uuid.UUID], QWidget]
NEW_ACCOUNT_KEYS = QKeySequence("Ctrl+N")
NAME_FLOOR = 260  # px: the name column's least width, «ГБУЗ «Тверская областная…»


class ClientsPage(QWidget):
    """The client list plus account tabs; see the module docstring."""

    account_opened = Signal(object)  # the account's uuid, once its tab shows it
    status_message = Signal(str)
    plan_visit_requested = Signal(object)  # account uuid: the window opens the visit planner
    new_offer_requested = Signal(object)  # account uuid, when there is no workspace here

    def __init__(
        self,
        directory: AccountDirectory,
        tasks: TaskRunner,
        preferences: Preferences | None = None,
        card_factory: CardFactory | None = None,
        parent: QWidget | None = None,
        *,
        workspace: Workspace | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._tasks = tasks
        self._preferences = preferences
        self._card_factory = card_factory or self._default_card
        self._workspace = workspace
        self._account_tabs: dict[uuid.UUID, QWidget] = {}
        self._list_stale = False

        self.model = AccountListModel(directory, tasks, parent=self)
        self.counter = AccountCounter(directory, tasks, parent=self)
        self.filters = AccountFilterBar(self)
        self.table = QTableView(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.empty_hint = QLabel(self)
        self.empty_hint.setObjectName("mutedNote")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        self._setup_table()
        self.no_matches = NoMatchesPanel(self.table)
        self.no_matches.reset_requested.connect(self._clear_search)
        self.commands = AccountCommands(self)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newAccountButton")
        self.new_button.clicked.connect(self.commands.new_account)
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("mergeAccountsButton")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge_selected)

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(12, 12, 12, 8)
        list_layout.setSpacing(8)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.empty_hint)
        list_layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.new_button)
        footer.addWidget(self.merge_button)
        footer.addSpacing(12)
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("mutedNote")
        footer.addWidget(self.hint_label)
        list_layout.addLayout(footer)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.addTab(list_page, "")
        # The list itself cannot be closed, only account tabs can.
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.LeftSide, None)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._list_page = list_page
        list_page.installEventFilter(self)  # Ctrl+N on the list: a new account
        self.filters.search.installEventFilter(self)  # ↓ and Enter: into the results
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.filters.filter_changed.connect(self.model.set_filter)
        self.model.loaded.connect(self._list_loaded)
        self.model.loading_changed.connect(lambda _loading: self._update_count())
        self.counter.changed.connect(self._update_count)
        self.model.loaded.connect(self._update_no_matches)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        changes().changed.connect(self._changed_elsewhere)  # e.g. a visit planned
        self._retranslate()

    # --- public ---------------------------------------------------------------

    def reload(self) -> None:
        """Query the list again (after data changed: demo loaded, figures refreshed)."""
        self.model.reload()
        self.counter.refresh_total()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self._list_page)
        self.filters.focus_search()

    def set_filter(self, account_filter: AccountFilter) -> None:
        self.model.set_filter(account_filter)

    def open_account(self, account_id: uuid.UUID) -> None:
        """Show the account's card, opening a new tab (it loads in the background)."""
        existing = self._account_tabs.get(account_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return
        card = self._card_factory(account_id)
        self._account_tabs[account_id] = card
        self.tabs.setCurrentIndex(self.tabs.addTab(card, self.tr("Loading…")))
        loaded = getattr(card, "loaded", None)
        if loaded is not None:
            loaded.connect(lambda title: self._card_loaded(account_id, card, title))
            card.missing.connect(lambda: self._card_missing(card))  # type: ignore[attr-defined]
            card.changed.connect(self._card_changed)  # type: ignore[attr-defined]
            card.plan_visit_requested.connect(self.plan_visit_requested)  # type: ignore[attr-defined]
            card.new_offer_requested.connect(self._new_offer)  # type: ignore[attr-defined]
            opens = getattr(card, "open_account_requested", None)
            if opens is not None:  # a chain's pharmacy, double-clicked on its card
                opens.connect(self.open_account)
            merge = getattr(card, "merge_requested", None)
            if merge is not None:
                merge.connect(self.commands.pick_partner)
        else:  # a plain widget: shown as it is
            self.account_opened.emit(account_id)

    @property
    def directory(self) -> AccountDirectory:
        return self._directory

    @property
    def tasks(self) -> TaskRunner:
        return self._tasks

    def new_account(self) -> QWidget:
        """Open the New account dialog (from the list, Ctrl+N or the menu)."""
        self.tabs.setCurrentWidget(self._list_page)
        return self.commands.new_account()

    def selected_accounts(self) -> list[uuid.UUID]:
        rows = self.table.selectionModel().selectedRows(Column.NAME)
        found = (AccountListModel.account_id(index) for index in rows)
        return [account_id for account_id in found if account_id is not None]

    def merge_selected(self) -> QWidget | None:
        """Compare the two selected accounts in the Merge dialog; with one selected (or
        a card shown), ask for the other one first."""
        chosen = self.selected_accounts()
        current = self.tabs.currentWidget()
        for account_id, tab in self._account_tabs.items():
            if tab is current:
                chosen = [account_id]
        if len(chosen) == 2:
            return self.commands.merge(chosen[0], chosen[1])
        if len(chosen) == 1:
            return self.commands.pick_partner(chosen[0])
        self.status_message.emit(self.tr("Select the two accounts to merge in the list."))
        return None

    def close_account(self, account_id: uuid.UUID, commit: bool = True) -> None:
        """Close the account's tab; without `commit` its fields are not stored again
        (the account was just merged away: everything was committed before)."""
        tab = self._account_tabs.get(account_id)
        if tab is not None:
            self._close_tab(self.tabs.indexOf(tab), commit)

    def open_accounts(self) -> list[uuid.UUID]:
        return list(self._account_tabs)

    def account_tab(self, account_id: uuid.UUID) -> QWidget | None:
        return self._account_tabs.get(account_id)

    def save_state(self) -> None:
        self.commit_cards()
        if self._preferences is not None:
            self._preferences.set_header_state("clients", self.table.horizontalHeader().saveState())

    # --- list -------------------------------------------------------------------

    def _setup_table(self) -> None:
        table = self.table
        table.setObjectName("accountTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        fit_sections(header, COLUMN_WIDTHS)
        if self._preferences is not None:
            state = self._preferences.header_state("clients")
            if state is not None:
                header.restoreState(state)
        # A name stays readable in a 1024 px window: the list scrolls sideways instead.
        self._name_floor = StretchFloor(header, Column.NAME, NAME_FLOOR)
        # Sorting is done by SQL: the header click ends in AccountListModel.sort().
        table.setSortingEnabled(True)

    def _list_loaded(self) -> None:
        self.counter.update(
            self.model.account_filter, self.model.rowCount(), self.model.is_complete()
        )

    def _update_count(self) -> None:
        total = self.counter.total
        matching = self.counter.matching
        if total is None:
            self.count_label.setText("")
        elif matching is None:
            self.count_label.setText(
                self.tr("Counting… of {total} accounts", "", total).format(
                    total=format_number(total)
                )
            )
        else:
            self.count_label.setText(
                self.tr("{shown} of {total} accounts", "", total).format(
                    shown=format_number(matching), total=format_number(total)
                )
            )
        self.empty_hint.setVisible(total == 0)
        self._update_no_matches()

    def _update_no_matches(self) -> None:
        """The panel over an empty result; while a query runs the list (and the
        panel) still show the last one."""
        if self.model.is_loading():
            return
        account_filter = self.model.account_filter
        nothing_found = (
            self.model.rowCount() == 0
            and account_filter != AccountFilter()
            and self.counter.total != 0  # an empty store has its own hint
        )
        if nothing_found:
            self.no_matches.show_for(account_filter.text, self.filters.describe(account_filter))
        else:
            self.no_matches.hide()
        # «Double-click opens» under a list with nothing to open sent KAMs clicking.
        self.hint_label.setVisible(self.model.rowCount() > 0)

    def _clear_search(self) -> None:
        self.filters.reset()
        self.filters.focus_search()  # the button is going away: typing goes on here

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(len(self.selected_accounts()) == 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filters.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key_in_search(event)
        # Ctrl+N on the list makes an account; elsewhere it stays the window's.
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if QKeySequence(event.keyCombination()) == NEW_ACCOUNT_KEYS:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.new_account()
                return True
        return super().eventFilter(watched, event)

    def _key_in_search(self, event: QKeyEvent) -> bool:
        """↓ from the search box: the list's first row (or the one chosen); Enter: that
        row's card, once the list shows what was typed."""
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if key == Qt.Key.Key_Down and self.no_matches.isVisible() and not event.modifiers():
            self.no_matches.reset_button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if (key != Qt.Key.Key_Down and not enter) or event.modifiers() or not self.model.rowCount():
            return False
        current = self.table.currentIndex()
        row = current if current.isValid() else self.model.index(0, 0)
        self.table.setCurrentIndex(row)
        self.table.selectRow(row.row())
        if enter and not self.model.is_loading():
            self._open_index(row)
        else:
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        account_id = AccountListModel.account_id(index)
        if account_id is not None:
            self.open_account(account_id)

    # --- account tabs --------------------------------------------------------

    def _default_card(self, account_id: uuid.UUID) -> QWidget:
        from kamdesk.ui.card import AccountCard

        return AccountCard(account_id, self._directory.store, self._tasks)

    def _card_loaded(self, account_id: uuid.UUID, card: QWidget, title: str) -> None:
        index = self.tabs.indexOf(card)
        if index < 0:
            return
        self.tabs.setTabText(index, _tab_title(title))
        self.tabs.setTabToolTip(index, title)
        self.account_opened.emit(account_id)

    def _card_missing(self, card: QWidget) -> None:
        index = self.tabs.indexOf(card)
        if index >= 0:
            self._close_tab(index)
        self.status_message.emit(self.tr("This account no longer exists."))

    def _card_changed(self, _account_id: object) -> None:
        # The list is queried again when it is next shown, not on every keystroke's commit.
        self._list_stale = True

    def _changed_elsewhere(self, _what: str, account_id: uuid.UUID | None) -> None:
        """A visit or offer stored elsewhere moves the next visit or status columns."""
        if self.tabs.currentWidget() is self._list_page and self.isVisible():
            self.reload()
        else:
            self._card_changed(account_id)

    def _tab_changed(self, _index: int) -> None:
        if self._list_stale and self.tabs.currentWidget() is self._list_page:
            self._list_stale = False
            self.reload()

    def _new_offer(self, account_id: uuid.UUID) -> None:
        if self._workspace is None:
            self.new_offer_requested.emit(account_id)
            return
        from kamdesk.ui.offers import open_offer_editor

        # Once saved, the editor announces it (kamdesk.ui.changes): open cards follow.
        open_offer_editor(self, self._workspace, account_id=account_id, tasks=self._tasks)

    def commit_cards(self) -> None:
        """Store whatever is still being typed in open cards (before quitting)."""
        for tab in self._account_tabs.values():
            commit = getattr(tab, "commit_all", None)
            if callable(commit):
                commit()

    def _close_tab(self, index: int, commit_fields: bool = True) -> None:
        widget = self.tabs.widget(index)
        if widget is None or widget is self._list_page:
            return
        commit = getattr(widget, "commit_all", None)
        if callable(commit) and commit_fields:
            commit()
        for account_id, tab in list(self._account_tabs.items()):
            if tab is widget:
                del self._account_tabs[account_id]
        self.tabs.removeTab(index)
        widget.deleteLater()

    # --- language -------------------------------------------------------------

    def _retranslate(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self._list_page), self.tr("Client list"))
        self.hint_label.setText(self.tr("Double-click or Enter opens the account"))
        self.new_button.setText(self.tr("New account…"))
        self.new_button.setToolTip(self.tr("Create an account (Ctrl+N)"))
        self.merge_button.setText(self.tr("Merge…"))
        self.merge_button.setToolTip(
            self.tr("Select two cards of the same organisation (Ctrl+click) to merge them")
        )
        self.empty_hint.setText(
            self.tr(
                "There are no accounts in this database yet. To try KAMdesk, create a new "
                "database with the demo territory (File ▸ New database…)."
            )
        )
        self.model.retranslate()
        widen_cut_sections(self.table.horizontalHeader(), COLUMN_WIDTHS)
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _tab_title(title: str, limit: int = 32) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
