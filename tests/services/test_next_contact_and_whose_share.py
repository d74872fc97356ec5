"""The card and the list speak truly of what comes next and of whose sales a share is:
a planned call is not «the next visit», a share in a manager's store is of the account
KAM's sales (not «yours»), and a visit cannot be moved into the past."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text, update

from kamdesk.models import AccountStats, SyncState, User, Visit
from kamdesk.services.card import load_overview
from kamdesk.services.card.overview import month_start
from kamdesk.services.key_clients import key_suggestion
from kamdesk.services.visits import VisitError, reschedule_visit
from kamdesk.store import Store
from kamdesk.store.derived import refresh_past_next_visits
from kamdesk.vocabulary import VisitChannel, VisitStatus
from tests.services.card_factories import add_sales, make_account, make_owner, make_product
from tests.services.visit_factories import add_account, add_visit


def _stats_next_visit(store: Store, account_id: uuid.UUID) -> datetime | None:
    with store.session() as session:
        return session.scalar(
            select(AccountStats.next_visit_at).where(AccountStats.account_id == account_id)
        )


def _hour(days: int, hour: int) -> datetime:
    day = datetime.now(UTC).date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_a_planned_call_is_the_next_call_not_the_next_visit(store: Store) -> None:
    account = add_account(store)
    call_at, visit_at = _hour(2, 9), _hour(5, 10)
    add_visit(store, account, call_at, 15, channel=VisitChannel.CALL)
    overview = load_overview(store, account)
    assert overview.next_visit_at is None  # only a call is planned so far
    assert overview.next_call_at == call_at
    assert _stats_next_visit(store, account) is None  # the list's «Следующий визит»

    add_visit(store, account, visit_at)
    overview = load_overview(store, account)
    assert (overview.next_visit_at, overview.next_call_at) == (visit_at, call_at)
    assert _stats_next_visit(store, account) == visit_at


def test_a_store_that_counted_a_call_as_the_next_visit_is_put_right_on_start(
    store: Store,
) -> None:
    account = add_account(store)
    call_at, visit_at = _hour(1, 9), _hour(3, 10)
    add_visit(store, account, call_at, 15, channel=VisitChannel.CALL)
    add_visit(store, account, visit_at)
    with store.transaction() as session:  # as the cache of an older version left it
        session.execute(
            text("UPDATE account_stats SET next_visit_at = :at WHERE account_id = :id").bindparams(
                at=call_at.strftime("%Y-%m-%d %H:%M:%S.%f"), id=account.bytes
            )
        )
    assert _stats_next_visit(store, account) == call_at
    with store.transaction() as session:
        refresh_past_next_visits(session.connection())
    assert _stats_next_visit(store, account) == visit_at


def _enrol(store: Store, user_id: uuid.UUID) -> None:
    with store.transaction() as session:
        session.execute(update(SyncState).where(SyncState.id == 1).values(user_id=user_id))


def test_in_a_managers_store_a_share_is_of_the_account_kams_sales(store: Store) -> None:
    kam = make_owner(store)  # Соколова Анна Игоревна
    account = make_account(store, owner_id=kam)
    product = make_product(store)
    add_sales(store, account, product, month_start(date.today(), 1), "900.00", 9)
    assert load_overview(store, account).portfolio_owner == ""  # not enrolled: «your»

    _enrol(store, kam)
    assert load_overview(store, account).portfolio_owner == ""  # the KAM's own laptop
    suggestion = key_suggestion(store, account, date.today())
    assert suggestion is not None and suggestion.portfolio_owner == ""

    with store.transaction() as session:
        manager = User(surname="Петров", name="Олег", patronymic="Викторович")
        session.add(manager)
        session.flush()
        manager_id = manager.id
    _enrol(store, manager_id)
    overview = load_overview(store, account)
    assert overview.portfolio_owner == "Соколова А. И." and overview.share == 1.0
    suggestion = key_suggestion(store, account, date.today())
    assert suggestion is not None and suggestion.portfolio_owner == "Соколова А. И."


def test_a_visit_is_not_moved_into_the_past_and_nothing_is_written(store: Store) -> None:
    account = add_account(store)
    visit = add_visit(store, account, _hour(1, 10))
    with pytest.raises(VisitError, match="already passed"):
        reschedule_visit(store, visit, _hour(-1, 10))
    with store.session() as session:
        rows = session.scalars(select(Visit).where(Visit.account_id == account)).all()
    assert [(r.id, r.status) for r in rows] == [(visit, VisitStatus.PLANNED)]
