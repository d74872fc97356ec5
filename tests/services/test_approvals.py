"""Approvals through the office: the KAM asks, the manager answers, nobody approves their own."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from kamdesk.models import ChangeLogEntry, ChangeStatus, Offer, OfferStatus, SyncState, User
from kamdesk.services.offers import AddresseeInput, OfferBook, OfferError, mark_sent
from kamdesk.services.offers.approvals import (
    load_state,
    pending_approvals,
    record_decision,
    send_for_approval,
)
from kamdesk.store import Store
from tests.documents.offer_data import TODAY, make_territory


def _people(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    with store.transaction() as session:
        manager = User(surname="Волков", name="Дмитрий", patronymic="Олегович", role="manager")
        session.add(manager)
        session.flush()
        kam = User(surname="Соколова", name="Анна", patronymic="Игоревна", manager_id=manager.id)
        session.add(kam)
        session.flush()
        return kam.id, manager.id


def _be(store: Store, user_id: uuid.UUID, role: str, name: str) -> None:
    with store.transaction() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.user_id, state.user_role, state.user_name = user_id, role, name


def _over_envelope_offer(store: Store) -> uuid.UUID:
    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 10, "15"), territory.line("AM-5-30", 5)]
    draft.addressees = [AddresseeInput(territory.contacts["director"], "Эксклюзивность")]
    return book.save(draft, TODAY)


@pytest.fixture
def kam_offer(store: Store) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    kam, manager = _people(store)
    _be(store, kam, "kam", "Соколова Анна Игоревна")
    return _over_envelope_offer(store), kam, manager


def _logged(store: Store, offer_id: uuid.UUID) -> list[dict]:
    with store.session() as session:
        return [
            entry.changes
            for entry in session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.entity_id == offer_id, ChangeLogEntry.operation == "update")
                .order_by(ChangeLogEntry.id)
            )
        ]


def test_the_kam_sends_an_offer_over_the_envelope_for_approval(store, kam_offer):
    offer_id, _kam, _manager = kam_offer
    before = load_state(store, offer_id)
    assert before.needs_approval and before.can_request and before.status == ""
    state = send_for_approval(store, offer_id)
    assert state.status == "requested" and state.requested_at is not None
    assert not state.can_request
    # The request is an ordinary edit: it travels with the next sync.
    assert any(c.get("approval_status") == "requested" for c in _logged(store, offer_id))
    with pytest.raises(OfferError):
        send_for_approval(store, offer_id)  # asked once is enough
    with pytest.raises(OfferError):
        mark_sent(store, offer_id, today=TODAY)  # not approved yet


def test_a_kam_laptop_approves_nothing(store, kam_offer):
    offer_id, _kam, _manager = kam_offer
    send_for_approval(store, offer_id)
    assert pending_approvals(store) == []
    with pytest.raises(OfferError) as refused:
        record_decision(store, offer_id, approve=True)
    assert "approval" in refused.value.messages
    assert load_state(store, offer_id).status == "requested"


def test_nobody_approves_their_own_discount(store, kam_offer):
    offer_id, kam, _manager = kam_offer
    send_for_approval(store, offer_id)
    _be(store, kam, "manager", "Соколова Анна Игоревна")  # a manager who wrote it themselves
    assert pending_approvals(store) == []
    with pytest.raises(OfferError):
        record_decision(store, offer_id, approve=True)
    with store.session() as session:
        offer = session.get(Offer, offer_id)
        assert (
            offer is not None and offer.approved_by == "" and offer.approval_status == "requested"
        )


def test_the_manager_approves_and_the_offer_can_be_sent(store, kam_offer):
    offer_id, _kam, manager = kam_offer
    send_for_approval(store, offer_id)
    _be(store, manager, "manager", "Волков Дмитрий Олегович")
    [pending] = pending_approvals(store)
    assert pending.offer_id == offer_id
    assert pending.account_name == "ГБУЗ «Городская клиническая больница № 7»"
    assert pending.owner_name == "Соколова А. И."
    assert (pending.discount_pct, pending.envelope_pct) == (Decimal("15.00"), Decimal("5"))
    assert pending.total > 0
    state = record_decision(store, offer_id, approve=True, comment="Под объём закупки")
    assert state.status == "approved"
    assert state.decided_by == "Волков Дмитрий Олегович" and state.decided_at is not None
    assert state.comment == "Под объём закупки"
    with store.session() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None and offer.approved_by_id == manager
    last = _logged(store, offer_id)[-1]
    assert (
        last["approval_status"] == "approved" and last["approved_by"] == "Волков Дмитрий Олегович"
    )
    assert pending_approvals(store) == []
    mark_sent(store, offer_id, today=TODAY)
    sent = OfferBook(store).get(offer_id)
    assert sent is not None and sent.row.status == OfferStatus.SENT


def test_a_rejection_needs_a_reason_and_lets_the_kam_ask_again(store, kam_offer):
    offer_id, kam, manager = kam_offer
    send_for_approval(store, offer_id)
    _be(store, manager, "manager", "Волков Дмитрий Олегович")
    with pytest.raises(OfferError) as refused:
        record_decision(store, offer_id, approve=False, comment="  ")
    assert "comment" in refused.value.messages
    state = record_decision(store, offer_id, approve=False, comment="Не больше 10 %")
    assert state.status == "rejected" and state.comment == "Не больше 10 %"
    assert state.decided_by == ""  # a rejection never reads as an approval
    _be(store, kam, "kam", "Соколова Анна Игоревна")
    assert load_state(store, offer_id).can_request
    with pytest.raises(OfferError):
        mark_sent(store, offer_id, today=TODAY)


def test_new_discounts_void_the_answer(store, kam_offer):
    offer_id, kam, manager = kam_offer
    send_for_approval(store, offer_id)
    _be(store, manager, "manager", "Волков Дмитрий Олегович")
    record_decision(store, offer_id, approve=True)
    _be(store, kam, "kam", "Соколова Анна Игоревна")
    book = OfferBook(store)
    view = book.get(offer_id)
    assert view is not None
    view.draft.lines[0].discount_pct = Decimal(20)
    book.save(view.draft, TODAY)
    state = load_state(store, offer_id)
    assert state.status == "" and state.can_request
    with pytest.raises(OfferError):
        mark_sent(store, offer_id, today=TODAY)


def test_acknowledged_request_is_not_pending_twice(store, kam_offer):
    """A request that came back from the office (acknowledged) still shows once."""
    offer_id, _kam, manager = kam_offer
    send_for_approval(store, offer_id)
    with store.transaction() as session:
        for entry in session.scalars(select(ChangeLogEntry)):
            entry.status = ChangeStatus.ACKNOWLEDGED
    _be(store, manager, "manager", "Волков Дмитрий Олегович")
    assert [p.offer_id for p in pending_approvals(store)] == [offer_id]
