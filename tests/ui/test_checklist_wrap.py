"""At 1366×768 in Russian the Visits page's checklist shows every to-do whole: rows
wrap and are as tall as their text (they used to be one line cut with «…»); a fact
(«no past reports») is a green line, not a check box."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kamdesk.ui.app import apply_style_sheet
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.page import VisitsPage
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401
from tests.ui.test_checklist_view import open_visit, planned_visits, rows

WaitIdle = Callable[[TaskRunner], None]
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def russian_visits(
    qapp: QApplication,
    qtbot: QtBot,
    window: MainWindow,
    switcher: LanguageSwitcher,
    wait_idle: WaitIdle,
) -> Iterator[VisitsPage]:
    apply_style_sheet(qapp)
    switcher.apply(Language.RUSSIAN)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.section_button(SectionKey.VISITS), Qt.MouseButton.LeftButton)
    page = window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage)
    wait_idle(window.tasks)
    yield page
    qapp.setStyleSheet("")


def test_every_to_do_is_shown_whole_at_1366(
    qtbot: QtBot, russian_visits: VisitsPage, wait_idle: WaitIdle
) -> None:
    page = russian_visits
    tree = page.checklist.tree
    wrapped_rows = 0
    for row in planned_visits(page.workspace.store, page)[:3]:
        open_visit(qtbot, page, row, wait_idle)
        qtbot.waitUntil(page.checklist.is_settled)
        QApplication.processEvents()
        line = tree.fontMetrics().height()
        for item in rows(tree).values():
            index = tree.indexFromItem(item, 0)
            shown = tree.visualRect(index)
            assert shown.right() <= tree.viewport().width() + 1  # no sideways scrolling
            text = item.text(0)
            checkable = item.data(0, Qt.ItemDataRole.CheckStateRole) is not None
            room = shown.width() - (30 if checkable else 10)  # less the box, the margins
            needed = tree.fontMetrics().boundingRect(
                QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text
            )
            assert shown.height() >= needed.height(), text
            if tree.fontMetrics().horizontalAdvance(text) > shown.width():
                wrapped_rows += 1
                assert shown.height() >= 2 * line, text
    assert wrapped_rows, "the demo's long to-dos need more than one line in the panel"


def test_no_past_reports_is_a_fact_not_a_tick() -> None:
    from dataclasses import replace

    from kamdesk.services.visits import ItemKind
    from tests.services.test_checklist_rules import READY, item

    first_visit = item(replace(READY, past_reports=()), "no_information.past_reports")
    assert first_visit.passed and first_visit.kind == ItemKind.CHECK  # drawn as «✓ …»
    assert item(READY, "no_information.past_reports").kind == ItemKind.REMINDER
