"""Writes from the window's thread never wait for another program's lock, never run a
checkpoint, and leave the pooled connections as they found them."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import select

from kamdesk.models.local import CardDraft
from kamdesk.services.card import Entity, save_draft
from kamdesk.services.store_wait import checkpoint, is_busy, without_waiting
from kamdesk.store import Store, crypto


def pragmas(store: Store) -> tuple[int, int]:
    with store.engine.connect() as connection:
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
        autocheckpoint = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()
    return int(timeout), int(autocheckpoint)


def test_a_write_to_a_locked_store_is_refused_at_once_as_busy(store: Store) -> None:
    account = uuid.uuid4()
    other = crypto.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program is writing
        with pytest.raises(Exception) as refused, without_waiting(store):
            save_draft(store, account, Entity.ACCOUNT, account, "city", "Ржев")
        assert is_busy(refused.value)
        other.execute("ROLLBACK")
        with without_waiting(store):
            save_draft(store, account, Entity.ACCOUNT, account, "city", "Ржев")
    finally:
        other.close()
    with store.session() as session:
        assert session.scalar(select(CardDraft.text)) == "Ржев"


def test_connections_go_back_to_the_pool_waiting_and_checkpointing_as_before(
    store: Store,
) -> None:
    usual = pragmas(store)
    assert usual[0] > 0 and usual[1] > 0
    with without_waiting(store):
        assert pragmas(store) == (0, 0)
    assert pragmas(store) == usual
    checkpoint(store)  # what the window runs on a worker thread instead


def test_other_errors_are_not_busy() -> None:
    assert not is_busy(ValueError("INN check digit does not match"))
    # Told by SQLite's code, never by the wording: a bare message is not taken for "busy".
    assert not is_busy(sqlite3.OperationalError("database is locked"))
