"""The context menu of a visit (right click, the Menu key or Shift+F10 on the calendar):
open it, and for a planned one the brief, mark held, reschedule and cancel; then Undo of
its last status change, as long as its report is not submitted.

The menu is built from the page's rows, which take a status change at once
(`VisitsPage.show_status`), so it never offers what the change made impossible."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QListView, QMenu, QTableView

from kamdesk.services.visits import VisitRow, VisitStatus, can_undo
from kamdesk.ui.visits import actions
from kamdesk.ui.visits.undo import undo_text

if TYPE_CHECKING:
    from kamdesk.ui.visits.page import VisitsPage


def visit_menu(page: VisitsPage, row: VisitRow) -> QMenu:
    """The menu for `row`, which the page has just selected (the actions work on it)."""
    menu = QMenu(page)
    menu.setObjectName("visitMenu")
    if row.status not in (VisitStatus.CANCELLED, VisitStatus.RESCHEDULED):
        menu.addAction(
            QCoreApplication.translate("VisitMenu", "Open"), lambda: actions.open_selected(page)
        )
    if row.status == VisitStatus.PLANNED:
        # Lambdas without parameters: Qt's `checked` must not reach the actions' arguments.
        menu.addAction(
            QCoreApplication.translate("VisitMenu", "Brief PDF"), lambda: actions.brief_pdf(page)
        )
        menu.addAction(
            QCoreApplication.translate("VisitMenu", "Mark held…"), lambda: actions.mark_held(page)
        )
        menu.addAction(
            QCoreApplication.translate("VisitMenu", "Reschedule…"),
            lambda: actions.reschedule(page),
        )
        cancel = (
            QCoreApplication.translate("VisitMenu", "Cancel the call…")
            if row.is_call
            else QCoreApplication.translate("VisitMenu", "Cancel the visit…")
        )
        menu.addAction(cancel, lambda: actions.cancel(page))
    menu.addSeparator()
    if can_undo(row.status):
        menu.addAction(undo_text(row.status, row.is_call), lambda: actions.undo_visit(page, row))
    elif row.status == VisitStatus.SUBMITTED:
        locked = menu.addAction(
            QCoreApplication.translate("VisitMenu", "Submitted: only dated addenda now")
        )
        locked.setEnabled(False)
    return menu


def menu_at(page: VisitsPage, view: QListView | QTableView, pos: QPoint) -> None:
    """A right click on a line of the day or the list: that visit's menu."""
    index = view.indexAt(pos)
    visit_id = (
        index.data(Qt.ItemDataRole.UserRole + 1)
        if view is page.day_list
        else page.list_model.record(index.row()).id
        if index.isValid()
        else None
    )
    if visit_id is not None:
        show_visit_menu(page, visit_id, view.viewport().mapToGlobal(pos))


def show_visit_menu(
    page: VisitsPage, visit_id: uuid.UUID | None, global_pos: QPoint | None = None
) -> QMenu | None:
    """Select the visit and pop up its menu; without a position (the keyboard) it
    opens over the visit's block in the week, or over the current view."""
    row = page.row(visit_id)
    if row is None or (page.menu is not None and page.menu.isVisible()):
        return None
    page.select_visit(row.id)
    if page.menu is not None:
        page.menu.deleteLater()  # hidden by now: no signal of it is being handled
    page.menu = visit_menu(page, row)
    if global_pos is None:
        view = page.stack.currentWidget() or page
        block = page.week.block_rect(row.id) if view is page.week else None
        centre = block.center().toPoint() if block else view.rect().center()
        global_pos = view.mapToGlobal(centre)
    page.menu.popup(global_pos)
    return page.menu
