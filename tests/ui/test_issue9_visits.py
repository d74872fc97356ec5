"""Issue 9 on the Visits page: typed dates in the export, its default period, a new
visit's default slot, and the week grid in the KAM's zone scrolling to early visits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Visit
from kamdesk.services.visits import load_visit_settings
from kamdesk.services.workspace import Workspace
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import at, from_qdatetime, local
from kamdesk.ui.visits.export_dialog import ExportDialog
from kamdesk.ui.visits.plan_dialog import PlanDialog
from tests.services.visit_factories import add_visit

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, wait_idle: Callable[[TaskRunner], None]
) -> VisitsPage:
    view = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(view)
    wait_idle(tasks)
    return view


def type_date(field: Any, text: str) -> None:
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def test_export_dates_are_typed_and_the_period_is_this_week_so_far(
    qtbot: QtBot, page: VisitsPage
) -> None:
    page.buttons["export"].click()
    dialog = page.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    today = page.today
    monday = today - timedelta(days=today.weekday())
    assert dialog.date_from.date() == QDate(monday.year, monday.month, monday.day)
    assert dialog.date_to.date() == QDate(today.year, today.month, today.day)
    type_date(dialog.date_from, "30.11.2026")
    assert dialog.date_from.date() == QDate(2026, 11, 30)
    type_date(dialog.date_to, "6.12.2026")
    assert dialog.date_to.date() == QDate(2026, 12, 6)
    type_date(dialog.date_to, "31122026")
    assert dialog.date_to.date() == QDate(2026, 12, 31)
    chosen = dialog.export_filter()
    assert (chosen.date_from, chosen.date_to) == (date(2026, 11, 30), date(2026, 12, 31))
    dialog.close()


def test_a_new_visit_starts_in_a_future_free_slot(
    qtbot: QtBot,
    page: VisitsPage,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    store = page.workspace.store
    with store.session() as session:
        planned_days = {local(v.starts_at, page.tz).date() for v in session.scalars(select(Visit))}
    tomorrow = page.today + timedelta(days=1)
    # The territory's own visit, three days on, falls on Monday when run on a Friday.
    while tomorrow.weekday() >= 5 or tomorrow in planned_days:
        tomorrow += timedelta(days=1)
    # Tomorrow's morning is taken from nine to half past ten.
    add_visit(store, territory["chain"], at(tomorrow, time(9, 0), page.tz), duration_min=60)
    add_visit(store, territory["ministry"], at(tomorrow, time(10, 0), page.tz), duration_min=30)
    yesterday = page.today - timedelta(days=1)
    for day, earliest in ((yesterday, None), (page.today, None), (tomorrow, time(10, 30))):
        page.current_day = day
        page.reload()
        wait_idle(tasks)
        page.buttons["new"].click()
        dialog = page.findChild(PlanDialog)
        assert dialog is not None
        start = from_qdatetime(dialog.starts_at.dateTime(), page.tz)
        duration = timedelta(minutes=load_visit_settings(store).default_duration_min)
        assert start >= datetime.now(UTC) - timedelta(minutes=1)  # never in the past
        for row in page.rows():
            assert not (row.starts_at < start + duration and start < row.ends_at), row
        if earliest is not None:
            assert local(start, page.tz).date() == tomorrow
            assert local(start, page.tz).time() == earliest
        dialog.unsaved.mark_unchanged()
        dialog.close()
        qtbot.waitUntil(lambda: page.findChild(PlanDialog) is None)


def shown_week(
    qtbot: QtBot, page: VisitsPage, tasks: TaskRunner, wait_idle: Callable[[TaskRunner], None]
) -> None:
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    QTest.mouseClick(page.mode_buttons.button(1), Qt.MouseButton.LeftButton)  # «Неделя»
    wait_idle(tasks)


def test_the_week_scrolls_up_to_a_visit_at_half_past_six_and_names_its_client(
    qtbot: QtBot,
    page: VisitsPage,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    from PySide6.QtGui import QFontMetrics

    from kamdesk.ui.formatting import format_datetime

    early = at(page.today, time(6, 30), page.tz)
    visit = add_visit(page.workspace.store, territory["chain"], early)
    page.reload()
    shown_week(qtbot, page, tasks, wait_idle)
    row = page.row(visit)
    assert row is not None
    # The window's clock: the week, the card and the lists all say 06:30.
    assert page.week.block_text(row).startswith("06:30–07:30")
    assert "06:30" in format_datetime(row.starts_at)
    assert row.account_name in page.week.block_text(row)
    rect = page.week.block_rect(visit)
    assert rect is not None
    # Scrolled so that the block is in view, below the day names, tall enough for two lines.
    viewport = page.week_scroll.viewport()
    top_left = page.week.mapTo(viewport, rect.topLeft().toPoint())
    header = 42
    assert header <= top_left.y() and top_left.y() + rect.height() <= viewport.height()
    assert rect.height() >= 2 * QFontMetrics(page.week.font()).lineSpacing()
    # A click on it selects it, as on any visit.
    QTest.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.selected_id == visit
    # The grid goes on to midnight: scrolled to the bottom, 23:30 is a slot.
    bar = page.week_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    bottom = page.week.height() - 5
    slot = page.week.slot_at(QPointF(page.week.width() / 2, bottom))
    assert slot is not None and local(slot, page.tz).time() == time(23, 30)


def test_the_week_draws_times_on_the_pages_clock(
    qtbot: QtBot,
    workspace: Workspace,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    # A KAM in Yekaterinburg (UTC+5) on a laptop set to Moscow: the page's zone wins.
    page = VisitsPage(workspace, tasks, open_files=False, tz="Asia/Yekaterinburg")
    qtbot.addWidget(page)
    wait_idle(tasks)
    early = at(page.today, time(6, 30), page.tz)
    visit = add_visit(workspace.store, territory["chain"], early)
    page.reload()
    shown_week(qtbot, page, tasks, wait_idle)
    row = page.row(visit)
    assert row is not None and page.week.block_text(row).startswith("06:30")
    rect = page.week.block_rect(visit)
    assert rect is not None
    slot = page.week.slot_at(QPointF(rect.center().x(), rect.top() + 2))
    assert slot is not None and local(slot, page.tz).time() == time(6, 30)
    assert slot == early
