"""Revision 0007 gives the client list's cache a natural name order: a 0006 store's
accounts come out «Аптека № 1, № 2, … № 10» (not «№ 1, № 10, № 11, … № 2»), case
and ё ignored, nothing else in the store touched; accounts added later take their place."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from kamdesk.models import AccountKind
from kamdesk.services.accounts import AccountDirectory, AccountFilter
from kamdesk.store import migrate, open_store
from kamdesk.store.engine import make_engine
from tests.services.visit_factories import add_account
from tests.store.test_calls_losses_migration import accounts
from tests.store.test_lean_sales_migration import outbox

NAMES = ["Аптека № 10", "Аптека № 2", "аптека № 11", "Аптека № 1", "Ёлочка", "Елена", "ГКБ № 7"]
IN_ORDER = [
    "Аптека № 1",
    "Аптека № 2",
    "Аптека № 10",
    "аптека № 11",
    "ГКБ № 7",
    "Елена",
    "Ёлочка",
]


def listed(store_path: Path) -> list[str]:
    store = open_store(store_path)
    try:
        directory = AccountDirectory(store.path, lambda: store)
        try:
            return [row.name for row in directory.page(AccountFilter())]
        finally:
            directory.close()
    finally:
        store.close()


def test_a_0006_store_lists_its_accounts_in_natural_order(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store = open_store(path)
    try:
        for name in NAMES:
            add_account(store, name, kind=AccountKind.PHARMACY)
    finally:
        store.close()
    engine = make_engine(path)
    migrate.downgrade(engine, "0006")
    with engine.connect() as connection:
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(account_stats)"))}
    engine.dispose()
    assert "sort_name" not in columns
    before, queued = accounts(path), outbox(path)

    assert listed(path) == IN_ORDER

    engine = make_engine(path)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0007"
        sort_name = connection.execute(
            text("SELECT sort_name FROM account_stats WHERE name = 'Аптека № 2'")
        ).scalar_one()
        assert sort_name.startswith("аптека № 000000000002\x01")
    engine.dispose()
    assert accounts(path) == before
    assert outbox(path) == queued


def test_an_account_added_after_0007_takes_its_place(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store = open_store(path)
    try:
        for name in NAMES:
            add_account(store, name, kind=AccountKind.PHARMACY)
        add_account(store, "Аптека № 3", kind=AccountKind.PHARMACY)
    finally:
        store.close()
    assert listed(path) == [*IN_ORDER[:2], "Аптека № 3", *IN_ORDER[2:]]
