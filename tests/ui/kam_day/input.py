"""Real input for the scenario tests of a KAM's day.

Everything here is what a person does: key presses into the focused widget,
mouse clicks at a widget's or an item's place on the screen, shortcuts. No
slot is called to pretend. Texts are typed as key events carrying the
character, as a Russian keyboard layout sends them (QTest.keyClicks aborts on
anything but ASCII, so it is kept for digits and Latin text).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)
# What the offscreen platform says when a dialog is shown, raised or grabs the keyboard.
OFFSCREEN_NOTICES = pytest.mark.qt_log_ignore("This plugin does not support")
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (Cyrillic included), into `widget`."""
    for char in text:
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_MODIFIER, char))


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click at `pos` (the middle by default) of a visible widget."""
    assert widget.isVisible(), f"{widget!r} is not on the screen"
    QTest.mouseClick(widget, LEFT, NO_MODIFIER, pos if pos is not None else widget.rect().center())


def click_row(view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "the row is not on the screen"
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, rect.center())


def double_click_row(view: QAbstractItemView, index: QModelIndex) -> None:
    """A real double-click is a click followed by a double-click event (Qt 6's
    QTest.mouseDClick alone leaves the view without the pressed index)."""
    click_row(view, index)
    QTest.mouseDClick(view.viewport(), LEFT, NO_MODIFIER, view.visualRect(index).center())


def retype_dossier_field(card: Any, object_name: str, text: str) -> QLineEdit:
    """On a card (kamdesk.ui.card.AccountCard): the Dossier tab, a click into the field,
    its text selected and typed over, Tab to leave it (which saves it)."""
    click_tab(card.tabs, "Dossier")
    field = card.findChild(QLineEdit, object_name)
    assert field is not None, object_name
    card.dossier.ensureWidgetVisible(field)
    click(field)
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)
    return field


def click_tab(tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    titles = [bar.tabText(i).replace("&", "") for i in range(bar.count())]
    matching = [i for i, text in enumerate(titles) if text.startswith(title)]
    assert matching, f"no tab {title!r} in {titles}"
    click(bar, bar.tabRect(matching[0]).center())
    assert tabs.currentIndex() == matching[0]


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button of `parent` whose text (without the & of its shortcut) starts so."""
    found = [
        b
        for b in parent.findChildren(QAbstractButton)
        if b.isVisible() and b.text().replace("&", "").startswith(text)
    ]
    assert found, f"no visible button {text!r}; there are: " + ", ".join(
        repr(b.text()) for b in parent.findChildren(QAbstractButton) if b.isVisible()
    )
    return found[0]


def click_button(parent: QWidget, text: str) -> None:
    target = button(parent, text)
    assert target.isEnabled(), f"button {text!r} is disabled"
    click(target)


def shortcut(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(widget, key, modifiers)


def pick_in_combo(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the list (a click, or F4 in an editable one), walk to the first item
    containing `text` with the arrow keys and take it with Enter. (A click on the
    item would do too, but the popup ignores a release that comes sooner than a
    double-click interval after it opened, and a test clicks sooner.)"""
    click(combo)
    if combo.isEditable():  # a click puts the cursor in its text; F4 opens the list
        QTest.keyClick(combo, Qt.Key.Key_F4)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    model = combo.model()
    rows = [r for r in range(model.rowCount()) if text in str(model.index(r, 0).data())]
    assert rows, f"{text!r} is not offered by the combo box"
    for _ in range(model.rowCount()):
        current = view.currentIndex().row()
        if current == rows[0]:
            break
        QTest.keyClick(view, Qt.Key.Key_Down if current < rows[0] else Qt.Key.Key_Up)
    assert view.currentIndex().row() == rows[0]
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == rows[0]
    # A closed popup hands activation back to its window under a window manager;
    # the offscreen platform gives it to the main window instead.
    activate(qtbot, combo.window())


def choose_in_menu(qtbot: QtBot, menu: QMenu, text: str) -> None:
    qtbot.waitUntil(menu.isVisible)
    actions = [a for a in menu.actions() if a.text().replace("&", "").startswith(text)]
    assert actions, f"no {text!r} in the menu"
    click(menu, menu.actionGeometry(actions[0]).center())


def wait_for_window(qtbot: QtBot, kind: type[W], timeout: int = 10_000) -> W:
    """The visible top-level window of class `kind` that the last action opened, active.

    Not handed to `qtbot.addWidget`: the app's dialogs delete themselves on close."""
    found: list[W] = []

    def shown() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=timeout)
    window = found[-1]
    activate(qtbot, window)
    return window


def activate(qtbot: QtBot, window: QWidget) -> None:
    """On the screen and active, as a window manager leaves a window just opened
    (the offscreen platform needs asking). `qtbot.waitActive` is a context manager
    that does nothing when merely called, hence the explicit wait."""
    qtbot.waitUntil(lambda: window.windowHandle() is not None and window.windowHandle().isExposed())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def when_modal_appears(qtbot: QtBot, answer: Callable[[QWidget], None]) -> Callable[[], None]:
    """Run `answer(dialog)` on the next modal dialog (QMessageBox.question and the like
    block in their own event loop, so the answer has to be queued before)."""
    from PySide6.QtCore import QTimer

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            QTimer.singleShot(20, look)
            return
        answer(modal)

    return lambda: QTimer.singleShot(0, look)


def snapshot(widget: QWidget, name: str) -> None:
    """With KAMDESK_DAY_SHOTS=folder, keep a picture of the window at this step, to
    look at the day afterwards (e.g. under `xvfb-run` with QT_QPA_PLATFORM=xcb)."""
    folder = os.environ.get("KAMDESK_DAY_SHOTS")
    if not folder:
        return
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    number = len(list(target.glob("*.png"))) + 1
    QApplication.processEvents()  # paint what the last input changed
    assert widget.window().grab().save(str(target / f"{number:02d}-{name}.png"))
