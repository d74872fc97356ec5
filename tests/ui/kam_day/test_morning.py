"""Morning: find the cardiology dispensary, write down what it needs, plan a visit.

Each step is its own test on a fresh copy of the demo, so a broken step does
not hide the others. What is asserted is what the KAM sees, or what is read
back through the services.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kamdesk.services import card as card_service
from kamdesk.services.visits import (
    DEFAULT_TIME_ZONE,
    VisitStatus,
    load_plan,
    visits_on_days,
)
from kamdesk.services.workspace import Workspace
from kamdesk.ui.card.widgets import NotesEdit
from kamdesk.ui.clients.model import Column
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.common import from_qdatetime
from kamdesk.ui.visits.plan_dialog import PlanDialog
from tests.ui.kam_day.input import (
    OFFSCREEN_NOTICES,
    click,
    click_button,
    click_row,
    click_tab,
    shortcut,
    snapshot,
    type_text,
    wait_for_window,
)
from tests.ui.kam_day.steps import CTRL, DISPENSARY, account_id, clients, find_and_open

pytestmark = OFFSCREEN_NOTICES


def test_the_search_finds_an_account_by_its_inn_typed_on_the_keyboard(
    qtbot: QtBot, shown: MainWindow, tasks: TaskRunner, workspace: Workspace
) -> None:
    page = clients(shown)
    qtbot.waitUntil(lambda: page.model.rowCount() == 12)
    dispensary = card_service.load_card(workspace.store, account_id(workspace))
    assert dispensary is not None
    shortcut(shown, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(page.filters.search.hasFocus)
    QTest.keyClicks(page.filters.search, dispensary.account["inn"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and tasks.is_idle(), timeout=10_000)
    assert page.model.index(0, Column.NAME).data() == DISPENSARY
    assert "1 of 12" in page.count_label.text()
    snapshot(shown, "search-by-inn")


def test_open_the_card_and_write_down_what_the_client_needs(
    qtbot: QtBot, shown: MainWindow, tasks: TaskRunner, workspace: Workspace
) -> None:
    card = find_and_open(qtbot, shown, tasks, "кардиол")
    click_tab(card.tabs, "Dossier")
    needs = card.findChild(NotesEdit, "field_dossier_needs")
    plans = card.findChild(NotesEdit, "field_dossier_plans")
    assert needs is not None and plans is not None
    before = needs.toPlainText()
    card.dossier.ensureWidgetVisible(needs)
    click(needs)
    qtbot.waitUntil(needs.hasFocus)
    QTest.keyClick(needs, Qt.Key.Key_End, CTRL)
    typed = "\nЗаявка на антикоагулянты: 1200 упаковок в I квартале"
    type_text(needs, typed)
    snapshot(card, "dossier-needs")
    card.dossier.ensureWidgetVisible(plans)
    click(plans)  # leaving the field stores it
    qtbot.waitUntil(plans.hasFocus)
    stored = card_service.load_card(workspace.store, card.account_id)
    assert stored is not None
    assert stored.dossier["needs"] == before + typed
    assert not stored.drafts, "the draft is gone once the text is stored"
    # Undo in the card takes the edit back, in the store too.
    click(card.undo_button)
    stored = card_service.load_card(workspace.store, card.account_id)
    assert stored is not None and stored.dossier["needs"] == before
    assert needs.toPlainText() == before


def test_plan_a_visit_from_the_card_with_two_of_its_people(
    qtbot: QtBot, shown: MainWindow, tasks: TaskRunner, workspace: Workspace
) -> None:
    card = find_and_open(qtbot, shown, tasks, "кардиол")
    click_tab(card.tabs, "Overview")
    click(card.overview.plan_visit)
    dialog = wait_for_window(qtbot, PlanDialog)
    client_shown = dialog.account.currentText()  # checked at the end: the plan goes on
    assert not dialog.account.isEnabled(), "a visit planned from a card is for its client"
    people = dialog.attendees
    assert card.bundle is not None
    assert people.count() == len(card.bundle.card.contacts) >= 2
    for row in (0, 1):
        click_row(people, people.model().index(row, 0))
        shortcut(people, Qt.Key.Key_Space)  # ticks the person
    click(dialog.objective)
    type_text(dialog.objective, "Включить кардиомагнил в заявку на I квартал")
    click(dialog.questions)
    type_text(dialog.questions, "Сколько пациентов с ФП в месяц?\nКто готовит заявку?")
    snapshot(dialog, "plan-from-card")
    start = from_qdatetime(dialog.starts_at.dateTime(), DEFAULT_TIME_ZONE)
    click_button(dialog, "Save")
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    planned = [
        row
        for row in visits_on_days(workspace.store, start.date(), start.date())
        if row.account_name == DISPENSARY and row.status == VisitStatus.PLANNED
    ]
    assert len(planned) == 1
    plan = load_plan(workspace.store, planned[0].id)
    assert plan.account_id == card.account_id
    contacts = {c.id for c in card.bundle.card.contacts}
    assert len(plan.attendee_ids) == 2 and set(plan.attendee_ids) <= contacts
    assert plan.objective == "Включить кардиомагнил в заявку на I квартал"
    assert plan.questions == ["Сколько пациентов с ФП в месяц?", "Кто готовит заявку?"]
    assert client_shown == DISPENSARY, "the dialog names the card's client"
