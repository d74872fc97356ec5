"""The plan dialog as a KAM meets it from the Visits page, offscreen.

- «New visit» (N) starts with no client chosen: Save waits and says why; the client is
  chosen by typing in the combo and picking the suggestion, and the visit is saved for it.
- Opened for a client (as the card does) the client stays fixed and chosen.
- The people list gives the DMU role short, in one pair of brackets, and the phone
  written as people write it.
- «Plan a call» speaks of a call (tab and objective), not of a visit.
- «Reschedule» names the visit moved, takes a new date and time and keeps its duration.

QTest types ASCII only, so the client typed for has a Latin name.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialogButtonBox

from kamdesk.models import Account, Contact, Visit
from kamdesk.services.visits import VisitChannel, VisitStatus, load_plan
from kamdesk.ui.formatting import format_phone
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import local
from kamdesk.ui.visits.plan_dialog import PlanDialog
from kamdesk.ui.visits.reschedule_dialog import RescheduleDialog
from kamdesk.vocabulary import AccountKind, DmuRole

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",  # the completer's popup, offscreen
    "This plugin does not support grabbing the keyboard",
)

PHONE = "+74822338553"


@pytest.fixture
def alfa(store: Any, territory: dict[str, Any]) -> Any:
    """A client whose name QTest can type, with a decision-maker who has a phone."""
    with store.transaction() as session:
        account = Account(name="Klinika Alfa", kind=AccountKind.HOSPITAL, city="Tver")
        session.add(account)
        session.flush()
        session.add(
            Contact(
                account_id=account.id,
                surname="Volkov",
                name="Dmitry",
                position="Director",
                dmu_role=DmuRole.DECISION_MAKER,
                phone_work=PHONE,
            )
        )
        return account.id


def _page(qtbot: Any, workspace: Any, tasks: Any, wait_idle: Any) -> VisitsPage:
    page = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(tasks)
    return page


def _plan_dialog() -> PlanDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, PlanDialog)]
    assert len(dialogs) == 1
    return dialogs[0]


def test_new_visit_starts_without_a_client_and_saves_the_one_typed(
    qtbot, workspace, store, alfa, tasks, wait_idle
) -> None:
    page = _page(qtbot, workspace, tasks, wait_idle)
    page.week.setFocus()
    QTest.keyClick(page.week, Qt.Key.Key_N)
    dialog = _plan_dialog()
    qtbot.waitExposed(dialog)

    assert dialog.account.isEnabled()
    assert dialog.account.currentIndex() == -1 and dialog.account.currentText() == ""
    line = dialog.account.lineEdit()
    assert line is not None and line.placeholderText() == "Select a client"
    assert not dialog.save_button.isEnabled()
    assert dialog.client_note.isVisible()
    assert "Select the client to visit" in dialog.client_note.text()
    assert dialog.save_button.toolTip() == dialog.client_note.text()
    assert dialog.attendees.count() == 0  # nobody's people before a client is chosen
    assert dialog.duration.value() == 60  # the usual length, ready before the client

    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClicks(line, "alfa")
    completer = dialog.account.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)

    assert dialog.account.currentData() == alfa
    assert dialog.account.currentText() == "Klinika Alfa"
    assert dialog.save_button.isEnabled() and not dialog.client_note.isVisible()
    assert dialog.isVisible()  # Enter picked the client; it did not save the plan
    [person] = [dialog.attendees.item(i).text() for i in range(dialog.attendees.count())]
    assert person == f"Volkov Dmitry, Director (DM) · {format_phone(PHONE)}"
    assert PHONE not in person

    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    assert load_plan(store, saved.args[0]).account_id == alfa


def test_a_plan_opened_for_a_client_keeps_it(qtbot, workspace, territory) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.account.currentData() == territory["hospital"]
    assert not dialog.account.isEnabled()
    assert dialog.save_button.isEnabled() and not dialog.client_note.isVisible()
    texts = [dialog.attendees.item(i).text() for i in range(dialog.attendees.count())]
    assert "Семёнов Пётр Сергеевич, Главный врач (DM)" in texts
    assert not any("((" in t or "))" in t for t in texts)


def test_plan_a_call_speaks_of_a_call(qtbot, workspace, alfa, tasks, wait_idle) -> None:
    page = _page(qtbot, workspace, tasks, wait_idle)
    QTest.mouseClick(page.buttons["call"], Qt.MouseButton.LeftButton)
    dialog = _plan_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.channel.currentData() == VisitChannel.CALL
    assert dialog.tabs.tabText(0) == "Call"
    assert dialog.objective.placeholderText() == "What should this call achieve?"
    assert "Select the client to call" in dialog.client_note.text()
    assert not dialog.save_button.isEnabled()
    dialog.channel.setFocus()
    QTest.keyClick(dialog.channel, Qt.Key.Key_Up)  # the KAM makes it a visit after all
    assert dialog.channel.currentData() == VisitChannel.VISIT
    assert dialog.tabs.tabText(0) == "Visit"
    assert dialog.objective.placeholderText() == "What should this visit achieve?"


def test_reschedule_names_the_visit_and_moves_date_and_time(
    qtbot, workspace, store, alfa, tasks, wait_idle
) -> None:
    start = (datetime.now(UTC) + timedelta(days=2)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    with store.transaction() as session:
        visit = Visit(account_id=alfa, starts_at=start, duration_min=45)
        session.add(visit)
        session.flush()
        visit_id = visit.id
    page = _page(qtbot, workspace, tasks, wait_idle)
    page.go_to(local(start, page.tz).date())
    wait_idle(tasks)
    page.select(visit_id)
    wait_idle(tasks)
    new_start = start + timedelta(days=1, hours=3)
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RescheduleDialog))
        seen["heading"] = dialog.heading.text()
        seen["duration"] = dialog.duration.text()
        seen["shown"] = dialog.start.dateTime().toString("dd.MM.yyyy HH:mm")
        # A day later and three hours later, section by section with the arrow keys.
        dialog.start.setFocus()
        dialog.start.setCurrentSection(QDateTimeEdit.Section.DaySection)
        QTest.keyClick(dialog.start, Qt.Key.Key_Up)
        dialog.start.setCurrentSection(QDateTimeEdit.Section.HourSection)
        for _ in range(3):
            QTest.keyClick(dialog.start, Qt.Key.Key_Up)
        seen["typed"] = dialog.start.dateTime().toString("dd.MM.yyyy HH:mm")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok"] = ok.text()
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    QTest.mouseClick(page.buttons["reschedule"], Qt.MouseButton.LeftButton)
    wait_idle(tasks)

    when = local(start, page.tz).strftime("%d.%m.%Y %H:%M")
    assert seen["heading"] == f"Reschedule the visit: Klinika Alfa, {when}"
    assert seen["shown"] == when
    assert seen["duration"] == "45 min, as planned"
    assert seen["ok"] == "Reschedule"
    assert seen["typed"] == local(new_start, page.tz).strftime("%d.%m.%Y %H:%M")
    page.go_to(local(new_start, page.tz).date())
    wait_idle(tasks)
    moved = [r for r in page.rows() if r.status == VisitStatus.PLANNED and r.account_id == alfa]
    assert [(r.starts_at, r.duration_min) for r in moved] == [(new_start, 45)]


@pytest.fixture
def beta(store: Any, territory: dict[str, Any]) -> Any:
    with store.transaction() as session:
        account = Account(name="Apteka Beta", kind=AccountKind.PHARMACY, city="Rzhev")
        session.add(account)
        session.flush()
        return account.id


def test_retyping_the_client_unchooses_the_one_before(
    qtbot, workspace, store, alfa, beta, tasks, wait_idle
) -> None:
    """A KAM chose one client, then typed another name over it: the visit was saved for
    the first, whose name was no longer on screen."""
    page = _page(qtbot, workspace, tasks, wait_idle)
    page.week.setFocus()
    QTest.keyClick(page.week, Qt.Key.Key_N)
    dialog = _plan_dialog()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # offscreen, the new window is not made active by itself
    qtbot.waitUntil(dialog.isActiveWindow)
    line = dialog.account.lineEdit()
    assert line is not None
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    assert line.hasFocus()
    QTest.keyClicks(line, "alfa")
    popup = dialog.account.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.account.currentData() == alfa and dialog.attendees.count() == 1
    assert dialog.save_button.isEnabled()

    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(line, "beta")
    assert line.text() == "beta"  # what was typed stays in the field
    assert dialog.account.currentData() is None
    assert not dialog.save_button.isEnabled() and dialog.client_note.isVisible()
    assert dialog.attendees.count() == 0 and dialog.place.text() == ""  # Alfa's are gone
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # nothing saved without a client

    # Enter with the one client the text names chooses it.
    if popup.isVisible():
        QTest.keyClick(popup, Qt.Key.Key_Escape)
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert dialog.account.currentData() == beta
    assert dialog.account.currentText() == "Apteka Beta"
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    assert load_plan(store, saved.args[0]).account_id == beta


def test_clearing_the_client_field_leaves_nobody_chosen(
    qtbot, workspace, alfa, tasks, wait_idle
) -> None:
    page = _page(qtbot, workspace, tasks, wait_idle)
    page.week.setFocus()
    QTest.keyClick(page.week, Qt.Key.Key_N)
    dialog = _plan_dialog()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # offscreen, the new window is not made active by itself
    qtbot.waitUntil(dialog.isActiveWindow)
    line = dialog.account.lineEdit()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClicks(line, "Klinika Alfa")
    QTest.keyClick(line, Qt.Key.Key_Tab)  # leaving the field with the one name it names
    assert dialog.account.currentData() == alfa
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(line, Qt.Key.Key_Delete)
    assert line.text() == "" and dialog.account.currentData() is None
    assert not dialog.save_button.isEnabled()


def test_a_call_made_a_visit_goes_to_the_clients_address(qtbot, workspace, store, alfa) -> None:
    with store.transaction() as session:
        session.get(Account, alfa).address = "ul. Lunacharskogo, 59"
    dialog = PlanDialog(workspace, account_id=alfa, channel=VisitChannel.CALL)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.place.text() == ""  # a call has no place
    dialog.channel.setFocus()
    QTest.keyClick(dialog.channel, Qt.Key.Key_Up)
    assert dialog.channel.currentData() == VisitChannel.VISIT
    assert "Lunacharskogo, 59" in dialog.place.text()
