"""A small demo territory built once per test module; each test works on its own copy.

The demo is what a new KAM sees first (hospitals with their people, dossiers,
visits planned for the coming weeks, offers), so tests of the whole window run
on it rather than on a hand-made territory. Twelve accounts build in about a
second; copying the finished file costs milliseconds.

A test module (or conftest) that runs on the demo imports the fixtures below;
under the names `store` and `workspace` they replace the hand-made territory of
tests/ui/conftest.py, so its `window` fixture opens the demo instead.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kamdesk.services.demo import build_demo
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store, open_store

DEMO_ACCOUNTS = 12
DEMO_SEED = 1


def build_demo_template(folder: Path, migrated_template: Path) -> Path:
    """The demo in `folder`, closed and checkpointed so that copying the main file is enough."""
    path = folder / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    store = open_store(path)
    try:
        build_demo(store, accounts=DEMO_ACCOUNTS, seed=DEMO_SEED, years=1)
    finally:
        store.close()
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith("demo.sqlite-")]
    assert not leftovers, f"the demo store was not checkpointed: {leftovers}"
    return path


def open_demo_copy(template: Path, folder: Path) -> Store:
    path = folder / "store.sqlite"
    shutil.copyfile(template, path)
    return open_store(path)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    return build_demo_template(tmp_path_factory.mktemp("demo"), migrated_template)


@pytest.fixture(name="store")
def demo_store(tmp_path: Path, demo_template: Path) -> Iterator[Store]:
    opened = open_demo_copy(demo_template, tmp_path)
    yield opened
    opened.close()


@pytest.fixture(name="workspace")
def demo_workspace(store: Store) -> Workspace:
    return Workspace(store.path, store)
