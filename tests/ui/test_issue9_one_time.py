"""Issue 9, time: one visit shows the same hour in the plan dialog, the card's header and
Overview, whatever the stored value's form (the store keeps UTC without a zone)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kamdesk.ui.formatting import format_datetime
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.visits.plan_dialog import PlanDialog

from .test_issue9_flow import open_card, overview_next_visit, top_level

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_hour_typed_in_the_plan_is_the_hour_the_card_shows(
    qtbot: QtBot, window: MainWindow, territory: dict[str, Any]
) -> None:
    window.show()
    card = open_card(qtbot, window, territory["chain"])
    QTest.mouseClick(card.overview.plan_visit, Qt.MouseButton.LeftButton)
    dialog = top_level(PlanDialog)
    typed = " " + dialog.starts_at.dateTime().toString("HH:mm")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert card.header is not None
    qtbot.waitUntil(lambda: typed in card.header.facts.text(), timeout=10_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: typed in overview_next_visit(card), timeout=10_000)


def test_a_stored_moment_without_a_zone_is_utc() -> None:
    # The tests run in Moscow time (tests/conftest.py): 06:30 UTC is 09:30 there.
    naive = datetime(2026, 12, 3, 6, 30)
    aware = naive.replace(tzinfo=UTC)
    assert format_datetime(naive) == format_datetime(aware)
    assert format_datetime(aware).endswith("09:30")
