"""What a tester found on the Visits side with the real window, acted out as a KAM would.

1. The plan dialog's «Start» keeps what is typed: Ctrl+A and «08.12.YYYY 14:30» is
   08.12 at 14:30 (it became the 7th); «31.02.YYYY 25:70» is refused under the field
   (it became 07.02 02:07 and was saved); a click on the day selects it, so «15» typed
   there is the 15th; a start already past is said under the field as «Reschedule»
   says it, and asked about on Save (No, the default, saves nothing; a call already
   made may be recorded).
2. The first ◀ in «Список» goes to the month before (it stepped a week within it).
3. After a switch of language the list's header names the month in that language, and
   its dates («10 Nov 2026») stay on one line.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kamdesk.models import Visit
from kamdesk.services.visits import DEFAULT_TIME_ZONE, cancel_visit, load_plan
from kamdesk.services.workspace import Workspace
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import at, local
from kamdesk.ui.visits.list_layout import DATE, READINESS, STATUS
from kamdesk.ui.visits.page import LIST
from kamdesk.ui.visits.plan_dialog import PlanDialog, open_plan_dialog
from kamdesk.ui.visits.week_view import visit_tooltip

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LEFT = Qt.MouseButton.LeftButton
YEAR = datetime.now().year + 1  # a year still ahead whenever the tests run


def _dialog(qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, account: Any) -> PlanDialog:
    """As the card's «Plan a visit…» opens it: for the client, at the next free slot."""
    dialog = open_plan_dialog(None, workspace, tasks, account_id=account)
    qtbot.waitExposed(dialog)  # it deletes itself once closed
    return dialog


def _close(qtbot: QtBot, dialog: PlanDialog) -> None:
    dialog.unsaved.mark_unchanged()  # the test's typing is not asked about
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(dialog))


def _retype(dialog: PlanDialog, text: str) -> None:
    """Click «Start», select it all and type over it."""
    field = dialog.starts_at
    QTest.mouseClick(field, LEFT)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)


def _saved_start(
    qtbot: QtBot, dialog: PlanDialog, workspace: Workspace, wait_idle: Any, tasks: TaskRunner
) -> datetime:
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        QTest.mouseClick(dialog.save_button, LEFT)
    wait_idle(tasks)
    plan = load_plan(workspace.store, saved.args[0])
    return local(plan.starts_at, DEFAULT_TIME_ZONE).replace(tzinfo=None)


def test_the_start_typed_over_is_the_start_saved(
    qtbot: QtBot, workspace: Workspace, territory: dict[str, Any], tasks: TaskRunner, wait_idle: Any
) -> None:
    dialog = _dialog(qtbot, workspace, tasks, territory["hospital"])
    _retype(dialog, f"08.12.{YEAR} 14:30")
    assert dialog.starts_at.text() == f"08.12.{YEAR} 14:30"
    assert _saved_start(qtbot, dialog, workspace, wait_idle, tasks) == datetime(YEAR, 12, 8, 14, 30)


def test_an_impossible_start_is_refused_not_changed(
    qtbot: QtBot, workspace: Workspace, territory: dict[str, Any], tasks: TaskRunner
) -> None:
    dialog = _dialog(qtbot, workspace, tasks, territory["hospital"])
    _retype(dialog, f"31.02.{YEAR} 25:70")
    QTest.mouseClick(dialog.save_button, LEFT)
    error = dialog._errors["starts_at"]
    assert dialog.isVisible() and not dialog.saving  # nothing was saved
    assert dialog.starts_at.text() == f"31.02.{YEAR} 25:70"  # what was typed, not corrected
    assert error.isVisible() and f"31.02.{YEAR} 25:70" in error.text()
    assert "no such date" in error.text()
    _close(qtbot, dialog)


def test_a_click_on_the_day_selects_it_for_typing(
    qtbot: QtBot, workspace: Workspace, territory: dict[str, Any], tasks: TaskRunner, wait_idle: Any
) -> None:
    dialog = _dialog(qtbot, workspace, tasks, territory["hospital"])
    _retype(dialog, f"08.12.{YEAR} 14:30")
    field = dialog.starts_at
    field.setCursorPosition(1)  # only to find where the day's digits are drawn
    between_digits: QPoint = field.cursorRect().center()
    field.setCursorPosition(len(field.text()))
    QTest.mouseClick(field, LEFT, Qt.KeyboardModifier.NoModifier, between_digits)
    QTest.keyClicks(field, "15")
    assert field.text() == f"15.12.{YEAR} 14:30"
    field.setCursorPosition(12)  # the hour
    hour = field.cursorRect().center()
    field.setCursorPosition(0)
    QTest.mouseClick(field, LEFT, Qt.KeyboardModifier.NoModifier, hour)
    QTest.keyClicks(field, "09")
    assert field.text() == f"15.12.{YEAR} 09:30"
    assert _saved_start(qtbot, dialog, workspace, wait_idle, tasks) == datetime(YEAR, 12, 15, 9, 30)


def test_a_start_already_past_is_said_and_asked_about(
    qtbot: QtBot,
    workspace: Workspace,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        def reply(_parent: object, _title: str, text: str, *_args: object) -> object:
            asked.append(text)
            return button

        monkeypatch.setattr(QMessageBox, "question", reply)

    dialog = _dialog(qtbot, workspace, tasks, territory["hospital"])
    _retype(dialog, "08.12.2020 14:30")
    answer(QMessageBox.StandardButton.No)  # the default: nothing is saved
    QTest.mouseClick(dialog.save_button, LEFT)
    error = dialog._errors["starts_at"]
    assert asked and "08.12.2020 14:30" in asked[0]
    assert dialog.isVisible() and not dialog.saving
    assert error.isVisible() and "already passed" in error.text()
    answer(QMessageBox.StandardButton.Yes)  # e.g. a call already made, recorded
    assert _saved_start(qtbot, dialog, workspace, wait_idle, tasks) == datetime(2020, 12, 8, 14, 30)


def test_a_start_fixed_clears_the_line_under_it(
    qtbot: QtBot, workspace: Workspace, territory: dict[str, Any], tasks: TaskRunner
) -> None:
    dialog = _dialog(qtbot, workspace, tasks, territory["hospital"])
    _retype(dialog, f"31.02.{YEAR} 25:70")
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_Return)  # leaving or Enter says it
    error = dialog._errors["starts_at"]
    assert error.isVisible()
    _retype(dialog, f"08.12.{YEAR} 14:30")
    assert not error.isVisible()
    _close(qtbot, dialog)


# 2 and 3: the list, a month at a time, in the language chosen -----------------------------


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, wait_idle: Any) -> VisitsPage:
    view = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(view)
    view.resize(1366, 700)  # a 1366×768 screen less the window's frame and bars
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    wait_idle(tasks)
    return view


def _month(day: date, language: QLocale.Language) -> str:
    name = QLocale(language).standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {day.year}"


def _arrow(page: VisitsPage, text: str) -> QPushButton:
    [button] = [b for b in page.findChildren(QPushButton) if b.text() == text]
    return button


def _show_list(page: VisitsPage, wait_idle: Any) -> None:
    QTest.mouseClick(page.mode_buttons.button(LIST), LEFT)
    wait_idle(page.tasks)
    assert page.stack.currentWidget() is page.table


def test_the_first_back_arrow_in_the_list_goes_to_the_month_before(
    page: VisitsPage, wait_idle: Any, switcher: LanguageSwitcher
) -> None:
    today = page.current_day
    earlier = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    later = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    _show_list(page, wait_idle)
    english = QLocale.Language.English
    assert page.period.text() == _month(today, english)
    QTest.mouseClick(_arrow(page, "◀"), LEFT)
    wait_idle(page.tasks)
    assert page.period.text() == _month(earlier, english), "the first press"
    QTest.mouseClick(_arrow(page, "▶"), LEFT)
    QTest.mouseClick(_arrow(page, "▶"), LEFT)
    wait_idle(page.tasks)
    assert page.period.text() == _month(later, english)
    QTest.keyClick(page.table, Qt.Key.Key_PageUp)  # the keyboard's month back as well
    wait_idle(page.tasks)
    assert page.period.text() == _month(today, english)


def test_the_list_follows_a_switch_of_language(
    page: VisitsPage,
    wait_idle: Any,
    switcher: LanguageSwitcher,
    workspace: Workspace,
    territory: dict[str, Any],
) -> None:
    today = page.current_day
    with workspace.store.transaction() as session:  # a visit on a day of this month
        for day in {today.replace(day=10), today}:
            start = at(day, time(10), page.tz)
            session.add(Visit(account_id=territory["hospital"], starts_at=start))
    switcher.apply(Language.RUSSIAN)
    _show_list(page, wait_idle)
    page.reload()
    wait_idle(page.tasks)
    assert page.period.text() == _month(today, QLocale.Language.Russian)
    switcher.apply(Language.ENGLISH)
    wait_idle(page.tasks)
    assert page.period.text() == _month(today, QLocale.Language.English)
    model, table = page.list_model, page.table
    assert model.rowCount() >= 2
    metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        text = model.index(row, DATE).data()
        assert " " in text and text == text.strip()
        # The whole date on its line: «10 Dec 2026», not «10 Dec» over «2026».
        assert table.columnWidth(DATE) >= metrics.horizontalAdvance(text) + 6, text


# 5: the readiness says why a higher score can be «not ready» ----------------------------


def test_a_red_visit_says_which_critical_item_makes_it_so(
    page: VisitsPage, wait_idle: Any, workspace: Workspace, territory: dict[str, Any]
) -> None:
    """A tester saw «80 % · почти готов» above «86 % · не готов»: a critical item (two
    visits at once) makes a visit red whatever its score, and the list now says so."""
    day = page.current_day + timedelta(days=1)
    with workspace.store.transaction() as session:  # two visits at the same hour
        for account in ("hospital", "pharmacy"):
            start = at(day, time(10), page.tz)
            session.add(Visit(account_id=territory[account], starts_at=start))
    _show_list(page, wait_idle)
    page.reload()
    wait_idle(page.tasks)
    model = page.list_model
    shown = [model.index(row, READINESS).data() for row in range(model.rowCount())]
    red = [text for text in shown if "not ready" in text]
    assert len(red) >= 2, shown  # the two at once, at least
    assert all(re.search(r"· not ready: \d+ critical item", text) for text in red), shown


def test_a_cancelled_visit_says_why(
    qtbot: QtBot, page: VisitsPage, wait_idle: Any, workspace: Workspace, territory: dict[str, Any]
) -> None:
    """The reason typed on cancelling was asked for, stored, and shown nowhere."""
    day = page.current_day + timedelta(days=1)
    with workspace.store.transaction() as session:
        visit = Visit(account_id=territory["hospital"], starts_at=at(day, time(10), page.tz))
        session.add(visit)
        session.flush()
        visit_id = visit.id
    cancel_visit(workspace.store, visit_id, "Главврач в отпуске")
    page.reload()
    wait_idle(page.tasks)
    row = page.row(visit_id)
    assert row is not None
    assert "Cancelled: Главврач в отпуске" in visit_tooltip(row, page.tz)  # the week's block
    _show_list(page, wait_idle)
    model = page.list_model
    [line] = [r for r in range(model.rowCount()) if model.record(r).id == visit_id]
    tip = model.index(line, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Cancelled: Главврач в отпуске"
