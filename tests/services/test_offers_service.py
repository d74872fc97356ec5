"""Offers: creation, numbering across devices, the status flow, editions, the envelope."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from kamdesk.models import FollowUpTask, OfferStatus
from kamdesk.services.offers import (
    AddresseeInput,
    OfferBook,
    OfferError,
    expire_overdue,
    mark_accepted,
    mark_rejected,
    mark_sent,
)
from kamdesk.services.offers.approvals import record_decision, send_for_approval
from kamdesk.services.offers.numbering import device_code_for
from kamdesk.store import open_store
from tests.documents.offer_data import TODAY, add_extra_products, make_territory


def _draft(book: OfferBook, territory, discount: str = "0"):
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [
        territory.line("KM-75-100", 10, discount),
        territory.line("AM-5-30", 5),
    ]
    draft.addressees = [AddresseeInput(territory.contacts["director"], "Статус и эксклюзивность")]
    draft.benefit = "Экономия бюджета"
    return draft


def test_new_offer_gets_number_validity_and_draft_status(store):
    territory = make_territory(store)
    book = OfferBook(store)
    offer_id = book.save(_draft(book, territory), today=TODAY)
    view = book.get(offer_id)
    code = device_code_for(store.client_id)
    assert view.row.number == f"КП-2026-{code}-0001"
    assert view.row.status == OfferStatus.DRAFT
    assert view.draft.valid_until == date(2026, 4, 1)  # 30 days, the default setting
    assert view.row.total == Decimal("1357.95") + Decimal(
        "494.45"
    )  # 1234,50 + 123,45; 449,50 + 44,95
    assert [e.to_status for e in view.history] == [OfferStatus.DRAFT]
    assert view.draft.addressees[0].full_name == "Смирнов Андрей Петрович"
    second = book.save(_draft(book, territory), today=TODAY)
    assert book.get(second).row.number == f"КП-2026-{code}-0002"


def test_numbers_are_unique_across_two_devices(tmp_path: Path):
    first, second = open_store(tmp_path / "a.sqlite"), open_store(tmp_path / "b.sqlite")
    try:
        assert first.client_id != second.client_id
        numbers = []
        for store in (first, second):
            territory = make_territory(store)
            book = OfferBook(store)
            for _ in range(3):
                numbers.append(book.get(book.save(_draft(book, territory), TODAY)).row.number)
        assert len(set(numbers)) == 6
        assert device_code_for(first.client_id) != device_code_for(second.client_id)
    finally:
        first.close()
        second.close()


def test_deleted_draft_number_is_not_reused(store):
    territory = make_territory(store)
    book = OfferBook(store)
    first = book.save(_draft(book, territory), TODAY)
    number = book.get(first).row.number
    book.delete(first)
    again = book.save(_draft(book, territory), TODAY)
    assert book.get(again).row.number != number
    assert book.get(again).row.number.endswith("-0002")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quantity": 0}, "lines.1.quantity"),
        ({"quantity": -3}, "lines.1.quantity"),
        ({"discount_pct": Decimal("100.5")}, "lines.1.discount"),
        ({"discount_pct": Decimal("-1")}, "lines.1.discount"),
        ({"unit_price": None}, "lines.1.price"),
        ({"unit_price": Decimal("0")}, "lines.1.price"),
    ],
)
def test_bad_lines_are_refused_with_the_field(store, change, field):
    territory = make_territory(store)
    book = OfferBook(store)
    draft = _draft(book, territory)
    draft.lines[0] = dataclasses.replace(draft.lines[0], **change)
    with pytest.raises(OfferError) as refused:
        book.save(draft, TODAY)
    assert field in refused.value.messages
    assert book.list() == []


def test_expired_validity_and_empty_offer_are_refused(store):
    territory = make_territory(store)
    book = OfferBook(store)
    draft = _draft(book, territory)
    draft.valid_until = date(2026, 3, 1)
    draft.lines = []
    problems = book.validate(draft, TODAY)
    assert set(problems) >= {"valid_until", "lines"}
    assert "01.03.2026" in str(problems["valid_until"]) or "before" in str(problems["valid_until"])


def test_status_flow_records_changes_and_creates_follow_ups(store):
    territory = make_territory(store)
    book = OfferBook(store)
    offer_id = book.save(_draft(book, territory), TODAY)
    task_ids = mark_sent(store, offer_id, today=TODAY)
    assert len(task_ids) == 2
    with store.session() as session:
        tasks = session.scalars(select(FollowUpTask).order_by(FollowUpTask.due_on)).all()
    assert [t.due_on for t in tasks] == [date(2026, 3, 3), date(2026, 3, 5)]
    assert "Андрей Петрович" in tasks[0].title and "получение" in tasks[0].title
    assert "следующих шагах" in tasks[1].title
    mark_accepted(store, offer_id, note="подписали договор")
    view = book.get(offer_id)
    assert [(e.from_status, e.to_status) for e in view.history] == [
        (None, OfferStatus.DRAFT),
        (OfferStatus.DRAFT, OfferStatus.SENT),
        (OfferStatus.SENT, OfferStatus.ACCEPTED),
    ]
    with pytest.raises(OfferError):
        mark_rejected(store, offer_id)
    with pytest.raises(OfferError):
        book.save(view.draft, TODAY)  # an accepted offer cannot be changed


def test_a_draft_cannot_be_accepted_before_it_is_sent(store):
    territory = make_territory(store)
    book = OfferBook(store)
    offer_id = book.save(_draft(book, territory), TODAY)
    with pytest.raises(OfferError):
        mark_accepted(store, offer_id)


def test_friday_sending_calls_on_the_next_working_day(store):
    territory = make_territory(store)
    book = OfferBook(store)
    offer_id = book.save(_draft(book, territory), TODAY)
    mark_sent(store, offer_id, today=date(2026, 2, 27))
    mark_sent_on_holiday_eve = book.save(_draft(book, territory), TODAY)
    mark_sent(store, mark_sent_on_holiday_eve, today=date(2026, 3, 6))
    with store.session() as session:
        due = sorted(session.scalars(select(FollowUpTask.due_on)))
    # Friday 27 February → Monday 2 March; Friday 6 March → Tuesday 10 March, because
    # 8 March falls on a Sunday in 2026 and the day off moves to Monday 9 March.
    assert due[0] == date(2026, 3, 2)
    assert date(2026, 3, 10) in due and date(2026, 3, 9) not in due


def test_editing_a_sent_offer_makes_a_new_edition(store):
    territory = make_territory(store)
    book = OfferBook(store)
    offer_id = book.save(_draft(book, territory), TODAY)
    mark_sent(store, offer_id, today=TODAY)
    draft = book.get(offer_id).draft
    draft.lines[0].quantity = 20
    new_id = book.save(draft, TODAY)
    assert new_id != offer_id
    old, new = book.get(offer_id), book.get(new_id)
    assert old.row.number == new.row.number
    assert (old.row.edition, new.row.edition) == (1, 2)
    assert old.row.status == OfferStatus.SENT and not old.is_latest
    assert old.draft.lines[0].quantity == 10  # the old edition stays readable as it was
    assert new.row.status == OfferStatus.DRAFT and new.draft.lines[0].quantity == 20
    assert [row.edition for row in book.list()] == [2]
    with pytest.raises(OfferError):
        mark_accepted(store, offer_id)  # only the latest edition moves


def test_sent_offers_expire_when_validity_passes(store):
    territory = make_territory(store)
    book = OfferBook(store)
    offer_id = book.save(_draft(book, territory), TODAY)
    draft_id = book.save(_draft(book, territory), TODAY)
    mark_sent(store, offer_id, today=TODAY)
    assert expire_overdue(store, today=date(2026, 4, 1)) == 0
    assert expire_overdue(store, today=date(2026, 4, 2)) == 1
    assert book.get(offer_id).row.status == OfferStatus.EXPIRED
    assert book.get(draft_id).row.status == OfferStatus.DRAFT


def _manager_laptop(store) -> None:
    """This laptop's user is a manager (as enrolment with the office records)."""
    from kamdesk.models import SyncState, User

    with store.transaction() as session:
        manager = User(surname="Волков", name="Дмитрий", patronymic="Олегович", role="manager")
        session.add(manager)
        session.flush()
        state = session.get(SyncState, 1)
        state.user_id, state.user_role = manager.id, "manager"
        state.user_name = "Волков Дмитрий Олегович"


def test_discount_over_the_envelope_needs_approval(store):
    territory = make_territory(store)
    book = OfferBook(store)
    within = book.save(_draft(book, territory, discount="5"), TODAY)
    assert not book.get(within).row.needs_approval
    over_id = book.save(_draft(book, territory, discount="15"), TODAY)
    assert book.get(over_id).blocked_by_approval
    with pytest.raises(OfferError) as refused:
        mark_sent(store, over_id, today=TODAY)
    assert "approval" in refused.value.messages
    # The manager approves through the office (kamdesk.services.offers.approvals).
    send_for_approval(store, over_id)
    _manager_laptop(store)
    record_decision(store, over_id, approve=True)
    view = book.get(over_id)
    assert view.approved_by == "Волков Дмитрий Олегович" and view.approved_at is not None
    # A changed discount withdraws the approval.
    view.draft.lines[0].discount_pct = Decimal(20)
    book.save(view.draft, TODAY)
    assert book.get(over_id).blocked_by_approval
    with pytest.raises(OfferError):
        mark_sent(store, over_id, today=TODAY)
    send_for_approval(store, over_id)
    record_decision(store, over_id, approve=True)
    mark_sent(store, over_id, today=TODAY)
    assert book.get(over_id).row.status == OfferStatus.SENT


def test_envelope_by_group_and_account_class(store):
    from kamdesk.services.offers import OfferSettings

    settings = OfferSettings(
        envelope={
            "default": {"*": "5"},
            "groups": {"Кардиология": {"*": "12"}},
            "products": {"MASK-50": {"*": "0"}},
        }
    )
    assert settings.max_discount("KM-75-100", "Кардиология", "A") == Decimal(12)
    assert settings.max_discount("CF-1G", "Прочее", "B") == Decimal(5)
    assert settings.max_discount("MASK-50", "Прочее", None) == Decimal(0)
    default = OfferSettings()
    assert default.max_discount("X", "", "A") == Decimal(10)
    assert default.max_discount("X", "", None) == Decimal(5)


def test_list_filters_by_text_and_status(store):
    territory = make_territory(store)
    book = OfferBook(store)
    a = book.save(_draft(book, territory), TODAY)
    book.save(_draft(book, territory), TODAY)
    mark_sent(store, a, today=TODAY)
    assert len(book.list("гкб")) == 0  # the full name is searched, not the short one
    assert len(book.list("клиническая")) == 2
    assert [r.id for r in book.list(statuses=frozenset({OfferStatus.SENT}))] == [a]


def test_demo_offers_cover_every_status_deterministically(tmp_path: Path):
    import random

    from kamdesk.documents.stored_offer import render_pdf
    from kamdesk.services.offers.demo import add_demo_offers

    results = []
    for name in ("a", "b"):
        store = open_store(tmp_path / f"{name}.sqlite")
        try:
            add_extra_products(store, make_territory(store, with_supplier=False))
            assert (
                add_demo_offers(store, random.Random(7), date(2026, 6, 1), rounds=1) == 9
            )  # 8 КП and an НМЦК price reply
            book = OfferBook(store)
            rows = book.list()
            results.append(sorted((r.status.value, str(r.total)) for r in rows))
            assert {r.status for r in rows} == set(OfferStatus)
            longest = max(rows, key=lambda r: r.lines_count)
            assert longest.lines_count >= 45
            for row in rows:  # one line a product, as КП-2026-DEM-0004 once had not
                lines = book.get(row.id).draft.lines
                assert len({line.product_id for line in lines}) == len(lines), row.number
            printed = render_pdf(store, longest.id, tmp_path / f"{name}.pdf", date(2026, 6, 1))
            assert printed.pages >= 3 and printed.warnings == ()
        finally:
            store.close()
    assert results[0] == results[1]


def test_follow_ups_of_an_offer_sent_before_new_year_skip_the_january_holidays(store):
    territory = make_territory(store)
    book = OfferBook(store)
    sent_on = date(2026, 12, 30)
    draft = _draft(book, territory)
    draft.offer_date = sent_on
    draft.valid_until = date(2027, 2, 28)
    offer_id = book.save(draft, sent_on)
    mark_sent(store, offer_id, today=sent_on)
    with store.session() as session:
        due = sorted(t.due_on for t in session.scalars(select(FollowUpTask)))
    # 1–8 January are public holidays in Russia: nobody answers a call about an offer then.
    assert all(not (day.year == 2027 and day.month == 1 and day.day <= 8) for day in due), due
    assert all(day.weekday() < 5 for day in due), due


def test_an_enrolled_laptop_numbers_offers_with_the_code_the_office_gave_it(store):
    from kamdesk.models import SyncState

    territory = make_territory(store)
    book = OfferBook(store)
    with store.transaction() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.laptop_code = "K007"
    offer_id = book.save(_draft(book, territory), TODAY)
    assert book.get(offer_id).row.number == f"КП-{TODAY.year}-K007-0001"
    assert book.device_code() == "K007"
