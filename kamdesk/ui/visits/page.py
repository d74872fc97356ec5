"""The Visits section: the calendar (day, week, list), the checklist of the selected
visit, open follow-ups and clients overdue for a visit.

Keyboard: ←/→ a day, PageUp/PageDown a week (a month in the list), T today, ↑/↓ the
visits of the day, Enter opens the visit (its plan before it, its report after), N
(and the window's Ctrl+N) plans a new visit («Plan a call»: a call), Delete cancels
with a reason, Ctrl+Z undoes the last status change made here, the Menu key (or
Shift+F10, or a right click) opens the visit's menu (`actions`, `visit_menu`).

Whatever changes a visit's status, every part of the page follows at once: the change
is put into the rows shown (`show_status`) before the background reload brings the
rest, and each load decides again what the side panel shows for the selected visit
(the pre-meeting checklist only while it is planned) and what Undo may still offer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import (
    DEFAULT_TIME_ZONE,
    FollowUpRow,
    OverdueAccount,
    VisitRow,
    VisitStatus,
    open_follow_ups,
    overdue_accounts,
    visits_on_days,
)
from kamdesk.services.workspace import Workspace
from kamdesk.ui.changes import changes
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits import actions
from kamdesk.ui.visits.checklist_view import ChecklistView
from kamdesk.ui.visits.command_state import command_buttons, update_commands
from kamdesk.ui.visits.common import local, period_around
from kamdesk.ui.visits.list_layout import fit_visit_list, lay_out_visit_list
from kamdesk.ui.visits.models import DayModel, visit_list_model
from kamdesk.ui.visits.navigation import period_title, stepped
from kamdesk.ui.visits.next_step import next_step_text
from kamdesk.ui.visits.side_panel import FollowUpList, OverdueTable
from kamdesk.ui.visits.undo import StatusHistory, undo_text
from kamdesk.ui.visits.visit_menu import menu_at, show_visit_menu
from kamdesk.ui.visits.week_view import WeekScroll, WeekView

if TYPE_CHECKING:
    from kamdesk.ui.main_window import MainWindow

DAY, WEEK, LIST = 0, 1, 2


@dataclass(frozen=True)
class Loaded:
    """What one background load brings: the visits around the shown period and the panels."""

    first: date
    last: date
    rows: list[VisitRow]
    follow_ups: list[FollowUpRow]
    overdue: list[OverdueAccount]


class VisitsPage(QWidget):
    status_message = Signal(str)  # the main window shows it in the status bar
    fix_requested = Signal(str, object, str)  # kind, id, place: for the card, products, offers
    loaded = Signal()  # the calendar shows fresh data (tests wait for it)
    brief_ready = Signal(object)  # the Path of a pre-call brief just written

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner | None = None,
        window: MainWindow | None = None,
        parent: QWidget | None = None,
        tz: str = DEFAULT_TIME_ZONE,
        open_files: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitsPage")
        self.workspace = workspace
        self.tasks = tasks or TaskRunner(parent=self)
        self.window_ = window
        self.tz = tz
        self.open_files = open_files
        self.today = local(datetime.now().astimezone(), tz).date()
        self.current_day = self.today
        self.selected_id: uuid.UUID | None = None
        self.data = Loaded(self.today, self.today, [], [], [])
        self.history = StatusHistory(self)  # what Undo (Ctrl+Z) can take back
        self.menu: QMenu | None = None  # the visit's context menu while it is open
        self._list_rows: list[VisitRow] = []
        self._build()
        self.reload()

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.period = QLabel()
        self.period.setObjectName("visitsPeriod")
        nav = QHBoxLayout()
        for text, slot in (
            ("◀", lambda: self.step(-1)),
            ("", self.go_today),
            ("▶", lambda: self.step(1)),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            nav.addWidget(button)
            if not text:
                self.today_button = button
        nav.addWidget(self.period, 1)
        self.mode_buttons = QButtonGroup(self)
        for mode in (DAY, WEEK, LIST):
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.mode_buttons.addButton(button, mode)
            nav.addWidget(button)
        self.mode_buttons.idClicked.connect(self.set_mode)

        self.day_model = DayModel(self, self.tz)
        self.day_list = QListView()
        self.day_list.setObjectName("visitsDay")
        self.day_list.setModel(self.day_model)
        self.day_list.setSpacing(2)
        self.day_list.selectionModel().currentChanged.connect(
            lambda index, _old: self.select_visit(index.data(Qt.ItemDataRole.UserRole + 1))
        )
        self.day_list.activated.connect(lambda _index: actions.open_selected(self))
        self.week = WeekView(self, self.tz)
        self.week.day_chosen.connect(self._choose_day)
        self.week.visit_selected.connect(self.select_visit)
        self.week.visit_activated.connect(lambda _id: actions.open_selected(self))
        self.week.slot_activated.connect(lambda start: actions.plan_new(self, start=start))
        self.week.menu_requested.connect(self.show_visit_menu)
        self.list_model = visit_list_model([], self)
        self.table = QTableView()
        self.table.setObjectName("visitsList")
        self.table.setModel(self.list_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        lay_out_visit_list(self.table)
        self.table.activated.connect(lambda _index: actions.open_selected(self))
        selection = self.table.selectionModel()
        selection.currentChanged.connect(lambda _index, _old: self._list_selection_changed())
        selection.selectionChanged.connect(lambda _new, _old: self._list_selection_changed())
        for line_view in (self.day_list, self.table):
            line_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            line_view.customContextMenuRequested.connect(
                lambda pos, view=line_view: menu_at(self, view, pos)
            )
        self.stack = QStackedWidget()
        self.week_scroll = WeekScroll(self.week)
        for shown in (self.day_list, self.week_scroll, self.table):
            self.stack.addWidget(shown)
        for view in (self.day_list, self.week, self.table):
            view.installEventFilter(self)

        self.checklist = ChecklistView(self.workspace)
        self.checklist.fix_requested.connect(lambda k, i, p: actions.fix(self, k, i, p))
        self.checklist.changed.connect(self.reload)
        changes().changed.connect(self.reload)  # e.g. a visit planned from a card
        self.follow_ups = FollowUpList(self.workspace)
        self.follow_ups.done_changed.connect(self.reload)
        self.overdue = OverdueTable(self.tz)
        self.overdue.plan_requested.connect(lambda account: actions.plan_new(self, account))
        self.side = QTabWidget()
        for tab in (self.checklist, self.follow_ups, self.overdue):
            self.side.addTab(tab, "")
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 520])  # the checklist needs room for its reasons

        self.buttons, (planning, outcome) = command_buttons(self)
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(lambda: actions.undo_last(self))
        self.addAction(self.undo_action)
        self.history.changed.connect(self._update_undo)
        self.note = QLabel()
        # Its own line, wrapped: a long note (a brief's warnings) must not widen the window.
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(splitter, 1)
        layout.addLayout(planning)
        layout.addLayout(outcome)
        layout.addWidget(self.note)
        self._retranslate()
        self.set_mode(WEEK)

    def _retranslate(self) -> None:
        self.today_button.setText(self.tr("Today (T)"))
        for mode, text in ((DAY, self.tr("Day")), (WEEK, self.tr("Week")), (LIST, self.tr("List"))):
            self.mode_buttons.button(mode).setText(text)
        for index, text in enumerate(
            (self.tr("Checklist"), self.tr("Follow-ups"), self.tr("Overdue clients"))
        ):
            self.side.setTabText(index, text)
        for key, text in (
            ("new", self.tr("New visit (N)")),
            ("call", self.tr("Plan a call")),
            ("open", self.tr("Open (Enter)")),
            ("brief", self.tr("Brief PDF")),
            ("done", self.tr("Mark held")),
            ("reschedule", self.tr("Reschedule")),
            ("undo", self.tr("Undo (Ctrl+Z)")),
            ("route", self.tr("Order the day's route")),
            ("submit", self.tr("Submit reports…")),
            ("export", self.tr("Export…")),
        ):
            self.buttons[key].setText(text)
        self._update_undo()
        # Its hint, the tree's texts and «Cancel visit»/«Cancel call» in the new language.
        self._show_checklist()

    def _update_undo(self) -> None:
        """The Undo button names what it will take back, and is off when nothing can be."""
        change = self.history.last()
        button = self.buttons["undo"]
        button.setEnabled(change is not None)
        self.undo_action.setEnabled(change is not None)
        button.setToolTip(
            f"{undo_text(change.status, change.is_call)} — {change.account_name}"
            if change
            else self.tr("Nothing to undo")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._list_rows = []  # the list's dates and the header's month anew, and fitted
            self._show()
        super().changeEvent(event)

    # Data ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the visits around the current day, the follow-ups and overdue clients."""
        workspace, tz, day = self.workspace, self.tz, self.current_day
        first, last = period_around(day)
        today = self.today

        def load(_progress: Any) -> Loaded:
            store = workspace.store  # on the worker: it may wait for the store's check
            return Loaded(
                first,
                last,
                visits_on_days(store, first, last, tz),
                open_follow_ups(store, today),
                overdue_accounts(store, today, tz),
            )

        self.tasks.run(load, self._loaded, key="visits-page", owner=self)

    def _loaded(self, data: Loaded) -> None:
        self.data = data
        self.history.settle(data.rows)
        self.follow_ups.set_rows(data.follow_ups)
        self.overdue.set_rows(data.overdue)
        self._show()
        self._show_checklist()
        self.loaded.emit()

    def show_status(self, visit_ids: Iterable[uuid.UUID], status: VisitStatus) -> None:
        """Show at once the status just given to these visits, until the reload
        brings their rows (a visit no longer planned has no readiness)."""
        changed = set(visit_ids)
        rows = [r.with_status(status) if r.id in changed else r for r in self.data.rows]
        self.data = replace(self.data, rows=rows)
        self.history.settle(rows)
        self._show()
        self._show_checklist()

    def _show_checklist(self) -> None:
        """The pre-meeting checklist of the selected visit while it is planned; for any
        other (held, reported, submitted, cancelled) a line on what comes next."""
        row = self.selected()
        self.checklist.empty.setText(
            next_step_text(row.status, row.channel) if row else next_step_text(None)
        )
        planned = row if row is not None and row.status == VisitStatus.PLANNED else None
        self.checklist.show_visit(planned.id if planned and planned.readiness is not None else None)
        update_commands(self)  # e.g. «Mark held» off once the visit is held

    def _show(self) -> None:
        """Put the loaded data into the views for the current day and mode."""
        day, mode = self.current_day, self.stack.currentIndex()
        monday = day - timedelta(days=day.weekday())
        rows = sorted(self.data.rows, key=lambda r: r.shown_start)  # a held one: when held
        self.week.set_week(
            monday,
            [r for r in rows if monday <= self._day_of(r) <= monday + timedelta(days=6)],
            self.today,
            day,
        )
        self.day_model.set_visits([r for r in rows if self._day_of(r) == day])
        month = [
            r
            for r in rows
            if (self._day_of(r).year, self._day_of(r).month) == (day.year, day.month)
        ]
        if month != self._list_rows:  # an unchanged list keeps its selection and scroll
            self._list_rows = month
            self.list_model.set_records(month)
            fit_visit_list(self.table)
        self.period.setText(period_title(day, monday, week=mode == WEEK, month=mode == LIST))
        self._sync_selection()

    def _day_of(self, row: VisitRow) -> date:
        return local(row.shown_start, self.tz).date()

    def rows(self) -> list[VisitRow]:
        return self.data.rows

    def row(self, visit_id: uuid.UUID | None) -> VisitRow | None:
        return next((r for r in self.data.rows if r.id == visit_id), None)

    def selected(self) -> VisitRow | None:
        return self.row(self.selected_id)

    def selected_rows(self) -> list[VisitRow]:
        """In the list, every selected line; elsewhere the selected visit."""
        if self.stack.currentIndex() == LIST:
            picked = {index.row() for index in self.table.selectionModel().selectedRows()}
            return [self.list_model.record(row) for row in sorted(picked)]
        current = self.selected()
        return [current] if current else []

    # Navigation and selection -------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        self.stack.setCurrentIndex(mode)
        self.mode_buttons.button(mode).setChecked(True)
        self._show()

    def step(self, direction: int, page: bool = False) -> None:
        """◀/▶ (`page`: PageUp/PageDown): a day or a week; in the list, a month."""
        mode = self.stack.currentIndex()
        days = 7 if page or mode == WEEK else 1
        self.go_to(stepped(self.current_day, direction, month=mode == LIST, days=days))

    def go_to(self, day: date) -> None:
        first, last = self.data.first, self.data.last
        self.current_day = day
        if first <= day <= last and first != last:
            self._show()
        else:
            self.reload()

    def go_today(self) -> None:
        self.go_to(self.today)

    def move_days(self, days: int) -> None:
        self.go_to(self.current_day + timedelta(days=days))

    def _choose_day(self, day: date) -> None:
        """A click on a day of the week makes it the day in view, as ←/→ would."""
        if day != self.current_day:
            self.go_to(day)

    def route_day(self) -> date:
        """The day «Order the day's route» is for: the selected visit's while the view
        shows it selected (in the list: its line), else the day in view."""
        row, mode = self.selected(), self.stack.currentIndex()
        if row is None or mode == DAY:
            return self.current_day
        shown = self.week.rows if mode == WEEK else self._list_rows
        return self._day_of(row) if any(r.id == row.id for r in shown) else self.current_day

    def select(self, visit_id: uuid.UUID | None) -> None:
        self.selected_id = visit_id
        row = self.row(visit_id)
        if row is not None and self._day_of(row) != self.current_day:
            self.current_day = self._day_of(row)
            self._show()
        self._sync_selection()
        self._show_checklist()

    def select_visit(self, visit_id: uuid.UUID | None) -> None:
        """Select the visit unless it already is (views echo the selection back)."""
        if visit_id != self.selected_id:
            self.select(visit_id)

    def _sync_selection(self) -> None:
        self.week.select(self.selected_id)
        day_row = self.day_model.row_of(self.selected_id) if self.selected_id else None
        if day_row is not None:
            self.day_list.setCurrentIndex(self.day_model.index(day_row))
        list_row = next(
            (i for i, r in enumerate(self._list_rows) if r.id == self.selected_id), None
        )
        if list_row is not None and self._list_id(self.table.currentIndex()) != self.selected_id:
            self.table.selectRow(list_row)

    def _list_selection_changed(self) -> None:
        """The list's current line is the selected visit while it is highlighted. The
        keyboard focus alone makes the first line current without selecting it; «Cancel»,
        the route and the checklist must not act on a line the KAM does not see chosen."""
        index = self.table.currentIndex()
        chosen = index.isValid() and self.table.selectionModel().isRowSelected(index.row())
        self.select_visit(self._list_id(index) if chosen else None)

    def _list_id(self, index: QModelIndex) -> uuid.UUID | None:
        return self.list_model.record(index.row()).id if index.isValid() else None

    # Context menu -------------------------------------------------------------------------

    def show_visit_menu(
        self, visit_id: uuid.UUID | None, global_pos: QPoint | None = None
    ) -> QMenu | None:
        """Select the visit and pop up what can be done with it (see `visit_menu`)."""
        return show_visit_menu(self, visit_id, global_pos)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.handle_key(event, watched)
        return super().eventFilter(watched, event)

    def handle_key(self, event: QKeyEvent, view: QObject | None = None) -> bool:
        key, mode = event.key(), self.stack.currentIndex()
        pages = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}
        if key in pages:
            self.step(pages[Qt.Key(key)], page=True)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mode != LIST:
            self.move_days(-1 if key == Qt.Key.Key_Left else 1)
        elif key == Qt.Key.Key_T and not event.modifiers():
            self.go_today()
        elif key == Qt.Key.Key_N and not event.modifiers():
            actions.plan_new(self)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            actions.open_selected(self)
        elif key == Qt.Key.Key_Delete:
            actions.cancel(self)
        elif key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        ):
            self.show_visit_menu(self.selected_id)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and view is self.week:
            self._step_visit(-1 if key == Qt.Key.Key_Up else 1)
        else:
            return False
        return True

    def _step_visit(self, direction: int) -> None:
        todays = sorted(
            (r for r in self.data.rows if self._day_of(r) == self.current_day),
            key=lambda r: r.starts_at,
        )
        if not todays:
            return
        ids = [r.id for r in todays]
        index = ids.index(self.selected_id) + direction if self.selected_id in ids else 0
        self.select(ids[max(0, min(index, len(ids) - 1))])

    plan_new = actions.plan_new  # Ctrl+N in the window (kamdesk.ui.shortcuts)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.reload()  # the client's data may have changed elsewhere
