"""Opening a store: first start, and the damaged or too-new file that must stay untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from kamdesk.services.workspace import SchemaTooNewError, open_workspace
from kamdesk.store import crypto
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.store_dialogs import DialogPrompts
from kamdesk.ui.store_opening import (
    OpenedStore,
    Recovery,
    StartChoice,
    has_store,
    open_interactively,
)
from kamdesk.ui.tasks import TaskRunner
from tests.store.other_process import crash_after, run_sql


class ScriptedPrompts(DialogPrompts):
    """The real message boxes, answered by pressing the button whose text is given."""

    def __init__(self, *answers: str, backup: Path | None = None) -> None:
        super().__init__(None, at_startup=True)
        self.answers = list(answers)
        self.shown: list[QMessageBox] = []
        self.texts: list[str] = []
        self.backup = backup

    def _ask(self, box: QMessageBox) -> QAbstractButton | None:
        self.texts.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
        wanted = self.answers.pop(0)
        button = next(b for b in box.buttons() if b.text() == wanted)
        assert button.isEnabled(), f"{wanted!r} is disabled"
        box.deleteLater()
        return button

    def choose_store_file(self, start: Path, backup: bool) -> Path | None:
        return self.backup


def close(opened: OpenedStore | None) -> None:
    if opened is not None:
        opened.workspace.close()


def test_first_start_creates_an_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "data" / "kamdesk.sqlite"
    prompts = ScriptedPrompts("Start with an empty database")
    opened = open_interactively(path, prompts)
    try:
        assert opened is not None
        assert not opened.load_demo
        assert has_store(path)
        assert opened.workspace.accounts.count_all() == 0
        assert "There is no KAMdesk database on this computer yet." in prompts.texts[0]
        assert str(path) in prompts.texts[0]
    finally:
        close(opened)


def test_an_explicit_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "work.sqlite"
    prompts = ScriptedPrompts("Quit")
    assert open_interactively(path, prompts, explicit=True) is None
    assert f"The database {path} does not exist yet." in prompts.texts[0]
    assert not path.exists()


def test_first_start_can_ask_for_the_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kamdesk.ui.store_opening.demo_available", lambda: True)
    opened = open_interactively(
        tmp_path / "demo.sqlite", ScriptedPrompts("Load the demo territory")
    )
    try:
        assert opened is not None and opened.load_demo
    finally:
        close(opened)


def test_a_corrupt_file_is_named_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    damaged = b"this is not a database" * 100
    path.write_bytes(damaged)
    prompts = ScriptedPrompts("Quit")
    assert open_interactively(path, prompts) is None
    assert f"{path} is damaged and cannot be opened." in prompts.texts[0]
    assert "Nothing was overwritten" in prompts.texts[0]
    assert path.read_bytes() == damaged


def test_a_new_store_replaces_a_corrupt_one_which_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    damaged = b"garbage" * 500
    path.write_bytes(damaged)
    prompts = ScriptedPrompts("Create a new database", "Start with an empty database")
    opened = open_interactively(path, prompts)
    try:
        assert opened is not None and opened.moved_aside is not None
        assert opened.moved_aside.read_bytes() == damaged
        assert has_store(path)
    finally:
        close(opened)


def test_a_damaged_store_is_moved_aside_with_its_log_which_the_new_store_never_replays(
    tmp_path: Path,
) -> None:
    """The latest commits live in `-wal` until they are copied into the main file. Moved
    without it, they were in neither file: the new store reset the old log."""
    path = tmp_path / "kamdesk.sqlite"
    open_workspace(path).close()
    crash_after(path, "INSERT INTO app_settings VALUES ('last_words', '1', '2025-06-18')")
    log = path.with_name("kamdesk.sqlite-wal").read_bytes()
    assert log, "the last commit is only in the log"
    data = bytearray(path.read_bytes())
    data[4096:] = b"\x5a" * (len(data) - 4096)  # the main file is damaged past page 1
    path.write_bytes(bytes(data))

    prompts = ScriptedPrompts("Create a new database", "Start with an empty database")
    opened = open_interactively(path, prompts)
    try:
        assert opened is not None and opened.moved_aside is not None
        aside = opened.moved_aside
        assert aside.name.startswith("kamdesk.damaged-") and aside.suffix == ".sqlite"
        assert aside.read_bytes() == bytes(data)
        assert aside.with_name(aside.name + "-wal").read_bytes() == log, "the log went along"
        assert opened.workspace.accounts.count_all() == 0
    finally:
        close(opened)
    assert run_sql(path, "SELECT count(*) FROM app_settings", "PRAGMA integrity_check") == [
        [[0]],
        [["ok"]],
    ], "the new store is whole and did not take the old log's rows"


def test_a_log_without_its_database_is_kept_aside_not_adopted(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    open_workspace(path).close()
    crash_after(path, "INSERT INTO app_settings VALUES ('last_words', '1', '2025-06-18')")
    log = path.with_name("kamdesk.sqlite-wal").read_bytes()
    path.unlink()  # the main file was lost; its log stayed behind
    prompts = ScriptedPrompts(
        "Start with an empty database", "Create a new database", "Start with an empty database"
    )
    opened = open_interactively(path, prompts)
    try:
        assert opened is not None and opened.moved_aside is not None
        assert f"{path} is damaged and cannot be opened." in prompts.texts[1]
        assert opened.moved_aside.with_name(opened.moved_aside.name + "-wal").read_bytes() == log
    finally:
        close(opened)
    assert run_sql(path, "PRAGMA integrity_check") == [[["ok"]]]


def test_a_backup_copy_can_be_opened_instead(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    path.write_bytes(b"garbage" * 500)
    backup = tmp_path / "kamdesk.backup.sqlite"
    open_workspace(backup).close()
    opened = open_interactively(path, ScriptedPrompts("Open a backup copy…", backup=backup))
    try:
        assert opened is not None and opened.workspace.path == backup
        assert path.read_bytes() == b"garbage" * 500
    finally:
        close(opened)


def test_a_store_from_a_newer_kamdesk_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_workspace(path).close()
    with crypto.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    connection.close()
    before = path.read_bytes()
    prompts = ScriptedPrompts("Quit")
    assert open_interactively(path, prompts) is None
    assert f"{path} was written by a newer version of KAMdesk." in prompts.texts[0]
    assert path.read_bytes() == before


def test_too_new_offers_another_file(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    open_workspace(other).close()

    class Prompts(ScriptedPrompts):
        def schema_too_new(self, error: SchemaTooNewError) -> Recovery:
            return Recovery.OTHER_FILE

    future = tmp_path / "future.sqlite"
    open_workspace(future).close()
    with crypto.connect(future) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    connection.close()
    opened = open_interactively(future, Prompts(backup=other))
    try:
        assert opened is not None and opened.workspace.path == other
    finally:
        close(opened)


def test_start_choice_values_are_distinct() -> None:
    assert StartChoice.EMPTY != StartChoice.DEMO


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_window_builds_the_demo_beside_its_new_store_and_then_reopens_it(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
) -> None:
    """First start, "Load the demo territory": the window opens on the new empty store
    at once, the demo is built beside it, and the client list then shows the demo."""
    monkeypatch.setattr("kamdesk.ui.store_opening.demo_available", lambda: True)
    path = tmp_path / "kamdesk.sqlite"
    opened = open_interactively(path, ScriptedPrompts("Load the demo territory"))
    assert opened is not None and opened.load_demo
    window = MainWindow(opened.workspace, tasks, preferences, switcher, default_page_factories())
    qtbot.addWidget(window)
    window.show()
    first = window.workspace
    window.load_demo(accounts=12)
    assert window.findChild(QProgressDialog, "demoProgress") is not None
    qtbot.waitUntil(lambda: window.workspace is not first, timeout=60_000)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    qtbot.waitUntil(lambda: clients.model.rowCount() == 12, timeout=10_000)
    assert window.workspace.path == path
    assert window.statusBar().currentMessage() == "The demo territory is ready."
    assert {p.name for p in tmp_path.iterdir() if p.name.startswith("kamdesk.sqlite")} <= {
        "kamdesk.sqlite",
        "kamdesk.sqlite-wal",
        "kamdesk.sqlite-shm",
        "kamdesk.sqlite.lock",  # the window's (kamdesk.ui.store_lock)
    }, "no half-built file is left beside it"
    assert run_sql(path, "SELECT count(*) FROM change_log") == [[[0]]]
