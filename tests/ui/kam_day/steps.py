"""Steps of the day that several scenarios share: finding the account, going to the
Visits section and to a visit, setting up what the clock cannot, reading files back."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.visits import (
    VisitRow,
    VisitStatus,
    load_plan,
    plan_defaults,
    plan_visit,
    planning_options,
    visits_on_days,
)
from kamdesk.services.workspace import Workspace
from kamdesk.ui.card import AccountCard
from kamdesk.ui.clients.model import Column
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits import VisitsPage
from kamdesk.ui.visits.common import local
from tests.ui.kam_day.input import (
    activate,
    click_button,
    click_row,
    double_click_row,
    shortcut,
    type_text,
)

WaitIdle = Callable[[TaskRunner], None]
DISPENSARY = "ГБУЗ «Областной клинический кардиологический диспансер»"
CTRL = Qt.KeyboardModifier.ControlModifier


def clients(window: MainWindow) -> ClientsPage:
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    return page


def find_and_open(
    qtbot: QtBot, window: MainWindow, tasks: TaskRunner, typed: str, name: str = DISPENSARY
) -> AccountCard:
    """Ctrl+F, type, double-click the one account found; its card is shown."""
    page = clients(window)
    shortcut(window, Qt.Key.Key_F, CTRL)
    search = page.filters.search
    qtbot.waitUntil(search.hasFocus)
    type_text(search, typed)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and tasks.is_idle(), timeout=10_000)
    assert page.model.index(0, Column.NAME).data() == name
    with qtbot.waitSignal(page.account_opened, timeout=10_000):
        double_click_row(page.table, page.model.index(0, Column.NAME))
    card = page.tabs.currentWidget()
    assert isinstance(card, AccountCard) and card.bundle is not None
    assert card.bundle.card.name == name
    # The header is laid out when the event loop next runs, as the KAM sees it.
    qtbot.waitUntil(lambda: card.header is not None and card.header.isVisible())
    return card


def account_id(workspace: Workspace, name: str = DISPENSARY) -> uuid.UUID:
    rows = [row for row in workspace.accounts.page(AccountFilter(), limit=100) if row.name == name]
    assert len(rows) == 1, f"the demo has one {name}"
    return rows[0].id


def visits(window: MainWindow) -> VisitsPage:
    page = window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage)
    return page


def open_visits(qtbot: QtBot, window: MainWindow, wait_idle: WaitIdle) -> VisitsPage:
    """Ctrl+2: the Visits section, loaded."""
    activate(qtbot, window)  # back from a dialog, as a window manager does
    shortcut(window, Qt.Key.Key_2, CTRL)
    page = visits(window)
    qtbot.waitUntil(page.isVisible)
    wait_idle(page.tasks)
    return page


def select_in_day(qtbot: QtBot, page: VisitsPage, visit: uuid.UUID) -> VisitRow:
    """The Day view, → and ← to the visit's day, a click on the visit."""
    click_button(page, "Day")
    row = page.row(visit)
    for _ in range(3):  # a visit weeks away: PageDown loads the weeks after
        if row is not None:
            break
        shortcut(page.day_list, Qt.Key.Key_PageDown)
        qtbot.waitUntil(page.tasks.is_idle, timeout=10_000)
        row = page.row(visit)
    assert row is not None, "the visit is in the loaded period"
    day = local(row.starts_at, page.tz).date()
    for _ in range(40):
        if page.current_day == day:
            break
        key = Qt.Key.Key_Right if page.current_day < day else Qt.Key.Key_Left
        shortcut(page.day_list, key)
        qtbot.waitUntil(page.tasks.is_idle, timeout=10_000)
    assert page.current_day == day
    found = page.day_model.row_of(row.id)
    assert found is not None, "the visit is shown on its day"
    click_row(page.day_list, page.day_model.index(found))
    assert page.selected_id == row.id
    return row


def select_in_list(page: VisitsPage, visit: uuid.UUID) -> None:
    """A click on the visit's line in the List view."""
    model = page.list_model
    rows = [r for r in range(model.rowCount()) if model.record(r).id == visit]
    assert rows, "the visit is listed in its month"
    click_row(page.table, model.index(rows[0], 0))
    assert [r.id for r in page.selected_rows()] == [visit]


def planned_visits(workspace: Workspace, days: int = 28) -> list[VisitRow]:
    """The demo's visits planned for the coming weeks, soonest first."""
    today = datetime.now().astimezone().date()
    rows = visits_on_days(workspace.store, today, today + timedelta(days=days))
    return [r for r in rows if r.status == VisitStatus.PLANNED]


def next_planned_visit(workspace: Workspace, name: str = DISPENSARY) -> VisitRow:
    planned = [r for r in planned_visits(workspace) if r.account_name == name]
    assert planned, f"the demo plans a visit to {name} in the coming weeks"
    return planned[0]


def attendee_surnames(workspace: Workspace, visit: uuid.UUID) -> list[str]:
    plan = load_plan(workspace.store, visit)
    summary = workspace.accounts.summary(plan.account_id)
    assert summary is not None
    return [c.full_name.split()[0] for c in summary.contacts if c.id in plan.attendee_ids]


def visit_this_morning(workspace: Workspace, name: str = DISPENSARY) -> uuid.UUID:
    """A visit that began two hours ago, planned yesterday. Set up through the
    service: the window cannot be made to live through the hours in between."""
    account = account_id(workspace, name)
    options = planning_options(workspace.store, account)
    start = datetime.now().astimezone().replace(second=0, microsecond=0) - timedelta(hours=2)
    plan = plan_defaults(workspace.store, account, start)
    plan.objective = "Включить препарат в заявку"
    plan.questions = ["Сколько пациентов в месяц?", "Кто готовит заявку?"]
    plan.attendee_ids = [c.id for c in options.contacts[:2]]
    return plan_visit(workspace.store, plan)


def pdf_text(path: Path) -> str:
    """The PDF's text with all whitespace as single spaces (names wrap in narrow columns)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return " ".join(out.split())


def xlsx_rows(path: Path) -> list[list[str]]:
    """Every non-empty row of every sheet, as text."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [
            [str(cell) for cell in row if cell is not None]
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        book.close()
