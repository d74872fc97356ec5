"""What the card shows: the DMU map with its gaps, the overview facts, the timeline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from kamdesk.models import FollowUpTask, Offer, OfferStatus, OfferStatusChange, Visit
from kamdesk.services.accounts import AccountDirectory, AccountFilter, SortKey
from kamdesk.services.card import (
    Entity,
    TimelineKind,
    add_event,
    dmu_layout,
    load_overview,
    load_timeline,
    place_on_map,
    set_field,
)
from kamdesk.services.card.overview import month_start, next_birthday
from kamdesk.services.dossier import install_score_listener, refresh_dossier_scores
from kamdesk.store import Store
from kamdesk.vocabulary import Attitude, DmuRole, Psychotype, RelationshipEventKind
from tests.services.card_factories import (
    add_person,
    add_sales,
    make_account,
    make_owner,
    make_product,
)


def test_dmu_map_places_people_by_role_and_influence_and_names_gaps(store: Store) -> None:
    account_id = make_account(store)
    boss = add_person(store, account_id, "Семёнов", DmuRole.DECISION_MAKER, 5, Attitude.OPPONENT)
    deputy = add_person(
        store, account_id, "Орлова", DmuRole.INFLUENCER, 3, Attitude.SUPPORTER,
        Psychotype.ANALYST, reports_to=boss,
    )  # fmt: skip
    layout = dmu_layout(store, account_id)
    nodes = {n.contact_id: n for n in layout.nodes}
    assert nodes[boss].y < nodes[deputy].y  # more influence, higher up
    assert nodes[boss].x < nodes[deputy].x  # the decision maker's column comes first
    assert nodes[boss].border == "#c62828" and nodes[deputy].border == "#2e7d32"
    assert layout.edges == [(deputy, boss)]
    gaps = {str(g) for g in layout.gaps}
    assert "no finance contact" in gaps
    assert "the decision maker Семёнов П. С. is against us" in gaps
    assert "psychotype of Семёнов П. С. unknown" in gaps
    assert "no decision maker known" not in gaps

    place_on_map(store, deputy, 12.0, 500.0)
    moved = {n.contact_id: n for n in dmu_layout(store, account_id).nodes}[deputy]
    assert (moved.x, moved.y, moved.placed_by_hand) == (12.0, 500.0, True)


def test_an_empty_dmu_says_who_is_missing(store: Store) -> None:
    gaps = {str(g) for g in dmu_layout(store, make_account(store)).gaps}
    assert {"no decision maker known", "no finance contact"} <= gaps


def test_overview_facts(store: Store) -> None:
    owner = make_owner(store)
    today = date.today()
    account_id = make_account(store, owner_id=owner)
    other = make_account(store, "Аптека", owner_id=owner)
    product = make_product(store)
    add_sales(store, account_id, product, month_start(today, 1), "900.00", 9)
    add_sales(store, other, product, month_start(today, 1), "100.00", 1)
    add_sales(store, account_id, product, month_start(today, 13), "450.00", 4)
    contact = add_person(store, account_id, "Семёнов", DmuRole.DECISION_MAKER)
    set_field(store, Entity.CONTACT, contact, "consent_given", True)
    set_field(store, Entity.PERSONAL, contact, "birthday", today + timedelta(days=5))
    now = datetime.now(UTC)
    with store.transaction() as session:
        session.add_all(
            [
                Visit(account_id=account_id, starts_at=now + timedelta(days=2)),
                FollowUpTask(
                    account_id=account_id, title="Отправить КП", due_on=today - timedelta(days=3)
                ),
                Offer(number="КП-1", account_id=account_id, offer_date=today, valid_until=today),
            ]
        )
    overview = load_overview(store, account_id, today)
    assert overview.next_visit_at is not None
    assert [o.number for o in overview.open_offers] == ["КП-1"]
    assert [t.title for t in overview.overdue_tasks] == ["Отправить КП"]
    assert len(overview.monthly_sales) == 12 and overview.sales_12m == Decimal("900.00")
    assert overview.trend == 1.0  # 900 against 450 the year before
    assert overview.share == 0.9 and overview.mono_dependent  # above 75 %
    assert [b.name for b in overview.birthdays] == ["Семёнов П. С."]


def test_a_leap_day_birthday_is_celebrated_on_the_first_of_march() -> None:
    assert next_birthday(date(1980, 2, 29), date(2025, 2, 1)) == date(2025, 3, 1)


def test_timeline_has_visits_offers_events_and_edits_newest_first(store: Store) -> None:
    account_id = make_account(store)
    today = date.today()
    add_event(store, account_id, RelationshipEventKind.TENDER, date(2024, 5, 1), "Аукцион")
    set_field(store, Entity.DOSSIER, account_id, "needs", "Антикоагулянты")
    with store.transaction() as session:
        offer = Offer(number="КП-7", account_id=account_id, offer_date=today, valid_until=today)
        session.add(offer)
        session.flush()
        session.add_all(
            [
                OfferStatusChange(
                    offer_id=offer.id,
                    from_status=OfferStatus.DRAFT,
                    to_status=OfferStatus.SENT,
                    changed_at=datetime.now(UTC),
                ),
                Visit(account_id=account_id, starts_at=datetime(2023, 1, 1, tzinfo=UTC)),
            ]
        )
    entries = load_timeline(store, account_id)
    kinds = {e.kind for e in entries}
    assert kinds == set(TimelineKind)
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)
    assert any(e.kind is TimelineKind.EDIT and "needs" in e.fields for e in entries)
    assert any(e.what == "sent" and e.subject == "КП-7" for e in entries)
    only_events = load_timeline(store, account_id, frozenset({TimelineKind.EVENT}))
    assert [e.subject for e in only_events] == ["Аукцион"]


def test_the_list_sorts_and_filters_by_dossier_score(store: Store) -> None:
    empty = make_account(store, "Пустая")
    filled = make_account(store, "Заполненная")
    set_field(store, Entity.DOSSIER, filled, "needs", "Антикоагулянты")  # no listener yet
    refresh_dossier_scores(store)  # what a bulk load does at its end
    install_score_listener(store)
    add_person(store, filled, "Семёнов", DmuRole.DECISION_MAKER)
    directory = AccountDirectory(store.path, lambda: store)
    try:
        rows = directory.page(AccountFilter(), SortKey.DOSSIER, descending=True)
        assert [(r.id, r.dossier_score) for r in rows] == [(filled, 18), (empty, 0)]
        assert [r.id for r in directory.page(AccountFilter(dossier_below=10))] == [empty]
    finally:
        directory.close()
