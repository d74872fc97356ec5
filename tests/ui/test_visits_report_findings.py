"""What a tester found on the Visits side at 1366×768, each checked as a KAM meets it.

1. A start typed that is not a date or time («31.02.2026 25:70», «tomorrow») is a change:
   Esc asks «Сохранить изменения?» and going back keeps what was typed.
2. A held visit whose report gives its actual start and duration shows those in the
   list (time and «Мин»), the week block and the day line; the plan is in the tooltip.
3. The report at 1366×768 in Russian with a 200-character client name: no sideways
   scroll bar, the name elided with its tooltip, every «×» of the next steps whole.
4. «Выгрузка…»: «The period ends before it begins» goes as soon as the dates are right.
5. A next step due before its visit is said under it («Срок раньше визита: …»), the
   final report refuses it and the draft keeps it; a date put right takes the note away.

QTest types ASCII only, so typed texts are English.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.services.visits import mark_done, report_draft, save_report, visits_on_days
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import at
from kamdesk.ui.visits.export_dialog import ExportDialog
from kamdesk.ui.visits.plan_dialog import PlanDialog
from kamdesk.ui.visits.report_form import ReportForm
from tests.services.visit_factories import add_account, add_visit
from tests.ui.kam_day.input import LEFT, activate, button, click

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
Answer = QMessageBox.StandardButton


def _questions() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "unsavedChanges" and w.isVisible()
    ]


def _press_escape(dialog: QWidget) -> None:
    """Esc where the KAM types: the focused field (it passes Esc on to its dialog)."""
    focused = QApplication.focusWidget()
    target = focused if focused is not None and dialog.isAncestorOf(focused) else dialog
    QTest.keyClick(target, Qt.Key.Key_Escape)


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)


# 1. A start that is not a moment is still what the KAM typed -------------------------------


@pytest.mark.parametrize("typed", ["31.02.2026 25:70", "tomorrow at ten"])
def test_an_invalid_start_typed_is_a_change_escape_asks_and_keeps_it(
    qtbot: QtBot, workspace: Any, territory: dict[str, Any], tasks: Any, typed: str
) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    _shown(qtbot, dialog)
    click(dialog.starts_at)
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.starts_at, typed)
    assert dialog.starts_at.text() == typed

    _press_escape(dialog)
    qtbot.waitUntil(lambda: bool(_questions()))
    box = _questions()[-1]
    assert box.text() == "Save changes?"
    QTest.mouseClick(box.button(Answer.Cancel), LEFT)  # «Вернуться»
    qtbot.waitUntil(lambda: not _questions())
    assert dialog.isVisible()
    assert dialog.starts_at.text() == typed


def test_what_is_typed_before_a_client_is_chosen_is_asked_about_on_escape(
    qtbot: QtBot, workspace: Any, tasks: Any
) -> None:
    """«Новый визит» with no client yet: an objective typed first was dropped by Esc
    without a word (the dialog counted changes only once a client was chosen)."""
    dialog = PlanDialog(workspace, tasks=tasks)
    _shown(qtbot, dialog)
    assert dialog.account.currentData() is None
    click(dialog.objective)
    QTest.keyClicks(dialog.objective, "Agree the Q1 order")
    _press_escape(dialog)
    qtbot.waitUntil(lambda: bool(_questions()))
    QTest.mouseClick(_questions()[-1].button(Answer.Cancel), LEFT)  # «Вернуться»
    qtbot.waitUntil(lambda: not _questions())
    assert dialog.isVisible() and dialog.objective.text() == "Agree the Q1 order"


def test_a_start_retyped_as_it_was_is_no_change(
    qtbot: QtBot, workspace: Any, territory: dict[str, Any], tasks: Any
) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    _shown(qtbot, dialog)
    opened = dialog.starts_at.text()
    click(dialog.starts_at)
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.starts_at, "31.02.2026 25:70")
    QTest.keyClick(dialog.starts_at, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.starts_at, opened)
    _press_escape(dialog)
    assert not dialog.isVisible()
    assert not _questions()


# 2. A held visit is shown as it was held ----------------------------------------------------

DAY, WEEK, LIST = 0, 1, 2


def _held_and_reported(store: Any, page: VisitsPage, account: Any) -> Any:
    """Planned today 00:01 for 30 min; the report: began 00:03, took 42 min."""
    visit = add_visit(store, account, at(page.today, time(0, 1), page.tz), duration_min=30)
    mark_done(store, visit)
    report = replace(report_draft(store, visit).input)
    report.actual_start = at(page.today, time(0, 3), page.tz)
    report.actual_duration_min = 42
    assert save_report(store, visit, report, final=False).saved
    return visit


def test_the_service_shows_a_held_visit_as_its_report_says(
    qtbot: QtBot, workspace: Any, territory: dict[str, Any], tasks: Any
) -> None:
    page = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(page)
    visit = _held_and_reported(workspace.store, page, territory["hospital"])
    (row,) = [r for r in visits_on_days(workspace.store, page.today, page.today) if r.id == visit]
    assert row.shown_start == at(page.today, time(0, 3), page.tz)
    assert row.shown_duration_min == 42
    assert row.shown_end == row.shown_start + timedelta(minutes=42)
    assert (row.starts_at, row.duration_min) == (at(page.today, time(0, 1), page.tz), 30)
    assert row.held_otherwise


def _tooltip_at(widget: QWidget, pos: QPoint) -> str:
    """The tooltip the KAM sees resting the mouse at `pos`."""
    QTest.mouseMove(widget, pos)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    return QToolTip.text()


def test_list_week_and_day_show_the_actual_times_and_the_plan_in_the_tooltip(
    qtbot: QtBot, workspace: Any, territory: dict[str, Any], tasks: Any, wait_idle: Any
) -> None:
    page = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(page)
    visit = _held_and_reported(workspace.store, page, territory["hospital"])
    page.resize(1300, 720)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(tasks)

    QTest.mouseClick(page.mode_buttons.button(LIST), Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    model = page.list_model
    line = next(r for r in range(model.rowCount()) if model.record(r).id == visit)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    time_cell = model.index(line, headers.index("Time"))
    minutes_cell = model.index(line, headers.index("Min"))
    assert time_cell.data() == "00:03–00:45"
    assert minutes_cell.data() == "42"
    assert time_cell.data(Qt.ItemDataRole.ToolTipRole) == "Planned for 00:01–00:31"
    assert minutes_cell.data(Qt.ItemDataRole.ToolTipRole) == "Planned for 00:01–00:31"

    QTest.mouseClick(page.mode_buttons.button(WEEK), Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    rect = page.week.block_rect(visit)
    assert rect is not None
    hour = page.week.hour_top(1.0) - page.week.hour_top(0.0)
    assert rect.height() == pytest.approx(hour * 42 / 60, abs=2)
    tip = _tooltip_at(page.week, rect.center().toPoint())
    assert "00:03–00:45" in tip and "Planned for 00:01–00:31" in tip

    QTest.mouseClick(page.mode_buttons.button(DAY), Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    day = page.day_model
    (index,) = [day.index(r) for r in range(day.rowCount()) if "00:03" in str(day.index(r).data())]
    assert str(index.data()).startswith("00:03–00:45")
    assert "Planned for 00:01–00:31" in str(index.data(Qt.ItemDataRole.ToolTipRole))


# 3. The report fits the screen whatever the client's name ----------------------------------

LONG_NAMES = [
    (
        "Государственное бюджетное учреждение здравоохранения Тверской области «Областная "
        "клиническая больница» " * 3
    )[:200],
    ("ОбластнаяКлиническаяБольница" * 8)[:200],  # nowhere to break a line
]


@pytest.mark.parametrize("name", LONG_NAMES, ids=["words", "one-word"])
def test_the_report_with_a_long_client_name_fits_1366x768_with_every_x_whole(
    qtbot: QtBot, workspace: Any, store: Any, switcher: LanguageSwitcher, name: str
) -> None:
    assert len(name) == 200
    switcher.apply(Language.RUSSIAN)
    account = add_account(store, name)
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    visit = add_visit(store, account, start, objective="Включение в формуляр")
    form = ReportForm(workspace, visit)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    for _ in range(3):
        click(form.next_steps.add_button)
    assert len(form.next_steps.rows) == 3
    assert form.width() <= 1366 and form.height() <= 768 - 40
    scroll = form.body_scroll
    body = scroll.widget()
    assert body is not None
    qtbot.waitUntil(lambda: body.width() == scroll.viewport().width())
    qtbot.wait(50)  # the scroll area's own relayout
    bar = scroll.horizontalScrollBar()
    assert not bar.isVisible() and bar.maximum() == 0
    assert form.client_name.toolTip() == name
    assert form.client_name.shown_text() != name and form.client_name.shown_text().endswith("…")
    for row in form.next_steps.rows:
        scroll.ensureWidgetVisible(row.remove)
        qtbot.wait(10)
        top_left = row.remove.mapTo(scroll.viewport(), QPoint(0, 0))
        shown = scroll.viewport().rect()
        assert row.remove.isVisible()
        assert shown.contains(top_left) and shown.contains(
            top_left + QPoint(row.remove.width() - 1, row.remove.height() - 1)
        ), (top_left, row.remove.size(), shown)


# 4. The export's refusal goes once the period is right --------------------------------------

BACKWARDS = "The period ends before it begins."


def _retype(field: QWidget, text: str) -> None:
    click(field)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)


@pytest.mark.parametrize("fixed_by", ["to", "from"])
def test_the_backwards_period_note_goes_as_soon_as_the_dates_are_right(
    qtbot: QtBot, workspace: Any, tasks: Any, fixed_by: str
) -> None:
    dialog = ExportDialog(workspace, tasks, date(2026, 11, 1), date(2026, 11, 30), open_files=False)
    _shown(qtbot, dialog)
    _retype(dialog.date_to, "15.10.2026")  # before the 1st of November
    click(button(dialog, "Save"))
    assert dialog.note.text() == BACKWARDS
    if fixed_by == "to":
        _retype(dialog.date_to, "30.11.2026")
    else:
        _retype(dialog.date_from, "01.10.2026")
    assert dialog.export_filter().date_from <= dialog.export_filter().date_to
    assert dialog.note.text() == ""


# 5. A next step due before its visit ---------------------------------------------------------


def _month_back(qtbot: QtBot, row: Any) -> None:
    """Click the month of the step's date and press ↓: a month earlier."""
    line = row.due.lineEdit()
    metrics = line.fontMetrics()
    x = metrics.horizontalAdvance("00.") + metrics.horizontalAdvance("0") + 4
    QTest.mouseClick(line, LEFT, pos=QPoint(x, line.height() // 2))
    QTest.keyClick(row.due, Qt.Key.Key_Down)


def test_a_next_step_due_before_the_visit_is_said_under_it_and_refused_at_the_end(
    qtbot: QtBot, workspace: Any, store: Any, territory: dict[str, Any]
) -> None:
    start = datetime.now(UTC).replace(microsecond=0, second=0) - timedelta(hours=2)
    visit = add_visit(store, territory["hospital"], start, objective="Formulary")
    form = ReportForm(workspace, visit)
    _shown(qtbot, form)
    click(form.next_steps.add_button)
    (row,) = form.next_steps.rows
    qtbot.waitUntil(row.isVisible)  # a row added is shown once the event loop runs
    QTest.keyClicks(row.title, "Send the dossier")
    assert not row.note.isVisible()  # the default date comes after the visit
    due_before = row.due.date()

    _month_back(qtbot, row)
    assert row.due.date() == due_before.addMonths(-1)
    assert row.note.isVisible()
    assert row.note.text().startswith("Due before the visit: ")
    form.body_scroll.ensureWidgetVisible(row.note)
    assert row.note.visibleRegion().boundingRect().size() == row.note.size()

    click(form.save_button)  # the final report is refused, and says why
    assert form.isVisible()
    assert "A next step cannot be due before the visit" in form.problems.text()
    qtbot.waitUntil(lambda: not form.dirty)  # the draft saved on its own keeps the date
    draft = report_draft(store, visit).input
    assert [s.due_on for s in draft.next_steps] == [
        date(row.due.date().year(), row.due.date().month(), row.due.date().day())
    ]

    line = row.due.lineEdit()
    metrics = line.fontMetrics()
    x = metrics.horizontalAdvance("00.") + metrics.horizontalAdvance("0") + 4
    QTest.mouseClick(line, LEFT, pos=QPoint(x, line.height() // 2))
    QTest.keyClick(row.due, Qt.Key.Key_Up)
    assert row.due.date() == due_before
    assert not row.note.isVisible()


def test_the_export_dialog_stays_narrow_with_a_long_client_name(
    qtbot: QtBot, workspace: Any, store: Any, tasks: Any
) -> None:
    add_account(store, LONG_NAMES[1])
    dialog = ExportDialog(workspace, tasks, date(2026, 11, 1), date(2026, 11, 30), open_files=False)
    _shown(qtbot, dialog)
    assert dialog.width() <= 1366 - 100
    names = [
        dialog.account.itemData(i, Qt.ItemDataRole.ToolTipRole)
        for i in range(1, dialog.account.count())
    ]
    assert LONG_NAMES[1] in names
