"""The brief gives something to talk about before business (field guide: personal
details), only for people who consented to their processing (152-ФЗ)."""

from __future__ import annotations

from kamdesk.services.visits import brief_content
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_contact, add_visit, msk


def _notes(store: Store, consent: bool) -> list[str]:
    account = add_account(store, "ГБУЗ «Городская клиническая больница № 7»")
    contact = add_contact(
        store, account, consent=consent, hobbies="Рыбалка на Волге", family="Дочь — студентка ТГМУ"
    )
    visit = add_visit(store, account, msk(2026, 12, 10, 10), attendee_ids=[contact])
    brief = brief_content(store, visit)
    (attendee,) = brief.attendees
    return [note.format() for note in attendee.openers]


def test_openers_of_a_person_who_consented(store: Store) -> None:
    notes = _notes(store, consent=True)
    assert "Hobbies: Рыбалка на Волге" in notes
    assert "Family: Дочь — студентка ТГМУ" in notes


def test_no_openers_without_consent(store: Store) -> None:
    assert _notes(store, consent=False) == []
