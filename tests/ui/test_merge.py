"""Merging two cards of one organisation through the Clients page: nothing is lost,
the survivor's card opens, the absorbed card leaves the list as an archived tombstone."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QLabel, QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountCompetitor,
    Contact,
    Product,
    RelationshipEvent,
    SalesRecord,
    Visit,
)
from kamdesk.store import Store
from kamdesk.store.tombstones import INCLUDE_DELETED
from kamdesk.ui.card import AccountCard
from kamdesk.ui.clients.merge_dialog import MergeDialog
from kamdesk.ui.clients.model import Column
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.clients.pick_account import AccountPicker
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

WaitIdle = Callable[[TaskRunner], None]
MARCH, APRIL = date(2025, 3, 1), date(2025, 4, 1)
EVERYTHING = {INCLUDE_DELETED: True}
# Dialogs are shown: the offscreen platform says so for each window it sizes.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(window: MainWindow) -> ClientsPage:
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    return clients


@pytest.fixture
def duplicate(store: Store, territory: dict[str, Any]) -> uuid.UUID:
    """«ОКБ г. Твери»: the hospital entered a second time, with its own people,
    history and sales (one month overlapping the hospital's)."""
    with store.transaction() as session:
        product = Product(sku="SKU-1", inn_name="Апиксабан", trade_name="Апиксан")
        twin = Account(name="ОКБ г. Твери", kind="hospital", city="Тверь")
        session.add_all([product, twin])
        session.flush()
        session.add_all(
            [
                Contact(account_id=twin.id, surname="Ким", name="Алексей"),
                Contact(account_id=twin.id, surname="Белова", name="Ирина"),
                RelationshipEvent(
                    account_id=twin.id, kind="delivery", occurred_on=date(2025, 1, 10),
                    subject="Поставка гепарина",
                ),
                AccountCompetitor(account_id=twin.id, company="Биокад"),
                SalesRecord(account_id=twin.id, product_id=product.id, month=MARCH,
                            quantity=3, amount=Decimal("250.50")),
                SalesRecord(account_id=twin.id, product_id=product.id, month=APRIL,
                            quantity=4, amount=Decimal("400.00")),
                SalesRecord(account_id=territory["hospital"], product_id=product.id,
                            month=MARCH, quantity=10, amount=Decimal("1000.00")),
            ]
        )  # fmt: skip
        return twin.id


def select_rows(page: ClientsPage, *account_ids: uuid.UUID) -> None:
    model, selection = page.model, page.table.selectionModel()
    selection.clearSelection()
    for row in range(model.rowCount()):
        if page.model.row_at(row).id in account_ids:
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(model.index(row, Column.NAME), flags)


def open_merge(qtbot: QtBot, page: ClientsPage, wait_idle: WaitIdle) -> MergeDialog:
    dialog = page.merge_selected()
    assert isinstance(dialog, MergeDialog)
    wait_idle(page.tasks)
    assert dialog.merge_button.isEnabled()
    return dialog


def test_merging_two_selected_accounts_keeps_every_row_on_the_survivor(
    qtbot: QtBot,
    page: ClientsPage,
    store: Store,
    territory: dict[str, Any],
    duplicate: uuid.UUID,
    wait_idle: WaitIdle,
) -> None:
    hospital = territory["hospital"]
    page.reload()
    wait_idle(page.tasks)
    select_rows(page, hospital, duplicate)
    assert page.merge_button.isEnabled()
    dialog = open_merge(qtbot, page, wait_idle)

    # Side by side: names and counts of both cards.
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "ОКБ г. Твери" in texts and "ГБУЗ «Областная клиническая больница»" in texts
    dialog.choose(hospital)
    assert dialog.survivor().id == hospital  # type: ignore[union-attr]
    plan = dialog.plan.text()
    for words in (
        "2 contacts",  # English counts in their own forms (kamdesk_en.ts)
        "<li>1 history event</li>",
        "2 sales rows over 2 month(s)",
        "<li>1 competitor</li>",
    ):
        assert words in plan
    assert "archived" in plan

    with qtbot.waitSignal(dialog.merged) as merged:
        dialog.merge_button.click()
    assert merged.args == [hospital, duplicate]
    wait_idle(page.tasks)

    # The survivor's card is open and shows the people of both.
    card = page.tabs.currentWidget()
    assert isinstance(card, AccountCard) and card.account_id == hospital
    people = {card.contacts.list.item(i).text().splitlines()[0] for i in range(4)}
    assert {"Ким Алексей", "Белова Ирина"} <= people
    # The absorbed one left the list.
    listed = {page.model.row_at(row).id for row in range(page.model.rowCount())}
    assert hospital in listed and duplicate not in listed

    with store.session() as session:
        surnames = set(
            session.scalars(select(Contact.surname).where(Contact.account_id == hospital))
        )
        assert surnames == {"Семёнов", "Орлова", "Ким", "Белова"}
        events = session.scalars(
            select(RelationshipEvent.subject).where(RelationshipEvent.account_id == hospital)
        ).all()
        assert "Поставка гепарина" in events
        companies = set(
            session.scalars(
                select(AccountCompetitor.company).where(AccountCompetitor.account_id == hospital)
            )
        )
        assert companies == {"Фармстандарт", "Биокад"}
        sales = {
            r.month: (r.quantity, r.amount)
            for r in session.scalars(select(SalesRecord).where(SalesRecord.account_id == hospital))
        }
        assert sales == {MARCH: (13, Decimal("1250.50")), APRIL: (4, Decimal("400.00"))}
        assert session.scalar(select(Visit.account_id)) == hospital
        left_behind = session.scalars(select(Contact).where(Contact.account_id == duplicate)).all()
        assert left_behind == []
        absorbed = session.scalar(
            select(Account).where(Account.id == duplicate).execution_options(**EVERYTHING)
        )
        assert absorbed is not None and absorbed.deleted_at is not None
        assert absorbed.merged_into_id == hospital


def test_merge_with_from_a_card_picks_the_other_account_by_search(
    qtbot: QtBot,
    page: ClientsPage,
    store: Store,
    territory: dict[str, Any],
    duplicate: uuid.UUID,
    wait_idle: WaitIdle,
) -> None:
    hospital = territory["hospital"]
    with qtbot.waitSignal(page.account_opened):
        page.open_account(duplicate)
    card = page.tabs.currentWidget()
    assert isinstance(card, AccountCard)
    card.findChild(type(page.new_button), "mergeWithButton").click()  # type: ignore[union-attr]
    picker = page.findChild(AccountPicker)
    assert picker is not None
    picker.search.setText("областная")
    wait_idle(page.tasks)
    assert picker.list.count() == 1
    picker.choose()
    dialog = page.findChild(MergeDialog)
    assert dialog is not None
    wait_idle(page.tasks)
    dialog.choose(hospital)
    with qtbot.waitSignal(dialog.merged):
        dialog.merge_button.click()
    wait_idle(page.tasks)
    assert page.open_accounts() == [hospital]  # the absorbed card's tab closed
    with store.session() as session:
        assert (
            session.scalar(
                select(Account.merged_into_id)
                .where(Account.id == duplicate)
                .execution_options(**EVERYTHING)
            )
            == hospital
        )


def test_an_archived_account_is_not_merged(
    qtbot: QtBot,
    page: ClientsPage,
    store: Store,
    territory: dict[str, Any],
    wait_idle: WaitIdle,
) -> None:
    from kamdesk.services.card import archive_account

    archive_account(store, territory["pharmacy"])
    dialog = page.commands.merge(territory["chain"], territory["pharmacy"])
    wait_idle(page.tasks)
    assert not dialog.merge_button.isEnabled()
    assert "restore it" in dialog.problem.text()
    assert not dialog.findChildren(QRadioButton)[0].isChecked()
    dialog.reject()
