"""Changing a card's rows while another program holds the store's write lock does not
freeze the window: adding a contact or a history event, and archiving, wait off the
UI thread with their button off, timers keep firing, and once the lock is released
the change is stored; when the other program keeps the lock too long the card says
so, the button works again and what was typed is still in its field.

Opening another database while card edits wait for the busy store asks the same
question as quitting.

The other program is a second sqlite3 connection holding `BEGIN IMMEDIATE`.
QTest types ASCII only, so texts are English.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Account, Contact, RelationshipEvent
from kamdesk.services.workspace import open_workspace
from kamdesk.store import Store, crypto
from kamdesk.store.engine import BUSY_TIMEOUT_MS
from kamdesk.ui.card import AccountCard
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.store_dialogs import DialogPrompts
from kamdesk.ui.tasks import TaskRunner
from tests.ui.busy_window import (
    CITY,
    answer,
    choose_from_file_menu,
    question,
    stored_city,
    type_city_while_busy,
)
from tests.ui.kam_day.input import LEFT, click, click_tab
from tests.ui.write_lock import WriteLock, ticks_while

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WaitIdle = Callable[[TaskRunner], None]
SURNAME = "Smithson"
SUBJECT = "Tender lost on price"


@pytest.fixture
def card(hospital_card: AccountCard) -> AccountCard:
    return hospital_card


def stored_surnames(store: Store, account_id: uuid.UUID) -> list[str]:
    with store.session() as session:
        return list(
            session.scalars(
                select(Contact.surname).where(
                    Contact.account_id == account_id, Contact.deleted_at.is_(None)
                )
            )
        )


def stored_subjects(store: Store, account_id: uuid.UUID) -> list[str]:
    with store.session() as session:
        return list(
            session.scalars(
                select(RelationshipEvent.subject).where(
                    RelationshipEvent.account_id == account_id,
                    RelationshipEvent.deleted_at.is_(None),
                )
            )
        )


def is_archived(store: Store, account_id: uuid.UUID) -> bool:
    """Read by another connection: the store's sessions hide archived accounts."""
    reader = crypto.connect(store.path)
    try:
        (deleted_at,) = reader.execute(
            "SELECT deleted_at FROM accounts WHERE id = ?", (account_id.bytes,)
        ).fetchone()
    finally:
        reader.close()
    return deleted_at is not None


def type_new_contact(card: AccountCard) -> None:
    click_tab(card.tabs, "Contacts")
    click(card.contacts.new_surname)
    QTest.keyClicks(card.contacts.new_surname, SURNAME)


def test_adding_a_contact_while_another_program_writes_keeps_the_window_alive(
    qtbot: QtBot, card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    type_new_contact(card)
    add = card.contacts.add_button
    lock = WriteLock(store)
    try:
        QTest.mouseClick(add, LEFT)
        assert not add.isEnabled()  # a second click cannot add the person twice
        ticks_while(qtbot, lambda: card.isVisible() and not add.isEnabled())
        assert card.contacts.new_surname.text() == SURNAME
    finally:
        lock.release()
    qtbot.waitUntil(
        lambda: SURNAME in stored_surnames(store, card.account_id), timeout=BUSY_TIMEOUT_MS * 2
    )
    wait_idle(tasks)
    names = [card.contacts.list.item(i).text() for i in range(card.contacts.list.count())]
    assert any(SURNAME in name for name in names)
    assert stored_surnames(store, card.account_id).count(SURNAME) == 1


def test_a_lock_held_too_long_says_so_and_adding_works_again(
    qtbot: QtBot, card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    type_new_contact(card)
    add = card.contacts.add_button
    lock = WriteLock(store)
    try:
        QTest.mouseClick(add, LEFT)
        qtbot.waitUntil(card.restored_note.isVisible, timeout=BUSY_TIMEOUT_MS * 3)
        assert "busy with another program" in card.restored_note.text()
        assert add.isEnabled()
        assert card.contacts.new_surname.text() == SURNAME  # nothing typed is lost
        assert SURNAME not in stored_surnames(store, card.account_id)
    finally:
        lock.release()
    QTest.mouseClick(add, LEFT)
    qtbot.waitUntil(lambda: SURNAME in stored_surnames(store, card.account_id), timeout=10_000)
    wait_idle(tasks)


def test_adding_a_history_event_while_busy_waits_and_then_stores_it(
    qtbot: QtBot, card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    click_tab(card.tabs, "Dossier")
    _kind, _when, subject = card.dossier.new_event
    card.dossier.ensureWidgetVisible(subject)
    click(subject)
    QTest.keyClicks(subject, SUBJECT)
    add = card.dossier.add_event_button
    lock = WriteLock(store)
    try:
        QTest.mouseClick(add, LEFT)
        assert not add.isEnabled()
        ticks_while(qtbot, lambda: card.isVisible() and not add.isEnabled())
        assert SUBJECT not in stored_subjects(store, card.account_id)
    finally:
        lock.release()
    qtbot.waitUntil(
        lambda: SUBJECT in stored_subjects(store, card.account_id), timeout=BUSY_TIMEOUT_MS * 2
    )
    wait_idle(tasks)


def test_archiving_while_busy_waits_and_then_archives(
    qtbot: QtBot, card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    archive = card.archive_button
    lock = WriteLock(store)
    try:
        QTest.mouseClick(archive, LEFT)
        assert not archive.isEnabled()
        ticks_while(qtbot, lambda: card.isVisible() and not archive.isEnabled())
        assert not is_archived(store, card.account_id)
    finally:
        lock.release()
    qtbot.waitUntil(lambda: card.archive_button.text() == "Restore", timeout=BUSY_TIMEOUT_MS * 2)
    wait_idle(tasks)
    assert is_archived(store, card.account_id)


def test_archiving_with_an_edit_waiting_for_the_busy_store_is_refused_and_loses_nothing(
    qtbot: QtBot, card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    click_tab(card.tabs, "Dossier")
    city = card.findChild(QLineEdit, "field_account_city")
    assert city is not None
    card.dossier.ensureWidgetVisible(city)
    lock = WriteLock(store)
    try:
        click(city)
        city.selectAll()
        QTest.keyClicks(city, CITY)
        QTest.mouseClick(card.archive_button, LEFT)  # leaving the field commits: it waits
        assert "busy with another program" in card.restored_note.text()
        assert card.archive_button.isEnabled() and city.text() == CITY
    finally:
        lock.release()
    assert not is_archived(store, card.account_id)
    qtbot.waitUntil(lambda: card.binder is not None and card.binder.writes.is_empty())
    with store.session() as session:
        account = session.get(Account, card.account_id)
        assert account is not None and account.city == CITY


def open_another_database(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File ▸ Open database… with the mouse; the file dialog answers `path`."""
    monkeypatch.setattr(DialogPrompts, "choose_store_file", lambda self, start, backup: path)
    choose_from_file_menu(qtbot, window, "Open database")


@pytest.fixture
def other_store(tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    open_workspace(path).close()
    return path


def test_opening_another_database_waits_for_the_busy_store_when_asked_to(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    other_store: Path,
    wait_idle: WaitIdle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = territory["hospital"]
    city, lock = type_city_while_busy(qtbot, window, account_id, wait_idle)
    try:
        open_another_database(qtbot, window, other_store, monkeypatch)
        box = question(qtbot)
        assert box.text() == "Changes are not saved yet: the database is busy."
        assert window.workspace.path == store.path and city.text() == CITY
        answer(box, "Wait")
        qtbot.waitUntil(lambda: not box.isVisible())
        assert window.workspace.path == store.path and city.text() == CITY
    finally:
        lock.release()
    qtbot.waitUntil(lambda: window.workspace.path == other_store, timeout=10_000)
    wait_idle(window.tasks)
    assert stored_city(store.path, account_id) == CITY  # the edit reached the first file


def test_opening_another_database_without_saving_switches_at_once(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    territory: dict[str, Any],
    other_store: Path,
    wait_idle: WaitIdle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = territory["hospital"]
    _city, lock = type_city_while_busy(qtbot, window, account_id, wait_idle)
    try:
        open_another_database(qtbot, window, other_store, monkeypatch)
        answer(question(qtbot), "Open without saving")
        qtbot.waitUntil(lambda: window.workspace.path == other_store)
    finally:
        lock.release()
    wait_idle(window.tasks)
    assert stored_city(store.path, account_id) != CITY
