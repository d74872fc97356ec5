"""Opening a store: new, current, older (backup then migrate), newer (refuse), damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from kamdesk.models import Account, AccountKind
from kamdesk.store import CorruptStoreError, SchemaTooNewError, crypto, migrate, open_store
from kamdesk.store import store as store_module


def test_a_new_store_is_created_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path / "sub" / "new.sqlite")
    try:
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
    finally:
        store.close()


def test_reopening_keeps_data_and_the_client_id(tmp_path: Path) -> None:
    path = tmp_path / "kam.sqlite"
    store = open_store(path)
    with store.transaction() as session:
        session.add(Account(name="Аптека «Здоровье»", kind=AccountKind.PHARMACY))
    client_id = store.client_id
    store.close()
    again = open_store(path)
    try:
        assert again.client_id == client_id
        assert again.backup_path is None
        with again.session() as session:
            assert session.scalars(select(Account.name)).one() == "Аптека «Здоровье»"
    finally:
        again.close()


def test_a_newer_schema_is_refused_and_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "from-the-future.sqlite"
    open_store(path).close()
    with crypto.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as raised:
        open_store(path)
    assert str(path) in str(raised.value) and "newer" in str(raised.value)
    assert path.read_bytes() == before


def test_an_older_schema_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    open_store(path).close()
    with crypto.connect(path) as connection:
        connection.execute(
            "INSERT INTO accounts (id, created_at, updated_at, revision, name, short_name, kind,"
            " inn, kpp, region, city, address, phone, email, website, status, qual_need,"
            " qual_need_note, qual_pay, qual_pay_note, qual_authority, qual_authority_note)"
            " VALUES ('00000000000040008000000000000001', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00', 1, 'ЦРБ', '', 'hospital', '', '', '', '', '', '', '', '',"
            " 'active', 0, '', 0, '', 0, '')"
        )
        # Only the baseline exists yet, so pretend the file is one known revision
        # behind head and check the order: backup first, then the upgrade.
        connection.execute("UPDATE alembic_version SET version_num = '0000_older'")
    connection.close()
    head = migrate.head_revision()
    calls: list[str] = []

    def upgrade(engine: object, target: str = "head") -> None:
        calls.append(target)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_module.migrate, "known_revisions", lambda: {"0000_older", head})
        patch.setattr(store_module.migrate, "upgrade", upgrade)
        store = open_store(path)
    try:
        assert calls == ["head"]
        assert store.backup_path is not None and store.backup_path.exists()
        assert "backup-" in store.backup_path.name
        with crypto.connect(store.backup_path) as backup:
            assert backup.execute("SELECT name FROM accounts").fetchall() == [("ЦРБ",)]
    finally:
        store.close()


def test_a_damaged_file_is_named_and_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(b"this was a store before the laptop fell" * 100)
    before = path.read_bytes()
    with pytest.raises(CorruptStoreError) as raised:
        open_store(path)
    assert str(path) in str(raised.value)
    assert "backup" in str(raised.value)
    assert path.read_bytes() == before


def test_a_truncated_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "truncated.sqlite"
    open_store(path).close()
    with crypto.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50 + data[150 : len(data) // 3])
    with pytest.raises(CorruptStoreError):
        open_store(path)


def test_a_foreign_sqlite_file_is_not_taken_for_a_store(tmp_path: Path) -> None:
    path = tmp_path / "someone-elses.sqlite"
    with crypto.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER)")
    with pytest.raises(CorruptStoreError) as raised:
        open_store(path)
    assert "not a KAMdesk store" in str(raised.value)
