"""The KAM's day runs on the demo territory: built once for the whole directory,
copied for each test, in the real main window shown and active.

`store` and `workspace` replace the hand-made territory of tests/ui/conftest.py,
so its `window` fixture opens the demo instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.main_window import MainWindow
from tests.ui.demo_store import build_demo_template, open_demo_copy
from tests.ui.kam_day.input import activate


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    return build_demo_template(tmp_path_factory.mktemp("kam-day-demo"), migrated_template)


@pytest.fixture
def store(tmp_path: Path, demo_template: Path) -> Iterator[Store]:
    opened = open_demo_copy(demo_template, tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def workspace(store: Store) -> Workspace:
    return Workspace(store.path, store)


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window on the screen and active, as the KAM has it."""
    window.show()
    activate(qtbot, window)
    return window
