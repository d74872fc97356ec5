"""File ▸ Open of another store lets go of the first one's file entirely.

The client list reads through per-thread connections of its own (on the window's
workers); they stayed open after the switch, so the old file could not be taken
over (encrypted, switched out of WAL) and said «store busy»."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kamdesk.store import crypto
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.store_dialogs import DialogPrompts
from kamdesk.ui.tasks import TaskRunner
from tests.ui.busy_window import activate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def can_take_over(path: Path) -> bool:
    """What encrypting does first: an exclusive lock, then the file out of WAL mode
    (SQLite refuses that while any other connection has the file open)."""
    connection = crypto.connect(path, timeout=0, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        return str(mode).lower() == "delete"
    except crypto.Error:
        return False
    finally:
        connection.close()


def test_opening_another_store_closes_every_connection_of_the_list(
    qtbot: QtBot,
    window: MainWindow,
    tasks: TaskRunner,
    tmp_path: Path,
    migrated_template: Path,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    # Held, as a dialog or a finished task's closure may hold it: the file must be free
    # because the store was closed, not because its connections were collected.
    first_workspace = window.workspace
    first = first_workspace.path
    other = tmp_path / "other.sqlite"
    shutil.copyfile(migrated_template, other)
    # The file dialog's answer (the dialog itself is tested in test_file_dialogs.py).
    monkeypatch.setattr(DialogPrompts, "choose_store_file", lambda self, start, backup: other)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    wait_idle(tasks)  # the list has read its first page on a worker
    assert window.workspace.accounts.count_all() == 6

    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File ▸ Open
    qtbot.waitUntil(lambda: window.workspace.path == other)
    wait_idle(tasks)

    assert can_take_over(first)
    assert first_workspace.path == first
