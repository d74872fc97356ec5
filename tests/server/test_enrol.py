"""Enrolling a laptop: the password, the rate limit, the client id and the laptop's token."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import select, update

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server.app import create_app
from kamdesk.server.auth import hash_token
from kamdesk.server.db import init_database
from kamdesk.server.enrol import FAILURE_WINDOW, MAX_FAILURES, enrol_laptop
from kamdesk.server.errors import ApiError
from kamdesk.server.tables import clients, users
from kamdesk.server.users import NewUser, add_user
from kamdesk.sync.protocol import EnrolRequest
from tests.server.office import OfficeClient, bearer

NAME = "Иванова Анна Сергеевна"


@pytest.fixture
def app(office_url: str) -> Iterator[FastAPI]:
    init_database(office_url)
    application = create_app(office_url)
    yield application
    application.state.engine.dispose()


@pytest.fixture
def office(app: FastAPI) -> OfficeClient:
    return OfficeClient(app)


@pytest.fixture
def kam(app: FastAPI) -> NewUser:
    return add_user(app.state.engine, "ivanova", role="kam", name=NAME, password="верный-пароль")


def test_the_right_password_enrols_the_laptop_with_its_own_id(
    office: OfficeClient, kam: NewUser, app: FastAPI
) -> None:
    laptop = uuid.uuid4()
    answer = office.enrol("Ivanova", "верный-пароль", laptop)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert uuid.UUID(body["client_id"]) == laptop
    assert body["laptop_code"] == "K001"
    assert body["user"] == {
        "id": str(kam.id),
        "login": "ivanova",
        "role": "kam",
        "name": NAME,
        "manager_id": None,
    }
    assert body["server_epoch"] == office.get("/sync/v1/info").json()["server_epoch"]
    assert body["last_seq"] == 0
    with app.state.engine.connect() as connection:
        stored = connection.execute(select(clients).where(clients.c.id == laptop)).one()
    # The office keeps a hash of the token, never the token.
    assert stored.token_hash == hash_token(body["token"]) != body["token"]
    assert stored.device_name == "ноутбук КАМ"


def test_a_wrong_password_or_login_is_refused_in_russian(
    office: OfficeClient, kam: NewUser
) -> None:
    for login, password in (("ivanova", "неверный"), ("nobody", "верный-пароль")):
        answer = office.enrol(login, password)
        assert answer.status_code == 401
        assert answer.json() == {"error": "login", "detail": "Неверный логин или пароль."}


def test_failed_logins_are_limited_per_login_and_address(
    office: OfficeClient, kam: NewUser, app: FastAPI
) -> None:
    for _ in range(MAX_FAILURES):
        assert office.enrol("ivanova", "подбираю").status_code == 401
    limited = office.enrol("ivanova", "верный-пароль")  # even the right one, for now
    assert limited.status_code == 429
    assert limited.json()["error"] == "rate_limited"
    assert "Слишком много неудачных попыток" in limited.json()["detail"]
    assert 0 < int(limited.headers["Retry-After"]) <= FAILURE_WINDOW.total_seconds() + 1
    # Another laptop (another address) of the same KAM is not locked out.
    assert OfficeClient(app, address="192.0.2.99").enrol("ivanova", "верный-пароль").is_success
    # Once the window has passed, the right password works again here too.
    later = datetime.now(UTC) + FAILURE_WINDOW + timedelta(seconds=5)
    request = EnrolRequest(
        login="ivanova",
        password="верный-пароль",
        client_id=uuid.uuid4(),
        schema_version=SCHEMA_HEAD,
    )
    assert enrol_laptop(app.state.engine, request, office.address, now=later).token


def test_a_successful_login_clears_the_failures(office: OfficeClient, kam: NewUser) -> None:
    for _ in range(MAX_FAILURES - 1):
        office.enrol("ivanova", "подбираю")
    assert office.enrol("ivanova", "верный-пароль").is_success
    for _ in range(MAX_FAILURES - 1):
        assert office.enrol("ivanova", "подбираю").status_code == 401
    assert office.enrol("ivanova", "верный-пароль").is_success


def test_a_copied_client_id_gets_a_new_one_and_both_laptops_keep_working(
    office: OfficeClient, kam: NewUser, app: FastAPI
) -> None:
    add_user(app.state.engine, "petrov", role="kam", name="Петров Пётр Петрович", password="x" * 8)
    copied = uuid.uuid4()
    first = office.enrol("ivanova", "верный-пароль", copied).json()
    second = office.enrol("ivanova", "верный-пароль", copied).json()
    third = office.enrol("petrov", "x" * 8, copied).json()
    assert uuid.UUID(first["client_id"]) == copied
    assert len({first["client_id"], second["client_id"], third["client_id"]}) == 3
    assert [first["laptop_code"], second["laptop_code"], third["laptop_code"]] == [
        "K001",
        "K002",
        "K003",
    ]
    with app.state.engine.connect() as connection:
        owners = dict(connection.execute(select(clients.c.id, clients.c.user_id)).all())
    assert owners[copied] == kam.id  # the first laptop's enrolment is untouched
    assert owners[uuid.UUID(third["client_id"])] != kam.id


def test_a_revoked_laptop_or_disabled_user_gets_401(office: OfficeClient, app: FastAPI) -> None:
    add_user(
        app.state.engine, "admin", role="admin", name="Орлов Павел Николаевич", password="a" * 8
    )
    admin = office.enrol("admin", "a" * 8).json()
    lost = office.enrol("admin", "a" * 8).json()
    other = office.enrol("admin", "a" * 8).json()
    revoke = f"/admin/v1/clients/{lost['client_id']}/revoke"
    assert office.post(revoke, headers=bearer(lost["token"])).status_code == 200  # still valid
    answer = office.post(revoke, headers=bearer(admin["token"]))
    assert answer.status_code == 200
    assert answer.json()["laptop_code"] == lost["laptop_code"]
    refused = office.post(revoke, headers=bearer(lost["token"]))
    assert refused.status_code == 401
    assert refused.json()["error"] == "unauthorised"
    assert refused.headers["WWW-Authenticate"] == "Bearer"
    pull = {"schema_version": SCHEMA_HEAD, "client_id": lost["client_id"]}
    assert office.post("/sync/v1/pull", json=pull, headers=bearer(lost["token"])).status_code == 401
    pull["client_id"] = other["client_id"]
    assert (
        office.post("/sync/v1/pull", json=pull, headers=bearer(other["token"])).status_code == 200
    )
    # The other laptops of the same user keep working.
    assert office.post(revoke, headers=bearer(other["token"])).status_code == 200
    with app.state.engine.begin() as connection:
        connection.execute(update(users).values(disabled_at=datetime.now(UTC)))
    assert office.post(revoke, headers=bearer(admin["token"])).status_code == 401
    assert office.enrol("admin", "a" * 8).status_code == 403


def test_no_token_or_a_made_up_one_gets_401(office: OfficeClient, kam: NewUser) -> None:
    path = f"/admin/v1/clients/{uuid.uuid4()}/revoke"
    assert office.post(path).status_code == 401
    assert office.post(path, headers=bearer("made-up-token")).status_code == 401
    assert office.post(path, headers={"Authorization": "Basic aXZhbm92YTp4"}).status_code == 401


def test_only_an_admin_revokes_laptops(office: OfficeClient, kam: NewUser) -> None:
    token = office.enrol("ivanova", "верный-пароль").json()["token"]
    answer = office.post(f"/admin/v1/clients/{uuid.uuid4()}/revoke", headers=bearer(token))
    assert answer.status_code == 403
    assert answer.json()["error"] == "forbidden"


def test_a_laptop_of_another_protocol_or_schema_is_told_to_update(
    office: OfficeClient, kam: NewUser, app: FastAPI
) -> None:
    old = office.enrol("ivanova", "верный-пароль", protocol=0)
    assert old.status_code == 426
    assert old.json()["error"] == "protocol"
    unknown = office.enrol("ivanova", "верный-пароль", schema_version="9999")
    assert unknown.status_code == 426
    assert "Обновите KAMdesk" in unknown.json()["detail"]
    with app.state.engine.connect() as connection:
        assert connection.execute(select(clients)).all() == []


def test_enrol_laptop_refuses_the_limited_login_before_checking_the_password(
    app: FastAPI, kam: NewUser
) -> None:
    now = datetime.now(UTC)
    wrong = EnrolRequest(
        login="ivanova", password="нет", client_id=uuid.uuid4(), schema_version=SCHEMA_HEAD
    )
    for _ in range(MAX_FAILURES):
        with pytest.raises(ApiError) as failed:
            enrol_laptop(app.state.engine, wrong, "10.0.0.1", now=now)
        assert failed.value.status == 401
    with pytest.raises(ApiError) as limited:
        enrol_laptop(app.state.engine, wrong, "10.0.0.1", now=now + timedelta(minutes=9))
    assert limited.value.status == 429


def test_laptops_enrolling_at_once_get_codes_and_ids_of_their_own(
    app: FastAPI, kam: NewUser
) -> None:
    copied = uuid.uuid4()  # half of them from one copied store file
    requests = [
        EnrolRequest(
            login="ivanova",
            password="верный-пароль",
            client_id=copied if n % 2 else uuid.uuid4(),
            schema_version=SCHEMA_HEAD,
        )
        for n in range(8)
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda r: enrol_laptop(app.state.engine, r, "10.0.0.2"), requests))
    assert len({answer.laptop_code for answer in answers}) == 8
    assert len({answer.client_id for answer in answers}) == 8
    assert sum(answer.client_id == copied for answer in answers) == 1


def test_a_login_with_a_nul_is_nobody(office: OfficeClient, kam: NewUser) -> None:
    assert office.enrol("iva\x00nova", "нет", device_name="a\x00b").status_code == 401
    assert office.enrol("ivanova\x00", "верный-пароль", device_name="a\x00b").status_code == 200
