"""Consent withdrawn: the personal details are destroyed in the store, the outbox and the
drafts, and the erasure itself travels as a change (152-ФЗ, ст. 21 ч. 5)."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import select

from kamdesk.models import ChangeLogEntry, ChangeStatus, Contact, ContactPersonal
from kamdesk.models.local import CardDraft
from kamdesk.services.card import (
    Entity,
    add_contact,
    erase_personal_details,
    personal_details_kept,
    remove_row,
    save_draft,
    set_field,
)
from kamdesk.store import Store
from tests.services.card_factories import make_account

SECRETS = {
    "birthday": "14.07.1971",
    "education": "Тверская медицинская академия",
    "family": "жена Ольга, двое сыновей",
    "hobbies": "рыбалка на Волге",
    "alcohol": "не пьёт",
    "topics_to_avoid": "развод",
}
# Every piece of the details as it could appear in a JSON payload.
SECRET_TEXTS = ["1971-07-14", *(v for k, v in SECRETS.items() if k != "birthday")]


def _contact_with_details(store: Store, surname: str = "Семёнов") -> tuple[uuid.UUID, uuid.UUID]:
    account_id = make_account(store)
    contact_id = add_contact(store, account_id, surname)
    set_field(store, Entity.CONTACT, contact_id, "consent_given", True)
    for name, value in SECRETS.items():
        set_field(store, Entity.PERSONAL, contact_id, name, value)
    set_field(store, Entity.PERSONAL, contact_id, "hobbies", "рыбалка на Волге, теннис")
    set_field(store, Entity.PERSONAL, contact_id, "hobbies", SECRETS["hobbies"])
    return account_id, contact_id


def _personal_log(store: Store) -> list[ChangeLogEntry]:
    with store.session() as session:
        return list(
            session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.entity == ContactPersonal.__tablename__)
                .order_by(ChangeLogEntry.id)
            )
        )


def _log_text(store: Store) -> str:
    with store.session() as session:
        entries = session.scalars(select(ChangeLogEntry)).all()
        return json.dumps([[e.changes, e.base] for e in entries], ensure_ascii=False)


def test_erasure_clears_the_details_and_every_copy_in_the_outbox(store: Store) -> None:
    _account, contact_id = _contact_with_details(store)
    before = _personal_log(store)
    assert all(e.status == ChangeStatus.PENDING for e in before)
    assert all(text in _log_text(store) for text in SECRET_TEXTS)  # the test can fail
    set_field(store, Entity.CONTACT, contact_id, "consent_given", False)  # withdrawn

    erasure = erase_personal_details(store, contact_id)

    assert erasure.fields_cleared == len(SECRETS) and erasure.anything
    with store.session() as session:
        query = select(ContactPersonal).where(ContactPersonal.contact_id == contact_id)
        row = session.scalar(query)
        assert row is not None
        assert row.birthday is None
        assert all(getattr(row, name) == "" for name in SECRETS if name != "birthday")
    leaked = [text for text in SECRET_TEXTS if text in _log_text(store)]
    assert leaked == [], "personal details left in the change log"
    assert erasure.log_entries_scrubbed == len(before) + 1  # the erasure's own "before" too
    assert not personal_details_kept(store, contact_id)


def test_the_erasure_is_a_change_that_travels(store: Store) -> None:
    _account, contact_id = _contact_with_details(store)
    count_before = len(_personal_log(store))
    erase_personal_details(store, contact_id)
    after = _personal_log(store)
    assert len(after) == count_before + 1
    erasure = after[-1]
    assert erasure.status == ChangeStatus.PENDING and str(erasure.operation) == "update"
    assert erasure.changes == {
        "birthday": None,
        "education": "",
        "family": "",
        "hobbies": "",
        "alcohol": "",
        "topics_to_avoid": "",
    }
    # The insert still creates the row at the office, with nothing personal in it.
    insert = after[0]
    assert str(insert.operation) == "insert"
    assert insert.changes["hobbies"] == "" and insert.changes["birthday"] is None
    assert insert.changes["contact_id"] == contact_id.hex  # whose details: kept


def test_entries_already_sent_are_scrubbed_and_keep_their_status(store: Store) -> None:
    _account, contact_id = _contact_with_details(store)
    with store.transaction() as session:
        for entry in session.scalars(select(ChangeLogEntry)):
            entry.status = ChangeStatus.ACKNOWLEDGED
    erase_personal_details(store, contact_id)
    assert [t for t in SECRET_TEXTS if t in _log_text(store)] == []
    statuses = [e.status for e in _personal_log(store)]
    assert statuses[:-1] == [ChangeStatus.ACKNOWLEDGED] * (len(statuses) - 1)
    assert statuses[-1] == ChangeStatus.PENDING  # only the erasure is new to the office


def test_other_contacts_and_fields_are_left_alone(store: Store) -> None:
    account_id, contact_id = _contact_with_details(store)
    other = add_contact(store, account_id, "Орлова")
    set_field(store, Entity.CONTACT, other, "consent_given", True)
    set_field(store, Entity.PERSONAL, other, "hobbies", "теннис")
    set_field(store, Entity.CONTACT, contact_id, "notes", "Решает по вторникам")
    erase_personal_details(store, contact_id)
    with store.session() as session:
        kept = session.scalar(select(ContactPersonal).where(ContactPersonal.contact_id == other))
        contact = session.get(Contact, contact_id)
        assert kept is not None and kept.hobbies == "теннис"
        assert contact is not None and contact.notes == "Решает по вторникам"
        assert contact.surname == "Семёнов"
    assert "теннис" in _log_text(store)
    assert personal_details_kept(store, other)


def test_drafts_of_personal_fields_are_deleted(store: Store) -> None:
    account_id, contact_id = _contact_with_details(store)
    save_draft(store, account_id, Entity.PERSONAL, contact_id, "family", "жена Ольга, трое детей")
    save_draft(store, account_id, Entity.CONTACT, contact_id, "position", "Главный врач")
    erasure = erase_personal_details(store, contact_id)
    assert erasure.drafts_deleted == 1
    with store.session() as session:
        left = session.scalars(select(CardDraft)).all()
        assert [(d.entity, d.field) for d in left] == [("contact", "position")]


def test_a_removed_contacts_details_are_erased_too(store: Store) -> None:
    _account, contact_id = _contact_with_details(store)
    remove_row(store, Entity.CONTACT, contact_id)
    erase_personal_details(store, contact_id)
    assert [t for t in SECRET_TEXTS if t in _log_text(store)] == []


def test_nothing_to_erase_writes_nothing(store: Store) -> None:
    account_id = make_account(store)
    contact_id = add_contact(store, account_id, "Кузнецова")
    assert not personal_details_kept(store, contact_id)
    count = len(_personal_log(store))
    erasure = erase_personal_details(store, contact_id)
    assert not erasure.anything and len(_personal_log(store)) == count


def test_details_can_be_recorded_again_after_new_consent(store: Store) -> None:
    _account, contact_id = _contact_with_details(store)
    set_field(store, Entity.CONTACT, contact_id, "consent_given", False)
    erase_personal_details(store, contact_id)
    set_field(store, Entity.CONTACT, contact_id, "consent_given", True)
    assert set_field(store, Entity.PERSONAL, contact_id, "birthday", "01.02.1970") == date(
        1970, 2, 1
    )


def test_an_unknown_contact_is_refused(store: Store) -> None:
    with pytest.raises(LookupError):
        erase_personal_details(store, uuid.uuid4())
