"""A call from the Visits page to the manager, offscreen: plan it with «Plan a call»,
see it named as a call in the week, write its short report (outcome and next step),
submit it; the follow-up task exists and the export marks it as a call.

QTest types ASCII only (it aborts on other characters), so typed texts are English.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from kamdesk.services.visits import (
    ExportFilter,
    VisitChannel,
    VisitStatus,
    follow_ups,
    load_plan,
    manager_export,
)
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import local, to_qdatetime
from kamdesk.ui.visits.plan_dialog import PlanDialog
from kamdesk.ui.visits.report_form import ReportForm

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _plan_dialog() -> PlanDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, PlanDialog)]
    assert len(dialogs) == 1
    return dialogs[0]


def test_plan_a_call_hold_it_report_and_submit(
    qtbot, workspace, store, territory, tasks, wait_idle, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(tasks)
    # An hour ago, so that it can be reported at once.
    start = (datetime.now(UTC) - timedelta(hours=1)).replace(second=0, microsecond=0)
    page.go_to(local(start, page.tz).date())
    wait_idle(tasks)

    assert page.buttons["call"].text() == "Plan a call"
    QTest.mouseClick(page.buttons["call"], Qt.MouseButton.LeftButton)
    dialog = _plan_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Plan a call"
    assert dialog.channel.currentData() == VisitChannel.CALL
    assert not dialog.place.isVisible() and not dialog.coordinates.isVisible()
    assert dialog.duration.value() == 15
    dialog.account.setCurrentIndex(index_of_data(dialog.account, territory["hospital"]))
    dialog.starts_at.setDateTime(to_qdatetime(start, page.tz))
    # A call made an hour ago is recorded: the dialog asks about the start gone by.
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    dialog.attendees.setFocus()
    dialog.attendees.setCurrentRow(0)
    QTest.keyClick(dialog.attendees, Qt.Key.Key_Space)  # ticks the first contact
    dialog.objective.setFocus()
    QTest.keyClicks(dialog.objective, "Agree a meeting with the committee")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)

    [row] = [r for r in page.week.rows if r.starts_at == start]
    assert row.is_call and row.leg is None and row.duration_min == 15
    assert "Call: " in page.week.block_text(row)  # in words, not by a colour only
    plan = load_plan(store, row.id)
    assert plan.place == "" and len(plan.attendee_ids) == 1

    form = ReportForm(workspace, row.id)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    assert form.windowTitle().startswith("Call report: ")
    form.outcome.setFocus()
    QTest.keyClicks(form.outcome, "Meeting agreed for next week")
    form.next_steps.add_button.setFocus()
    QTest.keyClick(form.next_steps.add_button, Qt.Key.Key_Space)
    QTest.keyClicks(form.next_steps.rows[0].title, "Send the meeting agenda")
    with qtbot.waitSignal(form.saved, raising=False) as saved:
        QTest.keyClick(form.outcome, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [row.id, True], form.problems.text()  # no mood asked of a call
    form.close()

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    wait_idle(tasks)
    page.select(row.id)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    QTest.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    [task] = [t for t in follow_ups(store, date.today()) if t.visit_id == row.id]
    assert task.title == "Send the meeting agenda"
    day = local(start, page.tz).date()
    [exported] = [
        r for r in manager_export(store, ExportFilter(day, day)).rows if r.visit_id == row.id
    ]
    assert exported.status == VisitStatus.SUBMITTED and exported.channel == VisitChannel.CALL
