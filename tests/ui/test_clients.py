"""The client list: search as you type, combined filters, SQL sorting, the count,
and opening an account's summary in a tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter, AccountKind, AccountStatus
from kamdesk.services.workspace import Workspace
from kamdesk.ui import colors
from kamdesk.ui.card import AccountCard
from kamdesk.ui.clients.counter import AccountCounter
from kamdesk.ui.clients.model import AccountListModel, Column
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

WaitIdle = Callable[[TaskRunner], None]


@pytest.fixture
def page(window: MainWindow) -> ClientsPage:
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    return clients


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying Cyrillic text, as a Russian keyboard layout sends them
    (QTest.keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def names(model: AccountListModel) -> list[str]:
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def test_list_shows_every_account_with_its_columns(page: ClientsPage) -> None:
    model = page.model
    assert model.rowCount() == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == [
        "Name",
        "Kind",
        "City",
        "Client type",
        "ABC/XYZ",
        "Status",
        "Owner",
        "Next visit",
        "Dossier",
    ]
    row = names(model).index("ГБУЗ «Областная клиническая больница»")
    values = [model.index(row, column).data() for column in Column]
    assert values[1:7] == [
        "Hospital / clinic",
        "Тверь",
        "Breadwinner",
        "AX",
        "Active",
        "Соколова А. И.",
    ]
    assert values[7]  # the planned visit, in local time
    assert page.count_label.text() == "6 of 6 accounts"


def test_status_colours_warn_of_risk_and_loss(page: ClientsPage) -> None:
    model = page.model
    by_name = {name: row for row, name in enumerate(names(model))}
    at_risk = model.index(by_name["Аптечная сеть «Вита»"], Column.STATUS)
    lost = model.index(by_name["Аптека «Вита» № 12"], Column.STATUS)
    active = model.index(by_name["АО «Протек», тверской филиал"], Column.STATUS)
    assert (
        at_risk.data(Qt.ItemDataRole.ForegroundRole) == colors.STATUS_COLORS[AccountStatus.AT_RISK]
    )
    assert lost.data(Qt.ItemDataRole.ForegroundRole) == colors.STATUS_COLORS[AccountStatus.LOST]
    assert active.data(Qt.ItemDataRole.ForegroundRole) is None
    assert not lost.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_typing_in_search_filters_the_list(
    qtbot: QtBot, page: ClientsPage, wait_idle: WaitIdle, window: MainWindow
) -> None:
    with qtbot.waitSignal(page.model.loaded):
        type_text(page.filters.search, "вит")
    wait_idle(window.tasks)
    assert sorted(names(page.model)) == ["Аптека «Вита» № 12", "Аптечная сеть «Вита»"]
    assert page.count_label.text() == "2 of 6 accounts"

    # A contact's surname finds the account; ё and е are the same letter.
    page.filters.search.clear()
    with qtbot.waitSignal(page.model.loaded):
        type_text(page.filters.search, "семенов")
    assert names(page.model) == ["ГБУЗ «Областная клиническая больница»"]


def test_filters_combine(
    qtbot: QtBot, page: ClientsPage, wait_idle: WaitIdle, window: MainWindow
) -> None:
    filters = page.filters
    with qtbot.waitSignal(page.model.loaded):
        filters.kinds.action_for(AccountKind.PHARMACY).trigger()
    assert sorted(names(page.model)) == ["Аптека «Вита» № 12", "Аптека «Здоровье»"]
    assert filters.kinds.text() == "Kind: Pharmacy"

    with qtbot.waitSignal(page.model.loaded):
        filters.statuses.action_for(AccountStatus.LOST).trigger()
    assert names(page.model) == ["Аптека «Вита» № 12"]

    with qtbot.waitSignal(page.model.loaded):
        type_text(filters.search, "здоров")
    assert names(page.model) == []
    wait_idle(window.tasks)
    assert page.count_label.text() == "0 of 6 accounts"

    assert filters.current_filter() == AccountFilter(
        text="здоров",
        kinds=frozenset({AccountKind.PHARMACY}),
        statuses=frozenset({AccountStatus.LOST}),
    )


def test_abc_filter_includes_accounts_without_class(qtbot: QtBot, page: ClientsPage) -> None:
    with qtbot.waitSignal(page.model.loaded):
        page.filters.abc_classes.action_for("A").trigger()
    assert names(page.model) == ["ГБУЗ «Областная клиническая больница»"]
    with qtbot.waitSignal(page.model.loaded):
        page.filters.abc_classes.action_for("").trigger()  # "Without class"
    assert len(names(page.model)) == 5


def test_sorting_by_a_column_changes_the_order(qtbot: QtBot, page: ClientsPage) -> None:
    before = names(page.model)
    assert before == sorted(before)  # by name at first
    with qtbot.waitSignal(page.model.loaded):
        page.table.sortByColumn(Column.CITY, Qt.SortOrder.DescendingOrder)
    cities = [page.model.index(row, Column.CITY).data() for row in range(page.model.rowCount())]
    assert cities == sorted(cities, reverse=True)
    assert names(page.model) != before
    assert page.table.horizontalHeader().sortIndicatorSection() == Column.CITY


def test_list_fetches_more_pages_as_the_view_scrolls(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    model = AccountListModel(workspace.accounts, tasks, page_size=4)
    model.reload()
    wait_idle(tasks)
    assert model.rowCount() == 4
    assert model.canFetchMore()
    model.fetchMore()
    wait_idle(tasks)
    assert model.rowCount() == 6
    assert not model.canFetchMore()
    assert model.is_complete()


def test_client_model_passes_the_model_tester(
    qtmodeltester: Any, workspace: Workspace, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    model = AccountListModel(workspace.accounts, tasks, page_size=4)
    model.reload()
    wait_idle(tasks)
    qtmodeltester.check(model, force_py=True)
    wait_idle(tasks)  # the tester asked for more rows: they arrive in the background
    qtmodeltester.check(model, force_py=True)


def _open_first_hospital_row(qtbot: QtBot, window: MainWindow, page: ClientsPage) -> int:
    window.show()
    qtbot.waitExposed(window)
    return names(page.model).index("ГБУЗ «Областная клиническая больница»")


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_double_click_opens_the_account_card(
    qtbot: QtBot, window: MainWindow, page: ClientsPage, territory: dict[str, Any]
) -> None:
    row = _open_first_hospital_row(qtbot, window, page)
    rect = page.table.visualRect(page.model.index(row, Column.NAME))
    with qtbot.waitSignal(page.account_opened) as opened:
        # A real double-click is a click followed by a double-click event; Qt 6's
        # QTest.mouseDClick alone leaves the view without the pressed index.
        QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [territory["hospital"]]
    assert page.tabs.count() == 2
    assert page.tabs.tabText(page.tabs.currentIndex()) == "ОКБ"
    view = page.tabs.currentWidget()
    assert isinstance(view, AccountCard)
    contacts = view.contacts.list
    names_shown = {contacts.item(row).text().splitlines()[0] for row in range(contacts.count())}
    assert {"Семёнов Пётр Сергеевич", "Орлова Марина Андреевна"} <= names_shown


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_enter_opens_the_account_and_tabs_can_be_closed(
    qtbot: QtBot, window: MainWindow, page: ClientsPage, territory: dict[str, Any]
) -> None:
    row = _open_first_hospital_row(qtbot, window, page)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, Column.NAME))
    with qtbot.waitSignal(page.account_opened):
        QTest.keyClick(page.table, Qt.Key.Key_Return)
    # Opening it again shows the same tab.
    page.tabs.setCurrentIndex(0)
    page.open_account(territory["hospital"])
    assert page.tabs.count() == 2
    assert page.tabs.currentIndex() == 1
    page.tabs.tabCloseRequested.emit(1)
    assert page.tabs.count() == 1
    assert page.open_accounts() == []


def test_several_accounts_open_side_by_side(
    qtbot: QtBot, page: ClientsPage, territory: dict[str, Any]
) -> None:
    for key in ("hospital", "chain"):
        with qtbot.waitSignal(page.account_opened):
            page.open_account(territory[key])
    assert page.tabs.count() == 3
    assert [page.tabs.tabText(i) for i in range(3)] == [
        "Client list",
        "ОКБ",
        "Аптечная сеть «Вита»",
    ]


def test_count_runs_in_the_background_when_the_list_is_partial(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner
) -> None:
    counter = AccountCounter(workspace.accounts, tasks)
    counter.refresh_total()
    counter.update(AccountFilter(text="тверь"), loaded_rows=2, complete=False)
    assert counter.matching is None  # "Counting…" until the query answers
    qtbot.waitUntil(lambda: counter.matching is not None and counter.total is not None)
    assert (counter.matching, counter.total) == (4, 6)
