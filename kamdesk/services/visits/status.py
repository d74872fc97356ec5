"""The status flow of a visit: planned → done → reported → submitted (handed in for the
manager; it travels with the next office sync).

Cancelled and rescheduled are ends: the row stays with its history (a
rescheduled visit points forward through the new visit's `rescheduled_from_id`).
Going back one step, until the report is submitted, is an undo
(`status_changes.undo_status_change`), not a transition.
"""

from __future__ import annotations

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.visits.model import VisitError, msg
from kamdesk.vocabulary import VisitStatus

TRANSITIONS: dict[VisitStatus, frozenset[VisitStatus]] = {
    VisitStatus.PLANNED: frozenset(
        {VisitStatus.DONE, VisitStatus.CANCELLED, VisitStatus.RESCHEDULED}
    ),
    VisitStatus.DONE: frozenset({VisitStatus.REPORTED}),
    VisitStatus.REPORTED: frozenset({VisitStatus.SUBMITTED}),
    VisitStatus.SUBMITTED: frozenset(),
    VisitStatus.CANCELLED: frozenset(),
    VisitStatus.RESCHEDULED: frozenset(),
}

# The report can be written and rewritten until it goes to the manager.
REPORT_EDITABLE = frozenset({VisitStatus.PLANNED, VisitStatus.DONE, VisitStatus.REPORTED})


def can_change(current: VisitStatus, target: VisitStatus) -> bool:
    return target in TRANSITIONS[current]


def require_change(current: VisitStatus, target: VisitStatus) -> None:
    if not can_change(current, target):
        raise VisitError(
            msg(
                QT_TRANSLATE_NOOP("Visits", "A visit that is {current} cannot become {target}"),
                current=current.value,
                target=target.value,
            )
        )


def require_plan_editable(current: VisitStatus) -> None:
    if current != VisitStatus.PLANNED:
        raise VisitError(
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits", "Only a planned visit can be edited; this one is {status}"
                ),
                status=current.value,
            )
        )


def require_report_editable(current: VisitStatus) -> None:
    if current == VisitStatus.SUBMITTED:
        raise VisitError(
            msg(
                QT_TRANSLATE_NOOP(
                    "Visits",
                    "The report is submitted and locked (it goes to the manager "
                    "at the next sync); add a dated addendum instead",
                )
            )
        )
    if current not in REPORT_EDITABLE:
        raise VisitError(
            msg(
                QT_TRANSLATE_NOOP("Visits", "A visit that is {status} has no report"),
                status=current.value,
            )
        )
