"""The context menu of a visit (right click, the Menu key or Shift+F10 on the calendar):
open it, and for a planned one the brief, mark held, reschedule and cancel; then Undo of
its last status change, as long as its report is not submitted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

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
        menu.addAction(
            QCoreApplication.translate("VisitMenu", "Cancel the visit…"),
            lambda: actions.cancel(page),
        )
    menu.addSeparator()
    if can_undo(row.status):
        menu.addAction(undo_text(row.status), lambda: actions.undo_visit(page, row))
    elif row.status == VisitStatus.SUBMITTED:
        locked = menu.addAction(
            QCoreApplication.translate("VisitMenu", "Submitted: only dated addenda now")
        )
        locked.setEnabled(False)
    return menu
