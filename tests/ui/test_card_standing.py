"""The card knows loss, win-back, key clients, XYZ, chains and complaints (issue 12),
used as a KAM uses it: clicks and typing on the visible widgets. Figures are those of
tests/services/standing_factories.py (hand-checked there)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from kamdesk.models import Account, ChangeLogEntry, RelationshipEvent, SyncState, User
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.card.chain_tab import PharmaciesTab
from kamdesk.ui.tasks import TaskRunner
from kamdesk.vocabulary import ChangeOperation
from tests.services.standing_factories import sell_territory

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen


@pytest.fixture
def open_card(
    qtbot: QtBot, store: Store, tasks: TaskRunner, wait_idle: Callable[[TaskRunner], None]
) -> Iterator[Callable[[uuid.UUID], AccountCard]]:
    opened: list[AccountCard] = []

    def open_(account_id: uuid.UUID) -> AccountCard:
        card = AccountCard(account_id, lambda: store, tasks)
        qtbot.addWidget(card)
        card.resize(1200, 700)
        card.show()
        qtbot.waitExposed(card)
        qtbot.waitUntil(lambda: card.bundle is not None)
        wait_idle(tasks)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        card.activateWindow()  # offscreen: no window manager activates it
        qtbot.waitActive(card)
        opened.append(card)
        return card

    yield open_
    for card in opened:
        card.commit_all()
    wait_idle(tasks)


def child(card: QWidget, kind: type[Any], name: str) -> Any:
    found = card.findChild(kind, name)
    assert found is not None, name
    return found


def type_text(widget: QWidget, text: str) -> None:
    """Keystrokes, Cyrillic too (QTest.keyClicks types ASCII only)."""
    for letter in text:
        for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(event_type, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter),
            )


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the combo's list with a click, walk to the item with the arrow keys and
    take it with Enter: one choice, one stored edit."""
    QTest.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = next(i for i in range(combo.count()) if combo.itemText(i) == text)
    steps = row - combo.currentIndex()
    for _ in range(abs(steps)):
        QTest.keyClick(view, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    # Offscreen there is no window manager to give the window back its focus.
    combo.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo)
    assert combo.currentText() == text


def leave(qtbot: QtBot, widget: QWidget, next_widget: QWidget) -> None:
    """Type into `widget`, then click into another field: the edit is stored."""
    QTest.mouseClick(next_widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: not widget.hasFocus())


def account_edits(store: Store, account_id: uuid.UUID, name: str) -> list[Any]:
    with store.session() as session:
        entries = session.scalars(
            select(ChangeLogEntry).where(
                ChangeLogEntry.entity == "accounts", ChangeLogEntry.entity_id == account_id
            )
        ).all()
        return [
            e.changes[name]
            for e in entries
            if e.operation == ChangeOperation.UPDATE and name in e.changes
        ]


def test_why_it_left_and_how_to_win_it_back_are_kept(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    account_id = territory["winback"]  # «Вернуть», the KAM's choice
    card = open_card(account_id)
    reason = child(card, QComboBox, "field_account_loss_reason")
    note = child(card, QLineEdit, "field_account_loss_note")
    means = child(card, QLineEdit, "field_account_win_back_means")
    qtbot.waitUntil(lambda: reason.isVisible() and note.isVisible() and means.isVisible())
    assert reason.currentText() == "not known"
    assert means.placeholderText() == "a special offer, gifts, discounts…"
    pick(qtbot, reason, "The client was forgotten")
    QTest.mouseClick(note, Qt.MouseButton.LeftButton)
    type_text(note, "Полгода без визита")
    leave(qtbot, note, means)
    type_text(means, "Скидка 5 % на первый заказ")
    leave(qtbot, means, note)
    wait_idle(tasks)
    with store.session() as session:
        stored = session.get(Account, account_id)
        assert stored is not None
        assert (stored.loss_reason, stored.loss_note, stored.win_back_means) == (
            "forgotten", "Полгода без визита", "Скидка 5 % на первый заказ",
        )  # fmt: skip
    assert account_edits(store, account_id, "loss_reason") == ["forgotten"]
    assert account_edits(store, account_id, "loss_note") == ["Полгода без визита"]
    assert account_edits(store, account_id, "win_back_means") == ["Скидка 5 % на первый заказ"]

    card.close()
    again = open_card(account_id)
    assert child(again, QComboBox, "field_account_loss_reason").currentText() == (
        "The client was forgotten"
    )
    assert child(again, QLineEdit, "field_account_loss_note").text() == "Полгода без визита"
    assert child(again, QLineEdit, "field_account_win_back_means").text() == (
        "Скидка 5 % на первый заказ"
    )


def test_an_active_client_is_not_asked_why_it_left(
    open_card: Callable[[uuid.UUID], AccountCard], territory: dict[str, Any]
) -> None:
    card = open_card(territory["hospital"])
    assert not child(card, QComboBox, "field_account_loss_reason").isVisible()


def test_the_key_client_choice_is_stored_beside_the_figures(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    sell_territory(store, territory)
    account_id = territory["hospital"]
    card = open_card(account_id)
    choice = child(card, QComboBox, "field_account_key_client")
    assert choice.currentText() == "not decided"
    suggestion = child(card, QLabel, "keyClientSuggestion")
    # 13 000 of 1 000 000; need and pay ticked, authority not.
    assert suggestion.text() == "By the figures: not key — 1.3% of your sales, 2 of 3 P confirmed"
    contradiction = child(card, QLabel, "clientTypeContradiction")
    qtbot.waitUntil(contradiction.isVisible)
    assert contradiction.text() == (
        "Type «Breadwinner» is not borne out by the figures: 1.3% of sales against the "
        "norm of 10% or more"
    )
    pick(qtbot, choice, "no")
    wait_idle(tasks)
    with store.session() as session:
        assert session.get(Account, account_id).key_client is False  # type: ignore[union-attr]
    assert account_edits(store, account_id, "key_client") == [False]
    pick(qtbot, child(card, QComboBox, "field_account_client_type"), "Image-maker")
    assert not contradiction.isVisible()  # an image-maker is not judged by its share
    card.close()
    assert child(open_card(account_id), QComboBox, "field_account_key_client").currentText() == (
        "no"
    )


def test_the_xyz_class_is_explained_beside_it(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    sell_territory(store, territory)
    card = open_card(territory["hospital"])
    facts = child(card, QLabel, "cardFacts").text()
    # Quarterly purchases of 3 000, 3 500, 3 000, 3 500: amounts' CV 250 / 3 250.
    assert "<b>CX</b> (buys once a quarter, deviation 7.7% from its own cycle)" in facts


def test_a_chain_lists_its_pharmacies_and_opens_one(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
) -> None:
    second = sell_territory(store, territory)
    card = open_card(territory["chain"])
    tab = child(card, PharmaciesTab, "chainPharmacies")
    assert card.tabs.tabText(card.tabs.indexOf(tab)) == "Pharmacies (2)"
    card.tabs.setCurrentWidget(tab)
    table = tab.table
    model = table.model()

    def column(index: int) -> list[str]:
        return [model.index(row, index).data() for row in range(model.rowCount())]

    # The biggest buyer first: 100 000 + 150 000, then 150 000; of the chain's 400 000.
    assert column(0) == ["Аптека «Вита» № 12", "Аптека «Вита» № 3"]
    assert column(2) == ["250 000 ₽", "150 000 ₽"] or column(2) == ["₽250,000", "₽150,000"]
    assert column(3) == ["62.5%", "37.5%"]
    assert column(4) == ["A", "A"]
    total = tab.total.text()
    assert "2 pharmacies" in total and total.count("400") == 2  # together, and the chain
    header = table.horizontalHeader()
    city = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(city, 5))
    assert column(1) in (["Кимры", "Ржев"], ["Ржев", "Кимры"])
    first = column(1)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(city, 5))
    assert column(1) == first[::-1]  # the other way round
    row = column(0).index("Аптека «Вита» № 3")
    rect = table.visualRect(model.index(row, 0))
    with qtbot.waitSignal(card.open_account_requested) as opened:
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [second]


def test_an_open_complaint_shows_until_it_is_resolved(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    with store.transaction() as session:
        session.add(
            RelationshipEvent(
                account_id=territory["hospital"],
                kind="complaint",
                occurred_on=date(2026, 11, 12),
                subject="Поставка опоздала на неделю",
            )
        )
    card = open_card(territory["hospital"])
    banner = child(card, QWidget, "openComplaints")
    qtbot.waitUntil(banner.isVisible)
    assert banner.texts() == ["Open complaint of 12 Nov 2026: Поставка опоздала на неделю"]
    QTest.mouseClick(child(banner, QPushButton, "resolveComplaint"), Qt.MouseButton.LeftButton)
    assert card.tabs.currentWidget() is card.dossier
    resolution = child(card.dossier, QWidget, "field_event_resolution")
    qtbot.waitUntil(resolution.hasFocus)
    type_text(resolution, "Заменили партию, извинились")
    resolved = child(card.dossier, QLineEdit, "field_event_resolved_on")
    QTest.mouseClick(resolved, Qt.MouseButton.LeftButton)
    type_text(resolved, "20.11.2026")
    leave(qtbot, resolved, resolution)

    def resolved_on() -> date | None:
        with store.session() as session:
            event = session.scalar(
                select(RelationshipEvent).where(RelationshipEvent.kind == "complaint")
            )
            return event.resolved_on if event is not None else None

    qtbot.waitUntil(lambda: resolved_on() == date(2026, 11, 20))
    wait_idle(tasks)
    complaints = card.header.complaints  # type: ignore[union-attr]
    assert complaints is not None
    # The header follows the stored resolution in the background: wait for what it shows.
    qtbot.waitUntil(lambda: complaints.texts() == [] and not complaints.isVisible())


def test_in_a_managers_store_the_share_is_said_of_the_accounts_kam(
    open_card: Callable[[uuid.UUID], AccountCard], store: Store, territory: dict[str, Any]
) -> None:
    """A manager's KAMdesk holds the team's accounts: «your sales» would be a lie there."""
    sell_territory(store, territory)
    with store.transaction() as session:
        manager = User(surname="Петров", name="Олег", patronymic="Викторович")
        session.add(manager)
        session.flush()
        session.execute(update(SyncState).where(SyncState.id == 1).values(user_id=manager.id))
    card = open_card(territory["hospital"])
    suggestion = child(card, QLabel, "keyClientSuggestion")
    assert suggestion.text() == (
        "By the figures: not key — 1.3% of the sales of Соколова А. И., 2 of 3 P confirmed"
    )
    share = child(card, QLabel, "portfolioShare")
    assert share.text() == "Share of the sales of its KAM, Соколова А. И.: 1.3%"
