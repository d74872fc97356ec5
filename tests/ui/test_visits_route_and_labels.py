"""Three defects of the Visits page (issue 9, «A KAM's day that flows»), seen as the KAM
sees them at 1366×768, with mouse and keyboard:

- «Order the day's route» is for the day of the selected visit (its line in the list,
  its block in the week), else for the day in view (a day of the week clicked), not
  for today;
- the route dialog shows every header and cell whole («Дорога, мин», the times, the
  minutes) in Russian and English; only a client name longer than a wide dialog is
  cut, and its tooltip gives it whole;
- the cancel button says what it cancels: «Отменить звонок (Del)» for a call.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QTableWidget
from pytestqt.qtbot import QtBot

from kamdesk.models import Visit
from kamdesk.services.visits import VisitChannel
from kamdesk.store import Store
from kamdesk.ui.formatting import format_date
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import at
from kamdesk.ui.visits.page import LIST, WEEK
from kamdesk.ui.visits.route_dialog import RouteDialog
from kamdesk.ui.visits.week_view import GUTTER_WIDTH, HEADER_HEIGHT
from tests.services.visit_factories import CENTRE, FAR, NEAR, add_account
from tests.ui.test_layout_1366 import HEADER_PADDING

WaitIdle = Callable[[TaskRunner], None]

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

LEFT = Qt.MouseButton.LeftButton
CLIENT = 1  # the route's columns: №, client, now, proposed, travel
CHILDREN = "ГБУЗ «Детская городская клиническая больница № 1»"
KIMRY = "ГБУЗ «Кимрская центральная районная больница»"
UNIVERSITY = "ФГБОУ ВО «Тверской государственный медицинский университет» Минздрава России"


@pytest.fixture
def page(qtbot: QtBot, workspace, tasks: TaskRunner, wait_idle: WaitIdle) -> VisitsPage:
    view = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(view)
    view.resize(1366, 700)  # a 1366×768 screen less the window's frame and bars
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    wait_idle(tasks)
    return view


def planned(
    store: Store,
    account_id: uuid.UUID,
    starts_at: datetime,
    channel: VisitChannel = VisitChannel.VISIT,
) -> uuid.UUID:
    """A planned visit (or call) as the store holds it; a day earlier this month too."""
    with store.transaction() as session:
        visit = Visit(account_id=account_id, starts_at=starts_at, channel=channel)
        session.add(visit)
        session.flush()
        return visit.id


def a_day_of_the_route(store: Store, page: VisitsPage, day: date, names=(CHILDREN, KIMRY)):
    """Visits at clients with coordinates on `day`, 10:00 and 12:00 on: a route."""
    points = (FAR, NEAR, CENTRE)
    return [
        planned(store, add_account(store, name, points[i]), at(day, time(10 + 2 * i), page.tz))
        for i, name in enumerate(names)
    ]


def another_day(today: date, same: Callable[[date], object]) -> date:
    """Tomorrow, or yesterday when tomorrow is in another week or month (`same`)."""
    tomorrow = today + timedelta(days=1)
    return tomorrow if same(tomorrow) == same(today) else today - timedelta(days=1)


def load(page: VisitsPage, wait_idle: WaitIdle) -> None:
    page.reload()
    wait_idle(page.tasks)


def show_list(page: VisitsPage, wait_idle: WaitIdle) -> None:
    QTest.mouseClick(page.mode_buttons.button(LIST), LEFT)
    wait_idle(page.tasks)
    assert page.stack.currentWidget() is page.table


def click_line(page: VisitsPage, visit_id: uuid.UUID) -> None:
    """A click on the visit's line of the list, as the KAM clicks it."""
    model = page.list_model
    row = next(r for r in range(model.rowCount()) if model.record(r).id == visit_id)
    index = model.index(row, 2)
    page.table.scrollTo(index)
    QTest.mouseClick(page.table.viewport(), LEFT, pos=page.table.visualRect(index).center())
    assert page.selected_id == visit_id
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [row]


def open_route(qtbot: QtBot, page: VisitsPage) -> RouteDialog:
    QTest.mouseClick(page.buttons["route"], LEFT)
    dialog = page.findChild(RouteDialog)
    assert dialog is not None, page.note.text() or "no route dialog"
    qtbot.waitExposed(dialog)
    return dialog


def close(qtbot: QtBot, dialog: RouteDialog) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


# 1. The route of the day the KAM looks at --------------------------------------------------


def test_the_route_in_the_list_is_for_the_selected_visits_day(
    qtbot: QtBot, page: VisitsPage, store: Store, wait_idle: WaitIdle
) -> None:
    day = another_day(page.today, lambda d: (d.year, d.month))
    a_day_of_the_route(store, page, day)
    load(page, wait_idle)
    show_list(page, wait_idle)
    first = next(r for r in page.rows() if r.account_name == KIMRY)
    click_line(page, first.id)
    QTest.keyClick(page.table, Qt.Key.Key_T)  # «today»: the list is the same month
    wait_idle(page.tasks)
    assert page.current_day == page.today and page.selected_id == first.id

    dialog = open_route(qtbot, page)
    assert dialog.plan.day == day
    assert dialog.windowTitle() == f"Route for {format_date(day)}"
    names = {dialog.table.item(r, CLIENT).text() for r in range(dialog.table.rowCount())}
    assert names == {CHILDREN, KIMRY}
    close(qtbot, dialog)


def test_the_route_in_the_week_is_for_the_day_clicked(
    qtbot: QtBot, page: VisitsPage, store: Store, wait_idle: WaitIdle
) -> None:
    day = another_day(page.today, lambda d: d.isocalendar()[:2])
    a_day_of_the_route(store, page, day)
    load(page, wait_idle)
    assert page.stack.currentIndex() == WEEK
    week = page.week
    # An empty place low in the day's column (the visits are in the morning).
    width = (week.width() - GUTTER_WIDTH) / 7
    x = int(GUTTER_WIDTH + (day - week.monday).days * width + width / 2)
    y = page.week_scroll.verticalScrollBar().value() + page.week_scroll.viewport().height() - 20
    spot = QPoint(x, y)
    assert y > HEADER_HEIGHT and week.day_at(spot.x()) == day and week.visit_at(spot) is None
    QTest.mouseClick(week, LEFT, pos=spot)
    assert page.selected_id is None and page.current_day == day

    dialog = open_route(qtbot, page)
    assert dialog.plan.day == day
    close(qtbot, dialog)
    QTest.keyClick(week, Qt.Key.Key_Left)  # ←/→ go on from the day clicked
    assert page.current_day == day - timedelta(days=1)


# 2. The route dialog shows its columns whole --------------------------------------------


def shown_width(table: QTableWidget, column: int) -> int:
    """How much of the column the KAM sees: its section, less what lies beyond the
    table's right edge (a section can be wide enough and still be cut by the frame)."""
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    right = min(left + header.sectionSize(column), table.viewport().width())
    return right - max(left, 0)


def header_texts_whole(table: QTableWidget) -> None:
    bold = QFont(table.horizontalHeader().font())
    bold.setWeight(QFont.Weight.DemiBold)  # the style sheet's «font-weight: 600»
    metrics = QFontMetrics(bold)
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        width, room = metrics.horizontalAdvance(text), shown_width(table, column)
        assert width + 2 * HEADER_PADDING <= room, f"«{text}»: {width} px of text in {room} px"


def cell_texts_whole(table: QTableWidget, columns: range) -> None:
    metrics = QFontMetrics(table.font())
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    for column in columns:
        room = shown_width(table, column)
        for row in range(table.rowCount()):
            text = table.item(row, column).text()
            width = metrics.horizontalAdvance(text)
            assert width + 2 * margin <= room, f"«{text}»: {width} px of text in {room} px"


@pytest.mark.parametrize("language", [Language.RUSSIAN, Language.ENGLISH])
def test_the_route_dialog_shows_every_column_whole(
    qtbot: QtBot,
    styled: None,
    switcher: LanguageSwitcher,
    language: Language,
    page: VisitsPage,
    store: Store,
    wait_idle: WaitIdle,
) -> None:
    switcher.apply(language)
    day = page.today + timedelta(days=1)
    a_day_of_the_route(store, page, day, (CHILDREN, KIMRY, UNIVERSITY))
    load(page, wait_idle)
    QTest.keyClick(page.week, Qt.Key.Key_Right)
    show_list(page, wait_idle)
    click_line(page, next(r.id for r in page.rows() if r.account_name == CHILDREN))

    dialog = open_route(qtbot, page)
    QApplication.processEvents()
    table = dialog.table
    assert table.rowCount() == 3
    travel = table.horizontalHeaderItem(4).text()
    assert travel == ("Дорога, мин" if language == Language.RUSSIAN else "Travel, min")
    header_texts_whole(table)
    cell_texts_whole(table, range(table.columnCount()))
    assert table.horizontalScrollBar().maximum() == 0, "a horizontal scrollbar"
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert dialog.width() <= 1366 - 100, "well within the screen"
    close(qtbot, dialog)


def test_a_very_long_name_is_cut_and_the_travel_time_stays_whole(
    qtbot: QtBot,
    styled: None,
    switcher: LanguageSwitcher,
    page: VisitsPage,
    store: Store,
    wait_idle: WaitIdle,
) -> None:
    switcher.apply(Language.RUSSIAN)
    longest = f"{UNIVERSITY}, клиника «Научно-исследовательского института кардиологии»"
    day = page.today + timedelta(days=1)
    a_day_of_the_route(store, page, day, (CHILDREN, longest))
    load(page, wait_idle)
    QTest.keyClick(page.week, Qt.Key.Key_Right)
    show_list(page, wait_idle)
    click_line(page, next(r.id for r in page.rows() if r.account_name == CHILDREN))

    dialog = open_route(qtbot, page)
    QApplication.processEvents()
    table = dialog.table
    header_texts_whole(table)
    cell_texts_whole(table, range(CLIENT + 1, table.columnCount()))  # after the client
    assert table.horizontalScrollBar().maximum() == 0, "a horizontal scrollbar"
    row = next(r for r in range(table.rowCount()) if table.item(r, CLIENT).text() == longest)
    assert table.item(row, CLIENT).toolTip() == longest  # whole on hover
    close(qtbot, dialog)


# 3. The cancel button names a call a call -----------------------------------------------


def test_the_cancel_button_says_call_for_a_call(
    qtbot: QtBot,
    switcher: LanguageSwitcher,
    page: VisitsPage,
    store: Store,
    territory: dict[str, uuid.UUID],
    wait_idle: WaitIdle,
) -> None:
    switcher.apply(Language.RUSSIAN)
    day = page.today + timedelta(days=1)
    call = planned(store, territory["chain"], at(day, time(9), page.tz), VisitChannel.CALL)
    visit = planned(store, territory["distributor"], at(day, time(11), page.tz))
    load(page, wait_idle)
    cancel = page.buttons["cancel"]
    QTest.keyClick(page.week, Qt.Key.Key_Right)
    show_list(page, wait_idle)
    assert cancel.text() == "Отменить визит (Del)"  # nothing selected yet

    click_line(page, call)
    assert cancel.isVisible() and cancel.isEnabled()
    assert cancel.text() == "Отменить звонок (Del)"
    QTest.keyClick(page.table, Qt.Key.Key_Down)  # the visit's line, next in the list
    assert page.selected_id == visit
    assert cancel.text() == "Отменить визит (Del)"
    QTest.keyClick(page.table, Qt.Key.Key_Up)
    assert page.selected_id == call and cancel.text() == "Отменить звонок (Del)"

    switcher.apply(Language.ENGLISH)  # a new language keeps the call's word
    assert cancel.text() == "Cancel call (Del)"

    # In the week too: a click on the call's block.
    QTest.mouseClick(page.mode_buttons.button(WEEK), LEFT)
    rect = page.week.block_rect(visit)
    assert rect is not None
    QTest.mouseClick(page.week, LEFT, pos=rect.center().toPoint())
    assert cancel.text() == "Cancel visit (Del)"
    rect = page.week.block_rect(call)
    assert rect is not None
    QTest.mouseClick(page.week, LEFT, pos=rect.center().toPoint())
    assert page.selected_id == call and cancel.text() == "Cancel call (Del)"
