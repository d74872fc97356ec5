"""What the side panel says in place of the pre-meeting checklist once a visit is no
longer planned: the checklist is for preparing, so a visit held, reported, submitted,
cancelled or moved shows the step that comes next instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.visits import VisitStatus
from kamdesk.vocabulary import VisitChannel

CONTEXT = "VisitNextStep"

NEXT_STEP: dict[VisitStatus, str] = {
    VisitStatus.DONE: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The visit is held: open it (Enter) to write the report."
    ),
    VisitStatus.REPORTED: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The report is complete: submit it from the List (Submit reports…)."
    ),
    VisitStatus.SUBMITTED: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The report is submitted: only dated addenda now."
    ),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The visit is cancelled: nothing to prepare."
    ),
    VisitStatus.RESCHEDULED: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The visit was moved: select its new date to prepare for it."
    ),
}
# A call is never «the visit» to the KAM: held, cancelled or moved, it is the call.
CALL_NEXT_STEP: dict[VisitStatus, str] = {
    VisitStatus.DONE: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The call is held: open it (Enter) to write the report."
    ),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The call is cancelled: nothing to prepare."
    ),
    VisitStatus.RESCHEDULED: QT_TRANSLATE_NOOP(
        "VisitNextStep", "The call was moved: select its new date to prepare for it."
    ),
}
# ChecklistView's own hint, for no visit or a planned one (same source, same translation).
NO_VISIT = QT_TRANSLATE_NOOP(
    "ChecklistView", "Select a planned visit to see how ready you are for it."
)


def next_step_text(status: VisitStatus | None, channel: VisitChannel = VisitChannel.VISIT) -> str:
    """The side panel's line for a visit in `status` (None: no visit selected)."""
    if channel == VisitChannel.CALL and status in CALL_NEXT_STEP:
        return QCoreApplication.translate(CONTEXT, CALL_NEXT_STEP[status])
    if status is not None and status in NEXT_STEP:
        return QCoreApplication.translate(CONTEXT, NEXT_STEP[status])
    return QCoreApplication.translate("ChecklistView", NO_VISIT)
