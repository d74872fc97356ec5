"""The office database and app: init, the epoch, /sync/v1/info, errors, OpenAPI, `server run`."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server.app import create_app
from kamdesk.server.db import init_database, make_engine
from kamdesk.server.errors import OfficeError
from kamdesk.server.tables import metadata, server_state
from tests.server.conftest import PostgresCluster
from tests.server.office import OfficeClient, kamdesk


def test_init_creates_every_office_table_and_the_epoch(office_url: str) -> None:
    state = init_database(office_url)
    assert re.fullmatch(r"[0-9a-f]{32}", state.epoch)
    assert state.version == 0
    engine = make_engine(office_url)
    try:
        with engine.connect() as connection:
            assert set(metadata.tables) <= set(inspect(connection).get_table_names())
            # The migration builds exactly the tables of tables.py (columns, types,
            # indexes, constraints): a change there needs a new revision.
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
            row = connection.execute(select(server_state)).one()
        assert (row.id, row.epoch, row.version) == (1, state.epoch, 0)
    finally:
        engine.dispose()
    assert init_database(office_url) == state  # again: nothing changes


def test_info_answers_without_a_login(office_url: str) -> None:
    state = init_database(office_url)
    app = create_app(office_url)
    try:
        answer = OfficeClient(app).get("/sync/v1/info")
    finally:
        app.state.engine.dispose()
    assert answer.status_code == 200
    assert answer.json() == {
        "protocols": [2],
        "schema_versions": ["0006", SCHEMA_HEAD],
        "server_epoch": state.epoch,
    }


def test_new_epoch_after_a_restore_changes_what_info_says(
    office_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kamdesk("server", "init", "--db", office_url) == 0
    before = init_database(office_url).epoch
    assert kamdesk("server", "new-epoch", "--db", office_url) == 0
    out = capsys.readouterr().out
    app = create_app(office_url)
    try:
        after = OfficeClient(app).get("/sync/v1/info").json()["server_epoch"]
    finally:
        app.state.engine.dispose()
    assert after != before
    assert after in out


def test_an_uninitialised_database_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    with pytest.raises(OfficeError, match="kamdesk server init"):
        create_app(url)
    for command in (
        ("run",),
        ("new-epoch",),
        ("user", "add", "x", "--role", "kam", "--name", "А Б"),
    ):
        assert kamdesk("server", *command, "--db", url) == 1
        err = capsys.readouterr().err
        assert err.startswith("kamdesk: error: ") and "kamdesk server init" in err
        assert err.count("\n") == 1


def test_a_database_of_another_kind_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert kamdesk("server", "init", "--db", "mysql://office/kamdesk") == 1
    assert "PostgreSQL" in capsys.readouterr().err


def test_errors_are_error_bodies_and_openapi_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    init_database(url)
    app = create_app(url)
    office = OfficeClient(app)
    try:
        missing = office.get("/sync/v1/nothing-here")
        invalid = office.post("/sync/v1/enrol", json={"login": "ivanova"})
        unreadable = office.post(
            "/sync/v1/enrol", content=b"\xc3(", headers={"Content-Type": "application/json"}
        )
        schema = office.get("/openapi.json").json()
    finally:
        app.state.engine.dispose()
    assert missing.status_code == 404
    assert set(missing.json()) == {"error", "detail"}
    assert invalid.status_code == 422
    assert unreadable.status_code == 400
    assert unreadable.json()["error"] == "bad_request"
    assert invalid.json()["error"] == "invalid"
    assert "Запрос не по формату" in invalid.json()["detail"]
    assert {
        "/sync/v1/info",
        "/sync/v1/enrol",
        "/sync/v1/push",
        "/sync/v1/pull",
        "/admin/v1/clients/{client_id}/revoke",
    } <= set(schema["paths"])
    enrol = schema["paths"]["/sync/v1/enrol"]["post"]["responses"]
    assert enrol["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert enrol["429"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert enrol["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_server_run_serves_the_office_with_several_workers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    epoch = init_database(url).epoch
    port = _free_port()
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kamdesk",
            "server",
            "run",
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=environment,
        text=True,
    )
    try:
        info = None
        deadline = time.monotonic() + 60
        while info is None and time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sync/v1/info") as answer:
                    info = json.load(answer)
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        said = process.stdout.read() if process.stdout and process.poll() is not None else ""
        assert info is not None, said
        assert info["server_epoch"] == epoch
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json") as answer:
            assert "/sync/v1/enrol" in json.load(answer)["paths"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _pg_program(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p / name) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
         if (p / name).exists()),
        None,
    )  # fmt: skip
    if found is None:
        pytest.skip(f"PostgreSQL's {name} is not installed here")
    return found


def test_a_pg_dump_restored_with_a_new_epoch_serves_its_users_again(
    postgres_cluster: PostgresCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The backup and restore of docs/deploy-office.md, done as written there."""
    url = postgres_cluster.create_database()
    epoch = init_database(url).epoch
    assert kamdesk("server", "user", "add", "ivanova", "--role", "kam", "--name",
                   "Иванова Анна Сергеевна", "--db", url) == 0  # fmt: skip
    password = capsys.readouterr().out.split("password=")[1].split()[0]
    connect = ["-h", str(postgres_cluster.socket_dir), "-p", str(postgres_cluster.port),
               "-U", "kamdesk"]  # fmt: skip
    dump = tmp_path / "office.dump"
    subprocess.run(
        [
            _pg_program("pg_dump"),
            *connect,
            "--format=custom",
            f"--file={dump}",
            str(make_url(url).database),
        ],
        check=True,
        capture_output=True,
    )
    restored = postgres_cluster.create_database()
    subprocess.run(
        [
            _pg_program("pg_restore"),
            *connect,
            "--clean",
            "--if-exists",
            f"--dbname={make_url(restored).database}",
            str(dump),
        ],
        check=True,
        capture_output=True,
    )
    assert kamdesk("server", "new-epoch", "--db", restored) == 0
    app = create_app(restored)
    try:
        office = OfficeClient(app)
        info = office.get("/sync/v1/info").json()
        enrolled = office.enrol("ivanova", password)
    finally:
        app.state.engine.dispose()
    assert info["server_epoch"] != epoch
    assert enrolled.status_code == 200
    assert enrolled.json()["server_epoch"] == info["server_epoch"]
