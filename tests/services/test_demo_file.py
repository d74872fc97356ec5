"""The demo territory is built beside its target and put in place only when complete:
a killed build leaves no half-built store, and a KAM's work is never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from kamdesk.cli import main
from kamdesk.errors import StoreBusyError, StoreNotEmptyError
from kamdesk.models import Account, AccountKind, ChangeLogEntry, Product
from kamdesk.services.demo.demo_file import build_demo_file, staging_path
from kamdesk.services.workspace import open_workspace
from kamdesk.store import crypto, open_store
from tests.store.other_process import run_sql


def _files(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir() if path.is_file()}


def _kill_demo_midway(db: Path, *extra: str) -> None:
    """`kamdesk demo` in its own process, killed with SIGKILL while it writes sales."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kamdesk", "--db", str(db), "demo", "--accounts", "300", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    said = b""
    while b"sales records" not in said:
        chunk = process.stderr.read(1)
        assert chunk, f"the build ended before it could be killed: {said!r}"
        said += chunk
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def _store_with_a_kams_pending_change(path: Path) -> None:
    """A KAM's store: an account and a product they entered, waiting for the office."""
    store = open_store(path)
    try:
        with store.transaction() as session:
            session.add(Account(name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL))
            session.add(Product(sku="KAM-1", inn_name="Апиксабан", trade_name="Эликвис"))
    finally:
        store.close()


def _pending(path: Path) -> list[list[object]]:
    return run_sql(path, "SELECT entity, operation FROM change_log ORDER BY entity")[0]


KILL_9 = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")


@pytest.mark.slow
@KILL_9
def test_a_killed_demo_build_leaves_no_store_and_the_next_build_succeeds(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    _kill_demo_midway(db)
    assert not db.exists()
    assert not {name for name in _files(tmp_path) if name.startswith("demo.sqlite-")}
    assert staging_path(db).exists(), "the half-built file is beside it, never at it"

    assert main(["--db", str(db), "demo", "--accounts", "20", "--years", "1"]) == 0
    assert _files(tmp_path) == {"demo.sqlite"}, "the leftover was cleared, nothing else made"
    assert run_sql(db, "PRAGMA integrity_check", "SELECT count(*) FROM accounts") == [
        [["ok"]],
        [[20]],
    ]


@pytest.mark.slow
@KILL_9
def test_a_killed_replace_leaves_the_previous_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "kamdesk.sqlite"
    _store_with_a_kams_pending_change(db)
    before = _pending(db)
    _kill_demo_midway(db, "--replace")
    assert run_sql(db, "SELECT name FROM accounts", "PRAGMA integrity_check") == [
        [["ГБУЗ «ОКБ»"]],
        [["ok"]],
    ]
    assert _pending(db) == before == [["accounts", "insert"], ["products", "insert"]]


def test_replace_keeps_the_kams_store_and_its_pending_changes_aside(tmp_path: Path) -> None:
    db = tmp_path / "kamdesk.sqlite"
    _store_with_a_kams_pending_change(db)
    built = build_demo_file(db, accounts=10, years=1, replace=True)
    assert built.replaced is not None and ".replaced-" in built.replaced.name
    assert _pending(built.replaced) == [["accounts", "insert"], ["products", "insert"]]
    assert run_sql(db, "SELECT count(*) FROM accounts", "SELECT count(*) FROM change_log") == [
        [[10]],
        [[0]],
    ], "the demo is a baseline: nothing of it waits in the outbox"
    assert not staging_path(db).exists()


def test_a_store_with_a_kams_work_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "kamdesk.sqlite"
    _store_with_a_kams_pending_change(db)
    pending = _pending(db)
    with pytest.raises(StoreNotEmptyError) as raised:
        build_demo_file(db, accounts=10, years=1)
    assert "already holds data" in str(raised.value)
    assert _pending(db) == pending
    assert run_sql(db, "SELECT name FROM accounts") == [[["ГБУЗ «ОКБ»"]]]
    assert not staging_path(db).exists()


def test_the_demo_goes_into_an_open_empty_store_through_sqlite(tmp_path: Path) -> None:
    """What the window does after "Load the demo territory": its new store stays open
    the whole time, so the file is never renamed under it; the window then reopens."""
    db = tmp_path / "kamdesk.sqlite"
    workspace = open_workspace(db)
    try:
        client_id = workspace.store.client_id
        inode = os.stat(db).st_ino
        summary = workspace.load_demo(accounts=15, years=1)
        assert os.stat(db).st_ino == inode, "the open store's file was not replaced"
        with workspace.store.session() as session:  # its open connections see the demo
            assert len(session.scalars(select(Account)).all()) == summary.accounts == 15
            assert session.scalars(select(ChangeLogEntry)).all() == []
    finally:
        workspace.close()
    reopened = open_workspace(db)
    try:
        assert reopened.store.client_id == client_id, "still this computer's store"
        assert reopened.accounts.count_all() == 15
    finally:
        reopened.close()
    assert _files(tmp_path) == {"kamdesk.sqlite"}
    with crypto.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()


def test_replace_refuses_a_store_another_program_has_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renamed under a running KAMdesk, that window would go on saving into the moved
    file, and on exit delete the new store's log by its name."""
    monkeypatch.setattr("kamdesk.services.demo.demo_file.BUSY_TIMEOUT_S", 0.05)
    db = tmp_path / "kamdesk.sqlite"
    _store_with_a_kams_pending_change(db)
    window = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert window.stdout is not None and window.stdout.readline() == "open\n"
        with pytest.raises(StoreBusyError):
            build_demo_file(db, accounts=10, years=1, replace=True)
    finally:
        window.kill()
        window.wait(timeout=30)
        if window.stdout is not None:
            window.stdout.close()
    assert _pending(db) == [["accounts", "insert"], ["products", "insert"]]
    assert _files(tmp_path) <= {"kamdesk.sqlite", "kamdesk.sqlite-wal", "kamdesk.sqlite-shm"}


_HOLD_OPEN = """
import sys, time
from kamdesk.store import crypto
connection = crypto.connect(sys.argv[1])
connection.execute("SELECT count(*) FROM accounts").fetchone()
print("open", flush=True)
time.sleep(60)
"""
