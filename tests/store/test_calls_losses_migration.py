"""Revision 0006 rebuilds `accounts` (a new kind in its CHECK constraint) and adds the
columns of calls, losses, key clients, deferral and price replies: a 0005 store keeps
every account (values, parents, tombstones), its visits and every change waiting for the
office; the new columns start empty; the new kind can be stored afterwards."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from kamdesk.models import Account, AccountKind, Visit
from kamdesk.store import migrate, open_store
from kamdesk.store.changelog import soft_delete
from kamdesk.store.engine import make_engine
from kamdesk.vocabulary import LossReason, VisitChannel
from tests.services.visit_factories import add_account, add_visit
from tests.store.test_lean_sales_migration import outbox

ACCOUNT_COLUMNS = ("id", "name", "kind", "parent_id", "city", "status", "revision", "deleted_at")


def accounts(path: Path) -> list[tuple[Any, ...]]:
    engine = make_engine(path)
    with engine.connect() as connection:
        rows = connection.execute(
            text(f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM accounts ORDER BY id")
        ).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def store_at_0005(path: Path) -> None:
    store = open_store(path)
    try:
        ministry = add_account(
            store, "Министерство здравоохранения", kind=AccountKind.HEALTH_AUTHORITY
        )
        hospital = add_account(store, "ГКБ № 7")
        gone = add_account(store, "Закрытая аптека", kind=AccountKind.PHARMACY)
        with store.transaction() as session:
            child = session.get(Account, hospital)
            assert child is not None
            child.parent_id = ministry
            withdrawn = session.get(Account, gone)
            assert withdrawn is not None
            soft_delete(session, withdrawn)
        add_visit(store, hospital, datetime(2026, 12, 4, 7, 0, tzinfo=UTC))
    finally:
        store.close()
    engine = make_engine(path)
    migrate.downgrade(engine, "0005")
    engine.dispose()


def test_a_0005_store_keeps_its_accounts_visits_and_outbox(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store_at_0005(path)
    before, queued = accounts(path), outbox(path)
    assert len(before) == 3 and sum(row[7] is not None for row in before) == 1

    store = open_store(path)
    try:
        assert store.backup_path is not None and store.backup_path.exists()
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.SCHEMA_HEAD
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        with store.session() as session:
            rows = session.scalars(select(Account).execution_options(include_deleted=True)).all()
            assert {row.key_client for row in rows} == {None}
            assert {(row.loss_reason, row.loss_note, row.win_back_means) for row in rows} == {
                (None, "", "")
            }
            assert session.scalars(select(Visit.channel)).all() == [VisitChannel.VISIT]
    finally:
        store.close()
    assert accounts(path) == before
    assert outbox(path) == queued


def test_after_0006_a_fund_and_a_loss_reason_are_stored_and_nothing_else_is(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "store.sqlite")
    try:
        fund = add_account(store, "ТФОМС Тверской области", kind=AccountKind.INSURANCE_FUND)
        with store.transaction() as session:
            account = session.get(Account, fund)
            assert account is not None
            account.loss_reason = LossReason.FORGOTTEN
        with store.session() as session:
            again = session.get(Account, fund)
            assert again is not None
            assert (again.kind, again.loss_reason) == (
                AccountKind.INSURANCE_FUND,
                LossReason.FORGOTTEN,
            )
        with store.engine.connect() as connection:
            table = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'accounts'")
            ).scalar_one()
        # The rebuilt table still refuses kinds nobody knows.
        assert "'health_authority', 'insurance_fund', 'other'" in table
    finally:
        store.close()
