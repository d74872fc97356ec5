"""The change log's JSON values of a card edit as stored values, and the rows' names,
for the Timeline («contact Иванов Пётр Сергеевич — Reports to: — → Петров Олег»)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import AccountCompetitor, ContactPersonal, RelationshipEvent
from kamdesk.services.card.fields import FIELDS, Entity, Kind
from kamdesk.store.tombstones import INCLUDE_DELETED

ENTITIES = {
    "accounts": Entity.ACCOUNT,
    "account_dossiers": Entity.DOSSIER,
    "contacts": Entity.CONTACT,
    "contact_personal": Entity.PERSONAL,
    "relationship_events": Entity.EVENT,
    "account_competitors": Entity.COMPETITOR,
}


def stored_value(table: str, name: str, value: Any, contacts: dict[uuid.UUID, str]) -> Any:
    """A JSON value of the change log as the field holds it; None for none."""
    if value in (None, ""):
        return None
    entity = ENTITIES.get(table)
    kind = FIELDS.get(entity, {}).get(name) if entity else None
    try:
        if isinstance(kind, type) and issubclass(kind, StrEnum):
            return kind(value)
        if kind is Kind.DATE:
            return date.fromisoformat(str(value)[:10])
        if kind is Kind.MONEY:
            return Decimal(str(value))
        if kind is Kind.REF:
            return contacts.get(uuid.UUID(str(value)), "…")
    except (ValueError, InvalidOperation):
        return value
    return value


def row_names(
    session: Session, contacts: dict[uuid.UUID, str], rows: Iterable[tuple[str, uuid.UUID]]
) -> dict[uuid.UUID, str]:
    """The name each edited row goes by: a contact's (also for their personal details),
    a history event's subject, a competitor's company; the account and dossier none."""
    wanted: dict[str, set[uuid.UUID]] = {}
    for table, row_id in rows:
        wanted.setdefault(table, set()).add(row_id)
    names = {
        row_id: contacts[row_id] for row_id in wanted.get("contacts", ()) if row_id in contacts
    }
    everything = {INCLUDE_DELETED: True}
    for model, column in (
        (ContactPersonal, ContactPersonal.contact_id),
        (RelationshipEvent, RelationshipEvent.subject),
        (AccountCompetitor, AccountCompetitor.company),
    ):
        ids = wanted.get(model.__tablename__)
        if not ids:
            continue
        for row_id, value in session.execute(
            select(model.id, column).where(model.id.in_(ids)).execution_options(**everything)
        ):
            if model is ContactPersonal:
                names[row_id] = contacts.get(value, "") if isinstance(value, uuid.UUID) else ""
            else:
                names[row_id] = str(value)
    return names
