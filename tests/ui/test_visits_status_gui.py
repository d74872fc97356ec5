"""The Visits page with mouse and keyboard: a visit planned for later is held only after
saying when, status changes are undone (Ctrl+Z, the context menu), a submitted report
says it goes at the next sync, and looking around the calendar writes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)
from sqlalchemy import func, select

from kamdesk.models import ChangeLogEntry
from kamdesk.services.visits import (
    Sentiment,
    VisitStatus,
    mark_done,
    report_draft,
    reschedule_visit,
    save_report,
)
from kamdesk.store import Store
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import at, format_moment, status_label
from kamdesk.ui.visits.held_dialog import HeldTimeDialog
from kamdesk.ui.visits.plan_dialog import PlanDialog
from kamdesk.ui.visits.report_form import ReportForm
from tests.services.visit_factories import add_visit

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

LEFT = Qt.MouseButton.LeftButton
DAY, WEEK, LIST = 0, 1, 2


@pytest.fixture
def page(qtbot, workspace, tasks, wait_idle) -> VisitsPage:
    view = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(view)
    wait_idle(tasks)
    return view


def log_size(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0


def last_status_change(store: Store, visit_id: uuid.UUID) -> tuple[object, object]:
    with store.session() as session:
        entry = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity_id == visit_id)
            .order_by(ChangeLogEntry.id.desc())
        ).first()
        assert entry is not None
        return entry.base.get("status"), entry.changes.get("status")


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def show(qtbot, page: VisitsPage, tasks, wait_idle: Callable) -> None:
    """On screen and active (showing reloads the calendar; shortcuts need the window)."""
    page.resize(1300, 820)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    wait_idle(tasks)


def block_centre(page: VisitsPage, visit_id: uuid.UUID) -> QPoint:
    rect = page.week.block_rect(visit_id)
    assert rect is not None, "the visit is not in the week shown"
    return rect.center().toPoint()


def press_menu_key(page: VisitsPage, view: QWidget) -> QMenu:
    QTest.keyClick(view, Qt.Key.Key_Menu)
    assert page.menu is not None and page.menu.isVisible()
    return page.menu


def click_menu_item(qtbot, menu: QMenu, text: str) -> None:
    action = next((a for a in menu.actions() if a.text() == text), None)
    assert action is not None, [a.text() for a in menu.actions()]
    QTest.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def answer_next_dialog(qtbot, answer: Callable[[QWidget], None]) -> None:
    """Answer the modal dialog the next action opens (QInputDialog, QMessageBox)."""

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, later)
            return
        answer(dialog)

    QTimer.singleShot(0, later)


def test_a_visit_planned_for_tomorrow_is_held_only_after_saying_when(
    qtbot, page, store, territory, tasks, wait_idle
):
    tomorrow = page.today + timedelta(days=1)
    visit = add_visit(store, territory["hospital"], at(tomorrow, time(10), page.tz))
    show(qtbot, page, tasks, wait_idle)
    QTest.keyClick(page.week, Qt.Key.Key_Right)  # to tomorrow
    wait_idle(tasks)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    assert page.selected_id == visit
    before = log_size(store)

    QTest.mouseClick(page.buttons["done"], LEFT)
    dialog = page.findChild(HeldTimeDialog)
    assert dialog is not None and dialog.isVisible()
    # The planned time is shown.
    assert format_moment(at(tomorrow, time(10), page.tz), page.tz) in dialog.question.text()
    assert log_size(store) == before  # nothing is written before the answer

    # A year ahead is refused in the dialog, which stays open; nothing is stored.
    dialog.held_at.setFocus()
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Up):
        QTest.keyClick(dialog.held_at, key)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, LEFT)
    assert dialog.isVisible() and "future" in dialog.error.text()
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    assert log_size(store) == before

    QTest.keyClick(dialog.held_at, Qt.Key.Key_Down)  # back to now, as proposed
    held_at = dialog.chosen_time()
    assert held_at <= datetime.now(UTC)
    QTest.mouseClick(ok, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(tasks)
    draft = report_draft(store, visit)
    assert draft.status == VisitStatus.DONE and draft.input.actual_start == held_at
    assert page.selected() is not None and page.selected().status == VisitStatus.DONE
    assert page.buttons["undo"].isEnabled()
    assert "Held" in page.buttons["undo"].toolTip()

    # Ctrl+Z takes it back, and the undo is itself a change for the office.
    logged = log_size(store)
    activate(qtbot, page)  # the window manager's part when the dialog closes
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    QTest.keyClick(page.week, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    assert log_size(store) > logged
    assert last_status_change(store, visit) == ("done", "planned")
    assert page.selected().status == VisitStatus.PLANNED
    assert not page.buttons["undo"].isEnabled()


def test_a_cancellation_is_undone_from_the_visits_context_menu(
    qtbot, page, store, territory, tasks, wait_idle
):
    day = page.today
    visit = add_visit(store, territory["hospital"], at(day, time(19), page.tz))
    show(qtbot, page, tasks, wait_idle)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        field = dialog.findChild(QLineEdit)
        assert field is not None
        QTest.keyClicks(field, "Chief physician is ill")
        QTest.keyClick(field, Qt.Key.Key_Return)

    answer_next_dialog(qtbot, give_reason)
    QTest.keyClick(page.week, Qt.Key.Key_Delete)
    wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.CANCELLED

    # A right click on the block: the menu names the undo and does it.
    centre = block_centre(page, visit)
    QApplication.sendEvent(
        page.week,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, page.week.mapToGlobal(centre)),
    )
    menu = page.menu
    assert menu is not None and menu.isVisible()
    assert "Mark held…" not in [a.text() for a in menu.actions()]  # not for a cancelled one
    click_menu_item(qtbot, menu, "Undo the cancellation")
    wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    assert last_status_change(store, visit) == ("cancelled", "planned")
    assert page.week.rows and page.row(visit).status == VisitStatus.PLANNED


def _held_this_morning(store: Store, page: VisitsPage, account: uuid.UUID) -> uuid.UUID:
    visit = add_visit(store, account, at(page.today, time(0, 1), page.tz), objective="Formulary")
    mark_done(store, visit)
    return visit


def _select_in_list(page: VisitsPage, visit: uuid.UUID) -> None:
    """The List view, and a click on the visit's line."""
    QTest.mouseClick(page.mode_buttons.button(LIST), LEFT)
    line = next(
        row for row in range(page.list_model.rowCount()) if page.list_model.record(row).id == visit
    )
    cell = page.table.visualRect(page.list_model.index(line, 2))
    QTest.mouseClick(page.table.viewport(), LEFT, pos=cell.center())
    assert page.selected_id == visit


def test_held_is_undone_from_the_keyboard_in_the_list(
    qtbot, page, store, territory, tasks, wait_idle
):
    visit = _held_this_morning(store, page, territory["hospital"])
    show(qtbot, page, tasks, wait_idle)
    _select_in_list(page, visit)
    menu = press_menu_key(page, page.table)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Open", "Undo «Held»"]
    QTest.keyClick(menu, Qt.Key.Key_Up)  # from the top, Up wraps to the last item
    QTest.keyClick(menu, Qt.Key.Key_Return)
    wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    assert last_status_change(store, visit) == ("done", "planned")


def test_a_submitted_report_says_it_goes_at_the_next_sync(
    qtbot, page, store, territory, tasks, wait_idle, switcher
):
    visit = _held_this_morning(store, page, territory["hospital"])
    report = replace(report_draft(store, visit).input)
    report.objective_reached, report.outcome = True, "Pilot agreed"
    report.sentiment = Sentiment.POSITIVE
    assert save_report(store, visit, report, final=True).saved
    show(qtbot, page, tasks, wait_idle)
    _select_in_list(page, visit)
    asked: list[str] = []

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)

    answer_next_dialog(qtbot, confirm)
    with qtbot.waitSignal(page.status_message) as said:
        QTest.mouseClick(page.buttons["submit"], LEFT)
    wait_idle(tasks)
    assert "next sync" in asked[0]
    assert "next sync" in said.args[0] and "sent to the manager" in said.args[0]
    assert report_draft(store, visit).status == VisitStatus.SUBMITTED
    statuses = {
        page.list_model.record(i).id: page.list_model.index(i, 3).data()
        for i in range(page.list_model.rowCount())
    }
    assert statuses[visit] == "Submitted, awaiting sync"
    # Submitted is final: no undo is offered any more.
    menu = press_menu_key(page, page.table)
    undo = [a for a in menu.actions() if a.text().startswith("Undo")]
    assert undo == []
    QTest.keyClick(menu, Qt.Key.Key_Escape)

    QTest.keyClick(page.table, Qt.Key.Key_Return)  # the locked report
    form = page.findChild(ReportForm)
    assert form is not None
    assert "next sync" in form.draft_state.text()
    assert "next sync" in form.addendum_note.text()
    QTest.keyClick(form, Qt.Key.Key_Escape)

    from kamdesk.ui.language import Language

    switcher.apply(Language.RUSSIAN)
    assert "Отправлен" not in status_label(VisitStatus.SUBMITTED)
    assert "Отправка" not in page.buttons["submit"].text()


def test_looking_around_the_calendar_writes_nothing(
    qtbot, page, store, territory, tasks, wait_idle
):
    """Selecting, scrolling and opening (then closing) never reach the change log."""
    held = _held_this_morning(store, page, territory["hospital"])
    planned = add_visit(
        store, territory["hospital"], at(page.today, time(18), page.tz) + timedelta(days=1)
    )
    show(qtbot, page, tasks, wait_idle)
    before = log_size(store)

    def wheel(widget: QWidget, at_point: QPoint) -> None:
        for delta in (-120, -120, 120):
            QApplication.sendEvent(
                widget,
                QWheelEvent(
                    QPointF(at_point), QPointF(widget.mapToGlobal(at_point)), QPoint(),
                    QPoint(0, delta), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                    Qt.ScrollPhase.NoScrollPhase, False,
                ),
            )  # fmt: skip

    # The week: click, scroll, open the held visit's report and close it with Esc.
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, held))
    wheel(page.week, block_centre(page, held))
    QTest.keyClick(page.week, Qt.Key.Key_Return)
    form = page.findChild(ReportForm)
    assert form is not None and form.visit_id == held
    qtbot.waitExposed(form)
    QTest.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    # Tomorrow's plan opened with Enter and cancelled; the held-time question cancelled.
    QTest.keyClick(page.week, Qt.Key.Key_Right)
    wait_idle(tasks)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, planned))
    QTest.keyClick(page.week, Qt.Key.Key_Return)
    plan = page.findChild(PlanDialog)
    assert plan is not None and plan.visit_id == planned
    QTest.keyClick(plan, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not plan.isVisible())
    QTest.mouseClick(page.buttons["done"], LEFT)
    question = page.findChild(HeldTimeDialog)
    assert question is not None
    QTest.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not question.isVisible())
    # A new visit's plan (N) closed without saving.
    QTest.keyClick(page.week, Qt.Key.Key_N)
    new_plan = next(d for d in page.findChildren(PlanDialog) if d.visit_id is None)
    QTest.keyClick(new_plan, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not new_plan.isVisible())
    # The day and the list: switch visits with the keyboard and scroll.
    QTest.keyClick(page.week, Qt.Key.Key_T)
    wait_idle(tasks)
    QTest.mouseClick(page.mode_buttons.button(DAY), LEFT)
    page.day_list.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_End):
        QTest.keyClick(page.day_list, key)
    wheel(page.day_list.viewport(), QPoint(20, 20))
    _select_in_list(page, held)
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    QTest.keyClick(page.table, Qt.Key.Key_Up)
    wheel(page.table.viewport(), QPoint(20, 10))
    wait_idle(tasks)
    assert log_size(store) == before
    assert report_draft(store, planned).status == VisitStatus.PLANNED


def test_a_rescheduling_is_undone_from_the_menu_key_and_the_copy_goes(
    qtbot, page, store, territory, tasks, wait_idle
):
    visit = add_visit(store, territory["hospital"], at(page.today, time(17), page.tz))
    moved = reschedule_visit(
        store, visit, at(page.today, time(19), page.tz), now=at(page.today, time(8), page.tz)
    )
    show(qtbot, page, tasks, wait_idle)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    menu = press_menu_key(page, page.week)
    click_menu_item(qtbot, menu, "Undo the rescheduling")
    wait_idle(tasks)
    assert page.row(visit).status == VisitStatus.PLANNED
    assert page.row(moved) is None  # the copy is gone from the calendar


def test_mark_held_from_the_menu_of_a_later_visit_asks_first(
    qtbot, page, store, territory, tasks, wait_idle
):
    tomorrow = page.today + timedelta(days=1)
    visit = add_visit(store, territory["hospital"], at(tomorrow, time(11), page.tz))
    show(qtbot, page, tasks, wait_idle)
    QTest.keyClick(page.week, Qt.Key.Key_Right)
    wait_idle(tasks)
    centre = block_centre(page, visit)
    QApplication.sendEvent(
        page.week,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, page.week.mapToGlobal(centre)),
    )
    assert page.selected_id == visit  # the right click chose the visit
    assert page.menu is not None
    click_menu_item(qtbot, page.menu, "Mark held…")
    question = page.findChild(HeldTimeDialog)
    assert question is not None and question.isVisible()
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    QTest.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not question.isVisible())
    assert report_draft(store, visit).status == VisitStatus.PLANNED


def _menu_texts(qtbot, page: VisitsPage, view: QWidget) -> list[str]:
    """What the visit's menu (the Menu key) offers; the menu is closed again."""
    menu = press_menu_key(page, view)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    return texts


def test_once_held_or_submitted_the_page_offers_only_what_fits(
    qtbot, page, store, territory, tasks, wait_idle
):
    """The pre-meeting checklist is for a planned visit: once it is held the side panel
    says what comes next. Undo (the button, the menu) never offers a change that can no
    longer be taken back, also when the report was completed elsewhere or submitted.
    Each is true at once after the click, and still once the calendar has reloaded."""
    visit = add_visit(store, territory["hospital"], at(page.today, time(0, 1), page.tz))
    show(qtbot, page, tasks, wait_idle)
    QTest.mouseClick(page.week, LEFT, pos=block_centre(page, visit))
    checklist = page.checklist
    assert checklist.tree.isVisible(), "a planned visit shows its checklist"

    QTest.mouseClick(page.buttons["done"], LEFT)
    for moment in ("at once", "after the reload"):
        assert not checklist.tree.isVisible() and not checklist.summary.isVisible(), moment
        assert "write the report" in checklist.empty.text(), moment
        texts = _menu_texts(qtbot, page, page.week)
        assert "Undo «Held»" in texts and "Mark held…" not in texts, moment
        assert "Held" in page.buttons["undo"].toolTip(), moment
        wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.DONE

    # The report completed in the client's card: undoing «Held» would be refused.
    report = replace(report_draft(store, visit).input)
    report.objective_reached, report.outcome = True, "Pilot agreed"
    report.sentiment = Sentiment.POSITIVE
    assert save_report(store, visit, report, final=True).saved
    page.hide()
    page.show()  # back to the Visits section: it loads again
    wait_idle(tasks)
    assert not page.buttons["undo"].isEnabled(), page.buttons["undo"].toolTip()
    assert "Undo «Report completed»" in _menu_texts(qtbot, page, page.week)
    assert "submit it" in checklist.empty.text()

    _select_in_list(page, visit)

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)

    answer_next_dialog(qtbot, confirm)
    QTest.mouseClick(page.buttons["submit"], LEFT)
    for moment in ("at once", "after the reload"):
        texts = _menu_texts(qtbot, page, page.table)
        assert not [text for text in texts if text.startswith("Undo")], (moment, texts)
        assert "Submitted: only dated addenda now" in texts, moment
        assert not page.buttons["undo"].isEnabled(), moment
        assert "submitted" in checklist.empty.text() and not checklist.tree.isVisible(), moment
        wait_idle(tasks)
    assert report_draft(store, visit).status == VisitStatus.SUBMITTED
