"""What a tester found on the Visits page at 1366x768, seen as the KAM sees it: the
cancel button says it cancels the visit, a visit marked held early moves to when it
was held and no longer offers «Mark held», the week names clients by their short
name, and the plan's attendees never scroll sideways."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit, QWidget

from kamdesk.services.visits import VisitStatus, report_draft
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import at, hhmm
from kamdesk.ui.visits.held_dialog import HeldTimeDialog
from kamdesk.ui.visits.plan_dialog import PlanDialog
from kamdesk.ui.visits.week_view import visit_tooltip
from tests.services.visit_factories import add_contact, add_visit
from tests.ui.test_visits_status_gui import answer_next_dialog

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot, workspace, tasks, wait_idle) -> VisitsPage:
    view = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(view)
    view.resize(1366, 700)  # the tester's screen, less the window's frame and bars
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    wait_idle(tasks)
    return view


def block_centre(page: VisitsPage, visit_id: uuid.UUID) -> QPoint:
    rect = page.week.block_rect(visit_id)
    assert rect is not None, "the visit is not in the week shown"
    return rect.center().toPoint()


def load(page: VisitsPage, tasks, wait_idle) -> None:
    """The visits just stored are on the page (as when the KAM comes back to it)."""
    page.reload()
    wait_idle(tasks)


def go_to_tomorrow(page: VisitsPage, tasks, wait_idle) -> None:
    """T, then →: from today, whatever day the page was on (a visit selected puts it on
    that visit's day; → from a Sunday is next week's Monday)."""
    load(page, tasks, wait_idle)
    QTest.keyClick(page.week, Qt.Key.Key_T)
    wait_idle(tasks)
    QTest.keyClick(page.week, Qt.Key.Key_Right)
    wait_idle(tasks)


def test_cancel_says_it_cancels_the_visit_and_is_not_the_undo(
    qtbot, page, store, territory, tasks, wait_idle
):
    visit = add_visit(store, territory["hospital"], at(page.today, time(23, 0), page.tz))
    load(page, tasks, wait_idle)
    cancel, undo = page.buttons["cancel"], page.buttons["undo"]
    assert cancel.text() == "Cancel visit (Del)"
    assert undo.text() == "Undo (Ctrl+Z)"
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        field = dialog.findChild(QLineEdit)
        assert field is not None
        QTest.keyClicks(field, "Chief physician on leave")
        QTest.keyClick(field, Qt.Key.Key_Return)

    answer_next_dialog(qtbot, give_reason)
    QTest.mouseClick(cancel, LEFT)
    wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.CANCELLED
    # Nothing left to cancel; the undo now names what it takes back.
    assert not cancel.isEnabled()
    assert undo.isEnabled() and "cancellation" in undo.toolTip()


def test_a_visit_held_before_its_planned_time_moves_to_when_it_was_held(
    qtbot, page, store, territory, tasks, wait_idle
):
    tomorrow = page.today + timedelta(days=1)
    visit = add_visit(store, territory["hospital"], at(tomorrow, time(15), page.tz))
    go_to_tomorrow(page, tasks, wait_idle)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    done = page.buttons["done"]
    assert done.isEnabled(), "a planned visit can be marked held"

    QTest.mouseClick(done, LEFT)
    dialog = page.findChild(HeldTimeDialog)
    assert dialog is not None and dialog.isVisible()
    held_at = dialog.chosen_time()  # now, as proposed
    assert held_at <= datetime.now(UTC)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not done.isEnabled(), "at once: a held visit is not held again"
    assert not page.buttons["cancel"].isEnabled() and not page.buttons["reschedule"].isEnabled()
    wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.DONE
    assert page.selected_id == visit and not done.isEnabled(), "still after the reload"

    # Today's column shows it at the time it was held, and says when it was planned.
    QTest.keyClick(page.week, Qt.Key.Key_T)
    wait_idle(tasks)
    rect = page.week.block_rect(visit)
    assert rect is not None, "the held visit is in this week"
    assert page.week.day_at(rect.center().x()) == page.today
    row = page.row(visit)
    assert row is not None
    assert page.week.block_text(row).startswith(hhmm(held_at, page.tz))
    assert hhmm(at(tomorrow, time(15), page.tz), page.tz) in visit_tooltip(row, page.tz)

    # Undone, it is planned again: back in tomorrow's slot, «Mark held» offered again.
    page.activateWindow()  # the window manager's part when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    QTest.keyClick(page.week, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    go_to_tomorrow(page, tasks, wait_idle)
    rect = page.week.block_rect(visit)
    assert rect is not None and page.week.day_at(rect.center().x()) == tomorrow
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    assert done.isEnabled()


def test_the_week_names_the_client_by_its_short_name(
    qtbot, page, store, territory, tasks, wait_idle
):
    visit = add_visit(store, territory["hospital"], at(page.today, time(12), page.tz))
    load(page, tasks, wait_idle)
    row = page.row(visit)
    assert row is not None
    block = page.week.block_text(row)
    assert "ОКБ" in block and "Областная" not in block
    # The tooltip and the list still give the full name.
    assert "ГБУЗ «Областная клиническая больница»" in visit_tooltip(row, page.tz)


def test_long_attendees_wrap_in_the_plan_instead_of_scrolling_sideways(
    qtbot, page, store, territory, tasks, wait_idle
):
    hospital = territory["hospital"]
    add_contact(
        store,
        hospital,
        "Константинопольская-Преображенская",
        "Александра",
        "Владиславовна",
        position="Заместитель главного врача по клинико-экспертной работе и "
        "лекарственному обеспечению стационара",
    )
    visit = add_visit(store, hospital, at(page.today + timedelta(days=1), time(11), page.tz))
    go_to_tomorrow(page, tasks, wait_idle)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    QTest.keyClick(page.week, Qt.Key.Key_Return)
    dialog = next(d for d in page.findChildren(PlanDialog) if d.visit_id == visit)
    qtbot.waitExposed(dialog)
    people = dialog.attendees
    QApplication.processEvents()
    width = people.viewport().width()
    assert people.count() >= 3
    long_one = next(
        people.item(i)
        for i in range(people.count())
        if "Константинопольская" in people.item(i).text()
    )
    assert not people.horizontalScrollBar().isVisible()
    for index in range(people.count()):
        assert people.visualItemRect(people.item(index)).right() <= width, people.item(index)
    assert "лекарственному обеспечению" in long_one.toolTip()  # the whole line on hover
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
