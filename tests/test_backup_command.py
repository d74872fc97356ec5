"""`kamdesk backup list|create|restore` as an administrator types it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.models import Account, AccountKind
from kamdesk.store import crypto, open_store

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def db(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "kamdesk.sqlite"
    shutil.copyfile(migrated_template, path)
    return path


def _add_account(db: Path, name: str) -> None:
    store = open_store(db)
    try:
        with store.transaction() as session:
            session.add(Account(name=name, kind=AccountKind.HOSPITAL))
    finally:
        store.close()


def _names(db: Path) -> list[str]:
    connection = crypto.connect(db)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM accounts ORDER BY name")]
    finally:
        connection.close()


def _backup(db: Path, *args: str) -> int:
    return main(["--db", str(db), "backup", "--lang", "en", *args])


def test_create_then_list_shows_one_line_per_backup(db: Path, capsys: Capture) -> None:
    _add_account(db, "ОКБ")
    assert _backup(db, "create") == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith(f"backed up {db}: ")
    assert "clients: 1" in out
    assert str(db.parent / "backups") in out

    assert _backup(db, "create") == 0
    capsys.readouterr()
    assert _backup(db, "list") == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 2
    assert all(line.endswith(".backup.sqlite") and "clients: 1" in line for line in lines)
    assert captured.err.strip().endswith(": 2")


def test_create_with_keep_deletes_the_older_ones(db: Path, capsys: Capture) -> None:
    for _ in range(3):
        assert _backup(db, "create", "--keep", "2") == 0
    assert "older backups deleted: 1" in capsys.readouterr().err
    assert len(list((db.parent / "backups").glob("*.backup.sqlite"))) == 2
    assert _backup(db, "create", "--keep", "0") == 1
    assert "at least 1" in capsys.readouterr().err


def test_restore_latest_brings_the_backup_back_and_names_the_kept_store(
    db: Path, capsys: Capture
) -> None:
    _add_account(db, "В копии")
    assert _backup(db, "create") == 0
    _add_account(db, "После копии")
    capsys.readouterr()

    assert _backup(db, "restore") == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"restored {db} from ")
    assert out[1].startswith("the store as it was is kept at ")
    kept = Path(out[1].removeprefix("the store as it was is kept at "))
    assert _names(db) == ["В копии"]
    assert _names(kept) == ["В копии", "После копии"]


def test_restore_by_listed_name(db: Path, capsys: Capture) -> None:
    assert _backup(db, "create") == 0
    _add_account(db, "Позже")
    (backup,) = (db.parent / "backups").glob("*.backup.sqlite")
    assert _backup(db, "restore", backup.name) == 0
    assert _names(db) == []


def test_mistakes_are_one_line_and_exit_code_1(db: Path, tmp_path: Path, capsys: Capture) -> None:
    assert _backup(db, "restore") == 1  # none yet
    assert capsys.readouterr().err.startswith(f"kamdesk: error: {db} has no backups in ")
    assert _backup(db, "restore", "kamdesk-20200101-000000.backup.sqlite") == 1
    assert "`kamdesk backup list`" in capsys.readouterr().err
    damaged = tmp_path / "damaged.backup.sqlite"
    damaged.write_bytes(b"\x5a" * 8192)
    assert _backup(db, "restore", str(damaged)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err
    assert _backup(tmp_path / "nothing.sqlite", "create") == 1
    assert "no store at" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        _backup(db, "rewind")
    assert usage.value.code == 2


def test_list_of_a_store_without_backups_is_empty_and_fine(db: Path, capsys: Capture) -> None:
    assert _backup(db, "list") == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().endswith(": 0")
