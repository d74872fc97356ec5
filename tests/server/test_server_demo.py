"""`kamdesk server demo`: a trainer seeds an office and hands out five logins."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from kamdesk.server.app import create_app
from kamdesk.server.db import make_engine
from kamdesk.server.tables import grants, rows, users
from kamdesk.sync.protocol import ENTITIES, OFFICE_BUCKET, account_bucket
from tests.server.office import OfficeClient, kamdesk

LINE = re.compile(r"^login=(\S+) role=(kam|manager|admin) password=(\S+) name=(\S+ \S+ \S+)$")
KINDS_OF_KAM = {
    "hospital": {"hospital", "health_authority", "other"},
    "pharmacy_chain": {"pharmacy_chain", "pharmacy"},
    "distributor": {"distributor", "insurance_fund"},
}


def _office(url: str) -> tuple[list[Any], dict[str, set[str]], dict[Any, Any]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            documents = list(connection.execute(select(rows)).all())
            active = connection.execute(
                select(users.c.login, grants.c.bucket)
                .join(users, users.c.id == grants.c.user_id)
                .where(grants.c.revoked_version.is_(None))
            ).all()
            people = {row.login: row for row in connection.execute(select(users))}
    finally:
        engine.dispose()
    granted: dict[str, set[str]] = {login: set() for login in people}
    for login, bucket in active:
        granted[login].add(bucket)
    return documents, granted, people


def test_demo_prints_five_logins_and_each_kam_gets_only_their_accounts(
    office_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kamdesk("server", "demo", "--db", office_url, "--accounts", "40") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 5, lines
    matched = [LINE.match(line) for line in lines]
    assert all(matched), lines
    logins = {m.group(1): (m.group(2), m.group(3)) for m in matched if m}
    assert sorted(role for role, _ in logins.values()) == [
        "admin",
        "kam",
        "kam",
        "kam",
        "manager",
    ]

    documents, granted, people = _office(office_url)
    by_entity: dict[str, dict[str, Any]] = {}
    for document in documents:
        by_entity.setdefault(document.entity, {})[document.entity_id.hex] = document
    accounts = by_entity["accounts"]
    team = {d.entity_id: d.data for d in by_entity["users"].values()}
    manager = next(login for login, (role, _) in logins.items() if role == "manager")

    seen: set[str] = set()
    for login, (role, _) in logins.items():
        person = people[login]
        if role != "kam":
            assert granted[login] == {OFFICE_BUCKET}  # the manager sees the team's through them
            continue
        assert person.manager_id == people[manager].id
        kind = team[person.id]["kam_kind"]  # the office's KAM is the demo team's KAM
        theirs = {
            account_bucket(account_id)
            for account_id, account in accounts.items()
            if account.data["kind"] in KINDS_OF_KAM[kind]
        }
        assert theirs, f"{login} ({kind}) has no accounts"
        assert granted[login] == theirs | {OFFICE_BUCKET}
        assert not seen & theirs
        seen |= theirs
        for account_id, account in accounts.items():
            if account_bucket(account_id) in theirs:
                assert account.data["owner_id"] == person.id.hex
        # Their clients' visits and offers are their work, as the manager's «Команда» reads.
        for entity in ("visits", "offers"):
            owned = [d for d in by_entity[entity].values() if d.bucket in theirs]
            assert owned, f"{login} has no {entity}"
            assert all(d.data["owner_id"] == person.id.hex for d in owned if d.data["owner_id"])
    assert seen == {account_bucket(account_id) for account_id in accounts}
    assert {
        team[people[login].id]["kam_kind"] for login in logins if logins[login][0] == "kam"
    } == {
        "hospital",
        "pharmacy_chain",
        "distributor",
    }

    # Each document is at version 1, in the wire form, under the bucket of its account.
    for document in documents:
        # (the administrator is not in the demo: their directory row comes when added)
        assert document.version == 1 or document.entity == "users"
        assert document.data["id"] == document.entity_id.hex
        assert document.deleted is (document.data["deleted_at"] is not None)
        parent = ENTITIES[document.entity].parent
        if parent == "office":
            assert document.bucket == OFFICE_BUCKET
        elif parent is None:
            assert document.bucket == account_bucket(document.entity_id)
        else:
            column, table = parent
            assert document.bucket == by_entity[table][document.data[column]].bucket
    line = next(iter(by_entity["offer_lines"].values())).data
    assert isinstance(line["unit_price"], str) and re.fullmatch(r"\d+\.\d\d", line["unit_price"])
    assert {"sales_records", "visits", "visit_reports", "offers", "products"} <= set(by_entity)

    # Every password printed logs in, with the role printed.
    app = create_app(office_url)
    try:
        office = OfficeClient(app)
        for login, (role, password) in logins.items():
            answer = office.enrol(login, password, uuid.uuid4())
            assert answer.status_code == 200, answer.text
            assert answer.json()["user"]["role"] == role
    finally:
        app.state.engine.dispose()


def test_demo_refuses_an_office_that_has_data(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    assert kamdesk("server", "init", "--db", url) == 0
    assert kamdesk("server", "user", "add", "ivanova", "--role", "kam", "--name",
                   "Иванова Анна Сергеевна", "--db", url) == 0  # fmt: skip
    capsys.readouterr()
    assert kamdesk("server", "demo", "--db", url, "--accounts", "5") == 1
    captured = capsys.readouterr()
    assert "only an empty office" in captured.err
    assert "login=" not in captured.out
