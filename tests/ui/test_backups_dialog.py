"""File ▸ Create backup and File ▸ Restore from backup…, clicked through as a KAM does:
the list of backups with their date, size and clients, the question before restoring,
edits waiting for a busy store stored first, the restored store reopened in the window,
the store as it was kept aside; a damaged backup refused with the store untouched."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.models import Account, AccountKind
from kamdesk.services.backups import BackupInfo, create_backup, list_backups
from kamdesk.services.settings import load_backups_kept
from kamdesk.store import Store, crypto
from kamdesk.ui.backups_dialog import BackupsDialog, backups_model
from kamdesk.ui.error_dialog import ErrorDialog
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.settings_dialog import SettingsDialog
from kamdesk.ui.tasks import TaskRunner
from tests.store.other_process import garble
from tests.ui.busy_window import (
    CITY,
    answer,
    choose_from_file_menu,
    question,
    type_city_while_busy,
)
from tests.ui.kam_day.input import LEFT, activate, click, click_row, wait_for_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WaitIdle = Callable[[TaskRunner], None]
TERRITORY = 6  # accounts of the `territory` fixture


def _show(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1300, 850)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)


def _open_backups(qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle) -> BackupsDialog:
    choose_from_file_menu(qtbot, window, "Restore from backup")
    dialog = wait_for_window(qtbot, BackupsDialog)
    wait_idle(window.tasks)
    return dialog


def _confirmation(qtbot: QtBot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "confirmRestore" and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[-1]


def _cell(dialog: BackupsDialog, row: int, column: int) -> str:
    return str(dialog.model.index(row, column).data())


def _add_account(store: Store, name: str) -> None:
    with store.transaction() as session:
        session.add(Account(name=name, kind=AccountKind.PHARMACY, city="Тверь"))


def _accounts_in(path: Path) -> int:
    connection = crypto.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM accounts").fetchone()[0])
    finally:
        connection.close()


def _hospital_city(path: Path) -> str:
    """The city of the territory's hospital in the file, read by another connection."""
    connection = crypto.connect(path)
    try:
        (city,) = connection.execute(
            "SELECT city FROM accounts WHERE short_name = 'ОКБ'"
        ).fetchone()
    finally:
        connection.close()
    return str(city)


def _restore_chosen_row(qtbot: QtBot, dialog: BackupsDialog, row: int) -> None:
    click_row(dialog.table, dialog.model.index(row, 0))
    assert dialog.restore_button.isEnabled()
    click(dialog.restore_button)
    box = _confirmation(qtbot)
    answer(box, "Restore")


def _before_restore(store: Store) -> list[Path]:
    return sorted(store.path.parent.glob("store.before-restore-*.sqlite"))


def test_create_backup_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, store: Store, wait_idle: WaitIdle
) -> None:
    _show(qtbot, window)
    choose_from_file_menu(qtbot, window, "Create backup")
    wait_idle(window.tasks)

    (backup,) = list_backups(store.path)
    assert backup.path.parent == store.path.parent / "backups"
    assert backup.accounts == TERRITORY
    assert window.statusBar().currentMessage() == f"Backup saved: {backup.path}"


def test_the_list_shows_when_how_big_and_how_many_clients(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    wait_idle: WaitIdle,
    qtmodeltester: Any,
) -> None:
    older = create_backup(store.path, now=datetime(2026, 3, 2, 9, 30).astimezone())
    _add_account(store, "Аптека «Новая»")
    create_backup(store.path, now=datetime(2026, 3, 3, 18, 5).astimezone())
    _show(qtbot, window)

    dialog = _open_backups(qtbot, window, wait_idle)

    assert dialog.model.rowCount() == 2
    assert [_cell(dialog, row, 0) for row in (0, 1)] == ["3 Mar 2026 18:05", "2 Mar 2026 09:30"]
    assert [_cell(dialog, row, 2) for row in (0, 1)] == [str(TERRITORY + 1), str(TERRITORY)]
    assert _cell(dialog, 1, 1) == f"{round(older.size / 1024)} KB"
    assert dialog.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == str(older.path)
    assert dialog.chosen() is not None and dialog.chosen() == dialog.model.record(0)
    assert not dialog.state.isVisible()
    model = backups_model()  # the dialog's model deletes itself with the dialog
    model.set_records(list_backups(store.path))
    qtmodeltester.check(model, force_py=True)
    click(dialog.buttons.button(QDialogButtonBox.StandardButton.Close))
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_without_backups_the_dialog_says_so_and_offers_no_restore(
    qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle
) -> None:
    _show(qtbot, window)
    dialog = _open_backups(qtbot, window, wait_idle)

    assert dialog.model.rowCount() == 0
    assert dialog.state.isVisible()
    assert dialog.state.text().startswith("There are no backups of this database yet.")
    assert not dialog.restore_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_restore_asks_then_brings_the_backup_back_and_keeps_the_database_aside(
    qtbot: QtBot, window: MainWindow, store: Store, wait_idle: WaitIdle
) -> None:
    create_backup(store.path)
    _add_account(store, "Аптека «Добавлена после копии»")
    before = window.workspace
    assert before.accounts.count_all() == TERRITORY + 1
    _show(qtbot, window)
    dialog = _open_backups(qtbot, window, wait_idle)

    # Cancel first: nothing happens.
    click(dialog.restore_button)
    box = _confirmation(qtbot)
    assert box.text().startswith("Restore the database as it was on ")
    assert "kept as a copy in its folder" in box.informativeText()
    answer(box, "Cancel")
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible() and window.workspace is before
    assert _before_restore(store) == []

    _restore_chosen_row(qtbot, dialog, 0)
    qtbot.waitUntil(lambda: window.workspace is not before, timeout=10_000)
    wait_idle(window.tasks)

    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, BackupsDialog)]
    assert window.workspace.path == store.path
    assert window.workspace.accounts.count_all() == TERRITORY
    (kept,) = _before_restore(store)
    assert _accounts_in(kept) == TERRITORY + 1
    message = window.statusBar().currentMessage()
    assert message.startswith("Restored the backup of ")
    assert message.endswith(f"The database as it was is kept at {kept}.")


def test_restore_waits_for_card_edits_on_a_busy_store_and_keeps_them_aside(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    create_backup(store.path)
    before = window.workspace
    _city, lock = type_city_while_busy(qtbot, window, account_id, wait_idle)
    try:
        dialog = _open_backups(qtbot, window, wait_idle)
        _restore_chosen_row(qtbot, dialog, 0)
        box = question(qtbot)  # the edit waits for the busy store: asked first
        assert box.text() == "Changes are not saved yet: the database is busy."
        answer(box, "Wait")
        qtbot.waitUntil(lambda: not box.isVisible())
        assert window.workspace is before  # nothing restored while the edit waits
        assert _before_restore(store) == []
    finally:
        lock.release()  # the other program is done: the edit is stored, then the restore
    qtbot.waitUntil(lambda: window.workspace is not before, timeout=15_000)
    wait_idle(window.tasks)

    assert _hospital_city(store.path) == "Тверь"  # as in the backup
    (kept,) = _before_restore(store)
    assert _hospital_city(kept) == CITY  # what the KAM typed is not lost


def test_a_damaged_backup_is_refused_and_the_window_goes_on_with_its_database(
    qtbot: QtBot, window: MainWindow, store: Store, wait_idle: WaitIdle
) -> None:
    backup: BackupInfo = create_backup(store.path)
    garble(backup.path, backup.size - 16384, 16384)
    before = window.workspace
    _show(qtbot, window)
    dialog = _open_backups(qtbot, window, wait_idle)

    _restore_chosen_row(qtbot, dialog, 0)
    error = wait_for_window(qtbot, ErrorDialog)

    assert error.headline.text() == "The database is damaged"
    click(error.buttons.button(QDialogButtonBox.StandardButton.Close))
    qtbot.waitUntil(lambda: not error.isVisible())
    assert window.workspace is before
    assert before.accounts.count_all() == TERRITORY
    assert _before_restore(store) == []


def test_settings_keep_the_number_of_backups_in_the_store(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _show(qtbot, window)
    window.open_settings()
    settings = wait_for_window(qtbot, SettingsDialog)
    assert settings.backups_kept.value() == 7

    click(settings.backups_kept)
    settings.backups_kept.selectAll()
    QTest.keyClicks(settings.backups_kept, "14")
    QTest.mouseClick(settings.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: not settings.isVisible())

    assert load_backups_kept(store) == 14


def test_the_daily_backup_starts_after_the_first_refresh_once_a_day(
    qtbot: QtBot, window: MainWindow, store: Store, wait_idle: WaitIdle
) -> None:
    from kamdesk.ui.app import start_daily_backup_after_refresh

    start_daily_backup_after_refresh(window)
    assert list_backups(store.path) == []  # not before the window's first refresh
    window.start_refresh()
    qtbot.waitUntil(lambda: len(list_backups(store.path)) == 1, timeout=10_000)
    wait_idle(window.tasks)

    start_daily_backup_after_refresh(window)  # the window opened again the same day
    window.start_refresh()
    wait_idle(window.tasks)
    (backup,) = list_backups(store.path)
    assert backup.accounts == TERRITORY


def test_restore_waits_for_a_running_office_sync_to_end(
    qtbot: QtBot, window: MainWindow, store: Store, wait_idle: WaitIdle
) -> None:
    create_backup(store.path)
    _add_account(store, "Аптека «Добавлена после копии»")
    before = window.workspace
    _show(qtbot, window)
    window.sync.running = True  # an office sync is under way (its worker is elsewhere)
    dialog = _open_backups(qtbot, window, wait_idle)

    _restore_chosen_row(qtbot, dialog, 0)
    wait_idle(window.tasks)
    assert not window.sync.timer.isActive()  # no new sync starts meanwhile
    assert window.workspace is before and _before_restore(store) == []  # not yet

    window.sync.running = False  # the sync stopped at its next step, as asked
    window.sync.running_changed.emit(False)
    qtbot.waitUntil(lambda: window.workspace is not before, timeout=10_000)
    wait_idle(window.tasks)
    assert window.workspace.accounts.count_all() == TERRITORY
    assert len(_before_restore(store)) == 1
