"""Consent withdrawn: a contact's personal details are destroyed (152-ФЗ, ст. 21 ч. 5).

Once a person withdraws consent to the processing of their personal data, the
operator must stop processing them and destroy them within 30 days. The card
offers it the moment the KAM records the withdrawal; `erase_personal_details`
does it in one transaction:

- the contact's personal-details row stays, with every field cleared; that is an
  ordinary update, one change-log entry, so the erasure travels to the office at
  the next sync like any other change;
- every change-log entry of that row (its insert and each edit, waiting in the
  outbox or already sent) gets the cleared values in place of what it carried,
  in its new values and in its "before" values: no copy stays on the laptop;
- what was typed into those fields and never committed (drafts) is deleted.

The contact itself (name, position, work phones) is not personal details in this
sense: it is how the account is worked with, and stays.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kamdesk.models import ChangeLogEntry, Contact, ContactPersonal
from kamdesk.models.local import CardDraft
from kamdesk.services.card.fields import FIELDS, Entity, Kind
from kamdesk.store.tombstones import INCLUDE_DELETED
from kamdesk.store.values import to_json_value

if TYPE_CHECKING:
    from kamdesk.store import Store

PERSONAL_FIELDS: tuple[str, ...] = tuple(FIELDS[Entity.PERSONAL])
_EVERYTHING = {INCLUDE_DELETED: True}  # a removed contact's details are destroyed too


@dataclass(frozen=True)
class Erasure:
    """What `erase_personal_details` destroyed."""

    fields_cleared: int  # fields of the personal-details row that held something
    log_entries_scrubbed: int  # change-log entries that carried personal details
    drafts_deleted: int  # typed, never committed texts of personal fields

    @property
    def anything(self) -> bool:
        return bool(self.fields_cleared or self.log_entries_scrubbed or self.drafts_deleted)


def cleared_value(name: str) -> Any:
    """What a personal field holds once erased: no date, empty text."""
    return None if FIELDS[Entity.PERSONAL][name] is Kind.DATE else ""


def erase_personal_details(store: Store, contact_id: uuid.UUID) -> Erasure:
    """Destroy the contact's personal details in the store, the change log and drafts."""
    with store.transaction() as session:
        if _contact(session, contact_id) is None:
            raise LookupError(f"contact {contact_id} not found")
        rows = _personal_rows(session, contact_id)
        cleared = 0
        for row in rows:
            for name in PERSONAL_FIELDS:
                if getattr(row, name) != cleared_value(name):
                    setattr(row, name, cleared_value(name))
                    cleared += 1
        session.flush()  # the erasure's own change-log entry, scrubbed below with the rest
        scrubbed = 0
        for entry in _log_entries(session, [row.id for row in rows]):
            changes, base = _scrubbed(entry.changes), _scrubbed(entry.base)
            if (changes, base) != (entry.changes, entry.base):
                entry.changes, entry.base = changes, base
                scrubbed += 1
        drafts = session.execute(
            delete(CardDraft).where(
                CardDraft.entity == str(Entity.PERSONAL), CardDraft.row_key == contact_id
            )
        )
        return Erasure(cleared, scrubbed, int(getattr(drafts, "rowcount", 0) or 0))


def personal_details_kept(store: Store, contact_id: uuid.UUID) -> bool:
    """Whether anything `erase_personal_details` would destroy is on the laptop."""
    with store.session() as session:
        rows = _personal_rows(session, contact_id)
        if any(getattr(r, n) != cleared_value(n) for r in rows for n in PERSONAL_FIELDS):
            return True
        if any(_scrubbed(e.changes) != e.changes or _scrubbed(e.base) != e.base
               for e in _log_entries(session, [row.id for row in rows])):  # fmt: skip
            return True
        drafts = session.scalar(
            select(func.count())
            .select_from(CardDraft)
            .where(CardDraft.entity == str(Entity.PERSONAL), CardDraft.row_key == contact_id)
        )
        return bool(drafts)


def _contact(session: Session, contact_id: uuid.UUID) -> Contact | None:
    return session.scalar(
        select(Contact).where(Contact.id == contact_id).execution_options(**_EVERYTHING)
    )


def _personal_rows(session: Session, contact_id: uuid.UUID) -> list[ContactPersonal]:
    return list(
        session.scalars(
            select(ContactPersonal)
            .where(ContactPersonal.contact_id == contact_id)
            .execution_options(**_EVERYTHING)
        )
    )


def _log_entries(session: Session, row_ids: list[uuid.UUID]) -> list[ChangeLogEntry]:
    if not row_ids:
        return []
    return list(
        session.scalars(
            select(ChangeLogEntry).where(
                ChangeLogEntry.entity == ContactPersonal.__tablename__,
                ChangeLogEntry.entity_id.in_(row_ids),
            )
        )
    )


def _scrubbed(values: dict[str, Any] | None) -> dict[str, Any]:
    """`values` with every personal field's value replaced by its cleared value."""
    return {
        key: to_json_value(cleared_value(key)) if key in PERSONAL_FIELDS else value
        for key, value in (values or {}).items()
    }
