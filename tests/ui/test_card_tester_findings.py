"""What a tester found in the client card, replayed as a KAM does it.

- Removing a contact, a history event or a competitor asks first, naming the row;
  the default answer (Enter) keeps it.
- Renaming the account in the Dossier renames the card's header and its tab, and the
  undo history stays.
- An invalid ИНН left in a closed tab: closing says it is kept; reopening names the
  field in the note (without claiming KAMdesk was closed), shows why it is refused
  next to it, and the note goes once the field is fixed or put back.

Clicks and keys on the visible widgets; QTest types ASCII only, so texts are Latin.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Account, AccountCompetitor, Contact, RelationshipEvent
from kamdesk.store import Store
from kamdesk.store.tombstones import INCLUDE_DELETED
from kamdesk.ui.card import AccountCard
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from tests.ui.kam_day.input import activate, click, click_tab, retype_dossier_field

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WaitIdle = Callable[[TaskRunner], None]
BAD_INN = "1234567890"
GOOD_INN = "7707083893"


def _box(qtbot: QtBot, name: str) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[-1]


def _no_box(qtbot: QtBot) -> None:
    qtbot.waitUntil(
        lambda: (
            not [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            ]
        )
    )


def _deleted(store: Store, model: Any, row_id: uuid.UUID) -> bool:
    with store.session() as session:
        row = session.scalars(
            select(model).where(model.id == row_id).execution_options(**{INCLUDE_DELETED: True})
        ).one()
        return row.deleted_at is not None


def _contact_id(store: Store, surname: str) -> uuid.UUID:
    with store.session() as session:
        return session.scalars(select(Contact.id).where(Contact.surname == surname)).one()


def _click_row(qtbot: QtBot, view: Any, text: str) -> None:
    items = [view.item(i) for i in range(view.count()) if text in view.item(i).text()]
    assert items, text
    view.scrollToItem(items[0])
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(items[0]).center()
    )
    qtbot.waitUntil(lambda: view.currentItem() is items[0])


def test_removing_a_contact_asks_first_naming_the_person(
    qtbot: QtBot, hospital_card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    card = hospital_card
    boss = _contact_id(store, "Семёнов")
    click_tab(card.tabs, "Contacts")
    _click_row(qtbot, card.contacts.list, "Семёнов")
    click(card.contacts.remove)
    box = _box(qtbot, "removalQuestion")
    assert "«Семёнов Пётр Сергеевич»" in box.text()
    assert "personal details" in box.informativeText()
    assert box.defaultButton() is not None and box.defaultButton().text() == "Cancel"
    QTest.keyClick(box, Qt.Key.Key_Return)  # Enter keeps the person
    _no_box(qtbot)
    wait_idle(tasks)
    assert not _deleted(store, Contact, boss)

    click(card.contacts.remove)
    box = _box(qtbot, "removalQuestion")
    QTest.keyClick(box, Qt.Key.Key_Escape)
    _no_box(qtbot)
    wait_idle(tasks)
    assert not _deleted(store, Contact, boss)

    click(card.contacts.remove)
    box = _box(qtbot, "removalQuestion")
    (remove,) = [b for b in box.buttons() if b.text() == "Remove"]
    click(remove)
    qtbot.waitUntil(lambda: _deleted(store, Contact, boss))
    wait_idle(tasks)
    assert all(
        "Семёнов" not in card.contacts.list.item(i).text()
        for i in range(card.contacts.list.count())
    )


def test_removing_an_event_or_a_competitor_asks_first(
    qtbot: QtBot, hospital_card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    card = hospital_card
    with store.session() as session:
        event_id = session.scalars(select(RelationshipEvent.id)).one()
        rival_id = session.scalars(select(AccountCompetitor.id)).one()
    click_tab(card.tabs, "Dossier")
    events = card.dossier.events
    card.dossier.ensureWidgetVisible(events.list)
    _click_row(qtbot, events.list, "Аукцион")
    click(events.remove)
    box = _box(qtbot, "removalQuestion")
    assert box.text() == (
        "Remove the event «14 Mar 2025 · Tender: Аукцион на поставку антикоагулянтов — Won» "
        "from the relationship history?"
    )
    click(box.defaultButton())
    _no_box(qtbot)
    wait_idle(tasks)
    assert not _deleted(store, RelationshipEvent, event_id)

    rivals = card.dossier.competitors
    card.dossier.ensureWidgetVisible(rivals.list)
    _click_row(qtbot, rivals.list, "Фармстандарт")
    click(rivals.remove)
    box = _box(qtbot, "removalQuestion")
    assert box.text() == "Remove the competitor «Фармстандарт»?"
    (remove,) = [b for b in box.buttons() if b.text() == "Remove"]
    click(remove)
    qtbot.waitUntil(lambda: _deleted(store, AccountCompetitor, rival_id))
    wait_idle(tasks)
    assert not _deleted(store, RelationshipEvent, event_id)


def _open_in_window(
    qtbot: QtBot, window: MainWindow, account_id: uuid.UUID, wait_idle: WaitIdle
) -> tuple[Any, AccountCard]:
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    activate(qtbot, window)
    page: Any = window.section_page(SectionKey.CLIENTS)
    page.open_account(account_id)  # what a double-click on the row does
    wait_idle(window.tasks)
    card = page.tabs.currentWidget()
    assert isinstance(card, AccountCard)
    return page, card


def _close_tab(page: Any, card: AccountCard) -> None:
    bar = page.tabs.tabBar()
    close = bar.tabButton(page.tabs.indexOf(card), QTabBar.ButtonPosition.RightSide)
    assert close is not None
    click(close)


def test_the_header_and_the_tab_follow_a_stored_rename(
    qtbot: QtBot, window: MainWindow, territory: dict[str, Any], wait_idle: WaitIdle
) -> None:
    page, card = _open_in_window(qtbot, window, territory["hospital"], wait_idle)
    header = card.header
    retype_dossier_field(card, "field_account_name", "Regional Clinical Hospital")
    wait_idle(window.tasks)
    assert card.header is header  # not rebuilt
    assert header.title.text() == "Regional Clinical Hospital"
    retype_dossier_field(card, "field_account_short_name", "RCH")
    retype_dossier_field(card, "field_account_city", "Rzhev")
    wait_idle(window.tasks)
    index = page.tabs.indexOf(card)
    assert page.tabs.tabText(index) == "RCH"
    assert "Rzhev" in header.facts.text()
    assert card.undo_stack.count() == 3  # the history is kept
    click(card.undo_button)
    wait_idle(window.tasks)
    assert "Rzhev" not in header.facts.text() and "Тверь" in header.facts.text()


def _inn(card: AccountCard) -> QLineEdit:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    field = card.findChild(QLineEdit, "field_account_inn")
    assert field is not None
    return field


def _reopen(
    qtbot: QtBot, window: MainWindow, page: Any, account_id: uuid.UUID, wait_idle: WaitIdle
) -> AccountCard:
    activate(qtbot, window)  # back from the message
    page.open_account(account_id)
    wait_idle(window.tasks)
    card = page.tabs.currentWidget()
    assert isinstance(card, AccountCard)
    click_tab(card.tabs, "Dossier")
    return card


def _error_next_to(field: QWidget) -> str:
    labels = [
        w
        for w in field.parentWidget().findChildren(QWidget, "fieldError")  # type: ignore[union-attr]
        if w.isVisible()
    ]
    return " ".join(w.text() for w in labels)  # type: ignore[attr-defined]


def test_an_invalid_inn_left_in_a_closed_tab_is_named_and_shown_again(
    qtbot: QtBot, window: MainWindow, store: Store, territory: dict[str, Any], wait_idle: WaitIdle
) -> None:
    account_id = territory["hospital"]
    page, card = _open_in_window(qtbot, window, account_id, wait_idle)
    retype_dossier_field(card, "field_account_inn", BAD_INN)
    assert "check digit" in _inn(card).toolTip()
    _close_tab(page, card)
    told = _box(qtbot, "draftsKeptOnClose")
    assert "«INN»" in told.text() and "ОКБ" in told.text()
    assert "check digit" in told.informativeText() and "draft" in told.informativeText()
    click(told.button(QMessageBox.StandardButton.Ok))
    _no_box(qtbot)

    card = _reopen(qtbot, window, page, account_id, wait_idle)
    note = card.restored_note
    assert note.isVisible()
    assert "«INN»" in note.text()
    assert "closed" not in note.text()
    inn = _inn(card)
    assert inn.text() == BAD_INN
    assert "check digit" in inn.toolTip()
    assert "check digit" in _error_next_to(inn)

    retype_dossier_field(card, "field_account_inn", GOOD_INN)
    wait_idle(window.tasks)
    assert not note.isVisible()
    with store.session() as session:
        assert session.get(Account, account_id).inn == GOOD_INN  # type: ignore[union-attr]
    _close_tab(page, card)  # nothing refused: closing says nothing
    wait_idle(window.tasks)
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "draftsKeptOnClose" and w.isVisible()
    ]


def test_the_note_goes_when_the_restored_field_is_put_back(
    qtbot: QtBot, window: MainWindow, territory: dict[str, Any], wait_idle: WaitIdle
) -> None:
    account_id = territory["hospital"]
    page, card = _open_in_window(qtbot, window, account_id, wait_idle)
    retype_dossier_field(card, "field_account_inn", BAD_INN)
    _close_tab(page, card)
    click(_box(qtbot, "draftsKeptOnClose").button(QMessageBox.StandardButton.Ok))
    card = _reopen(qtbot, window, page, account_id, wait_idle)
    assert card.restored_note.isVisible()
    retype_dossier_field(card, "field_account_inn", "6905012345")  # the stored ИНН again
    wait_idle(window.tasks)
    assert not card.restored_note.isVisible(), card.restored_note.text()
    assert _inn(card).toolTip() == ""
