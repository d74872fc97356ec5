"""Sync section fixtures: a window on a store with offers, people and (when asked) a real
office server (the FastAPI app on SQLite, reached through Starlette's TestClient)."""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from kamdesk.models import SyncState, User
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.tasks import TaskRunner
from tests.documents.offer_data import make_territory

with warnings.catch_warnings():
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

PASSWORD = "correct-horse-battery"
SERVER = "http://testserver"
# Showing windows on the offscreen platform logs notices about what it cannot do.
OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")


@dataclass
class People:
    kam: uuid.UUID
    manager: uuid.UUID


@pytest.fixture
def people(store: Store) -> People:
    with store.transaction() as session:
        manager = User(surname="Волков", name="Дмитрий", patronymic="Олегович", role="manager")
        session.add(manager)
        session.flush()
        kam = User(surname="Соколова", name="Анна", patronymic="Игоревна", manager_id=manager.id)
        session.add(kam)
        session.flush()
        return People(kam.id, manager.id)


def be(store: Store, user_id: uuid.UUID, role: str, name: str, url: str = "") -> None:
    """Make this laptop's user `user_id` with `role` (as enrolment would)."""
    with store.transaction() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.user_id, state.user_role, state.user_name = user_id, role, name
        state.login = name.split()[0].lower()
        state.server_url = url


@pytest.fixture
def offer_workspace(store: Store, people: People) -> Workspace:
    be(store, people.kam, "kam", "Соколова Анна Игоревна")
    make_territory(store)
    return Workspace(store.path, store)


@pytest.fixture
def make_window(
    qtbot: QtBot,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    wait_idle: Callable[[TaskRunner], None],
) -> Callable[..., MainWindow]:
    def make(workspace: Workspace) -> MainWindow:
        main = MainWindow(workspace, tasks, preferences, switcher, default_page_factories())
        qtbot.addWidget(main)
        wait_idle(tasks)
        return main

    return make


@dataclass
class Office:
    url: str
    engine: Engine
    http: Any

    def user(self, login: str, name: str, role: str = "kam", manager: str | None = None) -> str:
        from kamdesk.server.users import add_user

        add_user(self.engine, login, role=role, name=name, manager_login=manager, password=PASSWORD)
        return login


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    from kamdesk.server.app import create_app
    from kamdesk.server.db import init_database, make_engine

    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    init_database(url)
    engine = make_engine(url)
    with TestClient(create_app(url)) as http:
        yield Office(url, engine, http)
    engine.dispose()
