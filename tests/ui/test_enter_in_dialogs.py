"""Enter in a combo box, spin box or date field clicks no button of a dialog (Save,
Create): the plan, the new account and the export dialogs, like the offer editor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QPushButton, QWidget

from kamdesk.services.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _choices(dialog: QWidget) -> list[QWidget]:
    found = dialog.findChildren(QComboBox) + dialog.findChildren(QAbstractSpinBox)
    return [w for w in found if w.isVisibleTo(dialog) and w.isEnabled()]


def _press_enter_in_each(qtbot: Any, dialog: QWidget) -> tuple[list[str], int]:
    clicks: list[str] = []
    for button in dialog.findChildren(QPushButton):
        button.clicked.connect(lambda *_, b=button: clicks.append(b.text()))
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    tried = 0
    for widget in _choices(dialog):
        if not widget.isVisible():
            continue  # on a tab not shown
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() in (w, w.focusProxy()))
        target = QApplication.focusWidget()
        assert target is not None
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QTest.keyClick(target, key)
        tried += 1
        assert dialog.isVisible(), widget.objectName() or type(widget).__name__
    return clicks, tried


def test_enter_in_the_plan_dialog(qtbot, store, territory) -> None:
    from kamdesk.ui.visits.plan_dialog import PlanDialog

    dialog = PlanDialog(Workspace(store.path, store))
    qtbot.addWidget(dialog)
    clicks, tried = _press_enter_in_each(qtbot, dialog)
    assert tried >= 2 and clicks == []


def test_enter_in_the_new_account_dialog(qtbot, store, tasks) -> None:
    from kamdesk.ui.clients.new_account import NewAccountDialog

    dialog = NewAccountDialog(lambda: store, tasks)
    qtbot.addWidget(dialog)
    clicks, tried = _press_enter_in_each(qtbot, dialog)
    assert tried >= 2 and clicks == []


def test_enter_in_the_export_dialog(qtbot, store, territory, tasks) -> None:
    from kamdesk.ui.visits.export_dialog import ExportDialog

    day = date(2026, 12, 3)
    workspace = Workspace(store.path, store)
    dialog = ExportDialog(workspace, tasks, day - timedelta(days=7), day, open_files=False)
    qtbot.addWidget(dialog)
    clicks, tried = _press_enter_in_each(qtbot, dialog)
    assert tried >= 3 and clicks == []
