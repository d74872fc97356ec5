"""Before leaving: the brief. After the visit: held, the report, submitted, exported.

Each step is its own test on a fresh copy of the demo. What is asserted is what
the KAM sees, or what is read back through the services and from the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.services.visits import VisitStatus, follow_ups, report_draft
from kamdesk.services.workspace import Workspace
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.visits.export_dialog import ExportDialog
from kamdesk.ui.visits.report_form import ReportForm
from tests.ui.kam_day.input import (
    OFFSCREEN_NOTICES,
    button,
    click,
    click_button,
    click_row,
    pick_in_combo,
    shortcut,
    snapshot,
    type_text,
    wait_for_window,
    when_modal_appears,
)
from tests.ui.kam_day.steps import (
    CTRL,
    DISPENSARY,
    WaitIdle,
    attendee_surnames,
    next_planned_visit,
    open_visits,
    pdf_text,
    select_in_day,
    select_in_list,
    visit_this_morning,
    xlsx_rows,
)
from tests.ui.save_dialog import open_the_saved_file, save_in_the_file_dialog

pytestmark = OFFSCREEN_NOTICES
OUTCOME = "Главврач согласен включить препарат в заявку"


def press_yes(box: QWidget) -> None:
    assert isinstance(box, QMessageBox), "a question is asked"
    click(box.button(QMessageBox.StandardButton.Yes))


def test_print_the_brief_of_the_next_visit(
    qtbot: QtBot,
    shown: MainWindow,
    wait_idle: WaitIdle,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    opened: list[QUrl] = []  # the system's PDF viewer is not started by a test
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    visit = next_planned_visit(workspace)
    page = open_visits(qtbot, shown, wait_idle)
    select_in_day(qtbot, page, visit.id)
    snapshot(page, "visit-of-the-day")
    save_in_the_file_dialog(tmp_path / "brief.pdf")  # where the KAM keeps it
    with qtbot.waitSignal(page.brief_ready, timeout=30_000) as ready:
        click_button(page, "Brief PDF")
    path = Path(ready.args[0])
    try:
        assert path.read_bytes().startswith(b"%PDF")
        open_the_saved_file(page)
        assert [url.toLocalFile() for url in opened] == [str(path)], "the brief is opened"
        text = pdf_text(path)
        assert DISPENSARY in text
        surnames = attendee_surnames(workspace, visit.id)
        assert surnames and all(name in text for name in surnames), "every attendee is in it"
    finally:
        path.unlink(missing_ok=True)


def test_hold_the_visit_write_the_report_submit_it_and_export_for_the_manager(
    qtbot: QtBot, shown: MainWindow, wait_idle: WaitIdle, workspace: Workspace, tmp_path: Path
) -> None:
    problems: list[str] = []  # what the KAM would notice, reported at the end of the day
    visit = visit_this_morning(workspace)
    page = open_visits(qtbot, shown, wait_idle)
    select_in_day(qtbot, page, visit)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click_button(page, "Mark held")
    assert report_draft(workspace.store, visit).status == VisitStatus.DONE
    if page.checklist.tree.isVisible():
        problems.append("the pre-meeting checklist is still shown for the visit just held")
    snapshot(page, "visit-held")

    shortcut(page.day_list, Qt.Key.Key_Return)  # opens the report of a visit held
    form = wait_for_window(qtbot, ReportForm)
    assert DISPENSARY in form.windowTitle()
    for ticks in (form.questions, form.attendees):
        for row in range(ticks.count()):
            click_row(ticks, ticks.model().index(row, 0))
            shortcut(ticks, Qt.Key.Key_Space)
    pick_in_combo(qtbot, form.objective_reached, "Yes")
    pick_in_combo(qtbot, form.sentiment, form.sentiment.itemText(1))
    click(form.outcome)
    type_text(form.outcome, OUTCOME)
    click(form.agreements)
    type_text(form.agreements, "КП до пятницы; расчёт на 1200 упаковок")
    click_button(form, "Add a next step")
    step = QApplication.focusWidget()
    assert isinstance(step, QLineEdit), "the new step's line takes the cursor"
    type_text(step, "Отправить КП главврачу")
    snapshot(form, "report")
    with qtbot.waitSignal(form.finished, timeout=10_000):
        shortcut(form.outcome, Qt.Key.Key_Return, CTRL)
    report = report_draft(workspace.store, visit)
    assert report.status == VisitStatus.REPORTED
    assert report.input.outcome == OUTCOME
    assert report.input.agreements == "КП до пятницы; расчёт на 1200 упаковок"
    assert report.input.questions and all(q.asked for q in report.input.questions)
    due = follow_ups(workspace.store, page.today, account_id=report.account_id)
    assert "Отправить КП главврачу" in [task.title for task in due]

    wait_idle(page.tasks)
    click_button(page, "List")
    select_in_list(page, visit)
    when_modal_appears(qtbot, press_yes)()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click_button(page, "Submit reports")
    report = report_draft(workspace.store, visit)
    assert report.locked and report.status == VisitStatus.SUBMITTED
    message = shown.statusBar().currentMessage()
    if "sync" not in message.lower():
        problems.append(f"after submitting: {message!r} (says it was sent, not when it travels)")
    if button(page, "Undo").isEnabled():
        problems.append(f"after submitting, {button(page, 'Undo').toolTip()!r} is still offered")
    snapshot(page, "report-submitted")

    click_button(page, "Export")
    export = wait_for_window(qtbot, ExportDialog)
    target = tmp_path / "visits-for-the-manager.xlsx"
    snapshot(export, "export")
    save_in_the_file_dialog(target)  # pasted over the proposed name
    with qtbot.waitSignal(export.written, timeout=30_000):
        click_button(export, "Save")
    if str(target) not in shown.statusBar().currentMessage():
        problems.append(f"after the export: {shown.statusBar().currentMessage()!r}")
    ours = [row for row in xlsx_rows(target) if DISPENSARY in row]
    assert ours, "the visit held today is in the manager's export"
    # (the period starts on Monday now: an earlier visit to the dispensary may come first)
    assert any(OUTCOME in cell for row in ours for cell in row), ours
    click_button(export, "Close")
    assert not problems, "\n".join(problems)


def test_in_the_list_a_click_chooses_the_visit_the_buttons_act_on(
    qtbot: QtBot, shown: MainWindow, wait_idle: WaitIdle, workspace: Workspace
) -> None:
    visit = visit_this_morning(workspace)
    page = open_visits(qtbot, shown, wait_idle)
    click_button(page, "List")
    select_in_list(page, visit)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click_button(page, "Mark held")
    assert report_draft(workspace.store, visit).status == VisitStatus.DONE
    shortcut(page.table, Qt.Key.Key_Return)
    form = wait_for_window(qtbot, ReportForm)
    assert form.visit_id == visit
    click_button(form, "Close")
