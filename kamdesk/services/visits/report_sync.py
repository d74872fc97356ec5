"""Writing a report's ticks and next steps back to the visit's rows.

Next steps become follow-up tasks at once (a draft's too), matched to the
tasks saved before by id, else by position, so an autosave that does not keep
ids still updates rather than duplicates. Steps removed from the report are
soft-deleted, unless already done: finished work is never thrown away.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.models import (
    Contact,
    FollowUpTask,
    Product,
    Visit,
    VisitAttendee,
    VisitProduct,
    utcnow,
)
from kamdesk.services.visits.model import VisitError, msg
from kamdesk.services.visits.report_model import NextStep, ReportInput
from kamdesk.store import soft_delete
from kamdesk.store.natural_keys import find_or_restore


def sync_ticks(session: Session, visit: Visit, report: ReportInput) -> None:
    attendees = {
        row.contact_id: row
        for row in session.scalars(select(VisitAttendee).where(VisitAttendee.visit_id == visit.id))
    }
    extra_contacts = {t.contact_id for t in report.attendees if t.contact_id not in attendees}
    if extra_contacts:
        ours = set(
            session.scalars(
                select(Contact.id).where(
                    Contact.id.in_(extra_contacts), Contact.account_id == visit.account_id
                )
            )
        )
        if ours != extra_contacts:
            raise VisitError(
                {
                    "attendees": msg(
                        QT_TRANSLATE_NOOP("Visits", "Attendees must be contacts of this client")
                    )
                }
            )
    for tick in report.attendees:
        row = attendees.get(tick.contact_id)
        if row is None:
            if tick.attended:  # one per visit and contact: a removed one comes back
                row = find_or_restore(
                    session, VisitAttendee, visit_id=visit.id, contact_id=tick.contact_id
                )
                row.attended, row.planned = True, False
        else:
            row.attended = tick.attended
    products = {
        row.product_id: row
        for row in session.scalars(select(VisitProduct).where(VisitProduct.visit_id == visit.id))
    }
    extra_products = {p.product_id for p in report.products if p.product_id not in products}
    if extra_products:
        known = set(session.scalars(select(Product.id).where(Product.id.in_(extra_products))))
        if known != extra_products:
            raise VisitError({"products": msg(QT_TRANSLATE_NOOP("Visits", "Unknown product"))})
    for product_tick in report.products:
        link = products.get(product_tick.product_id)
        if link is None:
            if product_tick.discussed:  # one per visit and product: a removed one comes back
                link = find_or_restore(
                    session, VisitProduct, visit_id=visit.id, product_id=product_tick.product_id
                )
                link.discussed, link.planned = True, False
        else:
            link.discussed = product_tick.discussed


def sync_follow_ups(
    session: Session, visit: Visit, steps: list[NextStep], final: bool
) -> list[uuid.UUID]:
    # A draft may hold a half-typed row: only steps with a title become tasks.
    wanted = [step for step in steps if step.title.strip()]
    existing = list(
        session.scalars(
            select(FollowUpTask)
            .where(FollowUpTask.visit_id == visit.id)
            .order_by(FollowUpTask.position, FollowUpTask.created_at)
        )
    )
    by_id = {task.id: task for task in existing}
    claimed = {step.task_id for step in wanted if step.task_id in by_id}
    unclaimed = [task for task in existing if task.id not in claimed and task.done_at is None]
    ids: list[uuid.UUID] = []
    used: set[uuid.UUID] = set()
    for position, step in enumerate(wanted):
        task = by_id.get(step.task_id) if step.task_id else None
        if task is None and unclaimed:
            task = unclaimed.pop(0)
        if task is None:
            task = FollowUpTask(
                account_id=visit.account_id, owner_id=visit.owner_id, visit_id=visit.id, title=""
            )
            session.add(task)
        task.title = step.title.strip()
        task.details = step.details.strip()
        task.due_on = step.due_on
        task.position = position
        if step.done and task.done_at is None:
            task.done_at = utcnow()
        elif not step.done and task.done_at is not None:
            task.done_at = None
        session.flush()
        used.add(task.id)
        ids.append(task.id)
    for task in existing:
        if task.id not in used and task.done_at is None:
            soft_delete(session, task)
    return ids
