"""Laptops against a real office: the server app on an office database of each kind
(SQLite, PostgreSQL; `office_url` from the server tests), reached through Starlette's
TestClient, and laptops that are real stores with their own SyncClient."""

from __future__ import annotations

import shutil
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from starlette.exceptions import StarletteDeprecationWarning

from kamdesk.models import ChangeLogEntry, ChangeStatus, SyncIssue
from kamdesk.store import Store, backup_copy, open_store
from kamdesk.sync.client import SyncClient, SyncReport
from kamdesk.sync.credentials import Credentials
from kamdesk.sync.protocol import account_bucket
from tests.server.conftest import office_url, postgres_cluster  # noqa: F401 - fixtures

with warnings.catch_warnings():
    # Starlette would rather use httpx2; its TestClient is then no httpx.Client, which
    # is what the laptop's SyncClient takes. Here httpx is what the laptop ships with.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

PASSWORD = "correct-horse-battery"
SERVER = "http://testserver"


@pytest.fixture(autouse=True)
def _no_token_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KAMDESK_SYNC_TOKEN", raising=False)


@dataclass
class Office:
    url: str
    engine: Engine
    http: TestClient

    def user(self, login: str, name: str, role: str = "kam", manager: str | None = None) -> str:
        from kamdesk.server.users import add_user

        add_user(self.engine, login, role=role, name=name, manager_login=manager, password=PASSWORD)
        return login

    def grant(self, login: str, account_id: uuid.UUID) -> None:
        from kamdesk.server.users import grant

        grant(self.engine, login, [account_bucket(account_id)])

    def revoke(self, login: str, account_id: uuid.UUID) -> None:
        from kamdesk.server.users import revoke

        revoke(self.engine, login, [account_bucket(account_id)])


@pytest.fixture
def office(office_url: str) -> Iterator[Office]:  # noqa: F811 - the imported fixture
    from kamdesk.server.app import create_app
    from kamdesk.server.db import init_database, make_engine

    init_database(office_url)
    engine = make_engine(office_url)
    with TestClient(create_app(office_url)) as http:
        yield Office(office_url, engine, http)
    engine.dispose()


@dataclass
class Laptop:
    name: str
    store: Store
    client: SyncClient

    def enrol(self, login: str) -> None:
        self.client.enrol(SERVER, login, PASSWORD, device_name=f"ноутбук {self.name}")

    def sync(self) -> SyncReport:
        return self.client.sync()

    def pending(self) -> list[ChangeLogEntry]:
        with self.store.session() as session:
            return list(
                session.scalars(
                    select(ChangeLogEntry).where(ChangeLogEntry.status == ChangeStatus.PENDING)
                )
            )

    def issues(self) -> list[SyncIssue]:
        with self.store.session() as session:
            return list(session.scalars(select(SyncIssue).order_by(SyncIssue.created_at)))


@pytest.fixture
def make_laptop(
    tmp_path: Path, migrated_template: Path, office: Office
) -> Iterator[Callable[..., Laptop]]:
    made: list[Laptop] = []

    def make(name: str, http: object | None = None, copy_of: Laptop | None = None) -> Laptop:
        folder = tmp_path / f"laptop-{name}"
        folder.mkdir()
        path = folder / "store.sqlite"
        if copy_of is not None:  # a consistent copy of the other laptop's store file
            shutil.move(backup_copy(copy_of.store.path, copy_of.store.engine), path)
        else:
            shutil.copyfile(migrated_template, path)
        store = open_store(path)
        client = SyncClient(
            store,
            http or office.http,  # type: ignore[arg-type]
            credentials=Credentials(folder, use_keyring=False),
        )
        laptop = Laptop(name, store, client)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.store.close()
