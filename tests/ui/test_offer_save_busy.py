"""Saving an offer while another program holds the store's write lock does not
freeze the window: the save waits off the UI thread, Save says «Saving…», timers
keep firing, everything typed stays, and once the lock is released the offer is
stored (or, when the other program keeps it too long, the editor says so under
the buttons and Save works again).

The other program is a second sqlite3 connection holding `BEGIN IMMEDIATE`.
QTest types ASCII only, so texts are English.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtTest import QTest

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import OfferBook
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.store.engine import BUSY_TIMEOUT_MS
from kamdesk.ui.offers.editor import OfferEditor
from tests.documents.offer_data import make_territory
from tests.ui.kam_day.input import LEFT, activate, button, click
from tests.ui.write_lock import WriteLock, ticks_while

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
BENEFIT = "Saves the budget"


@pytest.fixture
def editor(qtbot, store, tasks) -> Iterator[OfferEditor]:
    make_territory(store)
    workspace = Workspace(store.path, store)
    account_id = workspace.accounts.page(AccountFilter())[0].id
    shown = OfferEditor(workspace, account_id=account_id, tasks=tasks)
    qtbot.addWidget(shown)
    shown.show()
    activate(qtbot, shown)
    click(button(shown, "Add line"))
    shown.tabs.setCurrentIndex(2)  # «Benefit and terms»
    click(shown.benefit)
    QTest.keyClicks(shown.benefit, BENEFIT)
    yield shown


def _save_button(editor: OfferEditor):
    return editor.saving.save_button


def _stored_benefits(store: Store) -> list[str]:
    book = OfferBook(store)
    views = [book.get(row.id) for row in book.list()]
    return [view.draft.benefit for view in views if view is not None]


def test_save_while_another_program_writes_keeps_the_window_alive(
    qtbot, editor, store, tasks, wait_idle
) -> None:
    lock = WriteLock(store)
    try:
        QTest.mouseClick(_save_button(editor), LEFT)
        assert not _save_button(editor).isEnabled()
        assert _save_button(editor).text() == "Saving…"
        assert not editor.saving.cancel_button.isEnabled()
        # The event loop runs while the save waits for the lock (on the UI thread it
        # would wait up to BUSY_TIMEOUT_MS with no timer firing).
        ticks_while(qtbot, lambda: editor.isVisible() and editor.saving.under_way)
        assert editor.benefit.toPlainText() == BENEFIT and editor.lines.rowCount() == 1
        assert editor.saved_offer_id is None
    finally:
        lock.release()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=BUSY_TIMEOUT_MS * 2)
    wait_idle(tasks)
    assert editor.saved_offer_id is not None
    assert _stored_benefits(store) == [BENEFIT]


def test_a_lock_held_too_long_says_so_and_save_works_again(
    qtbot, editor, store, tasks, wait_idle
) -> None:
    lock = WriteLock(store)
    try:
        QTest.mouseClick(_save_button(editor), LEFT)
        qtbot.waitUntil(editor.saving.note.isVisible, timeout=BUSY_TIMEOUT_MS * 3)
        assert "busy with another program" in editor.saving.note.text()
        assert editor.isVisible() and _save_button(editor).isEnabled()
        assert _save_button(editor).text() != "Saving…"
        assert editor.saving.cancel_button.isEnabled()
        assert editor.benefit.toPlainText() == BENEFIT and editor.lines.rowCount() == 1
        assert editor.saved_offer_id is None
    finally:
        lock.release()
    assert _stored_benefits(store) == []
    QTest.mouseClick(_save_button(editor), LEFT)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=10_000)
    wait_idle(tasks)
    assert editor.saved_offer_id is not None
    assert _stored_benefits(store) == [BENEFIT]
