"""Saving a visit plan while another program holds the store's write lock does not
freeze the window: the save waits off the UI thread, Save says «Saving…», timers
keep firing, everything typed stays, and once the lock is released the plan is
stored (or, when the other program keeps it too long, the dialog says so under
the buttons and Save works again).

The other program is a second sqlite3 connection holding `BEGIN IMMEDIATE`.
QTest types ASCII only, so texts are English.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtTest import QTest

from kamdesk.services.visits import load_plan
from kamdesk.store.engine import BUSY_TIMEOUT_MS
from kamdesk.ui.visits.plan_dialog import PlanDialog
from tests.ui.kam_day.input import LEFT, activate, click
from tests.ui.write_lock import WriteLock, ticks_while

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
OBJECTIVE = "Agree on the spring order"


@pytest.fixture
def dialog(qtbot, workspace, territory, tasks) -> Iterator[PlanDialog]:
    plan = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    qtbot.addWidget(plan)
    plan.show()
    activate(qtbot, plan)
    click(plan.objective)
    QTest.keyClicks(plan.objective, OBJECTIVE)
    yield plan


def test_save_while_another_program_writes_keeps_the_window_alive(
    qtbot, dialog, store, tasks, wait_idle
) -> None:
    lock = WriteLock(store)
    try:
        QTest.mouseClick(dialog.save_button, LEFT)
        assert not dialog.save_button.isEnabled() and dialog.save_button.text() == "Saving…"
        assert not dialog.cancel_button.isEnabled()
        # The event loop runs while the save waits for the lock (on the UI thread it
        # would wait up to BUSY_TIMEOUT_MS with no timer firing).
        ticks_while(qtbot, lambda: dialog.isVisible() and dialog.saving)
        assert dialog.objective.text() == OBJECTIVE
    finally:
        lock.release()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=BUSY_TIMEOUT_MS * 2)
    wait_idle(tasks)
    assert dialog.visit_id is not None
    assert load_plan(store, dialog.visit_id).objective == OBJECTIVE


def test_a_lock_held_too_long_says_so_and_save_works_again(
    qtbot, dialog, store, tasks, wait_idle
) -> None:
    lock = WriteLock(store)
    try:
        QTest.mouseClick(dialog.save_button, LEFT)
        qtbot.waitUntil(dialog.save_note.isVisible, timeout=BUSY_TIMEOUT_MS * 3)
        assert "busy with another program" in dialog.save_note.text()
        assert dialog.isVisible() and dialog.save_button.isEnabled()
        assert dialog.save_button.text() != "Saving…"
        assert dialog.objective.text() == OBJECTIVE and dialog.visit_id is None
    finally:
        lock.release()
    QTest.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_idle(tasks)
    assert dialog.visit_id is not None
    assert load_plan(store, dialog.visit_id).objective == OBJECTIVE
