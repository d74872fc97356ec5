"""The report's «Ещё обсуждённый препарат» / «Кто ещё участвовал»: Enter adds exactly the
suggestion the KAM highlighted. Down, Enter once added it *and* the list's first item,
a product never discussed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kamdesk.ui.visits.report_ticks import AddPicker

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)
OPTIONS = ["Adalimumab-VF 40 mg", "Azitromicin-VF", "Bisoprolol-VF 5 mg", "Bortezomib-VF"]


def _picker(qtbot: QtBot) -> tuple[AddPicker, list[object]]:
    picker = AddPicker("Another product discussed")
    for number, text in enumerate(OPTIONS):
        picker.add_option(text, number)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow)
    taken: list[object] = []
    picker.picked.connect(taken.append)
    return picker, taken


def test_down_and_enter_add_only_the_highlighted_product(qtbot: QtBot) -> None:
    picker, taken = _picker(qtbot)
    line = picker.lineEdit()
    assert line is not None
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClicks(line, "biso")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(50)  # anything queued by the same key press runs now
    assert taken == [2]
    assert "Bisoprolol-VF 5 mg" not in picker.options() and len(picker.options()) == 3
    assert line.text() == ""


def test_enter_on_typed_text_adds_the_one_it_names(qtbot: QtBot) -> None:
    picker, taken = _picker(qtbot)
    line = picker.lineEdit()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClicks(line, "bortez")
    popup = picker.completer().popup()
    if popup.isVisible():
        QTest.keyClick(popup, Qt.Key.Key_Escape)
    QTest.keyClick(line, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert taken == [3]
