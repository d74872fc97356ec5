"""What a tester found on the Visits side at 1366×768, each checked as a KAM meets it.

1. A start typed that is not a date or time («31.02.2026 25:70», «tomorrow») is a change:
   Esc asks «Сохранить изменения?» and going back keeps what was typed.

QTest types ASCII only, so typed texts are English.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.ui.visits.plan_dialog import PlanDialog
from tests.ui.kam_day.input import LEFT, activate, click

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
Answer = QMessageBox.StandardButton


def _questions() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "unsavedChanges" and w.isVisible()
    ]


def _press_escape(dialog: QWidget) -> None:
    """Esc where the KAM types: the focused field (it passes Esc on to its dialog)."""
    focused = QApplication.focusWidget()
    target = focused if focused is not None and dialog.isAncestorOf(focused) else dialog
    QTest.keyClick(target, Qt.Key.Key_Escape)


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)


# 1. A start that is not a moment is still what the KAM typed -------------------------------


@pytest.mark.parametrize("typed", ["31.02.2026 25:70", "tomorrow at ten"])
def test_an_invalid_start_typed_is_a_change_escape_asks_and_keeps_it(
    qtbot: QtBot, workspace: Any, territory: dict[str, Any], tasks: Any, typed: str
) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    _shown(qtbot, dialog)
    click(dialog.starts_at)
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.starts_at, typed)
    assert dialog.starts_at.text() == typed

    _press_escape(dialog)
    qtbot.waitUntil(lambda: bool(_questions()))
    box = _questions()[-1]
    assert box.text() == "Save changes?"
    QTest.mouseClick(box.button(Answer.Cancel), LEFT)  # «Вернуться»
    qtbot.waitUntil(lambda: not _questions())
    assert dialog.isVisible()
    assert dialog.starts_at.text() == typed


def test_a_start_retyped_as_it_was_is_no_change(
    qtbot: QtBot, workspace: Any, territory: dict[str, Any], tasks: Any
) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    _shown(qtbot, dialog)
    opened = dialog.starts_at.text()
    click(dialog.starts_at)
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.starts_at, "31.02.2026 25:70")
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.starts_at, opened)
    _press_escape(dialog)
    assert not dialog.isVisible()
    assert not _questions()
