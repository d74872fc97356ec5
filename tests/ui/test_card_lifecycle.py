"""A new account through its dialog, restoring an archived card, the timeline's
field names, and dates picked on a calendar."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kamdesk.models import Account, Contact, RelationshipEvent
from kamdesk.services.card import Entity, archive_account, set_field
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.card.timeline_tab import TimelineTab
from kamdesk.ui.card.widgets import DateField
from kamdesk.ui.clients.new_account import NewAccountDialog
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

WaitIdle = Callable[[TaskRunner], None]
# Dialogs and the calendar popup are shown: the offscreen platform says what it cannot do.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support raise",
)


@pytest.fixture
def page(window: MainWindow) -> ClientsPage:
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    return clients


@pytest.fixture
def open_card(
    qtbot: QtBot, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> Callable[[uuid.UUID], AccountCard]:
    def opener(account_id: uuid.UUID) -> AccountCard:
        card = AccountCard(account_id, lambda: store, tasks)
        qtbot.addWidget(card)
        wait_idle(tasks)
        assert card.bundle is not None
        return card

    return opener


def account_count(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(Account)) or 0)


def test_ctrl_n_on_the_list_opens_the_new_account_dialog(qtbot: QtBot, page: ClientsPage) -> None:
    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(NewAccountDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_a_new_account_is_refused_with_a_wrong_inn_and_then_opens_its_card(
    qtbot: QtBot, page: ClientsPage, store: Store, wait_idle: WaitIdle
) -> None:
    before = account_count(store)
    dialog = page.new_account()
    assert isinstance(dialog, NewAccountDialog)
    assert not dialog.create_button.isEnabled()  # no name yet
    dialog.name.setText("ГБУЗ «Городская больница № 7»")
    dialog.city.setText("Тверь")
    dialog.inn.setText("6905012346")  # last digit mistyped
    assert dialog.inn_error.isVisibleTo(dialog)
    assert "check digit" in dialog.inn_error.text()
    assert not dialog.create_button.isEnabled()
    dialog.create_account()  # Enter pressed anyway: nothing is stored
    assert account_count(store) == before
    dialog.kpp.setText("69500100")
    assert "KPP must be 9 characters" in dialog.kpp_error.text()
    dialog.kpp.setText("695001001")
    dialog.inn.setText("7707083893")
    assert not dialog.inn_error.isVisibleTo(dialog) and dialog.create_button.isEnabled()
    dialog.client_type.setCurrentIndex(dialog.client_type.findData("prospect"))
    with qtbot.waitSignal(page.account_opened) as opened:
        dialog.create_button.click()
    wait_idle(page.tasks)
    assert account_count(store) == before + 1
    with store.session() as session:
        account = session.get(Account, opened.args[0])
        assert account is not None
        assert (account.name, account.city, account.inn, account.kpp) == (
            "ГБУЗ «Городская больница № 7»", "Тверь", "7707083893", "695001001"
        )  # fmt: skip
        assert account.client_type == "prospect"
    card = page.tabs.currentWidget()
    assert isinstance(card, AccountCard) and card.account_id == opened.args[0]


def test_a_known_inn_offers_to_open_the_existing_card(
    qtbot: QtBot, page: ClientsPage, store: Store, territory: dict[str, Any], wait_idle: WaitIdle
) -> None:
    set_field(store, Entity.ACCOUNT, territory["hospital"], "inn", "7707083893")
    dialog = page.new_account()
    assert isinstance(dialog, NewAccountDialog)
    dialog.name.setText("Областная больница")
    dialog.inn.setText("7707083893")  # the hospital's
    wait_idle(page.tasks)
    assert dialog.duplicate_row.isVisibleTo(dialog)
    assert "ГБУЗ «Областная клиническая больница»" in dialog.duplicate.text()
    before = account_count(store)
    with qtbot.waitSignal(page.account_opened) as opened:
        dialog.open_existing.click()
    assert opened.args == [territory["hospital"]]
    assert account_count(store) == before


def test_a_long_name_in_the_duplicate_note_squashes_no_field(
    qtbot: QtBot, page: ClientsPage, store: Store, territory: dict[str, Any], wait_idle: WaitIdle
) -> None:
    """A tester's existing client had a very long name: the note wrapped onto six lines
    and the dialog, keeping its height, squashed every field to a sliver."""
    long_name = "ГБУЗ «Областная клиническая больница» имени " + "Афанасия Никитина " * 8
    set_field(store, Entity.ACCOUNT, territory["hospital"], "name", long_name.strip())
    set_field(store, Entity.ACCOUNT, territory["hospital"], "inn", "7707083893")
    dialog = page.new_account()
    assert isinstance(dialog, NewAccountDialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    heights = {field: field.height() for field in (dialog.name, dialog.kind, dialog.inn)}
    QTest.mouseClick(dialog.inn, Qt.MouseButton.LeftButton)
    QTest.keyClicks(dialog.inn, "7707083893")  # the hospital's
    wait_idle(page.tasks)
    qtbot.waitUntil(lambda: dialog.duplicate_row.isVisible())
    # The window's new height is applied once the platform has taken it.
    qtbot.waitUntil(lambda: {field: field.height() for field in heights} == heights, timeout=5_000)
    note = dialog.duplicate
    assert note.height() >= note.heightForWidth(note.width())  # every line of it shown
    dialog.reject()


def test_an_archived_account_is_restored_from_its_card(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    tasks: TaskRunner,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    archive_account(store, account_id)
    card = open_card(account_id)
    assert card.bundle is not None and card.bundle.card.archived
    assert not card.dossier.isEnabled()  # an archived card is read-only
    assert card.archive_button.text() == "Restore"
    with qtbot.waitSignal(card.changed):
        card.archive_button.click()
    wait_idle(tasks)
    assert card.bundle is not None and not card.bundle.card.archived
    assert card.dossier.isEnabled() and card.archive_button.text() == "Archive"
    with store.session() as session:
        restored = session.get(Account, account_id)  # found without asking for tombstones
        assert restored is not None and restored.deleted_at is None
        assert session.scalar(select(func.count()).where(Contact.account_id == account_id)) == 2


def test_timeline_names_edited_fields_as_the_card_does(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
    switcher: LanguageSwitcher,
) -> None:
    account_id = territory["hospital"]
    set_field(store, Entity.DOSSIER, account_id, "needs", "Антикоагулянты")
    set_field(store, Entity.DOSSIER, account_id, "relationship_stage", "Развитие")
    switcher.apply(Language.RUSSIAN)
    card = open_card(account_id)
    timeline = card.findChild(TimelineTab)
    assert timeline is not None
    tree = timeline.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    details = [item.text(3) for item in items if item is not None]
    assert "Потребности" in details
    assert "Стадия отношений: — → Развитие" in details  # an update says was → now
    assert not any("needs" in text or "relationship_stage" in text for text in details)


def test_a_date_is_picked_on_the_calendar_or_typed(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
) -> None:
    card = open_card(territory["hospital"])
    card.tabs.setCurrentWidget(card.dossier)
    card.dossier.events.select(card.bundle.card.events[0].id)  # type: ignore[union-attr]
    picker = card.findChild(DateField, "date_event_occurred_on")
    assert picker is not None
    calendar = picker.show_calendar()
    assert calendar.selectedDate() == QDate(2025, 3, 14)  # opens on the date shown
    calendar.clicked.emit(QDate(2025, 3, 20))
    assert not calendar.isVisible()
    assert picker.text() == "20.03.2025"
    with store.session() as session:
        assert session.scalar(select(RelationshipEvent.occurred_on)) == date(2025, 3, 20)
    # Typing still works.
    picker.line.setFocus()
    picker.line.setText("2025-03-21")
    card.commit_all()
    with store.session() as session:
        assert session.scalar(select(RelationshipEvent.occurred_on)) == date(2025, 3, 21)
    contacts_dates = {
        w.objectName() for w in card.findChildren(QWidget) if isinstance(w, DateField)
    }
    assert {"date_event_occurred_on", "date_event_resolved_on", "date_contact_consent_date",
            "date_personal_birthday"} <= contacts_dates  # fmt: skip


def test_archiving_a_card_with_an_unsaved_edit_keeps_the_edit(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    tasks: TaskRunner,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    account_id = territory["hospital"]
    card = open_card(account_id)
    needs = card.findChild(QWidget, "field_dossier_needs")
    assert needs is not None
    needs.setFocus()
    QTest.keyClicks(needs, "Reserve antibiotics")
    with qtbot.waitSignal(card.changed):
        card.archive_button.click()
    wait_idle(tasks)
    card.commit_all()  # closing the tab commits whatever is left: it must not fail
    with store.session() as session:
        from kamdesk.models import AccountDossier
        from kamdesk.store import INCLUDE_DELETED

        archived = session.scalars(
            select(Account)
            .where(Account.id == account_id)
            .execution_options(**{INCLUDE_DELETED: True})
        ).one()
        dossier = session.scalars(
            select(AccountDossier).where(AccountDossier.account_id == account_id)
        ).one()
    assert archived.deleted_at is not None
    assert "Reserve antibiotics" in dossier.needs


def test_a_lookup_finishing_after_its_dialog_closed_is_dropped(
    qtbot: QtBot,
    store: Store,
    tasks: TaskRunner,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    """The INN lookup of the New account dialog still runs when the KAM presses
    Cancel; its answer must not reach the deleted dialog (it raised "Internal C++
    object already deleted", which made this file's tests flaky)."""
    ui_thread = threading.current_thread()
    lookup_started, answer = threading.Event(), threading.Event()

    def slow_store() -> Store:
        if threading.current_thread() is not ui_thread:  # the lookup, in the worker
            lookup_started.set()
            answer.wait(10)
        return store

    set_field(store, Entity.ACCOUNT, territory["hospital"], "inn", "7707083893")
    dialog = NewAccountDialog(slow_store, tasks)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.name, "Regional hospital")
    QTest.keyClicks(dialog.inn, "7707083893")  # valid, and the hospital has it
    assert lookup_started.wait(10)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)  # the dialog is gone (it deletes itself on close)
    answer.set()
    wait_idle(tasks)  # the late answer arrives here; delivering it would raise
