"""Editing a card: one change-log entry per committed field, drafts, checks, consent."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from kamdesk.models import Account, AccountDossier, AccountStats, ChangeLogEntry, Contact
from kamdesk.services.card import (
    CardError,
    Entity,
    add_contact,
    load_card,
    save_draft,
    set_field,
)
from kamdesk.services.dossier import install_score_listener
from kamdesk.store import Store
from tests.services.card_factories import make_account

# What KAMs paste from Word: Windows line ends, tabs, «ёлочки», non-breaking spaces.
PASTE_UNIT = "Потребность:\tантикоагулянты «ёлочки» —\u00a0120\u00a0коек;\r\nЁжик ёлка.\r\n"


def _log(store: Store, entity: str, entity_id: uuid.UUID) -> list[ChangeLogEntry]:
    with store.session() as session:
        return list(
            session.scalars(
                select(ChangeLogEntry).where(
                    ChangeLogEntry.entity == entity, ChangeLogEntry.entity_id == entity_id
                )
            )
        )


def test_a_committed_field_is_stored_with_one_change_log_entry(store: Store) -> None:
    account_id = make_account(store)
    for text in ("Н", "Ну", "Нужны антикоагулянты"):  # typing: drafts only
        save_draft(store, account_id, Entity.DOSSIER, account_id, "needs", text)
    assert load_card(store, account_id).drafts[0].text == "Нужны антикоагулянты"  # type: ignore[union-attr]
    set_field(store, Entity.DOSSIER, account_id, "needs", "Нужны антикоагулянты")
    card = load_card(store, account_id)
    assert card is not None
    assert card.dossier["needs"] == "Нужны антикоагулянты"
    assert card.drafts == []
    with store.session() as session:
        dossier_id = session.scalar(select(AccountDossier.id))
    entries = _log(store, "account_dossiers", dossier_id)
    assert len(entries) == 1 and entries[0].changes["needs"] == "Нужны антикоагулянты"
    set_field(store, Entity.DOSSIER, account_id, "needs", "Нужны антикоагулянты")
    assert len(_log(store, "account_dossiers", dossier_id)) == 1  # no change, no entry


def test_a_long_pasted_note_is_kept_exactly(store: Store) -> None:
    account_id = make_account(store)
    text = (PASTE_UNIT * (50_000 // len(PASTE_UNIT) + 1))[:50_000]
    set_field(store, Entity.DOSSIER, account_id, "general_notes", text)
    save_draft(store, account_id, Entity.DOSSIER, account_id, "history", text)
    card = load_card(store, account_id)
    assert card is not None
    assert card.dossier["general_notes"] == text
    assert card.drafts[0].text == text


@pytest.mark.parametrize(
    ("entity", "field", "raw"),
    [
        (Entity.ACCOUNT, "inn", "6905012346"),  # wrong check digit
        (Entity.ACCOUNT, "kpp", "69500100"),
        (Entity.ACCOUNT, "email", "not an address"),
        (Entity.ACCOUNT, "phone", "12"),
        (Entity.ACCOUNT, "name", "   "),
        (Entity.DOSSIER, "employees", "много"),
        (Entity.DOSSIER, "annual_budget", "1,234"),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_stored(
    store: Store, entity: Entity, field: str, raw: str
) -> None:
    account_id = make_account(store, inn="6905012345")
    with store.session() as session:
        before = session.scalar(select(func.count()).select_from(ChangeLogEntry))
    with pytest.raises(CardError):
        set_field(store, entity, account_id, field, raw)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == before
        assert session.get(Account, account_id).inn == "6905012345"  # type: ignore[union-attr]


def test_phones_are_stored_in_e164_and_dates_read_in_russian_order(store: Store) -> None:
    account_id = make_account(store)
    contact_id = add_contact(store, account_id, "Семёнов")
    assert set_field(store, Entity.CONTACT, contact_id, "phone_mobile", "8 (915) 123-45-67") == (
        "+79151234567"
    )
    assert set_field(store, Entity.CONTACT, contact_id, "consent_date", "05.03.2025") == date(
        2025, 3, 5
    )
    with pytest.raises(CardError):
        set_field(store, Entity.CONTACT, contact_id, "consent_date", "31.02.2025")
    with pytest.raises(CardError):
        set_field(store, Entity.CONTACT, contact_id, "influence", 7)


def test_personal_details_need_consent_first(store: Store) -> None:
    account_id = make_account(store)
    contact_id = add_contact(store, account_id, "Семёнов")
    with pytest.raises(CardError) as refused:
        set_field(store, Entity.PERSONAL, contact_id, "hobbies", "Рыбалка")
    assert "consent" in str(refused.value)
    set_field(store, Entity.CONTACT, contact_id, "consent_given", True)
    set_field(store, Entity.PERSONAL, contact_id, "hobbies", "Рыбалка")
    card = load_card(store, account_id)
    assert card is not None
    contact = card.contacts[0]
    assert contact.consent_given and contact.consent_date == date.today()
    assert contact.personal["hobbies"] == "Рыбалка"


def test_the_client_list_score_follows_each_edit(store: Store) -> None:
    install_score_listener(store)
    account_id = make_account(store)
    set_field(store, Entity.DOSSIER, account_id, "needs", "Антикоагулянты")
    with store.session() as session:
        assert (
            session.scalar(
                select(AccountStats.dossier_score).where(AccountStats.account_id == account_id)
            )
            == 8
        )
        contact = session.scalar(select(Contact))
    assert contact is None
    card = load_card(store, account_id)
    assert card is not None and card.score == 8


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("Иванов Пётр Сергеевич", ("Иванов", "Пётр", "Сергеевич")),
        ("  Иванова   Анна ", ("Иванова", "Анна", "")),
        ("Семёнов", ("Семёнов", "", "")),
        ("Иванов П. С.", ("Иванов", "П.", "С.")),
        ("П. С. Иванов", ("Иванов", "П.", "С.")),
        ("Мамедов Али Гасан оглы", ("Мамедов", "Али", "Гасан оглы")),
        ("Римский-Корсаков Николай Андреевич", ("Римский-Корсаков", "Николай", "Андреевич")),
    ],
)
def test_a_full_name_typed_for_a_new_contact_is_split(
    store: Store, typed: str, parts: tuple[str, str, str]
) -> None:
    """A tester typed «Иванов Пётр Сергеевич» into the new contact's field: it all went
    into the surname, with the name and patronymic left empty."""
    account_id = make_account(store)
    contact_id = add_contact(store, account_id, typed)
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert (contact.surname, contact.name, contact.patronymic) == parts
