"""A visit marked held before its planned day took place when the KAM said: the card's
«Последний визит», its Timeline and the client list's cached last visit (which drives
«Давно без визита» and the lost-client status) all give that time, not the planned one
(a tester saw «Последний визит 15.12.2026 11:00», a date still to come)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kamdesk.models import AccountStats
from kamdesk.services.card import load_overview
from kamdesk.services.card.timeline import TimelineKind, load_timeline
from kamdesk.services.visits import mark_done
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_visit


def test_a_visit_held_early_counts_when_it_was_held(store: Store) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    planned = (now + timedelta(days=11)).replace(hour=8, minute=0, second=0)
    held = now - timedelta(hours=1)
    account = add_account(store)
    visit = add_visit(store, account, planned)
    mark_done(store, visit, held_at=held)

    assert load_overview(store, account).last_visit_at == held
    [entry] = [e for e in load_timeline(store, account) if e.kind == TimelineKind.VISIT]
    assert entry.when == held
    with store.session() as session:
        cached = session.scalar(
            select(AccountStats.last_visit_at).where(AccountStats.account_id == account)
        )
    assert cached == held
