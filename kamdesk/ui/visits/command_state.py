"""Which of the Visits page's buttons can act on the selected visit.

Brief, mark held, reschedule and cancel are for a planned visit only, Open for any
that still stands; the cancel button names what it cancels («Cancel call (Del)» while
a call is selected). The page asks again whenever the selection or a status changes
(a click, a load, a status shown before the reload), so a visit just held no longer
offers «Mark held».
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kamdesk.services.visits import VisitRow, VisitStatus
from kamdesk.ui.visits.common import is_ended

if TYPE_CHECKING:
    from kamdesk.ui.visits.page import VisitsPage

PLANNED_ONLY = ("brief", "done", "reschedule", "cancel")


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
