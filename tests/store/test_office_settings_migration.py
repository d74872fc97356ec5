"""Revision 0004 moves the offer settings typed on a 0003 laptop into the office's rows:
nothing typed is lost, the store is backed up first, and only a laptop that may change
them (never enrolled, a manager's, an admin's) queues them for the office."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from kamdesk.models import ChangeLogEntry, ChangeStatus, OfficeSetting
from kamdesk.services.offers import load_offer_settings, save_offer_settings
from kamdesk.store import migrate, open_store
from kamdesk.store.engine import make_engine
from kamdesk.store.natural_keys import natural_id
from kamdesk.store.write_guard import unlogged_writes

TYPED = {
    "validity_days": 45,
    "supplier": {
        "name": "ООО «Тверьфарм»",
        "inn": "7707083893",
        "bik": "044525225",
        "logo_path": "/home/anna/logo.png",
        "signer_name": "Орлова Е. В.",
    },
    "envelope": {"default": {"A": "12", "*": "4"}, "groups": {"Кардиология": {"B": "8.5"}}},
    "vat_regime": "simplified_5",
    "device_code": "T1A",
}


def store_at_0003(path: Path, role: str) -> uuid.UUID:
    """A store as the previous version left it: typed settings, enrolled as `role`."""
    engine = make_engine(path)
    migrate.upgrade(engine, "0003")
    client_id = uuid.uuid4()
    enrolled = ("https://office", "anna") if role else ("", "")
    with engine.begin() as connection, unlogged_writes(connection):
        connection.execute(
            text(
                "INSERT INTO sync_state (id, client_id, server_url, server_epoch, pull_cursor,"
                " last_acknowledged_change, laptop_code, login, user_name, user_role,"
                " device_name) VALUES (1, :client, :url, '', '', 0, '', :login, '', :role, '')"
            ),
            {"client": client_id.bytes, "url": enrolled[0], "login": enrolled[1], "role": role},
        )
        connection.execute(
            text("INSERT INTO app_settings (key, value, updated_at) VALUES ('offers', :v, :at)"),
            {"v": json.dumps(TYPED), "at": datetime.now(UTC).replace(tzinfo=None)},
        )
    engine.dispose()
    return client_id


def office_changes(store: object) -> list[ChangeLogEntry]:
    with store.session() as session:  # type: ignore[attr-defined]
        return list(
            session.query(ChangeLogEntry).filter(ChangeLogEntry.entity == "office_settings")
        )


@pytest.mark.parametrize("role", ["", "manager", "admin"])
def test_typed_settings_become_office_rows_queued_for_the_office(tmp_path: Path, role: str) -> None:
    path = tmp_path / "store.sqlite"
    client_id = store_at_0003(path, role)
    store = open_store(path)
    try:
        assert store.backup_path is not None and store.backup_path.exists()
        settings = load_offer_settings(store)
        assert settings.validity_days == 45 and settings.vat_regime == "simplified_5"
        assert settings.supplier.inn == "7707083893"
        assert settings.supplier.logo_path == "/home/anna/logo.png"  # the laptop's own
        assert settings.envelope == TYPED["envelope"]
        assert settings.device_code == "T1A"
        with store.session() as session:
            rows = {row.name: row for row in session.query(OfficeSetting)}
        assert set(rows) == {"supplier", "envelope", "validity_days", "vat_regime"}
        assert "logo_path" not in rows["supplier"].value
        for name, row in rows.items():  # the id every laptop and the office agree on
            assert row.id == natural_id("office_settings", ("name",), {"name": name})
        changes = office_changes(store)
        assert len(changes) == 4
        for entry in changes:
            assert entry.status is ChangeStatus.PENDING and entry.client_id == client_id
            assert entry.operation.value == "insert"
            assert entry.changes["value"] == rows[entry.changes["name"]].value
            assert entry.changes["id"] == entry.entity_id.hex
        # Edited afterwards like any row: one update on top of the insert.
        save_offer_settings(store, replace(settings, validity_days=30))
        assert len(office_changes(store)) == 5
    finally:
        store.close()


def test_a_kams_laptop_keeps_its_typed_settings_but_queues_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store_at_0003(path, "kam")
    store = open_store(path)
    try:
        settings = load_offer_settings(store)
        assert settings.validity_days == 45 and settings.envelope == TYPED["envelope"]
        assert office_changes(store) == []  # its push would only be refused
    finally:
        store.close()
