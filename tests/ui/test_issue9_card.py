"""Issue 9 on the card: «Открытые КП» follows an offer saved from the card without
reopening it, and counts agree with their number in Russian (1, 2, 5, 21, 22)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.offers import OfferEditor
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from tests.documents.offer_data import make_territory

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def workspace(store: Store) -> Workspace:
    """Accounts with products and prices, so that an offer can be made."""
    make_territory(store)
    return Workspace(store.path, store)


def open_offer_numbers(card: object) -> list[str]:
    labels = card.overview.findChildren(QLabel)  # type: ignore[attr-defined]
    return [label.text() for label in labels if ", valid until " in label.text()]


def test_an_offer_saved_from_the_card_shows_in_its_open_offers_at_once(
    qtbot: QtBot, window: MainWindow, tasks: TaskRunner, wait_idle: Callable[[TaskRunner], None]
) -> None:
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    book = window.workspace
    rows = book.accounts.page(AccountFilter(), limit=500)
    account = rows[0]
    page.open_account(account.id)
    qtbot.waitUntil(lambda: getattr(page.account_tab(account.id), "bundle", None) is not None)
    wait_idle(tasks)
    card = page.account_tab(account.id)
    before = open_offer_numbers(card)
    QTest.mouseClick(card.overview.new_offer, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, OfferEditor))
    editor.add_current_product()
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        assert editor.save()
    qtbot.waitUntil(lambda: len(open_offer_numbers(card)) == len(before) + 1, timeout=10_000)
    wait_idle(tasks)
    # Still the same card tab, nothing reopened.
    assert page.account_tab(account.id) is card
