"""Payment deferral is a term checked against the envelope like a discount; a reply to a
44-ФЗ price request carries no discounts and names what it lacks before it prints."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from kamdesk.documents.stored_offer import print_problems
from kamdesk.models import AccountStats, Product
from kamdesk.services.offers import OfferBook, OfferError, load_offer_settings, save_offer_settings
from kamdesk.services.offers.approvals import load_state, pending_approvals, send_for_approval
from kamdesk.services.offers.envelope_check import approval_reasons
from kamdesk.store import Store
from kamdesk.vocabulary import OfferPurpose
from tests.documents.offer_data import TODAY, Territory, make_territory
from tests.services.test_approvals import _be, _people


def _envelope(store: Store, deferral: dict[str, int]) -> None:
    settings = load_offer_settings(store)
    envelope = {**settings.envelope, "deferral_days": deferral}
    save_offer_settings(store, replace(settings, envelope=envelope))


def _class(store: Store, territory: Territory, abc: str) -> None:
    """The account's ABC class, as the classification leaves it in the list's cache."""
    with store.transaction() as session:
        stats = session.scalar(
            select(AccountStats).where(AccountStats.account_id == territory.account_id)
        )
        if stats is None:
            session.add(AccountStats(account_id=territory.account_id, abc_class=abc))
        else:
            stats.abc_class = abc


def _offer(store: Store, territory: Territory, deferral: int | None, discount: str = "0"):
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 10, discount)]
    draft.payment_deferral_days = deferral
    return book, book.save(draft, TODAY)


@pytest.mark.parametrize(
    ("abc", "days", "needs"),
    [
        ("A", 60, False),  # at the A class's 60 days: within
        ("A", 61, True),
        ("C", 45, True),  # C gets the «any class» 30 days
        ("C", 30, False),
        ("C", None, False),  # no deferral at all
        ("C", 0, False),  # payment on delivery
    ],
)
def test_deferral_above_the_envelope_needs_approval_and_within_it_does_not(
    store: Store, abc: str, days: int | None, needs: bool
) -> None:
    territory = make_territory(store)
    _envelope(store, {"A": 60, "*": 30})
    _class(store, territory, abc)
    book, offer_id = _offer(store, territory, days)
    view = book.get(offer_id)
    assert view is not None
    assert view.draft.payment_deferral_days == days
    assert view.row.needs_approval is needs
    assert book.max_deferral(territory.account_id) == (60 if abc == "A" else 30)


def test_an_envelope_without_deferral_allows_none_without_approval(store: Store) -> None:
    territory = make_territory(store)
    settings = load_offer_settings(store)
    envelope = {k: v for k, v in settings.envelope.items() if k != "deferral_days"}
    save_offer_settings(store, replace(settings, envelope=envelope))
    book, offer_id = _offer(store, territory, 7)
    view = book.get(offer_id)
    assert view is not None and view.row.needs_approval


def test_the_reason_names_the_deferral_and_the_manager_sees_it(store: Store) -> None:
    kam, manager = _people(store)
    _be(store, kam, "kam", "Соколова Анна Игоревна")
    territory = make_territory(store)
    _envelope(store, {"*": 30})
    book, offer_id = _offer(store, territory, 45)  # the discount is within: 0 %
    settings = load_offer_settings(store)
    with store.session() as session:
        view = book.get(offer_id)
        assert view is not None
        reasons = approval_reasons(session, settings, territory.account_id, view.draft.lines, 45)
    assert [str(r) for r in reasons] == [
        "payment deferral of 45 days is above the 30 days you may give without the "
        "manager's approval"
    ]
    assert load_state(store, offer_id).can_request
    send_for_approval(store, offer_id)
    _be(store, manager, "manager", "Волков Дмитрий Олегович")
    [pending] = pending_approvals(store)
    assert (pending.deferral_days, pending.deferral_limit, pending.deferral_over) == (45, 30, True)


def test_a_changed_deferral_withdraws_the_request(store: Store) -> None:
    kam, _ = _people(store)
    _be(store, kam, "kam", "Соколова Анна Игоревна")
    territory = make_territory(store)
    _envelope(store, {"*": 30})
    book, offer_id = _offer(store, territory, 45)
    send_for_approval(store, offer_id)
    view = book.get(offer_id)
    assert view is not None
    book.save(replace(view.draft, payment_deferral_days=60), TODAY)
    assert load_state(store, offer_id).status == ""  # asked about 45 days, not 60


def test_a_deferral_outside_a_year_is_refused(store: Store) -> None:
    territory = make_territory(store)
    with pytest.raises(OfferError) as refused:
        _offer(store, territory, 400)
    assert "payment_deferral_days" in refused.value.messages


def _reply(store: Store, territory: Territory, number: str = "0373200041526000123"):
    book = OfferBook(store)
    draft = book.new_price_reply(territory.account_id, number, date(2026, 2, 26), today=TODAY)
    draft.lines = [territory.line("KM-75-100", 100), territory.line("CF-1G", 500)]
    return book, draft


def test_a_price_reply_is_stored_with_its_request_and_refuses_discounts(store: Store) -> None:
    territory = make_territory(store)
    book, draft = _reply(store, territory)
    offer_id = book.save(draft, TODAY)
    view = book.get(offer_id)
    assert view is not None
    assert view.draft.purpose is OfferPurpose.PRICE_REPLY
    assert view.draft.price_request_number == "0373200041526000123"
    assert view.draft.price_request_date == date(2026, 2, 26)
    discounted = replace(view.draft, lines=[territory.line("KM-75-100", 100, "5")])
    with pytest.raises(OfferError) as refused:
        book.save(discounted, TODAY)
    assert "lines.1.discount" in refused.value.messages
    late = replace(view.draft, price_request_date=date(2026, 3, 3))
    assert "price_request_date" in book.validate(late, TODAY)


def test_a_price_reply_names_what_it_lacks_before_printing(store: Store) -> None:
    territory = make_territory(store)
    book, draft = _reply(store, territory, number="")
    draft.price_request_date = None
    with store.transaction() as session:
        product = session.scalar(select(Product).where(Product.sku == "CF-1G"))
        assert product is not None
        product.registration_number = ""
    offer_id = book.save(draft, TODAY)  # a draft may wait for them
    view = book.get(offer_id)
    assert view is not None
    problems = print_problems(book, view, TODAY)
    assert {"price_request_number", "price_request_date", "registration_number"} <= set(problems)
    assert "Цефтриаксон-Север (CF-1G)" in str(problems["registration_number"])
    assert "Кардиомагнил" not in str(problems["registration_number"])
    # A commercial offer to the same products does not need them.
    commercial = replace(view.draft, purpose=OfferPurpose.COMMERCIAL, id=None)
    stored = book.get(book.save(commercial, TODAY))
    assert stored is not None
    assert not set(print_problems(book, stored, TODAY)) & {"registration_number"}
