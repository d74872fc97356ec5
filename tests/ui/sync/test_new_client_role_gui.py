"""A manager's laptop says before, not after a sync, that the office takes new clients
from KAMs only; and a refused new client reads in the inbox as words and names."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from kamdesk.models import Account, ChangeLogEntry, SyncIssue
from kamdesk.services.card import create_account
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.clients.new_account import NewAccountDialog
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sync.page import SyncPage
from kamdesk.vocabulary import AccountKind
from tests.ui.sync.conftest import OFFSCREEN, People, be

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
HEX_KEY = re.compile(r"[0-9a-f]{32}")


def _accounts(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(Account)) or 0)


def _clients(qtbot, window: MainWindow) -> ClientsPage:
    window.show()
    qtbot.waitExposed(window)
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    return page


def _ctrl_n(qtbot, page: ClientsPage) -> NewAccountDialog:
    QTest.keyClick(page.table, Qt.Key.Key_N, CTRL)
    dialog = page.findChild(NewAccountDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


@OFFSCREEN
def test_a_manager_is_told_before_creating_a_client_the_office_would_refuse(
    qtbot, store: Store, people: People, make_window: Callable[..., MainWindow], tasks
) -> None:
    be(store, people.manager, "manager", "Волков Дмитрий Олегович")
    window = make_window(Workspace(store.path, store))
    page = _clients(qtbot, window)
    qtbot.waitUntil(lambda: not page.new_button.isEnabled())
    assert "KAM" in page.new_button.toolTip()
    assert not window.new_account_action.isEnabled()
    before = _accounts(store)

    dialog = _ctrl_n(qtbot, page)  # the shortcut on the list still explains why
    QTest.keyClicks(dialog.name, "Gorodskaya bolnitsa 7")
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog))
    assert "KAMs" in dialog.problem.text()
    assert not dialog.create_button.isEnabled()
    QTest.mouseClick(dialog.create_button, LEFT)
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert _accounts(store) == before
    dialog.reject()


@OFFSCREEN
def test_a_kam_creates_clients_as_before(
    qtbot, store: Store, people: People, make_window: Callable[..., MainWindow], tasks, wait_idle
) -> None:
    be(store, people.kam, "kam", "Соколова Анна Игоревна")
    window = make_window(Workspace(store.path, store))
    page = _clients(qtbot, window)
    wait_idle(tasks)
    assert page.new_button.isEnabled() and page.new_button.toolTip() == ""
    dialog = _ctrl_n(qtbot, page)
    QTest.keyClicks(dialog.name, "Gorodskaya bolnitsa 7")
    wait_idle(tasks)
    assert dialog.create_button.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    dialog.reject()


@OFFSCREEN
def test_a_refused_new_client_reads_as_its_name_kind_and_owner(
    qtbot, store: Store, people: People, make_window: Callable[..., MainWindow]
) -> None:
    account_id = create_account(store, "Аптека «Здоровье»", AccountKind.PHARMACY, city="Бежецк")
    with store.session() as session:
        sent = session.scalars(
            select(ChangeLogEntry.changes).where(ChangeLogEntry.entity_id == account_id)
        ).one()
    with store.transaction() as session:
        session.add(
            SyncIssue(
                kind="rejected",
                entity="accounts",
                entity_id=account_id,
                field="",  # a whole new record
                local_value={**sent, "owner_id": people.kam.hex},
                remote_value=None,
                detail="Нет права изменять эти данные.",
                change_id=uuid.uuid4(),
            )
        )
    window = make_window(Workspace(store.path, store))
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.section_button(SectionKey.SYNC), LEFT)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.issues.model.rowCount() == 1)

    mine = page.issues.panel.mine_line.text()
    assert "Аптека «Здоровье»" in mine and "Бежецк" in mine
    assert "Pharmacy" in mine and "pharmacy" not in mine  # the kind in words, not its code
    assert "Соколова А. И." in mine  # the owner by name, not by key
    assert not HEX_KEY.search(mine)
    cell = page.issues.model.index(0, 3).data()
    assert cell.startswith("Аптека «Здоровье»") and not HEX_KEY.search(cell)
    assert page.issues.model.index(0, 1).data() == "Аптека «Здоровье»"  # the client
