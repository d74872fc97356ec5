"""The Visits page's buttons do what they say, as a tester found they did not, in the
main window, with mouse and keyboard:

- #7  right after «Reschedule» or «Cancel visit» from the buttons, Ctrl+Z takes it back
  (the keyboard is back on the calendar when the prompt closes, no click needed);
- #8  undoing a change of a call speaks of the call («звонок»), not of a visit, in the
  status bar, the Undo button's tooltip and the visit's menu;
- #10 a reschedule into the past is refused in the dialog, which says why; nothing is
  written;
- #11 a cancel with no reason keeps the dialog open, «OK» off and a hint saying that a
  reason is needed, and cancels once one is typed; it never closes doing nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import time
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kamdesk.models import Visit
from kamdesk.services.visits import VisitChannel, VisitStatus, report_draft
from kamdesk.store import Store
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import at
from tests.services.visit_factories import add_visit
from tests.ui.test_visits_status_gui import click_menu_item, press_menu_key

WaitIdle = Callable[[TaskRunner], None]
Answer = Callable[[QWidget, dict[str, Any]], None]

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

LEFT = Qt.MouseButton.LeftButton
OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def visits(qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle) -> VisitsPage:
    """The Visits section of the active main window, as a click on its button opens it."""
    window.resize(1500, 950)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.mouseClick(window.section_button(SectionKey.VISITS), LEFT)
    page = window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage) and page.isVisible()
    wait_idle(window.tasks)
    return page


@pytest.fixture
def stray_boxes(qtbot: QtBot) -> Iterator[list[str]]:
    """Message boxes nobody expected, answered (so a broken test fails, not hangs) and
    their texts kept for the test to look at."""
    seen: list[str] = []

    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            QTest.keyClick(box, Qt.Key.Key_Escape)

    timer = QTimer()
    timer.timeout.connect(dismiss)
    timer.start(50)
    yield seen
    timer.stop()


def answer_modal(answer: Answer) -> dict[str, Any]:
    """Answer the modal dialog the next click opens with `answer`, which notes what it
    saw in the dict returned; a dialog still open afterwards is closed with Escape."""
    seen: dict[str, Any] = {}

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QMessageBox):
            QTimer.singleShot(10, later)
            return
        try:
            answer(dialog, seen)
        finally:
            if dialog.isVisible():
                seen["left_open"] = True
                QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, later)
    return seen


def press_ctrl_z() -> None:
    """Ctrl+Z as the keyboard gives it: to the window that has the keyboard focus."""
    target = QGuiApplication.focusWindow()
    assert target is not None, "no window has the keyboard: Ctrl+Z would go nowhere"
    QTest.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def click_visit(page: VisitsPage, visit_id: uuid.UUID) -> None:
    rect = page.week.block_rect(visit_id)
    assert rect is not None, "the visit is not in the week shown"
    QTest.mouseClick(page.week, LEFT, pos=rect.center().toPoint())
    assert page.selected_id == visit_id


def tonight(store: Store, page: VisitsPage, account: uuid.UUID, **fields: object) -> uuid.UUID:
    """A visit at 23:00 today: in the week shown, whatever the day of the week."""
    return add_visit(store, account, at(page.today, time(23), page.tz), **fields)


def load(page: VisitsPage, wait_idle: WaitIdle) -> None:
    page.reload()
    wait_idle(page.tasks)


def visit_count(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Visit)) or 0


def ok_button(dialog: QWidget) -> Any:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(OK)


def a_day_later(dialog: QWidget, _seen: dict[str, Any]) -> None:
    start = dialog.findChild(QDateTimeEdit, "rescheduleStart")
    assert start is not None
    start.setFocus()
    start.setCurrentSection(QDateTimeEdit.Section.DaySection)
    QTest.keyClick(start, Qt.Key.Key_Up)
    QTest.mouseClick(ok_button(dialog), LEFT)


def reason(text: str) -> Answer:
    def give(dialog: QWidget, _seen: dict[str, Any]) -> None:
        field = dialog.findChild(QLineEdit)
        assert field is not None
        QTest.keyClicks(field, text)
        QTest.keyClick(field, Qt.Key.Key_Return)

    return give


# #7: Ctrl+Z right after the action ----------------------------------------------------------


def test_ctrl_z_right_after_rescheduling_from_the_button_takes_it_back(
    qtbot: QtBot,
    visits: VisitsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
    stray_boxes,
) -> None:
    page = visits
    visit = tonight(store, page, territory["hospital"])
    load(page, wait_idle)
    click_visit(page, visit)
    seen = answer_modal(a_day_later)
    QTest.mouseClick(page.buttons["reschedule"], LEFT)
    wait_idle(page.tasks)
    assert "left_open" not in seen and not stray_boxes
    assert report_draft(store, visit).status == VisitStatus.RESCHEDULED

    press_ctrl_z()  # at once: no click in the calendar first
    wait_idle(page.tasks)
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    assert visit_count(store) == 1 + 1  # the territory's own visit, and this one again


def test_ctrl_z_right_after_cancelling_from_the_button_takes_it_back(
    qtbot: QtBot,
    visits: VisitsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
    stray_boxes,
) -> None:
    page = visits
    visit = tonight(store, page, territory["hospital"])
    load(page, wait_idle)
    click_visit(page, visit)
    seen = answer_modal(reason("Chief physician on leave"))
    QTest.mouseClick(page.buttons["cancel"], LEFT)
    wait_idle(page.tasks)
    assert "left_open" not in seen and not stray_boxes
    assert report_draft(store, visit).status == VisitStatus.CANCELLED

    press_ctrl_z()
    wait_idle(page.tasks)
    assert report_draft(store, visit).status == VisitStatus.PLANNED


# #8: a call is a call -------------------------------------------------------------------


def test_undoing_a_calls_cancellation_speaks_of_the_call(
    qtbot: QtBot,
    window: MainWindow,
    visits: VisitsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
    switcher: LanguageSwitcher,
    stray_boxes,
) -> None:
    switcher.apply(Language.RUSSIAN)
    page = visits
    call = tonight(store, page, territory["hospital"], channel=VisitChannel.CALL)
    load(page, wait_idle)
    click_visit(page, call)
    menu = press_menu_key(page, page.week)
    texts = [a.text() for a in menu.actions()]
    assert "Отменить звонок…" in texts and "Отменить визит…" not in texts
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())

    def asked(dialog: QWidget, seen: dict[str, Any]) -> None:
        seen["title"] = dialog.windowTitle()
        seen["labels"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        reason("Doctor is away")(dialog, seen)

    seen = answer_modal(asked)
    QTest.mouseClick(page.buttons["cancel"], LEFT)
    wait_idle(page.tasks)
    assert "left_open" not in seen and not stray_boxes
    assert seen["title"] == "Отмена звонка"
    assert "Почему отменён звонок" in seen["labels"] and "визит" not in seen["labels"]
    assert report_draft(store, call).status == VisitStatus.CANCELLED
    tooltip = page.buttons["undo"].toolTip()
    assert tooltip.startswith("Вернуть отменённый звонок"), tooltip

    activate_again = page.window()
    activate_again.activateWindow()  # what the window manager does (should it not, #7)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is activate_again)
    click_visit(page, call)
    menu = press_menu_key(page, page.week)
    click_menu_item(qtbot, menu, "Вернуть отменённый звонок")
    wait_idle(page.tasks)
    assert report_draft(store, call).status == VisitStatus.PLANNED
    said = window.statusBar().currentMessage()
    assert "звонок снова «Запланирован»" in said, said
    assert "визит" not in said


# #10: not into the past -----------------------------------------------------------------


def test_a_reschedule_into_the_past_is_refused_in_the_dialog(
    qtbot: QtBot,
    visits: VisitsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
    stray_boxes,
) -> None:
    page = visits
    visit = tonight(store, page, territory["hospital"])
    load(page, wait_idle)
    click_visit(page, visit)
    before = visit_count(store)

    def last_year_then_next(dialog: QWidget, seen: dict[str, Any]) -> None:
        start = dialog.findChild(QDateTimeEdit, "rescheduleStart")
        error = dialog.findChild(QLabel, "rescheduleError")
        assert start is not None and error is not None
        ok = ok_button(dialog)
        start.setFocus()
        start.setCurrentSection(QDateTimeEdit.Section.YearSection)
        QTest.keyClick(start, Qt.Key.Key_Down)  # a year ago
        seen["ok_in_past"] = ok.isEnabled()
        seen["error_in_past"] = error.text() if error.isVisible() else ""
        seen["tip_in_past"] = ok.toolTip()
        QTest.mouseClick(ok, LEFT)
        QTest.keyClick(start, Qt.Key.Key_Return)
        seen["open_after_ok"] = dialog.isVisible()
        for _ in range(2):
            QTest.keyClick(start, Qt.Key.Key_Up)  # a year ahead
        seen["ok_ahead"] = ok.isEnabled()
        seen["error_ahead"] = error.isVisible()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # the KAM thinks again

    seen = answer_modal(last_year_then_next)
    QTest.mouseClick(page.buttons["reschedule"], LEFT)
    wait_idle(page.tasks)
    assert not stray_boxes, stray_boxes
    assert seen["ok_in_past"] is False
    assert "already passed" in seen["error_in_past"], seen
    assert seen["tip_in_past"] == seen["error_in_past"]
    assert seen["open_after_ok"] is True
    assert seen["ok_ahead"] is True and seen["error_ahead"] is False
    assert "left_open" not in seen
    # Nothing written: the visit is planned where it was, no visit added, nothing to undo.
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    assert visit_count(store) == before
    assert not page.buttons["undo"].isEnabled()


def test_the_reschedule_refusal_is_said_in_russian(
    qtbot: QtBot,
    visits: VisitsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
    switcher: LanguageSwitcher,
) -> None:
    switcher.apply(Language.RUSSIAN)
    page = visits
    visit = tonight(store, page, territory["hospital"])
    load(page, wait_idle)
    click_visit(page, visit)

    def last_year(dialog: QWidget, seen: dict[str, Any]) -> None:
        start = dialog.findChild(QDateTimeEdit, "rescheduleStart")
        error = dialog.findChild(QLabel, "rescheduleError")
        assert start is not None and error is not None
        start.setFocus()
        start.setCurrentSection(QDateTimeEdit.Section.YearSection)
        QTest.keyClick(start, Qt.Key.Key_Down)
        seen["error"] = error.text()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer_modal(last_year)
    QTest.mouseClick(page.buttons["reschedule"], LEFT)
    wait_idle(page.tasks)
    assert "уже прошло" in seen["error"], seen


# #11: a cancel needs its reason ---------------------------------------------------------


def test_a_cancel_without_a_reason_waits_for_one(
    qtbot: QtBot,
    visits: VisitsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
    stray_boxes,
) -> None:
    page = visits
    visit = tonight(store, page, territory["hospital"])
    load(page, wait_idle)
    click_visit(page, visit)

    def empty_then_reason(dialog: QWidget, seen: dict[str, Any]) -> None:
        field = dialog.findChild(QLineEdit)
        hint = dialog.findChild(QLabel, "cancelReasonHint")
        assert field is not None and hint is not None
        ok = ok_button(dialog)
        seen["ok_empty"] = ok.isEnabled()
        seen["hint_empty"] = hint.text() if hint.isVisible() else ""
        QTest.keyClick(field, Qt.Key.Key_Return)  # no reason: nothing happens
        seen["open_after_return"] = dialog.isVisible()
        QTest.keyClicks(field, "   ")  # spaces are no reason either
        seen["ok_spaces"] = ok.isEnabled()
        QTest.keyClicks(field, "Chief physician on leave")
        seen["ok_typed"] = ok.isEnabled()
        seen["hint_typed"] = hint.isVisible()
        QTest.mouseClick(ok, LEFT)

    seen = answer_modal(empty_then_reason)
    QTest.keyClick(page.week, Qt.Key.Key_Delete)
    wait_idle(page.tasks)
    assert not stray_boxes, stray_boxes
    assert seen["ok_empty"] is False
    assert "reason" in seen["hint_empty"], seen
    assert seen["open_after_return"] is True
    assert seen["ok_spaces"] is False
    assert seen["ok_typed"] is True and seen["hint_typed"] is False
    assert "left_open" not in seen
    assert report_draft(store, visit).status == VisitStatus.CANCELLED
    assert page.buttons["undo"].isEnabled()


def test_a_cancel_given_up_changes_nothing(
    qtbot: QtBot,
    visits: VisitsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
    stray_boxes,
) -> None:
    page = visits
    visit = tonight(store, page, territory["hospital"])
    load(page, wait_idle)
    click_visit(page, visit)

    def give_up(dialog: QWidget, _seen: dict[str, Any]) -> None:
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer_modal(give_up)
    QTest.mouseClick(page.buttons["cancel"], LEFT)
    wait_idle(page.tasks)
    assert not stray_boxes and "left_open" not in seen
    assert report_draft(store, visit).status == VisitStatus.PLANNED
    assert not page.buttons["undo"].isEnabled()
