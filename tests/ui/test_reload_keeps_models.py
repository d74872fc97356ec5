"""Searching and reloading keep one model per view: no model is left behind per
keystroke, what is connected to the view's selection runs once per click, and the
row the KAM chose stays chosen while it is still listed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.services.offers import OfferBook
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.record_model import RecordTableModel
from kamdesk.ui.tasks import TaskRunner
from tests.documents.offer_data import Territory, make_territory
from tests.ui.kam_day.input import type_text

# Showing a page on the offscreen platform logs this harmless notice.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def catalogue(store: Store) -> tuple[Workspace, Territory]:
    """One account, four priced products (no visits territory)."""
    territory = make_territory(store)
    return Workspace(store.path, store), territory


def models_of(page: QWidget) -> int:
    return len(page.findChildren(RecordTableModel))


def click_cell(table: QTableView, index: QModelIndex) -> None:
    QTest.mouseClick(table.viewport(), LEFT, pos=table.visualRect(index).center())


def search(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Type `text` key by key after erasing what is there (each key is a search)."""
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    type_text(field, text)  # QTest.keyClicks takes Latin-1 only


def test_after_several_searches_a_click_shows_the_products_detail_once(
    qtbot: QtBot, catalogue: tuple[Workspace, Territory]
) -> None:
    from kamdesk.ui.products import ProductsPage

    workspace, _territory = catalogue
    page = ProductsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    model, selection, models = page.model, page.table.selectionModel(), models_of(page)
    for text in ("кар", "цеф", "сев", "", "амлодипин", "север"):  # 22 keystrokes
        search(qtbot, page.search, text)
    assert page.proxy.rowCount() == 2  # Амлодипин-Север, Цефтриаксон-Север

    shown: list[None] = []
    page.detail_shown.connect(lambda: shown.append(None))
    first = page.proxy.index(0, 0)
    name = first.data()
    click_cell(page.table, first)
    assert len(shown) == 1, f"one click rebuilt the detail {len(shown)} times"
    assert name in page.detail.toPlainText()
    assert page.model is model and page.proxy.sourceModel() is model
    assert page.table.selectionModel() is selection
    assert models_of(page) == models, "every search left a model behind"

    # The product chosen stays chosen (and shown) while the search still finds it …
    search(qtbot, page.search, name[:4].lower())
    still = page.selected()
    assert still is not None and still.trade_name == name
    assert name in page.detail.toPlainText()
    # … and a search that leaves it out leaves nothing stale in the detail.
    search(qtbot, page.search, "маска")
    gone = page.selected()
    assert gone is None or gone.trade_name != name
    assert name not in page.detail.toPlainText()


def test_searching_offers_keeps_one_model_and_the_offer_chosen(
    qtbot: QtBot, catalogue: tuple[Workspace, Territory]
) -> None:
    from kamdesk.ui.offers import OffersPage

    workspace, territory = catalogue
    book = OfferBook(workspace.store)
    for quantity in (2, 5):
        draft = book.new_draft(territory.account_id, today=date.today())
        draft.lines = [territory.line("KM-75-100", quantity)]
        book.save(draft, date.today())
    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitExposed(page)
    model, selection, models = page.model, page.table.selectionModel(), models_of(page)
    assert model.rowCount() == 2

    click_cell(page.table, page.proxy.index(0, 0))
    chosen = page.selected()
    assert chosen is not None
    other = next(r for r in book.list() if r.id != chosen.id)
    search(qtbot, page.search, chosen.number)
    assert page.model.rowCount() == 1 and page.selected() == chosen, "the offer stays chosen"
    search(qtbot, page.search, other.number)
    assert page.model.rowCount() == 1 and page.selected() is None, "not the other offer"
    search(qtbot, page.search, "")
    assert page.model.rowCount() == 2

    assert page.model is model and page.proxy.sourceModel() is model
    assert page.table.selectionModel() is selection
    assert models_of(page) == models, "every search left a model behind"


def test_reloading_the_visits_page_keeps_its_tables_models(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, wait_idle
) -> None:
    from kamdesk.ui.visits import VisitsPage

    page = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(page)
    page.resize(1300, 820)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(tasks)
    page.side.setCurrentWidget(page.overdue)
    overdue = page.overdue
    assert overdue.model_.rowCount() > 0, "the territory has clients overdue for a visit"
    click_cell(overdue, overdue.model_.index(overdue.model_.rowCount() - 1, 0))
    chosen = overdue.model_.record(overdue.currentIndex().row()).account_id
    kept = {view: (view.model(), view.selectionModel()) for view in (overdue, page.table)}
    models = models_of(page)

    buttons = {b.text(): b for b in page.findChildren(QPushButton)}
    forward, back = buttons["▶"], buttons["◀"]
    for button in (forward, forward, forward, forward, forward, back, back, back, back, back):
        QTest.mouseClick(button, LEFT)  # a month on and back: the calendar loads again
        wait_idle(tasks)

    for view, (model, selection) in kept.items():
        assert view.model() is model and view.selectionModel() is selection
    assert models_of(page) == models, "every reload left a model behind"
    current = overdue.currentIndex()
    assert current.isValid() and overdue.model_.record(current.row()).account_id == chosen
