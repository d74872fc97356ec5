"""Offer settings through the office: the manager widens the discount envelope and
lengthens the validity on their laptop, the KAM's laptop gets both with its next sync
and its next offer is made with them; the KAM's laptop cannot change them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from kamdesk.models import Offer, OfficeSetting
from kamdesk.services.offers import (
    AddresseeInput,
    OfferBook,
    OfficeSettingsReadOnly,
    load_offer_settings,
    save_offer_settings,
)
from tests.documents.offer_data import TODAY, Territory, make_territory
from tests.sync.conftest import Laptop, Office

WIDER = {"default": {"*": "20"}}


def offer_with_discount(laptop: Laptop, territory: Territory, discount: str) -> Offer:
    book = OfferBook(laptop.store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 10, discount)]
    draft.addressees = [AddresseeInput(territory.contacts["director"], "Экономия бюджета")]
    offer_id = book.save(draft, today=TODAY)
    with laptop.store.session() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None
        return offer


def test_the_managers_envelope_reaches_the_kam_and_their_next_offer_uses_it(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("olga", "Смирнова Ольга Павловна", role="manager")
    office.user("anna", "Иванова Анна Сергеевна", manager="olga")
    office.user("root", "Админов Пётр Петрович", role="admin")
    admin, manager, kam = make_laptop("admin"), make_laptop("manager"), make_laptop("kam")
    admin.enrol("root")
    manager.enrol("olga")
    kam.enrol("anna")
    territory = make_territory(admin.store)  # the catalogue, a client and the letterhead
    assert admin.sync().rejected == 0
    office.grant("anna", territory.account_id)
    assert kam.sync().rejected == 0
    before = offer_with_discount(kam, territory, "15")
    assert before.needs_approval  # above the default envelope (5-10 %)
    assert before.valid_until == TODAY + timedelta(days=30)

    manager.sync()
    settings = load_offer_settings(manager.store)
    assert settings.supplier.name  # the admin's letterhead came down
    save_offer_settings(manager.store, replace(settings, envelope=WIDER, validity_days=45))
    assert manager.sync().rejected == 0

    kam.sync()
    received = load_offer_settings(kam.store)
    assert received.envelope == WIDER and received.validity_days == 45
    after = offer_with_discount(kam, territory, "15")
    assert not after.needs_approval  # within the office's new envelope
    assert after.valid_until == TODAY + timedelta(days=45)

    # The KAM's laptop cannot widen it further, and queued nothing that tries to.
    with pytest.raises(OfficeSettingsReadOnly):
        save_offer_settings(kam.store, replace(received, envelope={"default": {"*": "90"}}))
    assert not [e for e in kam.pending() if e.entity == "office_settings"]
    assert load_offer_settings(kam.store).envelope == WIDER
    with kam.store.session() as session:
        names = set(session.scalars(select(OfficeSetting.name)))
    assert {"supplier", "envelope", "validity_days"} <= names
