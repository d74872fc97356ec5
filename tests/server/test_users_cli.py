"""An administrator's commands: adding users, then granting and revoking accounts."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server.app import create_app
from kamdesk.server.db import make_engine
from kamdesk.server.tables import grants, server_state, users
from kamdesk.sync.protocol import OFFICE_BUCKET, account_bucket
from tests.server.office import OfficeClient, bearer, kamdesk

LINE = re.compile(r"^login=(\S+) role=(kam|manager|admin) password=(\S+) name=(.+)$")
NAME = "Иванова Анна Сергеевна"


@pytest.fixture
def office_db(office_url: str) -> str:
    assert kamdesk("server", "init", "--db", office_url) == 0
    return office_url


@pytest.fixture
def office(office_db: str) -> Iterator[OfficeClient]:
    app = create_app(office_db)
    yield OfficeClient(app)
    app.state.engine.dispose()


def _add(office_db: str, *argv: str) -> int:
    return kamdesk("server", "user", "add", *argv, "--db", office_db)


def test_user_add_prints_a_generated_password_that_enrols(
    office_db: str, office: OfficeClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert _add(office_db, "Ivanova", "--role", "kam", "--name", NAME) == 0
    line = capsys.readouterr().out.strip()
    found = LINE.match(line)
    assert found is not None, line
    login, role, password, name = found.groups()
    assert (login, role, name) == ("ivanova", "kam", NAME)
    assert len(password) >= 12
    answer = office.enrol("ivanova", password)
    assert answer.status_code == 200, answer.text
    assert answer.json()["user"]["name"] == NAME
    assert office.enrol("ivanova", password + "x").status_code == 401


def test_user_add_with_a_password_file_and_a_manager(
    office_db: str, office: OfficeClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("Весна-2027-пароль\n", encoding="utf-8")
    assert _add(office_db, "sokolova", "--role", "manager", "--name", "Соколова Елена Викторовна",
                "--password-file", str(secret)) == 0  # fmt: skip
    assert _add(office_db, "morozov", "--role", "kam", "--name", "Морозов Андрей Игоревич",
                "--manager", "sokolova", "--password-file", str(secret)) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Весна" not in out and "password=" not in out  # a password from a file is not shown
    manager = office.enrol("sokolova", "Весна-2027-пароль").json()["user"]
    kam = office.enrol("morozov", "Весна-2027-пароль").json()["user"]
    assert (manager["role"], kam["role"]) == ("manager", "kam")
    assert kam["manager_id"] == manager["id"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["ivanova", "--role", "kam", "--name", NAME], "already taken"),
        (["petrov", "--role", "kam", "--name", "Петров"], "full name"),
        (["petrov", "--role", "kam", "--name", NAME, "--manager", "nobody"], "no user 'nobody'"),
        (["petrov", "--role", "kam", "--name", NAME, "--manager", "ivanova"], "not a manager"),
        (["Петров", "--role", "kam", "--name", NAME], "Latin letters"),
    ],
)
def test_user_add_refusals_are_one_line(
    office_db: str, argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(office_db, "ivanova", "--role", "kam", "--name", NAME) == 0
    capsys.readouterr()
    assert _add(office_db, *argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("kamdesk: error: ") and said in err and err.count("\n") == 1


def test_a_short_password_file_is_refused(
    office_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "short.txt"
    secret.write_text("12345\n", encoding="utf-8")
    assert _add(office_db, "ivanova", "--role", "kam", "--name", NAME, "--password-file",
                str(secret)) == 1  # fmt: skip
    assert "at least 8 characters" in capsys.readouterr().err


def _state(office_db: str) -> tuple[int, list[tuple[str, int, int | None]]]:
    engine = make_engine(office_db)
    try:
        with engine.connect() as connection:
            version = connection.execute(select(server_state.c.version)).scalar_one()
            rows = connection.execute(
                select(grants.c.bucket, grants.c.granted_version, grants.c.revoked_version)
                .join(users, users.c.id == grants.c.user_id)
                .where(users.c.login == "ivanova")
                .order_by(grants.c.id)
            ).all()
    finally:
        engine.dispose()
    return version, [(row[0], row[1], row[2]) for row in rows]


def test_grant_and_revoke_record_the_office_version(
    office_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(office_db, "ivanova", "--role", "kam", "--name", NAME) == 0
    first, second = uuid.uuid4(), uuid.uuid4()
    version, granted = _state(office_db)
    assert granted == [(OFFICE_BUCKET, version, None)]  # every user reads the office's data
    capsys.readouterr()

    assert kamdesk("server", "grant", "ivanova", first.hex, str(second), "--db", office_db) == 0
    out = capsys.readouterr().out
    assert f"{account_bucket(first)} granted" in out
    grant_version, granted = _state(office_db)
    assert grant_version == version + 1
    assert granted[1:] == [
        (account_bucket(first), grant_version, None),
        (account_bucket(second), grant_version, None),
    ]

    assert kamdesk("server", "grant", "ivanova", first.hex, "--db", office_db) == 0
    assert "already granted" in capsys.readouterr().out
    assert _state(office_db)[0] == grant_version  # nothing changed, no new version

    assert kamdesk("server", "revoke", "ivanova", first.hex, "--db", office_db) == 0
    assert f"{account_bucket(first)} revoked" in capsys.readouterr().out
    revoke_version, granted = _state(office_db)
    assert revoke_version == grant_version + 1
    assert granted[1] == (account_bucket(first), grant_version, revoke_version)
    assert granted[2] == (account_bucket(second), grant_version, None)

    # Granted again later: a new grant from a newer version; the old one stays as history.
    assert kamdesk("server", "grant", "ivanova", first.hex, "--db", office_db) == 0
    final_version, granted = _state(office_db)
    assert granted[3] == (account_bucket(first), final_version, None)


def test_grant_refuses_what_is_not_an_account_or_a_user(
    office_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(office_db, "ivanova", "--role", "kam", "--name", NAME) == 0
    capsys.readouterr()
    assert kamdesk("server", "grant", "ivanova", "больница-5", "--db", office_db) == 1
    assert "not an account id" in capsys.readouterr().err
    assert kamdesk("server", "grant", "nobody", uuid.uuid4().hex, "--db", office_db) == 1
    assert "no user 'nobody'" in capsys.readouterr().err
    assert kamdesk("server", "revoke", "ivanova", uuid.uuid4().hex, "--db", office_db) == 0
    assert "was not granted" in capsys.readouterr().out


def test_an_admin_lists_laptops_and_cuts_one_off_by_its_code(
    office_db: str, office: OfficeClient, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(office_db, "ivanova", "--role", "kam", "--name", NAME) == 0
    password = LINE.match(capsys.readouterr().out.strip()).group(3)  # type: ignore[union-attr]
    kept = office.enrol("ivanova", password).json()
    lost = office.enrol("ivanova", password).json()
    assert kamdesk("server", "laptops", "--db", office_db) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == [kept["laptop_code"], lost["laptop_code"]]
    assert all("login=ivanova" in line and line.endswith("active") for line in listed)

    assert kamdesk("server", "revoke-laptop", lost["laptop_code"], "--db", office_db) == 0
    assert " revoked " in capsys.readouterr().out
    pull = {"schema_version": SCHEMA_HEAD, "client_id": lost["client_id"]}
    assert office.post("/sync/v1/pull", json=pull, headers=bearer(lost["token"])).status_code == 401
    pull["client_id"] = kept["client_id"]
    assert office.post("/sync/v1/pull", json=pull, headers=bearer(kept["token"])).status_code == 200

    assert kamdesk("server", "laptops", "--db", office_db) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert first.endswith("active") and "seen=20" in first  # heard from at its pull
    assert " revoked " in second
    assert kamdesk("server", "revoke-laptop", "K999", "--db", office_db) == 1
    assert "no laptop K999" in capsys.readouterr().err


def test_the_admin_routes_list_laptops_for_admins_only(
    office_db: str, office: OfficeClient, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(office_db, "ivanova", "--role", "kam", "--name", NAME) == 0
    assert _add(office_db, "admin", "--role", "admin", "--name", "Орлов Павел Николаевич") == 0
    passwords = {
        m.group(1): m.group(3)
        for m in map(LINE.match, capsys.readouterr().out.splitlines())
        if m is not None
    }
    kam = office.enrol("ivanova", passwords["ivanova"]).json()
    admin = office.enrol("admin", passwords["admin"]).json()
    assert office.get("/admin/v1/clients", headers=bearer(kam["token"])).status_code == 403
    listed = office.get("/admin/v1/clients", headers=bearer(admin["token"]))
    assert listed.status_code == 200
    assert [(item["login"], item["laptop_code"]) for item in listed.json()] == [
        ("ivanova", kam["laptop_code"]),
        ("admin", admin["laptop_code"]),
    ]
