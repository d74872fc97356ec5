"""`kamdesk store salvage FILE`: the unsent changes of a moved-aside copy are queued in
the store of --db, and the command says how many; a file that is no store is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from kamdesk.models import ChangeLogEntry, ChangeStatus
from kamdesk.models.enums import AccountKind
from kamdesk.services.card import add_contact, create_account
from kamdesk.store import Store, backup_copy, open_store
from tests.commands.helpers import run

ENGLISH = "C.UTF-8"


def _pending(store: Store) -> list[ChangeLogEntry]:
    with store.session() as session:
        return list(
            session.scalars(
                select(ChangeLogEntry).where(ChangeLogEntry.status == ChangeStatus.PENDING)
            )
        )


@pytest.fixture
def stores(tmp_path: Path, migrated_template: Path) -> tuple[Path, Path, list[ChangeLogEntry]]:
    """A moved-aside copy holding three unsent changes, and a new empty store."""
    old_path, new_path = tmp_path / "old.sqlite", tmp_path / "kamdesk.sqlite"
    shutil.copyfile(migrated_template, old_path)
    shutil.copyfile(migrated_template, new_path)
    old = open_store(old_path)
    try:
        account_id = create_account(old, "Аптека № 7", AccountKind.PHARMACY)
        add_contact(old, account_id, "Лебедева")
        add_contact(old, account_id, "Орлов")
        pending = _pending(old)
        aside = tmp_path / "kamdesk.damaged-20261203-093000.sqlite"
        shutil.move(backup_copy(old_path, old.engine), aside)
    finally:
        old.close()
    return aside, new_path, pending


def test_salvage_queues_the_copys_unsent_changes_and_says_how_many(
    stores: tuple[Path, Path, list[ChangeLogEntry]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    aside, db, pending = stores
    argv = ["store", "salvage", str(aside), "--db", str(db)]

    code, out, err = run(monkeypatch, capsys, ENGLISH, argv)

    assert (code, err) == (0, "")
    assert f"changes found in {aside}: 3" in out
    assert "re-queued for the office: 3" in out
    assert "unreadable (damaged): 0" in out
    store = open_store(db)
    try:
        queued = _pending(store)
    finally:
        store.close()
    assert [entry.change_id for entry in queued] == [entry.change_id for entry in pending]

    code, out, _ = run(monkeypatch, capsys, ENGLISH, argv)

    assert code == 0
    assert "re-queued for the office: 0" in out
    assert "already in this store (salvaged before): 3" in out


def test_salvage_refuses_a_file_that_is_no_store(
    stores: tuple[Path, Path, list[ChangeLogEntry]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, db, _ = stores
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100, encoding="utf-8")

    code, out, err = run(
        monkeypatch, capsys, ENGLISH, ["store", "salvage", str(notes), "--db", str(db)]
    )

    assert code == 1 and out == ""
    assert "is not a KAMdesk database" in err and "was not changed" in err
    store = open_store(db)
    try:
        assert _pending(store) == []
    finally:
        store.close()
