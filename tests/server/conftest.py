"""Office databases for the server tests: SQLite in a temporary folder, and PostgreSQL
in a throwaway cluster of our own (initdb in a temporary folder, a unix socket only).

Every test that takes `office_url` runs once per database. Without PostgreSQL's
programs on the machine the PostgreSQL half is skipped with a reason, except in CI
(CI=true), where `.ci/run` has installed them and a skip would hide a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

_PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
_counter = itertools.count()


def _pg_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in _PG_BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    return None


def _as_cluster_owner(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; CI runs as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class PostgresCluster:
    def __init__(self, socket_dir: Path, port: int) -> None:
        self.socket_dir = socket_dir
        self.port = port

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://kamdesk@/{database}?host={self.socket_dir}&port={self.port}"

    def create_database(self) -> str:
        import psycopg

        name = f"office_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(
            f"host={self.socket_dir} port={self.port} user=kamdesk dbname=postgres",
            autocommit=True,
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    initdb, pg_ctl = _pg_tool("initdb"), _pg_tool("pg_ctl")
    if not initdb or not pg_ctl:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL's initdb/pg_ctl are missing; .ci/run should install them")
        pytest.skip("PostgreSQL is not installed here (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="kamdesk-pg-"))
    data, sockets = root / "data", root / "sockets"
    data.mkdir()
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(data, "postgres")
        shutil.chown(sockets, "postgres")
    port = 54000 + os.getpid() % 1000
    subprocess.run(
        _as_cluster_owner(
            [
                initdb,
                "-D",
                str(data),
                "-U",
                "kamdesk",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-k {sockets} -p {port} -c listen_addresses='' -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        _as_cluster_owner(
            [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield PostgresCluster(sockets, port)
    finally:
        subprocess.run(
            _as_cluster_owner([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def office_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty office database URL (not yet initialised), once per database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.sqlite'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.create_database()
