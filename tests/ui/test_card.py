"""The client card: edits save themselves, bad input is refused on the spot, drafts
survive a crash, undo/redo, contacts on the decision-making map."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Account, AccountDossier, ChangeLogEntry, Contact
from kamdesk.services.card import Entity, remove_row, save_draft, set_field
from kamdesk.services.demo import build_demo
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.card.consent import ErasureQuestion
from kamdesk.ui.card.widgets import NotesEdit
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.tasks import TaskRunner

WaitIdle = Callable[[TaskRunner], None]
PASTE_UNIT = "Потребность:\tантикоагулянты «ёлочки» —\u00a0120\u00a0коек;\r\nЁжик ёлка.\r\n"


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


def field(card: AccountCard, entity: str, name: str) -> Any:
    # A rebuilt form leaves its old fields to deleteLater: let them go first, or the
    # search may find a field the KAM no longer sees.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widget = card.findChild(QWidget, f"field_{entity}_{name}")
    assert widget is not None, f"no field {entity}.{name}"
    return widget


def edit(widget: QLineEdit | NotesEdit, text: str) -> None:
    """Type and leave the field, as a KAM does."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.setPlainText(text)
    # Hidden widgets get no real focus changes: deliver the focus-out by hand.
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut))


def log_entries(store: Store, entity: str) -> list[ChangeLogEntry]:
    with store.session() as session:
        return list(session.scalars(select(ChangeLogEntry).where(ChangeLogEntry.entity == entity)))


def test_an_edited_field_is_stored_and_logged_once(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    card = open_card(territory["hospital"])
    assert card.title() == "ОКБ"
    needs = field(card, "dossier", "needs")
    needs.setFocus()
    for text in ("Ан", "Антико", "Антикоагулянты"):  # keystrokes: drafts, not commits
        needs.setPlainText(text)
    card.binder.save_drafts()  # type: ignore[union-attr]
    assert log_entries(store, "account_dossiers") == []
    needs.clearFocus()
    card.binder.commit_all()  # type: ignore[union-attr]
    with store.session() as session:
        assert session.scalar(select(AccountDossier.needs)) == "Антикоагулянты"
    entries = log_entries(store, "account_dossiers")
    assert len(entries) == 1 and entries[0].changes["needs"] == "Антикоагулянты"


def test_an_invalid_inn_shows_why_and_stores_nothing(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    card = open_card(territory["hospital"])
    before = len(log_entries(store, "accounts"))
    inn = field(card, "account", "inn")
    edit(inn, "6905012346")
    card.binder.commit_all()  # type: ignore[union-attr]
    assert "check digit" in inn.toolTip()
    assert inn.text() == "6905012346"  # kept for the KAM to correct, never dropped
    with store.session() as session:
        assert session.get(Account, territory["hospital"]).inn == "6905012345"  # type: ignore[union-attr]
    assert len(log_entries(store, "accounts")) == before
    edit(inn, "7707083893")
    assert inn.toolTip() == ""
    with store.session() as session:
        assert session.get(Account, territory["hospital"]).inn == "7707083893"  # type: ignore[union-attr]


def test_a_draft_survives_a_crash(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
) -> None:
    account_id = territory["hospital"]
    card = open_card(account_id)
    notes = field(card, "dossier", "general_notes")
    notes.setFocus()
    notes.setPlainText("Главврач просил перезвонить после 15:00")
    card.binder.save_drafts()  # type: ignore[union-attr]
    # The app dies: the card is gone without committing anything.
    card.binder._bindings.clear()  # type: ignore[union-attr]
    card.binder._periodic.stop()  # type: ignore[union-attr]
    card.hide()
    with store.session() as session:
        assert session.scalar(select(AccountDossier)) is None
    reopened = open_card(account_id)
    assert field(reopened, "dossier", "general_notes").toPlainText() == (
        "Главврач просил перезвонить после 15:00"
    )
    assert reopened.restored_note.isVisibleTo(reopened)
    reopened.commit_all()
    with store.session() as session:
        assert session.scalar(select(AccountDossier.general_notes)) == (
            "Главврач просил перезвонить после 15:00"
        )


def test_a_long_pasted_note_is_kept_exactly(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    card = open_card(territory["hospital"])
    text = (PASTE_UNIT * (50_000 // len(PASTE_UNIT) + 1))[:50_000]
    if text.endswith("\r"):
        text = text[:-1] + "."
    notes = field(card, "dossier", "history_notes")
    notes.setFocus()
    notes.insertPlainText(text)
    notes.clearFocus()
    card.commit_all()
    with store.session() as session:
        assert session.scalar(select(AccountDossier.history_notes)) == text


def test_undo_and_redo_of_committed_edits(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    card = open_card(territory["hospital"])
    city = field(card, "account", "city")
    edit(city, "Ржев")
    stack = card.undo_stack
    assert stack.canUndo()
    stack.undo()
    assert city.text() == "Тверь"
    with store.session() as session:
        assert session.get(Account, territory["hospital"]).city == "Тверь"  # type: ignore[union-attr]
    stack.redo()
    assert city.text() == "Ржев"
    with store.session() as session:
        assert session.get(Account, territory["hospital"]).city == "Ржев"  # type: ignore[union-attr]


def test_a_full_name_typed_for_a_new_contact_fills_its_three_fields(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
) -> None:
    card = open_card(territory["hospital"])
    card.tabs.setCurrentWidget(card.contacts)
    typed = card.contacts.new_surname
    QTest.mouseClick(typed, Qt.MouseButton.LeftButton)
    QTest.keyClicks(typed, "Ivanova Anna Petrovna")  # QTest types Latin letters only
    QTest.keyClick(typed, Qt.Key.Key_Return)
    wait_idle(tasks)
    with store.session() as session:
        added = session.scalars(select(Contact).where(Contact.surname == "Ivanova")).one()
        assert (added.name, added.patronymic) == ("Anna", "Petrovna")
    editor = card.contacts.editor()
    assert editor is not None  # the new person is chosen, their fields shown
    assert field(card, "contact", "name").text() == "Anna"


def test_a_new_contact_with_a_psychotype_appears_on_the_map(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
) -> None:
    card = open_card(territory["hospital"])
    card.contacts.new_surname.setText("Ким")
    card.contacts.add_button.click()
    wait_idle(tasks)
    with store.session() as session:
        contact_id = session.scalar(select(Contact.id).where(Contact.surname == "Ким"))
    editor = card.contacts.editor()
    assert editor is not None
    psychotype = editor.findChild(QComboBox, "field_contact_psychotype")
    psychotype.setCurrentIndex(index_of_data(psychotype, "analyst"))
    role = editor.findChild(QComboBox, "field_contact_dmu_role")
    role.setCurrentIndex(index_of_data(role, "approver"))
    tips = editor.findChild(QWidget, "psychotypeTips")
    assert "Facts" in tips.text()  # type: ignore[attr-defined]
    card.reload()
    wait_idle(tasks)
    item = card.map.items[contact_id]
    assert item.node.psychotype == "analyst" and item.node.role == "approver"
    assert "no finance contact" not in card.map.gaps.text()
    # Dragging a person keeps the place.
    card.map.person_moved.emit(contact_id, 40.0, 300.0)
    wait_idle(tasks)  # the place is stored on a worker (a busy store never freezes the map)
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and (contact.map_x, contact.map_y) == (40.0, 300.0)


def test_personal_details_wait_for_consent(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    card = open_card(territory["hospital"])
    editor = card.contacts.editor()
    assert editor is not None
    personal = editor.findChild(QWidget, "personalDetails")
    reason = editor.findChild(QWidget, "consentReason")
    assert not personal.isEnabled() and reason.isVisibleTo(editor)  # type: ignore[union-attr]
    consent = editor.findChild(QWidget, "field_contact_consent_given")
    consent.setChecked(True)  # type: ignore[attr-defined]
    assert personal.isEnabled() and not reason.isVisibleTo(editor)  # type: ignore[union-attr]
    hobbies = editor.findChild(NotesEdit, "field_personal_hobbies")
    edit(hobbies, "Рыбалка")
    card.commit_all()
    card_data = card.bundle
    assert card_data is not None
    with store.session() as session:
        from kamdesk.models import ContactPersonal

        assert session.scalar(select(ContactPersonal.hobbies)) == "Рыбалка"


def test_drafts_saved_while_typing_and_restored_by_the_service(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    account_id = territory["chain"]
    save_draft(store, account_id, Entity.ACCOUNT, account_id, "address", "ул. Советская, 5")
    card = open_card(account_id)
    assert field(card, "account", "address").text() == "ул. Советская, 5"


# --- selecting never commits; consent withdrawn erases ----------------------------------


def all_logged(store: Store) -> int:
    with store.session() as session:
        return len(session.scalars(select(ChangeLogEntry.id)).all())


def show(qtbot: QtBot, card: AccountCard) -> None:
    card.resize(1200, 800)
    with qtbot.waitExposed(card):
        card.show()


def click_contact(qtbot: QtBot, card: AccountCard, row: int) -> None:
    people = card.contacts.list
    people.scrollToItem(people.item(row))
    rect = people.visualItemRect(people.item(row))
    QTest.mouseClick(people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert people.currentRow() == row


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_opening_and_selecting_every_contact_of_a_demo_account_commits_nothing(
    qtbot: QtBot, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    build_demo(store, accounts=12, seed=1)
    with store.session() as session:
        contacts = session.scalars(select(Contact)).all()
        bosses = {c.id: c.reports_to_id for c in contacts}
        by_account: dict[uuid.UUID, int] = {}
        for c in contacts:
            by_account[c.account_id] = by_account.get(c.account_id, 0) + (c.reports_to_id != None)  # noqa: E711
        account_id = max(by_account, key=lambda a: by_account[a])
    assert by_account[account_id] >= 3  # people who report to someone: the test can fail
    start = all_logged(store)
    card = AccountCard(account_id, lambda: store, tasks)
    qtbot.addWidget(card)
    wait_idle(tasks)
    show(qtbot, card)
    card.tabs.setCurrentWidget(card.contacts)
    people = card.contacts.list
    order = [*range(people.count()), 0, people.count() - 1, 0]  # and back again
    for row in order:
        click_contact(qtbot, card, row)
        contact_id = people.item(row).data(Qt.ItemDataRole.UserRole)
        boss = card.contacts.editor().findChild(QComboBox, "field_contact_reports_to_id")  # type: ignore[union-attr]
        assert boss.currentData() == bosses[contact_id], people.item(row).text()
        if bosses[contact_id] is not None:
            assert boss.currentText() not in ("", "—")
    card.commit_all()  # closing the card
    assert all_logged(store) == start, "opening or selecting wrote to the change log"
    with store.session() as session:
        assert {c.id: c.reports_to_id for c in session.scalars(select(Contact))} == bosses


def _consented_boss(store: Store) -> uuid.UUID:
    with store.session() as session:
        boss = session.scalar(select(Contact.id).where(Contact.surname == "Семёнов"))
    assert boss is not None
    set_field(store, Entity.CONTACT, boss, "consent_given", True)
    set_field(store, Entity.PERSONAL, boss, "hobbies", "рыбалка на Волге")
    set_field(store, Entity.PERSONAL, boss, "family", "жена Лариса, двое сыновей")
    return boss


def _log_text(store: Store) -> str:
    with store.session() as session:
        entries = session.scalars(select(ChangeLogEntry)).all()
        return json.dumps([[e.changes, e.base] for e in entries], ensure_ascii=False)


def _withdraw_consent(qtbot: QtBot, card: AccountCard, boss: uuid.UUID) -> ErasureQuestion:
    card.tabs.setCurrentWidget(card.contacts)
    card.contacts.select(boss)
    consent = field(card, "contact", "consent_given")
    assert consent.isChecked()
    QTest.mouseClick(consent, Qt.MouseButton.LeftButton, pos=QPoint(8, consent.height() // 2))
    qtbot.waitUntil(lambda: card.findChild(ErasureQuestion) is not None)
    question = card.findChild(ErasureQuestion)
    assert isinstance(question, ErasureQuestion)
    qtbot.waitExposed(question)
    return question


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_withdrawing_consent_erases_the_personal_details_when_the_kam_agrees(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
) -> None:
    boss = _consented_boss(store)
    assert "рыбалка на Волге" in _log_text(store)  # waiting in the outbox
    card = open_card(territory["hospital"])
    show(qtbot, card)
    question = _withdraw_consent(qtbot, card, boss)
    assert "152-FZ" in question.informativeText()
    QTest.mouseClick(question.erase_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    with store.session() as session:
        from kamdesk.models import ContactPersonal

        row = session.scalar(select(ContactPersonal).where(ContactPersonal.contact_id == boss))
        assert row is not None and (row.hobbies, row.family) == ("", "")
        contact = session.get(Contact, boss)
        assert contact is not None and not contact.consent_given
    text = _log_text(store)
    assert "рыбалка" not in text and "Лариса" not in text
    with store.session() as session:
        last = session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id.desc())).first()
        assert last is not None and last.entity == "contact_personal"
        assert last.changes == {"hobbies": "", "family": ""}  # the erasure travels
    # The card shows the person again, with nothing personal left and nothing to erase.
    assert card.contacts.list.currentItem().data(Qt.ItemDataRole.UserRole) == boss  # type: ignore[union-attr]
    assert field(card, "personal", "hobbies").plain_text() == ""
    assert not card.findChild(QWidget, "erasePersonalDetails").isVisibleTo(card)  # type: ignore[union-attr]
    assert "erased" in card.restored_note.text()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_not_now_keeps_the_details_locked_with_a_button_to_erase_later(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
) -> None:
    boss = _consented_boss(store)
    card = open_card(territory["hospital"])
    show(qtbot, card)
    question = _withdraw_consent(qtbot, card, boss)
    QTest.mouseClick(question.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.findChild(ErasureQuestion) is None)
    assert "рыбалка на Волге" in _log_text(store)
    hobbies = field(card, "personal", "hobbies")
    assert hobbies.plain_text() == "рыбалка на Волге" and not hobbies.isEnabled()
    erase = card.findChild(QPushButton, "erasePersonalDetails")
    assert erase is not None and erase.isVisible()
    assert card.findChild(QWidget, "consentWithdrawnNote").isVisible()  # type: ignore[union-attr]
    QTest.mouseClick(erase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.findChild(ErasureQuestion) is not None)
    question = card.findChild(ErasureQuestion)
    assert isinstance(question, ErasureQuestion)
    QTest.mouseClick(question.erase_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    assert "рыбалка" not in _log_text(store)
    assert field(card, "personal", "hobbies").plain_text() == ""


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_removed_boss_is_not_erased_by_selecting_their_deputy(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
) -> None:
    with store.session() as session:
        people = {c.surname: c.id for c in session.scalars(select(Contact))}
    set_field(store, Entity.CONTACT, people["Орлова"], "reports_to_id", people["Семёнов"])
    remove_row(store, Entity.CONTACT, people["Семёнов"])
    start = all_logged(store)
    card = open_card(territory["hospital"])
    show(qtbot, card)
    card.tabs.setCurrentWidget(card.contacts)
    click_contact(qtbot, card, 0)
    boss = field(card, "contact", "reports_to_id")
    assert boss.currentData() == people["Семёнов"]
    assert boss.currentText() == "(no longer in the list)"
    card.commit_all()
    assert all_logged(store) == start
    with store.session() as session:
        deputy = session.get(Contact, people["Орлова"])
        assert deputy is not None and deputy.reports_to_id == people["Семёнов"]


def test_the_calendar_button_beside_a_date_is_a_drawn_icon(
    qtbot: QtBot, open_card: Callable[[uuid.UUID], AccountCard], territory: dict[str, Any]
) -> None:
    """An emoji on the button shows as an empty box where no emoji font is installed."""
    card = open_card(territory["hospital"])
    buttons = card.findChildren(QToolButton, "calendarButton")
    assert buttons, "no date field with a calendar in the card"
    for button in buttons:
        assert not button.icon().isNull() and not button.text().strip()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_new_contacts_name_and_role_show_in_the_list_as_they_are_stored(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
) -> None:
    card = open_card(territory["hospital"])
    show(qtbot, card)
    card.tabs.setCurrentWidget(card.contacts)
    card.contacts.new_surname.setText("Соколов")  # keyClicks cannot type Cyrillic offscreen
    QTest.mouseClick(card.contacts.add_button, Qt.MouseButton.LeftButton)
    wait_idle(tasks)
    people = card.contacts.list  # the tab was made again with the new contact
    row = next(i for i in range(people.count()) if "Соколов" in people.item(i).text())
    click_contact(qtbot, card, row)
    for name, text in (("name", "Пётр"), ("patronymic", "Ильич"), ("position", "Главврач")):
        edit(field(card, "contact", name), text)
        wait_idle(tasks)
    role = field(card, "contact", "dmu_role")
    role.setCurrentIndex(index_of_data(role, "approver"))
    wait_idle(tasks)
    assert people.item(row).toolTip() == "Соколов Пётр Ильич\nApprover (finance)"
    # Another contact and back: the list and the editor show what was stored.
    click_contact(qtbot, card, 0 if row else 1)
    click_contact(qtbot, card, row)
    assert people.item(row).toolTip() == "Соколов Пётр Ильич\nApprover (finance)"
    assert field(card, "contact", "name").text() == "Пётр"
    assert field(card, "contact", "position").text() == "Главврач"
