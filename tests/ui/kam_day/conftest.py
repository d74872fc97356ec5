"""The KAM's day runs on the demo territory: built once for the whole directory,
copied for each test, in the real main window shown and active.

`store` and `workspace` (from tests/ui/demo_store.py) replace the hand-made
territory of tests/ui/conftest.py, so its `window` fixture opens the demo instead.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kamdesk.ui.main_window import MainWindow
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)
from tests.ui.kam_day.input import activate


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window on the screen and active, as the KAM has it."""
    window.show()
    activate(qtbot, window)
    return window
