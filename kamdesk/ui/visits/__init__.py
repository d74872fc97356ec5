"""The Visits section: calendar, plan dialog, checklist, brief, report, exports."""

from kamdesk.ui.visits.page import VisitsPage
from kamdesk.ui.visits.plan_dialog import PlanDialog, open_plan_dialog

__all__ = ["PlanDialog", "VisitsPage", "open_plan_dialog"]
