"""File ▸ Return unsent changes from a copy…: the KAM picks the moved-aside file, the
window says how many changes came back, and they wait for the office in this store."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import ChangeLogEntry, ChangeStatus, Contact
from kamdesk.models.enums import AccountKind
from kamdesk.services.card import add_contact, create_account
from kamdesk.store import backup_copy, open_store
from kamdesk.ui import salvage_command
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.tasks import TaskRunner
from tests.ui.busy_window import choose_from_file_menu
from tests.ui.kam_day.input import activate


def _shown_result(qtbot: QtBot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QMessageBox)
            and widget.objectName() == "salvageResult"
            and widget.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform
def test_the_unsent_contacts_of_a_copy_come_back_and_wait_for_the_office(
    qtbot: QtBot,
    window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
    tmp_path: Path,
    migrated_template: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old_path = tmp_path / "old" / "kamdesk.sqlite"
    old_path.parent.mkdir()
    shutil.copyfile(migrated_template, old_path)
    old = open_store(old_path)
    try:
        account_id = create_account(old, "Аптека «Ромашка»", AccountKind.PHARMACY)
        add_contact(old, account_id, "Громова")
        aside = old_path.with_name("kamdesk.damaged-20261203-111500.sqlite")
        shutil.move(backup_copy(old_path, old.engine), aside)
    finally:
        old.close()
    monkeypatch.setattr(salvage_command, "get_open_file_name", lambda *_args: str(aside))
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)

    choose_from_file_menu(qtbot, window, "Return unsent changes from a copy")

    result = _shown_result(qtbot)
    assert "Queued to be sent to the office: 2" in result.text()
    assert "Could not be read (damaged): 0" in result.text()
    wait_idle(tasks)
    store = window.workspace.store
    with store.session() as session:
        waiting = session.scalar(
            select(ChangeLogEntry.id).where(
                ChangeLogEntry.status == ChangeStatus.PENDING,
                ChangeLogEntry.entity == "contacts",
            )
        )
        contact = session.scalar(select(Contact).where(Contact.surname == "Громова"))
    assert waiting is not None and contact is not None and contact.account_id == account_id
    result.close()
