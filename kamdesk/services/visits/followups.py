"""Follow-up tasks: next steps from visit reports (and tasks added by hand)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.models import Account, FollowUpTask, utcnow
from kamdesk.services.visits.model import VisitError, msg
from kamdesk.services.visits.settings import VisitSettings
from kamdesk.services.visits.travel import local_day
from kamdesk.services.visits.workdays import add_working_days

if TYPE_CHECKING:
    from kamdesk.store import Store


@dataclass(frozen=True)
class FollowUpRow:
    id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    visit_id: uuid.UUID | None
    offer_id: uuid.UUID | None
    title: str
    details: str
    due_on: date | None
    done_at: datetime | None
    overdue: bool  # open and past its due date


def default_next_step_due(visit_day: date, settings: VisitSettings) -> date:
    """When a next step agreed on `visit_day` is due unless the KAM says otherwise:
    `next_step_after_working_days` working days later by the production calendar
    (a visit on 30 December 2026 gives 15 January 2027 with the default 5)."""
    return add_working_days(visit_day, settings.next_step_after_working_days)


def due_before_visit(due_on: date | None, visit_start: datetime | None, tz: str) -> bool:
    """A next step due before the day its visit took place: the final report refuses it
    (a draft keeps it, and the report form says so under the step)."""
    return due_on is not None and visit_start is not None and due_on < local_day(visit_start, tz)


def follow_ups(
    store: Store,
    today: date,
    *,
    account_id: uuid.UUID | None = None,
    include_done: bool = False,
    only_overdue: bool = False,
) -> list[FollowUpRow]:
    """Tasks by due date (undated last); open ones only unless `include_done`."""
    query = select(FollowUpTask, Account.name).join(Account, Account.id == FollowUpTask.account_id)
    if account_id is not None:
        query = query.where(FollowUpTask.account_id == account_id)
    if not include_done:
        query = query.where(FollowUpTask.done_at.is_(None))
    if only_overdue:
        query = query.where(FollowUpTask.due_on < today, FollowUpTask.done_at.is_(None))
    query = query.order_by(
        FollowUpTask.due_on.is_(None), FollowUpTask.due_on, FollowUpTask.position
    )
    with store.session() as session:
        return [
            FollowUpRow(
                id=task.id,
                account_id=task.account_id,
                account_name=name,
                visit_id=task.visit_id,
                offer_id=task.offer_id,
                title=task.title,
                details=task.details,
                due_on=task.due_on,
                done_at=task.done_at,
                overdue=task.done_at is None and task.due_on is not None and task.due_on < today,
            )
            for task, name in session.execute(query).all()
        ]


def open_follow_ups(
    store: Store, today: date, account_id: uuid.UUID | None = None
) -> list[FollowUpRow]:
    return follow_ups(store, today, account_id=account_id)


def overdue_follow_ups(
    store: Store, today: date, account_id: uuid.UUID | None = None
) -> list[FollowUpRow]:
    return follow_ups(store, today, account_id=account_id, only_overdue=True)


def add_follow_up(
    store: Store,
    account_id: uuid.UUID,
    title: str,
    due_on: date | None = None,
    details: str = "",
    offer_id: uuid.UUID | None = None,
) -> uuid.UUID:
    if not title.strip():
        raise VisitError({"title": msg(QT_TRANSLATE_NOOP("Visits", "A task needs a title"))})
    with store.transaction() as session:
        account = session.get(Account, account_id)
        if account is None or account.deleted_at is not None:
            raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The client no longer exists")))
        task = FollowUpTask(
            account_id=account_id,
            owner_id=account.owner_id,
            title=title.strip(),
            details=details.strip(),
            due_on=due_on,
            offer_id=offer_id,
        )
        session.add(task)
        session.flush()
        return task.id


def set_follow_up_done(
    store: Store, task_id: uuid.UUID, done: bool = True, when: datetime | None = None
) -> None:
    with store.transaction() as session:
        task = session.get(FollowUpTask, task_id)
        if task is None or task.deleted_at is not None:
            raise VisitError(msg(QT_TRANSLATE_NOOP("Visits", "The task no longer exists")))
        task.done_at = (when or utcnow()) if done else None
