"""`AccountDirectory.close()` closes the connection of every thread that queried, not
only the caller's: a thread that stays alive (a worker whose thread state persists)
kept its connection, and the file could not be taken over after the store was closed."""

from __future__ import annotations

import threading
from pathlib import Path

from kamdesk.services.accounts import AccountDirectory
from kamdesk.store import Store, crypto


def can_take_over(path: Path) -> bool:
    """What encrypting does first: an exclusive lock, then the file out of WAL mode
    (SQLite refuses that while any other connection has the file open)."""
    connection = crypto.connect(path, timeout=0, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        return str(mode).lower() == "delete"
    except crypto.Error:
        return False
    finally:
        connection.close()


def test_close_closes_the_connections_of_other_threads(store: Store) -> None:
    store.close()
    directory = AccountDirectory(store.path, lambda: store)
    queried, done = threading.Event(), threading.Event()
    counts: list[int] = []

    def worker() -> None:  # stays alive, with its connection, until told to end
        counts.append(directory.count_all())
        queried.set()
        done.wait(30)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert queried.wait(30)
        assert counts == [0]
        assert not can_take_over(store.path)  # the worker's connection has it open
        directory.close()
        assert can_take_over(store.path)
    finally:
        done.set()
        thread.join(30)


def test_a_query_after_close_opens_a_new_connection(store: Store) -> None:
    store.close()
    directory = AccountDirectory(store.path, lambda: store)
    assert directory.count_all() == 0
    directory.close()
    assert directory.count_all() == 0
    directory.close()
    assert can_take_over(store.path)
