"""File dialogs list the store's folder without opening its files.

Qt's own dialog sniffs the content of files it cannot type by name (the store,
its `-wal` and `-shm`), and closing those descriptors dropped SQLite's locks on
the store the window has open: another program's exit then deleted the
window's write-ahead log, and the window's later edits were lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import kamdesk.ui
from kamdesk.models import Account
from kamdesk.services.workspace import Workspace
from kamdesk.ui.main_window import MainWindow
from tests.store.other_process import run_sql

# What the offscreen platform says when a dialog is shown, raised or grabs the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _rename_first_account(workspace: Workspace, name: str) -> None:
    with workspace.store.transaction() as session:
        account = session.scalars(select(Account).order_by(Account.name)).first()
        assert account is not None
        account.short_name = name


def _listed_with_types(dialog: QFileDialog, path: Path) -> bool:
    """The dialog's list holds `path` and has worked out its type (what once opened it)."""
    model = dialog.findChild(QFileSystemModel)
    if model is None:
        return False
    index = model.index(str(path))
    if not index.isValid():
        return False
    type_cell = model.index(index.row(), 2, index.parent())
    return bool(model.data(type_cell, Qt.ItemDataRole.DisplayRole))


def _while_dialog_is_open(qtbot: QtBot, store_path: Path, other_program: Callable[[], None]):
    def act() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        assert Path(dialog.directory().absolutePath()) == store_path.parent
        for name in ("", "-wal", "-shm"):
            companion = store_path.with_name(store_path.name + name)
            assert companion.exists(), f"{companion.name} is there to be listed"
        qtbot.waitUntil(lambda: _listed_with_types(dialog, store_path), timeout=10_000)
        other_program()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    return act


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ],
    ids=["open", "new"],
)
def test_a_file_dialog_on_the_store_s_folder_leaves_the_window_s_edits_safe(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
) -> None:
    """File ▸ Open database (Ctrl+O) and New database (Ctrl+Shift+N: Ctrl+N is the
    section's "new") show the folder of the open store, while another program saves
    to it and exits."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # where a person's Ctrl+O goes
    _rename_first_account(workspace, "до диалога")  # the window's edit, in its log
    path = workspace.path
    seen_by_other: list[object] = []

    def other_program() -> None:  # opens the store, saves, exits
        seen_by_other.extend(run_sql(path, "UPDATE accounts SET city = 'Торжок'"))

    QTimer.singleShot(0, _while_dialog_is_open(qtbot, path, other_program))
    QTest.keyClick(window, key, modifiers)  # the dialog runs
    assert seen_by_other == [[]], "the other program ran while the dialog was open"

    _rename_first_account(workspace, "после диалога")  # the window saves again
    names, cities, integrity = run_sql(
        path,
        "SELECT short_name FROM accounts WHERE short_name LIKE '%диалога'",
        "SELECT DISTINCT city FROM accounts",
        "PRAGMA integrity_check",
    )
    assert names == [["после диалога"]], "the window's later edit reached the other program"
    assert cities == [["Торжок"]]
    assert integrity == [["ok"]]


def test_the_dialog_names_types_without_reading_files(qtbot: QtBot, tmp_path: Path) -> None:
    from kamdesk.ui.file_dialogs import make_file_dialog

    (tmp_path / "kamdesk.sqlite-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 28)
    dialog = make_file_dialog(None, "Open", str(tmp_path), "All files (*)")
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitUntil(lambda: _listed_with_types(dialog, tmp_path / "kamdesk.sqlite-wal"))
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    index = model.index(str(tmp_path / "kamdesk.sqlite-wal"))
    shown = model.data(model.index(index.row(), 2, QModelIndex(index.parent())))
    assert shown == QCoreApplication.translate("FileDialogs", "{suffix} file").format(
        suffix="SQLITE-WAL"
    )
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)


def test_every_file_dialog_of_the_window_is_one_that_never_reads_the_files() -> None:
    """Any dialog can be pointed at the store's folder: none may use QFileDialog's own
    static functions or native dialogs, only `kamdesk.ui.file_dialogs`."""
    ui = Path(kamdesk.ui.__file__).parent
    direct = re.compile(r"QFileDialog\.get|QFileDialog\(")
    offenders = [
        f"{path.relative_to(ui.parent)}:{number}"
        for path in sorted(ui.rglob("*.py"))
        if path.name != "file_dialogs.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert offenders == [], "use kamdesk.ui.file_dialogs instead"
