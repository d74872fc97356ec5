"""Approvals through the office: the KAM asks, the manager answers, nobody approves their own."""

from __future__ import annotations

import uuid
from collections.abc import Callable
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
from tests.server.conftest import office_url, postgres_cluster  # noqa: F401 - fixtures
from tests.sync.conftest import PASSWORD, Laptop, Office, make_laptop, office  # noqa: F401


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


# --- through a real office: the answer comes back with the next sync ---------------------


def _team(the_office: Office, make: Callable[[str], Laptop]) -> tuple[Laptop, Laptop]:
    """A manager and their KAM, each enrolled on a laptop. The manager's laptop also
    files both people in the office's directory (the office does not send user rows of
    its own yet), so the offer's owner is a known person on both laptops."""
    from kamdesk.server.users import add_user

    boss = add_user(
        the_office.engine,
        "volkov",
        role="manager",
        name="Волков Дмитрий Олегович",
        password=PASSWORD,
    )
    kam_user = add_user(
        the_office.engine,
        "sokolova",
        role="kam",
        name="Соколова Анна Игоревна",
        manager_login="volkov",
        password=PASSWORD,
    )
    manager, kam = make("manager"), make("kam")
    manager.enrol("volkov")
    kam.enrol("sokolova")
    with manager.store.transaction() as session:
        session.add(User(id=boss.id, surname="Волков", name="Дмитрий", patronymic="Олегович"))
        session.add(
            User(
                id=kam_user.id,
                surname="Соколова",
                name="Анна",
                patronymic="Игоревна",
                manager_id=boss.id,
            )
        )
    return manager, kam


def _catalogue_and_offer(manager: Laptop, kam: Laptop) -> uuid.UUID:
    """The manager puts a product in the office catalogue; the KAM offers it at 15 %."""
    from kamdesk.models import Account, AccountKind, Product

    with manager.store.transaction() as session:
        product = Product(trade_name="Кардиомагнил", sku="KM-75-100", inn_name="")
        session.add(product)
        session.flush()
        product_id = product.id
    assert manager.sync().rejected == 0
    kam.sync()
    with kam.store.transaction() as session:
        account = Account(name="ГБУЗ «ГКБ № 7»", kind=AccountKind.HOSPITAL, city="Москва")
        session.add(account)
        session.flush()
        account_id = account.id
    book = OfferBook(kam.store)
    draft = book.new_draft(account_id, today=TODAY)
    from kamdesk.services.offers import LineInput

    draft.lines = [LineInput(product_id, 10, Decimal("100.00"), Decimal("15"))]
    return book.save(draft, TODAY)


def test_the_managers_answer_reaches_the_kam_through_the_office(
    office: Office,  # noqa: F811 - the fixture
    make_laptop: Callable[[str], Laptop],  # noqa: F811
) -> None:
    manager, kam = _team(office, make_laptop)
    offer_id = _catalogue_and_offer(manager, kam)
    send_for_approval(kam.store, offer_id)
    sent = kam.sync()
    assert sent.rejected == 0, kam.issues()

    manager.sync()
    [pending] = pending_approvals(manager.store)
    assert pending.offer_id == offer_id and pending.owner_name.startswith("Соколова")
    record_decision(manager.store, offer_id, approve=True, comment="Под объём")
    answered = manager.sync()
    assert answered.rejected == 0, manager.issues()

    kam.sync()
    state = load_state(kam.store, offer_id)
    assert (state.status, state.decided_by, state.comment) == (
        "approved",
        "Волков Дмитрий Олегович",
        "Под объём",
    )
    mark_sent(kam.store, offer_id, today=TODAY)


def test_the_office_refuses_an_approval_of_ones_own_offer(
    office: Office,  # noqa: F811 - the fixture
    make_laptop: Callable[[str], Laptop],  # noqa: F811
) -> None:
    """Even a laptop that writes the answer itself is refused by the office."""
    manager, kam = _team(office, make_laptop)
    offer_id = _catalogue_and_offer(manager, kam)
    with kam.store.transaction() as session:  # a tampered laptop: no service refuses it here
        offer = session.get(Offer, offer_id)
        assert offer is not None
        offer.approval_status, offer.approved_by = "approved", "Соколова Анна Игоревна"
    report = kam.sync()
    assert report.rejected >= 1
    assert any(issue.kind == "rejected" for issue in kam.issues())
