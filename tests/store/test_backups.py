"""Backups a KAM can restore: made through SQLite while the store is in use, checked,
never half-made under a good name, listed with their clients, pruned to the newest N,
one a day at most; a restore brings the backup's data back and keeps the store aside."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kamdesk.errors import CorruptStoreError, StoreBusyError
from kamdesk.models import Account, AccountKind
from kamdesk.services.settings import (
    DEFAULT_BACKUPS_KEPT,
    load_backups_kept,
    save_backups_kept,
)
from kamdesk.store import Store, backups, crypto
from kamdesk.store.backups import (
    BackupError,
    backups_folder,
    check_backup,
    create_backup,
    ensure_daily_backup,
    list_backups,
    prune,
    restore_backup,
)
from kamdesk.store.files import companion
from tests.store.other_process import garble, run_sql

MORNING = datetime(2026, 3, 2, 9, 30).astimezone()


def _add_accounts(store: Store, *names: str) -> None:
    with store.transaction() as session:
        session.add_all(Account(name=name, kind=AccountKind.HOSPITAL) for name in names)


def _names(path: Path) -> list[str]:
    """The accounts in the file, read by another program."""
    return [row[0] for row in run_sql(path, "SELECT name FROM accounts ORDER BY name")[0]]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _before_restore(store: Store) -> list[Path]:
    return sorted(store.path.parent.glob("store.before-restore-*"))


def _integrity(path: Path) -> str:
    return str(run_sql(path, "PRAGMA integrity_check")[0][0][0])


# -- making a backup ---------------------------------------------------------------------


def test_a_backup_holds_the_latest_commits_in_one_checked_file_beside_the_store(
    store: Store,
) -> None:
    _add_accounts(store, "ОКБ Тверь", "Аптека «Вита»")  # still in the store's -wal
    assert companion(store.path, "-wal").stat().st_size > 0

    made = create_backup(store.path, now=MORNING)

    assert made.path == store.path.parent / "backups" / "store-20260302-093000.backup.sqlite"
    assert made.accounts == 2
    assert made.size == made.path.stat().st_size
    assert _names(made.path) == ["Аптека «Вита»", "ОКБ Тверь"]
    assert _integrity(made.path) == "ok"
    # One self-contained file: nothing to carry along, nothing half-written left.
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]
    assert run_sql(made.path, "PRAGMA journal_mode")[0][0][0] == "delete"


def test_backups_are_listed_newest_first_with_their_clients(store: Store) -> None:
    _add_accounts(store, "Первая")
    first = create_backup(store.path, now=MORNING)
    _add_accounts(store, "Вторая", "Третья")
    second = create_backup(store.path, now=MORNING + timedelta(hours=2))
    same_second = create_backup(store.path, now=MORNING + timedelta(hours=2))
    (backups_folder(store.path) / "other-20260302-093000.backup.sqlite").write_bytes(b"")

    listed = list_backups(store.path)

    assert [b.path for b in listed] == [same_second.path, second.path, first.path]
    assert [b.accounts for b in listed] == [3, 3, 1]
    assert same_second.path.name == "store-20260302-113000-2.backup.sqlite"
    assert listed[-1].taken_at == MORNING
    assert listed[-1].taken_at.tzinfo is not None


def test_a_damaged_store_gives_no_backup(store: Store) -> None:
    _add_accounts(store, "Больница")
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        root = connection.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'accounts'"
        ).scalar_one()
    store.close()
    garble(store.path, (root - 1) * 4096, 4096)

    with pytest.raises(CorruptStoreError) as refused:
        create_backup(store.path)

    assert refused.value.path == store.path
    assert list_backups(store.path) == []
    assert list(backups_folder(store.path).iterdir()) == []


_KILLED_MIDWAY = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kamdesk.store.backups import create_backup

    def progress(done, total):
        print(done, total, flush=True)
        time.sleep(60)  # killed here, with part of the store copied

    create_backup(Path(sys.argv[1]), progress=progress)
    """
)


def _make_large(store: Store, megabytes: int) -> None:
    with store.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE ballast (data BLOB)")
        connection.exec_driver_sql(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            f"WHERE i < {megabytes * 256}) INSERT INTO ballast SELECT randomblob(4000) FROM n"
        )


def test_a_backup_killed_midway_leaves_the_good_one_alone_and_is_never_listed(
    store: Store,
) -> None:
    _add_accounts(store, "Больница")
    good = create_backup(store.path, now=MORNING)
    good_digest = _digest(good.path)
    _make_large(store, 40)

    with subprocess.Popen(
        [sys.executable, "-c", _KILLED_MIDWAY, str(store.path)],
        stdout=subprocess.PIPE,
        text=True,
    ) as worker:
        assert worker.stdout is not None
        done, total = map(int, worker.stdout.readline().split())
        assert 0 < done < total  # it is midway
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)

    folder = backups_folder(store.path)
    partials = [p for p in folder.iterdir() if p.name.endswith(".backup-partial")]
    assert len(partials) == 1  # what the kill left
    assert [b.path for b in list_backups(store.path)] == [good.path]
    assert _digest(good.path) == good_digest
    assert check_backup(good.path).accounts == 1

    _add_accounts(store, "Аптека")
    again = create_backup(store.path)
    assert again.accounts == 2
    assert _integrity(again.path) == "ok"
    assert [b.path for b in list_backups(store.path)] == [again.path, good.path]


# -- keeping N, once a day ---------------------------------------------------------------


def test_prune_keeps_the_newest_and_nothing_of_other_stores(store: Store) -> None:
    made = [create_backup(store.path, now=MORNING + timedelta(days=day)) for day in range(4)]
    folder = backups_folder(store.path)
    other = folder / "other-20260302-093000.backup.sqlite"
    other.write_bytes(b"")
    unfinished = folder / "store-20260310-093000.backup.sqlite.backup-partial"
    unfinished.write_bytes(b"")

    removed = prune(store.path, keep=2)

    assert removed == [made[1].path, made[0].path]
    assert [b.path for b in list_backups(store.path)] == [made[3].path, made[2].path]
    assert other.exists() and unfinished.exists()
    with pytest.raises(ValueError):
        prune(store.path, keep=0)


def test_the_daily_backup_is_made_once_a_day_and_keeps_the_last_n(store: Store) -> None:
    first = ensure_daily_backup(store.path, keep=2, now=MORNING)
    assert first is not None
    assert ensure_daily_backup(store.path, keep=2, now=MORNING + timedelta(hours=8)) is None
    second = ensure_daily_backup(store.path, keep=2, now=MORNING + timedelta(days=1))
    third = ensure_daily_backup(store.path, keep=2, now=MORNING + timedelta(days=2))
    assert second is not None and third is not None

    assert [b.path for b in list_backups(store.path)] == [third.path, second.path]


def test_how_many_backups_are_kept_is_a_setting_of_the_store(store: Store) -> None:
    assert load_backups_kept(store) == DEFAULT_BACKUPS_KEPT == 7
    save_backups_kept(store, 14)
    assert load_backups_kept(store) == 14
    with pytest.raises(ValueError):
        save_backups_kept(store, 0)


# -- restoring -----------------------------------------------------------------------------


def test_a_restore_brings_the_backup_back_and_keeps_the_store_aside(store: Store) -> None:
    _add_accounts(store, "Было в копии")
    backup = create_backup(store.path, now=MORNING)
    _add_accounts(store, "Добавлено после")  # in the -wal of the open store

    result = restore_backup(store.path, backup)

    assert _names(store.path) == ["Было в копии"]
    assert result.kept_aside is not None
    assert result.kept_aside.parent == store.path.parent
    assert result.kept_aside.name.startswith("store.before-restore-")
    assert result.kept_aside.suffix == ".sqlite"
    assert _names(result.kept_aside) == ["Было в копии", "Добавлено после"]
    assert _integrity(store.path) == "ok"
    # The store that was open sees the restored data, and goes on working.
    with store.session() as session:
        assert [a.name for a in session.query(Account)] == ["Было в копии"]
    _add_accounts(store, "После восстановления")
    assert _names(store.path) == ["Было в копии", "После восстановления"]
    assert backup.path.exists()  # the backup stays a backup
    assert not store.path.with_name("store.sqlite.restore-partial").exists()


def _last_change(path: Path) -> int:
    return int(run_sql(path, "SELECT max(id) FROM change_log")[0][0][0] or 0)


def test_after_a_restore_the_change_log_numbers_go_on_from_the_store_not_the_backup(
    store: Store,
) -> None:
    """The office knows a laptop's changes by their number: numbers the store had
    handed out after the backup was taken must not be handed out again."""
    _add_accounts(store, "В копии")
    backup = create_backup(store.path)
    in_backup = _last_change(backup.path)
    _add_accounts(store, "После копии 1", "После копии 2")
    reached = _last_change(store.path)
    assert reached > in_backup

    restore_backup(store.path, backup)
    assert _last_change(store.path) == in_backup
    _add_accounts(store, "После восстановления")

    assert _last_change(store.path) > reached


def test_a_damaged_backup_is_refused_and_nothing_changes(store: Store) -> None:
    _add_accounts(store, "Больница")
    backup = create_backup(store.path)
    size = backup.path.stat().st_size
    garble(backup.path, size - 8192, 8192)
    before = sorted(p.name for p in store.path.parent.iterdir())

    with pytest.raises(CorruptStoreError):
        restore_backup(store.path, backup.path)

    assert _names(store.path) == ["Больница"]
    assert sorted(p.name for p in store.path.parent.iterdir()) == before


def test_a_store_another_program_is_writing_to_is_left_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "BUSY_TIMEOUT_S", 0.5)  # how long KAMdesk waits for it
    backup = create_backup(store.path)
    _add_accounts(store, "Не в копии")
    other = crypto.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program's write, not finished
    try:
        with pytest.raises(StoreBusyError):
            restore_backup(store.path, backup)
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert _names(store.path) == ["Не в копии"]
    assert _before_restore(store) == []
    assert not store.path.with_name("store.sqlite.restore-partial").exists()


def test_a_file_that_is_not_a_kamdesk_backup_is_refused(store: Store, tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite"
    connection = crypto.connect(other)
    connection.execute("CREATE TABLE notes (text)")
    connection.commit()
    connection.close()

    with pytest.raises(BackupError, match="not a KAMdesk backup"):
        restore_backup(store.path, other)
    with pytest.raises(BackupError, match="no backup"):
        restore_backup(store.path, tmp_path / "missing.backup.sqlite")


def test_a_damaged_store_is_moved_aside_with_its_log_and_the_backup_put_in_place(
    store: Store,
) -> None:
    _add_accounts(store, "Из копии")
    backup = create_backup(store.path)
    store.close()
    connection = crypto.connect(store.path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    store.path.write_bytes(b"\x5a" * 16384)  # not a database any more
    companion(store.path, "-wal").write_bytes(b"log of the damaged store")

    result = restore_backup(store.path, backup)

    assert _names(store.path) == ["Из копии"]
    assert result.kept_aside is not None
    assert result.kept_aside.read_bytes() == b"\x5a" * 16384
    assert companion(result.kept_aside, "-wal").read_bytes() == b"log of the damaged store"
    assert not companion(store.path, "-wal").exists() or _integrity(store.path) == "ok"


_RESTORE_KILLED = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kamdesk.store.backups import restore_backup

    def progress(done, total):
        print(done, total, flush=True)
        time.sleep(60)

    restore_backup(Path(sys.argv[1]), Path(sys.argv[2]), progress=progress)
    """
)


def test_a_restore_killed_midway_leaves_the_store_as_it_was(store: Store) -> None:
    _make_large(store, 20)
    backup = create_backup(store.path)
    _add_accounts(store, "Не в копии")

    with subprocess.Popen(
        [sys.executable, "-c", _RESTORE_KILLED, str(store.path), str(backup.path)],
        stdout=subprocess.PIPE,
        text=True,
    ) as worker:
        assert worker.stdout is not None
        assert worker.stdout.readline()  # copying the backup beside the store
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)

    assert _names(store.path) == ["Не в копии"]
    restore_backup(store.path, backup)  # what the kill left does not stand in the way
    assert _names(store.path) == []
