"""A visit's status changed by hand, and taken back.

Marking a visit held that was planned for later needs the time it was really held
(a click on the wrong day must not rewrite the diary), and that time cannot be in
the future. Every status change can be undone until the report is submitted: an
undo is an ordinary update, so it goes to the change log like any other edit and
the office sees both the change and its undoing.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.models import Visit, VisitReport, utcnow
from kamdesk.services.visits.model import VisitError, msg
from kamdesk.services.visits.planner import get_visit
from kamdesk.services.visits.status import require_change
from kamdesk.store import soft_delete
from kamdesk.store.natural_keys import find_or_restore
from kamdesk.vocabulary import VisitStatus

if TYPE_CHECKING:
    from kamdesk.store import Store

# Each status is reached from exactly one other, so undoing goes back one step.
UNDO_TO: dict[VisitStatus, VisitStatus] = {
    VisitStatus.DONE: VisitStatus.PLANNED,
    VisitStatus.REPORTED: VisitStatus.DONE,
    VisitStatus.CANCELLED: VisitStatus.PLANNED,
    VisitStatus.RESCHEDULED: VisitStatus.PLANNED,
}


def can_undo(status: VisitStatus) -> bool:
    """Whether a visit in `status` got there by a change that can still be taken back."""
    return status in UNDO_TO


def needs_held_time(starts_at: datetime, now: datetime | None = None) -> bool:
    """A visit planned for later is marked held only with the time it was held."""
    return starts_at > (now or utcnow())


def mark_done(
    store: Store,
    visit_id: uuid.UUID,
    held_at: datetime | None = None,
    *,
    now: datetime | None = None,
) -> None:
    """The visit took place. `held_at` (when it did) is required for a visit planned
    for later than `now`, refused in the future, and kept as the report's actual start."""
    now = now or utcnow()
    if held_at is not None:
        if held_at.utcoffset() is None:
            raise VisitError(
                {"held_at": msg(QT_TRANSLATE_NOOP("Visits", "The time needs a time zone"))}
            )
        if held_at > now:
            raise VisitError(
                {
                    "held_at": msg(
                        QT_TRANSLATE_NOOP("Visits", "A visit cannot have been held in the future")
                    )
                }
            )
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        require_change(visit.status, VisitStatus.DONE)
        if held_at is None and needs_held_time(visit.starts_at, now):
            raise VisitError(
                {
                    "held_at": msg(
                        QT_TRANSLATE_NOOP(
                            "Visits", "The visit is planned for later: say when it was held"
                        )
                    )
                }
            )
        visit.status = VisitStatus.DONE
        if held_at is not None:
            report = find_or_restore(session, VisitReport, visit_id=visit_id)
            report.actual_start = held_at


def undo_status_change(
    store: Store, visit_id: uuid.UUID, expected: VisitStatus | None = None
) -> VisitStatus:
    """Take back the visit's last status change and return the status it has again.

    `expected` is the status the KAM saw: if the visit changed since (another
    window, a report saved), nothing is undone. A rescheduled visit is planned again
    and the visit it was moved to is removed, as long as that one is still only planned.
    What was typed (a report draft, a cancel reason) stays in the store's history."""
    with store.transaction() as session:
        visit = get_visit(session, visit_id)
        if expected is not None and visit.status != expected:
            raise VisitError(
                msg(
                    QT_TRANSLATE_NOOP(
                        "Visits", "The visit has changed in the meantime; nothing was undone"
                    )
                )
            )
        if visit.status == VisitStatus.SUBMITTED:
            raise VisitError(
                msg(
                    QT_TRANSLATE_NOOP(
                        "Visits",
                        "The report is submitted and can no longer be undone; "
                        "add a dated addendum instead",
                    )
                )
            )
        target = UNDO_TO.get(visit.status)
        if target is None:
            raise VisitError(
                msg(QT_TRANSLATE_NOOP("Visits", "Nothing to undo: the visit is only planned"))
            )
        if visit.status == VisitStatus.RESCHEDULED:
            _remove_moved_copy(session, visit)
        elif visit.status == VisitStatus.CANCELLED:
            visit.cancel_reason = ""  # the change log keeps the reason that was given
        visit.status = target
        return target


def _remove_moved_copy(session: Session, visit: Visit) -> None:
    moved = session.scalars(select(Visit).where(Visit.rescheduled_from_id == visit.id)).all()
    for copy in moved:
        if copy.status != VisitStatus.PLANNED:
            raise VisitError(
                msg(
                    QT_TRANSLATE_NOOP(
                        "Visits",
                        "The visit it was moved to is no longer only planned; undo that one first",
                    )
                )
            )
        soft_delete(session, copy)
