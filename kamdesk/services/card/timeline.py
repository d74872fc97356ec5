"""Everything that happened with an account, newest first, for the card's Timeline.

Visits with their reports, offers and their status changes, relationship
events, and edits of the card itself (read from the change log, which already
records every change to the account, its dossier, contacts and history).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountDossier,
    ChangeLogEntry,
    Contact,
    ContactPersonal,
    Offer,
    OfferStatusChange,
    RelationshipEvent,
    Visit,
    VisitReport,
)
from kamdesk.services.card.edit_values import row_names, stored_value
from kamdesk.store.tombstones import INCLUDE_DELETED

if TYPE_CHECKING:
    from kamdesk.store import Store

EDIT_LIMIT = 500  # the newest card edits; older ones stay in the change log


class TimelineKind(StrEnum):
    VISIT = "visit"
    OFFER = "offer"
    EVENT = "event"
    EDIT = "edit"


@dataclass(frozen=True)
class FieldChange:
    """One field of an edit, before and after, as stored values: dates, Decimals,
    vocabulary members, bools, text; whom a contact reports to by name."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime
    kind: TimelineKind
    what: str  # visit status, offer status, event kind, or the edited table
    subject: str = ""  # the user's own words: objective, offer number, event subject
    detail: str = ""
    date_only: bool = False
    previous: str = ""  # an offer's status before the change; the edit's operation
    fields: tuple[str, ...] = field(default_factory=tuple)  # fields an edit changed
    name: str = ""  # the edited row: a contact's full name, an event's subject, a company
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)  # an update: was → now


def _day(value: date) -> datetime:
    return datetime.combine(value, time(12), tzinfo=UTC)


def _held_at(visit: Visit, report: VisitReport | None) -> datetime:
    """When the visit took place (the report's time), else when it was planned."""
    if report is not None and report.actual_start is not None and visit.status != "planned":
        return report.actual_start
    return visit.starts_at


def load_timeline(
    store: Store, account_id: uuid.UUID, kinds: frozenset[TimelineKind] | None = None
) -> list[TimelineEntry]:
    wanted = kinds or frozenset(TimelineKind)
    entries: list[TimelineEntry] = []
    with store.session() as session:
        if TimelineKind.VISIT in wanted:
            for visit, report in session.execute(
                select(Visit, VisitReport)
                .outerjoin(VisitReport, VisitReport.visit_id == Visit.id)
                .where(Visit.account_id == account_id)
            ):
                detail = report.outcome if report else ""
                entries.append(
                    TimelineEntry(
                        _held_at(visit, report), TimelineKind.VISIT, str(visit.status),
                        visit.objective, detail,
                    )
                )  # fmt: skip
        if TimelineKind.OFFER in wanted:
            offers = session.scalars(select(Offer).where(Offer.account_id == account_id)).all()
            numbers = {
                o.id: f"{o.number}/{o.edition}" if o.edition > 1 else o.number for o in offers
            }
            for offer in offers:
                entries.append(
                    TimelineEntry(
                        _day(offer.offer_date), TimelineKind.OFFER, "created",
                        numbers[offer.id], date_only=True,
                    )
                )  # fmt: skip
            for change in session.scalars(
                select(OfferStatusChange).where(OfferStatusChange.offer_id.in_(numbers))
            ):
                entries.append(
                    TimelineEntry(
                        change.changed_at, TimelineKind.OFFER, str(change.to_status),
                        numbers[change.offer_id], change.note,
                        previous=str(change.from_status or ""),
                    )
                )  # fmt: skip
        if TimelineKind.EVENT in wanted:
            for event in session.scalars(
                select(RelationshipEvent).where(RelationshipEvent.account_id == account_id)
            ):
                result = f" ({event.tender_result})" if event.tender_result else ""
                entries.append(
                    TimelineEntry(
                        _day(event.occurred_on), TimelineKind.EVENT, str(event.kind),
                        event.subject, event.result_reason or event.resolution or event.description,
                        date_only=True, previous=result.strip(" ()"),
                    )
                )  # fmt: skip
        if TimelineKind.EDIT in wanted:
            entries.extend(_edits(session, account_id))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def _edits(session: object, account_id: uuid.UUID) -> list[TimelineEntry]:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    everything = {INCLUDE_DELETED: True}  # a removed contact's history stays visible
    contacts = {
        c.id: c.full_name
        for c in session.scalars(
            select(Contact).where(Contact.account_id == account_id).execution_options(**everything)
        )
    }
    contact_ids = list(contacts)
    ids: list[uuid.UUID] = [account_id, *contact_ids]
    for model, key, owner in (
        (AccountDossier, AccountDossier.account_id, [account_id]),
        (RelationshipEvent, RelationshipEvent.account_id, [account_id]),
        (AccountCompetitor, AccountCompetitor.account_id, [account_id]),
        (ContactPersonal, ContactPersonal.contact_id, contact_ids),
    ):
        ids.extend(
            session.scalars(select(model.id).where(key.in_(owner)).execution_options(**everything))
        )
    rows = session.scalars(
        select(ChangeLogEntry)
        .where(
            ChangeLogEntry.entity_id.in_(ids),
            ChangeLogEntry.entity.in_(
                [
                    Account.__tablename__,
                    AccountDossier.__tablename__,
                    Contact.__tablename__,
                    ContactPersonal.__tablename__,
                    RelationshipEvent.__tablename__,
                    AccountCompetitor.__tablename__,
                ]
            ),
        )
        .order_by(ChangeLogEntry.id.desc())
        .limit(EDIT_LIMIT)
    ).all()
    names = row_names(session, contacts, [(row.entity, row.entity_id) for row in rows])
    return [
        TimelineEntry(
            row.changed_at,
            TimelineKind.EDIT,
            row.entity,
            previous=str(row.operation),
            fields=_changed_fields(str(row.operation), row.changes),
            name=names.get(row.entity_id, ""),
            changes=_was_and_now(row, contacts) if str(row.operation) == "update" else (),
        )
        for row in rows
    ]


def _was_and_now(row: ChangeLogEntry, contacts: dict[uuid.UUID, str]) -> tuple[FieldChange, ...]:
    base = row.base or {}
    return tuple(
        FieldChange(
            name,
            stored_value(row.entity, name, base.get(name), contacts),
            stored_value(row.entity, name, value, contacts),
        )
        for name, value in sorted(row.changes.items())
    )


def _changed_fields(operation: str, changes: dict[str, object]) -> tuple[str, ...]:
    """The fields an edit changed; for a new row, only those it was given a value in."""
    if operation == "insert":
        return tuple(sorted(k for k, v in changes.items() if v not in (None, "", False)))
    return tuple(sorted(changes))
