"""The Visits page's command buttons, and which of them can act on the selected visit.

Brief, mark held, reschedule and cancel are for a planned visit only, Open for any
that still stands; the cancel button names what it cancels («Cancel call (Del)» while
a call is selected). The page asks again whenever the selection or a status changes
(a click, a load, a status shown before the reload), so a visit just held no longer
offers «Mark held».
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from kamdesk.services.visits import VisitRow, VisitStatus
from kamdesk.ui.visits import actions, calls
from kamdesk.ui.visits.common import PLANNING_COMMANDS, is_ended

if TYPE_CHECKING:
    from kamdesk.ui.visits.page import VisitsPage

PLANNED_ONLY = ("brief", "done", "reschedule", "cancel")


def command_buttons(
    page: VisitsPage,
) -> tuple[dict[str, QPushButton], tuple[QHBoxLayout, QHBoxLayout]]:
    """The page's buttons by command, in two rows (planning, outcome): one row of 11
    is wider than 1366 px. Their texts come with the page's retranslation."""
    commands: tuple[tuple[str, Callable[[], object]], ...] = (
        ("new", lambda: actions.plan_new(page)),
        ("call", lambda: calls.plan_call(page)),
        ("open", lambda: actions.open_selected(page)),
        ("brief", lambda: actions.brief_pdf(page)),
        ("done", lambda: actions.mark_held(page)),
        ("reschedule", lambda: actions.reschedule(page)),
        ("cancel", lambda: actions.cancel(page)),
        ("undo", lambda: actions.undo_last(page)),
        ("route", lambda: actions.order_route(page)),
        ("submit", lambda: actions.submit(page)),
        ("export", lambda: actions.export(page)),
    )
    buttons: dict[str, QPushButton] = {}
    planning, outcome = QHBoxLayout(), QHBoxLayout()
    for key, command in commands:
        button = QPushButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(command)
        (planning if key in PLANNING_COMMANDS else outcome).addWidget(button)
        buttons[key] = button
    for row in (planning, outcome):
        row.addStretch(1)
    return buttons, (planning, outcome)


def update_commands(page: VisitsPage) -> None:
    row = page.selected()
    planned = row is not None and row.status == VisitStatus.PLANNED
    why = (
        ""
        if planned
        else QCoreApplication.translate("VisitsPage", "Select a planned visit for this.")
    )
    for key in PLANNED_ONLY:
        page.buttons[key].setEnabled(planned)
        page.buttons[key].setToolTip(why)
    page.buttons["open"].setEnabled(row is not None and not is_ended(row.status))
    page.buttons["cancel"].setText(cancel_text(row))


def cancel_text(row: VisitRow | None) -> str:
    if row is not None and row.is_call:
        return QCoreApplication.translate("VisitsPage", "Cancel call (Del)")
    return QCoreApplication.translate("VisitsPage", "Cancel visit (Del)")
