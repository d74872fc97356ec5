"""A pharmacy's chain is chosen in the card's company facts by typing part of its name."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from kamdesk.models import Account
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.tasks import TaskRunner


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform
def test_the_chain_is_found_by_typing_and_stored(
    qtbot: QtBot,
    store: Store,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    card = AccountCard(territory["pharmacy"], lambda: store, tasks)
    qtbot.addWidget(card)
    wait_idle(tasks)
    card.show()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    combo = card.findChild(QComboBox, "field_account_parent_id")
    assert combo is not None, "a pharmacy's card offers its chain"
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "Аптечная сеть «Вита»"]
    line = combo.lineEdit()
    completer = combo.completer()
    assert line is not None and completer is not None
    line.selectAll()
    for letter in "вита":  # any part of the name, any case (QTest types ASCII only)
        QApplication.sendEvent(
            line,
            QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter
            ),
        )
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    wait_idle(tasks)
    assert combo.currentText() == "Аптечная сеть «Вита»"

    def stored() -> bool:
        with store.session() as session:
            account = session.get(Account, territory["pharmacy"])
            return account is not None and account.parent_id == territory["chain"]

    qtbot.waitUntil(stored)


def test_a_hospital_has_no_chain_field(
    qtbot: QtBot,
    store: Store,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    card = AccountCard(territory["hospital"], lambda: store, tasks)
    qtbot.addWidget(card)
    wait_idle(tasks)
    assert card.findChild(QComboBox, "field_account_parent_id") is None
    assert isinstance(territory["hospital"], uuid.UUID)
