"""Changing a card: one field at a time, each change one entry in the change log.

Typed text first lives in a local draft (`save_draft`, many times a second if
need be, never synced); `set_field` commits a value to the domain row and drops
the draft in the same transaction, so a crash either keeps the draft or has
committed it, never neither.

Personal details (ContactPersonal) are refused until the contact's consent to
personal-data processing is recorded (152-ФЗ), here and not only in the UI.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Account as AccountRow
from kamdesk.models import (
    AccountCompetitor,
    AccountDossier,
    Contact,
    ContactPersonal,
    RelationshipEvent,
    utcnow,
)
from kamdesk.models.local import CardDraft
from kamdesk.services.card.fields import Entity, parse
from kamdesk.services.card.model import CONTEXT, CardError, Draft
from kamdesk.store.changelog import soft_delete
from kamdesk.store.natural_keys import find_or_restore
from kamdesk.vocabulary import AccountKind, RelationshipEventKind

if TYPE_CHECKING:
    from kamdesk.store import Store

CONSENT_NEEDED = Message(
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "Card",
        "Personal details can be stored only after the contact has consented to the "
        "processing of personal data (152-FZ): record the consent and its date first.",
    ),
)


def _row(session: Session, entity: Entity, row_key: uuid.UUID, create: bool) -> Any:
    row: Any
    if entity is Entity.DOSSIER:
        row = session.scalar(select(AccountDossier).where(AccountDossier.account_id == row_key))
        if row is None and create:  # one per account: a deleted one comes back
            row = find_or_restore(session, AccountDossier, account_id=row_key)
        return row
    if entity is Entity.PERSONAL:
        contact = session.get(Contact, row_key)
        if contact is None:
            raise LookupError(f"contact {row_key} not found")
        row = session.scalar(select(ContactPersonal).where(ContactPersonal.contact_id == row_key))
        if create and not contact.consent_given:
            raise CardError(CONSENT_NEEDED)
        if row is None and create:  # one per contact: a deleted one comes back
            row = find_or_restore(session, ContactPersonal, contact_id=row_key)
        return row
    model = {
        Entity.ACCOUNT: AccountRow,
        Entity.CONTACT: Contact,
        Entity.EVENT: RelationshipEvent,
        Entity.COMPETITOR: AccountCompetitor,
    }[entity]
    row = session.get(model, row_key)
    if row is None or row.deleted_at is not None:
        raise LookupError(f"{entity} {row_key} not found")
    return row


def current_value(store: Store, entity: Entity, row_key: uuid.UUID, name: str) -> Any:
    """The stored value of a field (None when its row does not exist yet)."""
    with store.session() as session:
        row = _row(session, entity, row_key, create=False)
        return None if row is None else getattr(row, name)


def set_field(store: Store, entity: Entity, row_key: uuid.UUID, name: str, raw: Any) -> Any:
    """Check and store one field; returns the stored value. Raises CardError.

    Storing the value it already has writes nothing (no empty change-log entry),
    but still drops a draft of it."""
    value = parse(entity, name, raw)
    with store.transaction() as session:
        row = _row(session, entity, row_key, create=True)
        if entity is Entity.ACCOUNT and name == "parent_id":
            _check_parent(session, row, value)
        if getattr(row, name) != value:
            setattr(row, name, value)
            consent_now = entity is Entity.CONTACT and name == "consent_given" and value
            if consent_now and row.consent_date is None:
                row.consent_date = date.today()
        session.execute(
            delete(CardDraft).where(
                CardDraft.entity == str(entity),
                CardDraft.row_key == row_key,
                CardDraft.field == name,
            )
        )
    return value


def _check_parent(session: Session, account: AccountRow, parent_id: uuid.UUID | None) -> None:
    """A pharmacy's parent is a pharmacy chain; no account is its own parent, nor its
    parent's parent (no cycles)."""
    if parent_id is None:
        return
    parent = session.get(AccountRow, parent_id)
    if parent is None or parent.deleted_at is not None:
        raise CardError(Message(CONTEXT, QT_TRANSLATE_NOOP("Card", "no such account")))
    if account.kind == AccountKind.PHARMACY and parent.kind != AccountKind.PHARMACY_CHAIN:
        raise CardError(
            Message(CONTEXT, QT_TRANSLATE_NOOP("Card", "a pharmacy's parent is a pharmacy chain"))
        )
    seen: set[uuid.UUID] = set()
    step: AccountRow | None = parent
    while step is not None and step.id not in seen:
        if step.id == account.id:
            raise CardError(
                Message(CONTEXT, QT_TRANSLATE_NOOP("Card", "an account cannot be its own parent"))
            )
        seen.add(step.id)
        step = session.get(AccountRow, step.parent_id) if step.parent_id else None


# --- drafts -------------------------------------------------------------------


def save_draft(
    store: Store, account_id: uuid.UUID, entity: Entity, row_key: uuid.UUID, name: str, text: str
) -> None:
    with store.transaction() as session:
        draft = session.get(CardDraft, (str(entity), row_key, name))
        if draft is None:
            session.add(
                CardDraft(
                    entity=str(entity),
                    row_key=row_key,
                    field=name,
                    account_id=account_id,
                    text=text,
                    updated_at=utcnow(),
                )
            )
        else:
            draft.text = text
            draft.updated_at = utcnow()


def discard_draft(store: Store, entity: Entity, row_key: uuid.UUID, name: str) -> None:
    with store.transaction() as session:
        draft = session.get(CardDraft, (str(entity), row_key, name))
        if draft is not None:
            session.delete(draft)


def drafts_for(session: Session, account_id: uuid.UUID) -> list[Draft]:
    rows = session.scalars(select(CardDraft).where(CardDraft.account_id == account_id)).all()
    return [Draft(r.entity, r.row_key, r.field, r.text) for r in rows]


# --- rows of the card -----------------------------------------------------------


def split_full_name(text: str) -> tuple[str, str, str]:
    """«Иванов Пётр Сергеевич» → surname, name, patronymic, the order a Russian card
    is written in; «Иванов П. С.» keeps the initials; initials first («П. С. Иванов»)
    put the surname last; a patronymic of more words («Гасан оглы») stays whole."""
    words = text.split()
    if not words:
        return "", "", ""
    if len(words) > 1 and _is_initial(words[0]) and not _is_initial(words[-1]):
        words = [words[-1], *words[:-1]]
    return words[0], (words[1] if len(words) > 1 else ""), " ".join(words[2:])


def _is_initial(word: str) -> bool:
    return word.endswith(".") and len(word) <= 3


def add_contact(store: Store, account_id: uuid.UUID, full_name: str, **values: Any) -> uuid.UUID:
    """A new contact of the account from what the KAM typed as its name: a surname
    alone, or the full name, split into its parts (`split_full_name`)."""
    surname, name, patronymic = split_full_name(full_name)
    values = {"name": name, "patronymic": patronymic, **values} if name else values
    fields = {name: parse(Entity.CONTACT, name, raw) for name, raw in values.items()}
    contact = Contact(
        account_id=account_id, surname=parse(Entity.CONTACT, "surname", surname), **fields
    )  # an empty surname is refused by parse, as when it is emptied in the card
    with store.transaction() as session:
        session.add(contact)
        session.flush()
        return contact.id


def add_event(
    store: Store,
    account_id: uuid.UUID,
    kind: RelationshipEventKind,
    occurred_on: date,
    subject: str = "",
    **values: Any,
) -> uuid.UUID:
    fields = {name: parse(Entity.EVENT, name, raw) for name, raw in values.items()}
    event = RelationshipEvent(
        account_id=account_id,
        kind=kind,
        occurred_on=occurred_on,
        subject=parse(Entity.EVENT, "subject", subject),
        **fields,
    )
    with store.transaction() as session:
        session.add(event)
        session.flush()
        return event.id


def add_competitor(store: Store, account_id: uuid.UUID, company: str, **values: Any) -> uuid.UUID:
    fields = {name: parse(Entity.COMPETITOR, name, raw) for name, raw in values.items()}
    competitor = AccountCompetitor(
        account_id=account_id, company=parse(Entity.COMPETITOR, "company", company), **fields
    )
    with store.transaction() as session:
        session.add(competitor)
        session.flush()
        return competitor.id


def remove_row(store: Store, entity: Entity, row_key: uuid.UUID) -> None:
    """Tombstone a contact, event or competitor (restorable, and it travels in sync)."""
    if entity not in (Entity.CONTACT, Entity.EVENT, Entity.COMPETITOR):
        raise ValueError(f"{entity} rows are not removed from the card")
    with store.transaction() as session:
        soft_delete(session, _row(session, entity, row_key, create=False))


def place_on_map(store: Store, contact_id: uuid.UUID, x: float | None, y: float | None) -> None:
    """Remember where the KAM put a person on the decision-making map (None: automatic)."""
    with store.transaction() as session:
        contact = _row(session, Entity.CONTACT, contact_id, create=False)
        if (contact.map_x, contact.map_y) != (x, y):
            contact.map_x, contact.map_y = x, y
