"""What a KAM types into a visit report is in the store within a second, however
continuously they type, and a store busy with another program neither freezes the
form nor loses the text.

The debounce's clock is moved on by the test, so "typing for a second without a
pause" takes no second: keys are sent without turning the event loop, so the
pause timer cannot fire, and only the maximum delay can have saved the draft.
QTest types ASCII only, so the texts are English.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kamdesk.services.visits import report_draft
from kamdesk.store import Store, crypto, open_store
from kamdesk.ui.debounce import Debounce
from kamdesk.ui.visits.report_form import AUTOSAVE_MAX_WAIT_MS, ReportForm
from tests.services.visit_factories import add_account, add_visit

WORD_MS = 100  # a word a tenth of a second: fast, and never a pause


class SteppedClock:
    """A monotonic clock in seconds that only the test moves on."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance_ms(self, ms: int) -> None:
        self.now += ms / 1000


def _held_visit(store: Store) -> uuid.UUID:
    account = add_account(store, "Apteka Zdorovye")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    return add_visit(store, account, start, objective="Matrix")


def _type_words(form: ReportForm, clock: SteppedClock, words: list[str]) -> None:
    for word in words:
        clock.advance_ms(WORD_MS)
        QTest.keyClicks(form.outcome, word + " ")


@pytest.fixture
def form(qtbot, workspace, store) -> Iterator[ReportForm]:
    report = ReportForm(workspace, _held_visit(store))
    qtbot.addWidget(report)
    report.autosave.clock = SteppedClock()
    yield report


def test_the_debounce_saves_at_its_deadline_while_poked_without_a_pause(qtbot) -> None:
    calls: list[float] = []
    clock = SteppedClock()
    debounce = Debounce(None, 500, 800, lambda: calls.append(clock()))
    debounce.clock = clock
    for _ in range(20):  # two seconds of changes, one every 0.1 s
        debounce.poke()
        clock.advance_ms(100)
    # The first change at 0 s is saved at 0.8 s (with the change made then); the next
    # one not saved, made at 0.9 s, at 1.7 s: no change waits longer than 0.8 s.
    assert calls == [pytest.approx(0.8), pytest.approx(1.7)]
    assert debounce.pending and debounce.timer.isActive()  # the rest waits for the pause
    qtbot.waitUntil(lambda: len(calls) == 3)  # the pause came: the rest is saved too
    assert not debounce.pending


def test_continuous_typing_is_in_the_store_after_a_crash(qtbot, form, store) -> None:
    clock = form.autosave.clock
    assert isinstance(clock, SteppedClock)
    words = [f"word{n}" for n in range(1, 25)]
    # Three bursts of typing; between them the KAM moves on, still without a pause.
    _type_words(form, clock, words[:8])
    _type_words(form, clock, words[8:16])
    _type_words(form, clock, words[16:])
    typed = form.outcome.toPlainText()
    # The crash: the form is never closed (nothing more is saved); a new process opens
    # the store file afresh.
    after_crash = open_store(store.path)
    try:
        stored = report_draft(after_crash, form.visit_id).input.outcome
    finally:
        after_crash.close()
    assert stored and typed.startswith(stored), "what was typed is in the store"
    # 2.4 s of typing: saved at least at 0.8 s, 1.6 s and 2.4 s; at most the last
    # AUTOSAVE_MAX_WAIT_MS of words can be missing.
    missing_words = len(typed[len(stored) :].split())
    assert missing_words <= AUTOSAVE_MAX_WAIT_MS // WORD_MS


def _hold_write_lock(store: Store) -> crypto.Connection:
    other = crypto.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_busy_store_keeps_the_report_in_the_form_and_saves_it_when_free(
    qtbot, form, store
) -> None:
    form.show()
    qtbot.waitExposed(form)
    other = _hold_write_lock(store)
    try:
        _type_words(form, form.autosave.clock, [f"busy{n}" for n in range(12)])
        # The draft was due while the store was busy: refused at once, said, kept.
        assert "busy with another program" in form.draft_state.text()
        assert form.outcome.toPlainText().startswith("busy0 busy1")
        QTest.keyClick(form, Qt.Key.Key_Escape)
        assert form.isVisible(), "closing now would drop the text: the form stays"
    finally:
        other.execute("ROLLBACK")
        other.close()
    typed = form.outcome.toPlainText().strip()  # the store keeps a text without the last space
    qtbot.waitUntil(lambda: report_draft(store, form.visit_id).input.outcome == typed)
    assert "Draft saved" in form.draft_state.text()
    QTest.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
