"""No write to a syncable table escapes the change log: bulk and SQL writes are refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, event, insert, select, text, update

from kamdesk.models import Account, AccountKind, AppSetting, ChangeLogEntry
from kamdesk.store import APPLYING_REMOTE, Store, UnloggedWriteError, unlogged_writes

MOMENT = datetime(2026, 1, 1, tzinfo=UTC)
ACCOUNTS: Any = Account.__table__


def _account(store: Store, city: str = "Тверь") -> Account:
    with store.transaction() as session:
        account = Account(name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL, city=city)
        session.add(account)
    return account


def _cities(store: Store) -> list[str]:
    with store.session() as session:
        return list(session.scalars(select(Account.city)))


def _log_size(store: Store) -> int:
    with store.session() as session:
        return len(session.scalars(select(ChangeLogEntry)).all())


def test_an_orm_bulk_update_is_refused_and_writes_nothing(store: Store) -> None:
    _account(store)
    logged = _log_size(store)
    with pytest.raises(UnloggedWriteError, match="accounts"), store.transaction() as session:
        session.execute(update(Account).values(city="Ржев"))
    assert _cities(store) == ["Тверь"]
    assert _log_size(store) == logged


@pytest.mark.parametrize(
    "write",
    [
        lambda c: c.execute(update(ACCOUNTS).values(city="Ржев")),
        lambda c: c.execute(text("UPDATE accounts SET city = 'Ржев'")),
        lambda c: c.exec_driver_sql("DELETE FROM accounts"),
        lambda c: c.execute(
            insert(ACCOUNTS).values(
                id=b"\x01" * 16,
                name="Левая",
                kind="hospital",
                created_at=MOMENT,
                updated_at=MOMENT,
            )
        ),
    ],
    ids=["core update", "text update", "driver delete", "core insert"],
)
def test_core_and_sql_writes_on_syncable_tables_are_refused(store: Store, write: Any) -> None:
    _account(store)
    with pytest.raises(UnloggedWriteError), store.engine.begin() as connection:
        write(connection)
    assert _cities(store) == ["Тверь"]


def test_orm_bulk_delete_in_a_session_is_refused(store: Store) -> None:
    _account(store)
    with pytest.raises(UnloggedWriteError), store.transaction() as session:
        session.execute(delete(Account))
    assert _cities(store) == ["Тверь"]


def test_an_edit_through_the_orm_still_works_and_is_logged(store: Store) -> None:
    account = _account(store)
    with store.transaction() as session:
        session.get_one(Account, account.id).city = "Ржев"
    assert _cities(store) == ["Ржев"]
    with store.session() as session:
        last = session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id.desc())).first()
    assert last is not None and last.changes == {"city": "Ржев"}


def test_a_statement_the_flush_prepared_is_checked_again_outside_it(store: Store) -> None:
    """SQLite caches prepared statements; the same UPDATE text run by hand after a flush
    must not slip through on the flush's permission."""
    account = _account(store)
    seen: list[str] = []

    def remember(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("UPDATE accounts"):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        with pytest.raises(UnloggedWriteError), store.transaction() as session:
            session.get_one(Account, account.id).city = "Ржев"
            session.flush()
            [statement] = seen
            connection = session.connection()
            assert statement == (
                "UPDATE accounts SET city=?, updated_at=?, revision=? WHERE accounts.id = ?"
            )
            connection.exec_driver_sql(
                statement, ("Бежецк", "2026-01-01 00:00:00.000000", 3, account.id.bytes)
            )
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    assert _cities(store) == ["Тверь"]


def test_office_data_and_baseline_loads_may_write_in_bulk(store: Store) -> None:
    _account(store)
    with store.transaction() as session:
        session.info[APPLYING_REMOTE] = True
        session.execute(update(Account).values(city="Ржев"))
    assert _cities(store) == ["Ржев"]
    with store.baseline_load(), store.transaction() as session:
        session.execute(update(Account).values(city="Бежецк"))
    assert _cities(store) == ["Бежецк"]
    with store.engine.begin() as connection, unlogged_writes(connection):
        connection.execute(text("UPDATE accounts SET city = 'Кашин'"))
    assert _cities(store) == ["Кашин"]
    # ... and the permission ends with the block.
    with pytest.raises(UnloggedWriteError), store.engine.begin() as connection:
        connection.execute(text("UPDATE accounts SET city = 'Торжок'"))
    assert _cities(store) == ["Кашин"]


def test_local_tables_are_not_guarded(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.execute(insert(AppSetting).values(key="note", value=1))
    with store.session() as session:
        assert session.get_one(AppSetting, "note").value == 1
