"""«Plan a call» on the Visits page: the plan dialog opened for a call (no place, no
travel, 15 minutes), at the page's next free slot; the saved call is selected."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from kamdesk.services.visits import VisitChannel
from kamdesk.ui.visits.free_slot import slot_for_new
from kamdesk.ui.visits.plan_dialog import PlanDialog, open_plan_dialog

if TYPE_CHECKING:
    from kamdesk.ui.visits.page import VisitsPage


def plan_call(page: VisitsPage) -> PlanDialog:
    dialog = open_plan_dialog(
        page, page.workspace, page.tasks, None, slot_for_new(page), channel=VisitChannel.CALL
    )

    def saved(visit_id: uuid.UUID) -> None:
        page.selected_id = visit_id
        page.reload()

    dialog.saved.connect(saved)
    return dialog
