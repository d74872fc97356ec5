"""POST /sync/v1/push and /pull through the office app: a laptop's bearer token decides
who is calling; a gap is a 409 with the office's last_seq; a busy database a 503 the
laptop retries; another KAM's account is neither readable nor writable."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import create_engine

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server.app import create_app
from kamdesk.server.db import init_database
from kamdesk.server.users import add_user
from kamdesk.sync.protocol import account_bucket
from tests.server.office import OfficeClient, bearer


@pytest.fixture
def app(office_url: str) -> Iterator[FastAPI]:
    init_database(office_url)
    application = create_app(office_url)
    yield application
    application.state.engine.dispose()


class Laptop:
    def __init__(self, office: OfficeClient, login: str, name: str) -> None:
        add_user(office.app.state.engine, login, role="kam", name=name, password="пароль-" * 2)
        enrolled = office.enrol(login, "пароль-" * 2).json()
        self.office, self.client_id = office, enrolled["client_id"]
        self.headers = bearer(enrolled["token"])
        self.seq, self.acked, self.cursor = 0, 0, ""

    def change(self, entity: str, entity_id: uuid.UUID, operation: str, **fields: Any) -> dict:
        self.seq += 1
        return {
            "seq": self.seq,
            "change_id": uuid.uuid4().hex,
            "entity": entity,
            "entity_id": entity_id.hex,
            "operation": operation,
            "fields": fields,
            "base": {},
            "revision": 1,
            "changed_at": datetime.now(UTC).isoformat(),
        }

    def push(self, *changes: dict, previous_seq: int | None = None) -> Any:
        body = {
            "schema_version": SCHEMA_HEAD,
            "client_id": self.client_id,
            "previous_seq": self.acked if previous_seq is None else previous_seq,
            "changes": list(changes),
        }
        answer = self.office.post("/sync/v1/push", json=body, headers=self.headers)
        if answer.status_code == 200:
            self.acked = answer.json()["last_seq"]
        return answer

    def pull(self) -> Any:
        body = {"schema_version": SCHEMA_HEAD, "client_id": self.client_id, "cursor": self.cursor}
        answer = self.office.post("/sync/v1/pull", json=body, headers=self.headers)
        if answer.status_code == 200:
            self.cursor = answer.json()["cursor"]
        return answer


def test_laptops_push_and_pull_their_own_accounts_only(app: FastAPI) -> None:
    office = OfficeClient(app)
    anna = Laptop(office, "ivanova", "Иванова Анна Сергеевна")
    boris = Laptop(office, "petrov", "Петров Борис Ильич")
    account_id = uuid.uuid4()
    pushed = anna.push(anna.change("accounts", account_id, "insert", name="ОКБ"))
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["outcomes"][0]["outcome"] == "applied"
    assert pushed.json()["last_seq"] == 1

    pulled = anna.pull()
    assert pulled.status_code == 200
    accounts = [r for r in pulled.json()["rows"] if r["bucket"] != "office"]  # office: people
    assert [(r["entity"], r["bucket"]) for r in accounts] == [
        ("accounts", account_bucket(account_id))
    ]
    assert {r["bucket"] for r in boris.pull().json()["rows"]} <= {"office"}
    intrusion = boris.push(boris.change("accounts", account_id, "update", name="Чужое"))
    assert intrusion.json()["outcomes"][0]["code"] == "permission"
    assert anna.pull().json()["rows"] == []  # nothing changed for Anna


def test_a_push_ahead_of_the_office_is_a_409_with_its_last_seq(app: FastAPI) -> None:
    anna = Laptop(OfficeClient(app), "ivanova", "Иванова Анна Сергеевна")
    answer = anna.push(anna.change("accounts", uuid.uuid4(), "insert", name="ОКБ"), previous_seq=9)
    assert answer.status_code == 409
    assert answer.json()["error"] == "gap" and answer.json()["last_seq"] == 0


def test_no_token_no_sync_and_another_laptops_id_is_refused(app: FastAPI) -> None:
    office = OfficeClient(app)
    anna = Laptop(office, "ivanova", "Иванова Анна Сергеевна")
    body = {"schema_version": SCHEMA_HEAD, "client_id": anna.client_id, "cursor": ""}
    assert office.post("/sync/v1/pull", json=body).status_code == 401
    body["client_id"] = uuid.uuid4().hex
    refused = office.post("/sync/v1/pull", json=body, headers=anna.headers)
    assert refused.status_code == 403 and refused.json()["error"] == "client"


def test_a_busy_database_answers_503_and_the_retry_applies(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    init_database(url)
    application = create_app(url)
    try:
        anna = Laptop(OfficeClient(application), "ivanova", "Иванова Анна Сергеевна")
        assert anna.pull().status_code == 200  # a laptop that has synced before
        application.state.engine.dispose()
        application.state.engine = create_engine(url, connect_args={"timeout": 0.2})
        change = anna.change("accounts", uuid.uuid4(), "insert", name="ОКБ")
        holder = sqlite3.connect(tmp_path / "office.sqlite")
        holder.execute("BEGIN IMMEDIATE")  # a backup or another writer holds the database
        busy = anna.push(change)
        holder.rollback()
        holder.close()
        assert busy.status_code == 503
        assert busy.headers["Retry-After"] == "5" and busy.json()["error"] == "unavailable"
        again = anna.push(change)
        assert again.status_code == 200 and again.json()["outcomes"][0]["outcome"] == "applied"
    finally:
        application.state.engine.dispose()


def test_a_laptop_not_heard_from_for_long_gets_503_not_500_from_a_busy_database(
    tmp_path: Path,
) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from kamdesk.server.tables import clients

    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    init_database(url)
    application = create_app(url)
    try:
        anna = Laptop(OfficeClient(application), "ivanova", "Иванова Анна Сергеевна")
        assert anna.pull().status_code == 200
        with application.state.engine.begin() as connection:  # last heard of a week ago
            connection.execute(
                update(clients).values(last_seen_at=datetime.now(UTC) - timedelta(days=7))
            )
        application.state.engine.dispose()
        application.state.engine = create_engine(url, connect_args={"timeout": 0.2})
        holder = sqlite3.connect(tmp_path / "office.sqlite")
        holder.execute("BEGIN IMMEDIATE")
        busy = anna.push(anna.change("accounts", uuid.uuid4(), "insert", name="ОКБ"))
        holder.rollback()
        holder.close()
        assert busy.status_code == 503, busy.text
    finally:
        application.state.engine.dispose()
