"""A KAM merges two cards of one client and syncs: the contacts move to the card that
stays, on the office and on every laptop that reads it; a colleague who reads only the
merged-away card loses the moved rows, and keeps their unsent edits as sync issues."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from kamdesk.models import Contact, ContactPersonal
from kamdesk.services.card.lifecycle import merge_accounts
from kamdesk.store import INCLUDE_DELETED
from tests.sync.conftest import Laptop, Office
from tests.sync.test_two_laptops import edit, new_client, snapshot


def _contact(laptop: Laptop, contact_id: uuid.UUID) -> Contact | None:
    with laptop.store.session() as session:
        return session.get(Contact, contact_id, execution_options={INCLUDE_DELETED: True})


def _personal(laptop: Laptop, contact_id: uuid.UUID) -> ContactPersonal | None:
    with laptop.store.session() as session:
        return session.query(ContactPersonal).filter_by(contact_id=contact_id).one_or_none()


def _two_cards(laptop: Laptop) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    survivor, _ = new_client(laptop)
    duplicate, contact_id = new_client(laptop)
    with laptop.store.transaction() as session:
        session.add(ContactPersonal(contact_id=contact_id, hobbies="Рыбалка на Волге"))
    return survivor, duplicate, contact_id


def _boris_reads_the_duplicate(
    office: Office, make_laptop: Callable[..., Laptop]
) -> tuple[Laptop, Laptop, uuid.UUID, uuid.UUID, uuid.UUID]:
    """Anna holds two cards of one client; Boris is granted the duplicate card only."""
    office.user("anna", "Иванова Анна Сергеевна")
    office.user("boris", "Петров Борис Ильич")
    anna, boris = make_laptop("anna"), make_laptop("boris")
    anna.enrol("anna")
    boris.enrol("boris")
    survivor, duplicate, contact_id = _two_cards(anna)
    anna.sync()
    office.grant("boris", duplicate)
    boris.sync()
    return anna, boris, survivor, duplicate, contact_id


def test_a_merge_reaches_the_office_and_the_manager_sees_the_contact_moved(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("olga", "Смирнова Ольга Петровна", role="manager")
    office.user("anna", "Иванова Анна Сергеевна", manager="olga")
    anna, olga = make_laptop("anna"), make_laptop("olga")
    anna.enrol("anna")
    olga.enrol("olga")
    survivor, duplicate, contact_id = _two_cards(anna)
    anna.sync()
    olga.sync()

    merge_accounts(anna.store, survivor, duplicate)
    report = anna.sync()
    olga.sync()

    assert report.rejected == 0 and anna.pending() == [] and anna.issues() == []
    for laptop in (anna, olga):
        contact = _contact(laptop, contact_id)
        assert contact is not None and contact.account_id == survivor, laptop.name
        personal = _personal(laptop, contact_id)
        assert personal is not None and personal.hobbies == "Рыбалка на Волге", laptop.name
    assert snapshot(anna) == snapshot(olga)


def test_a_colleague_who_reads_only_the_merged_away_card_loses_the_moved_contact_not_edits(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    anna, boris, survivor, duplicate, contact_id = _boris_reads_the_duplicate(office, make_laptop)
    assert _contact(boris, contact_id) is not None

    merge_accounts(anna.store, survivor, duplicate)
    edit(boris, Contact, contact_id, phone_mobile="+79995554433")  # offline, not sent yet
    anna.sync()
    report = boris.sync()

    assert _contact(boris, contact_id) is None and _personal(boris, contact_id) is None
    # His edit went up first and was refused (the contact is no longer in a card he may
    # write): kept in his sync issues with the office's reason, not lost.
    [kept] = [issue for issue in boris.issues() if issue.entity == "contacts"]
    assert kept.local_value == {"phone_mobile": "+79995554433"}
    assert report.new_issues >= 1 and boris.pending() == []
    contact = _contact(anna, contact_id)
    assert contact is not None and contact.account_id == survivor
    assert contact.phone_mobile == "+79001112233"  # Boris's edit never reached it


def test_an_edit_not_yet_sent_of_a_contact_moved_away_stays_in_sync_issues(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    anna, boris, survivor, duplicate, contact_id = _boris_reads_the_duplicate(office, make_laptop)
    merge_accounts(anna.store, survivor, duplicate)
    anna.sync()
    # Boris edits while his pull is under way: the edit is not in this push.
    client = boris.client
    pull = client._pull

    def edit_then_pull(*args: object, **kwargs: object) -> object:
        edit(boris, Contact, contact_id, phone_mobile="+79995554433")
        return pull(*args, **kwargs)

    client._pull = edit_then_pull  # type: ignore[method-assign]
    boris.sync()

    assert _contact(boris, contact_id) is None
    [kept] = [issue for issue in boris.issues() if issue.entity == "contacts"]
    assert kept.kind == "revoked" and kept.local_value == {"phone_mobile": "+79995554433"}
    assert "перенесена" in kept.detail and boris.pending() == []


def test_a_manager_who_reads_both_cards_may_not_move_a_contact_between_them(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("olga", "Смирнова Ольга Петровна", role="manager")
    office.user("anna", "Иванова Анна Сергеевна", manager="olga")
    office.user("boris", "Петров Борис Ильич", manager="olga")
    anna, boris, olga = make_laptop("anna"), make_laptop("boris"), make_laptop("olga")
    for laptop in (anna, boris, olga):
        laptop.enrol(laptop.name)
    borises, _ = new_client(boris)
    boris.sync()
    _, contact_id = new_client(anna)
    anna.sync()
    olga.sync()
    edit(olga, Contact, contact_id, account_id=borises)  # a manager reads, KAMs write

    report = olga.sync()

    assert report.rejected == 1
    [refused] = [issue for issue in olga.issues() if issue.entity == "contacts"]
    assert "нет доступа" in refused.detail
    for laptop in (olga, boris):
        laptop.sync()
    assert _contact(boris, contact_id) is None
    contact = _contact(olga, contact_id)
    assert contact is not None and contact.account_id != borises  # put back as the office has it
