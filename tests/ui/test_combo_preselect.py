"""Every combo box that shows a stored choice opens on that choice, found by value.

PySide6's `findData(uuid)` never matched an equal UUID, so forms opened on their
first item: «Новое КП…» in a hospital's card wrote the offer to another client,
the plan dialog from a card had no client, stored offers and VAT rates vanished
from their forms. The accounts of these tests are chosen so the right item is
never the first one: opening on the first item fails them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.services.offers import LineInput, OfferBook
from kamdesk.services.products import ProductCatalog, ProductInput, VatKind
from kamdesk.services.visits import Sentiment, report_draft, save_report
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.offers.editor import OfferEditor
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.visits.plan_dialog import PlanDialog
from tests.services.visit_factories import add_product, add_visit

WaitIdle = Callable[[TaskRunner], None]
HOSPITAL = "ГБУЗ «Областная клиническая больница»"

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def top_level(kind: type[QWidget]) -> Any:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, f"{kind.__name__}: {found}"
    return found[0]


def offered(combo: Any) -> list[Any]:
    return [combo.itemData(index) for index in range(combo.count())]


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_card(qtbot: QtBot, window: MainWindow, account_id: uuid.UUID, wait_idle: WaitIdle) -> Any:
    window.resize(1300, 850)
    with qtbot.waitExposed(window):
        window.show()
    page = window.section_page(SectionKey.CLIENTS)
    page.open_account(account_id)  # what a double-click on the row does
    wait_idle(window.tasks)
    card = page.tabs.currentWidget()
    assert card.title() == "ОКБ"
    return card


def add_priced_product(store: Store) -> uuid.UUID:
    return add_product(store, "Кардиомагнил-КАМ", price=Decimal("120.50"))


def test_a_new_offer_from_a_card_is_for_that_card(
    qtbot: QtBot, window: MainWindow, store: Store, territory: dict[str, Any], wait_idle: WaitIdle
) -> None:
    add_priced_product(store)
    hospital = territory["hospital"]
    card = open_card(qtbot, window, hospital, wait_idle)
    click(card.overview.new_offer)
    editor = top_level(OfferEditor)  # the card owns it; it deletes itself once stored
    assert editor.account.itemData(0) != hospital  # the first item would be wrong
    assert editor.account.currentData() == hospital
    assert editor.account.currentText() == HOSPITAL
    assert offered(editor.account).count(hospital) == 1  # found in the list, not added again
    assert not editor.account.isEnabled()  # written from this card, for this card
    readers = [editor.readers.item(r).text() for r in range(editor.readers.rowCount())]
    assert any(text.startswith("Семёнов") for text in readers)  # the hospital's people
    add_line = next(b for b in editor.findChildren(QPushButton) if b.text() == "Add line")
    click(add_line)
    with qtbot.waitSignal(editor.saved):
        click(editor.buttons.button(QDialogButtonBox.StandardButton.Save))
    saved = OfferBook(store).get(editor.saved_offer_id)  # type: ignore[arg-type]
    assert saved is not None and saved.draft.account_id == hospital
    assert saved.row.account_name == HOSPITAL


def test_a_new_offer_from_the_offers_section_lets_the_kam_choose_the_client(
    qtbot: QtBot, workspace: Workspace, store: Store, territory: dict[str, Any]
) -> None:
    from kamdesk.ui.offers import OffersPage

    add_priced_product(store)
    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    click(page.buttons["new"])  # clicked(bool) once arrived here as "account False"
    editor = top_level(OfferEditor)  # the page owns it; it deletes itself once stored
    assert editor.account.isEnabled()
    editor.account.setFocus()
    for _ in range(editor.account.count()):
        if editor.account.currentData() == territory["hospital"]:
            break
        QTest.keyClick(editor.account, Qt.Key.Key_Down)
    assert editor.account.currentText() == HOSPITAL
    click(next(b for b in editor.findChildren(QPushButton) if b.text() == "Add line"))
    with qtbot.waitSignal(editor.saved):
        click(editor.buttons.button(QDialogButtonBox.StandardButton.Save))
    saved = OfferBook(store).get(editor.saved_offer_id)  # type: ignore[arg-type]
    assert saved is not None and saved.draft.account_id == territory["hospital"]


def test_an_existing_offer_opens_on_its_client(
    qtbot: QtBot, workspace: Workspace, store: Store, territory: dict[str, Any]
) -> None:
    from kamdesk.ui.offers import OffersPage

    offer = _offer(store, territory["hospital"])
    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    page.select_row(offer)
    click(page.buttons["edit"])
    editor = top_level(OfferEditor)
    qtbot.addWidget(editor)
    assert editor.account.currentData() == territory["hospital"]
    assert editor.account.currentText() == HOSPITAL
    assert offered(editor.account).count(territory["hospital"]) == 1


def test_a_visit_planned_from_a_card_is_for_that_card(
    qtbot: QtBot, window: MainWindow, territory: dict[str, Any], wait_idle: WaitIdle
) -> None:
    card = open_card(qtbot, window, territory["hospital"], wait_idle)
    click(card.overview.plan_visit)
    dialog = top_level(PlanDialog)
    qtbot.addWidget(dialog)
    assert dialog.account.currentData() == territory["hospital"]
    assert dialog.account.currentText() == HOSPITAL
    assert dialog.attendees.count() == 2  # the hospital's two people


def test_a_planned_visit_opens_on_its_client_and_its_offer(
    qtbot: QtBot, workspace: Workspace, store: Store, territory: dict[str, Any]
) -> None:
    hospital = territory["hospital"]
    _offer(store, hospital)  # the newest is listed first: ours must not be
    offer = _offer(store, hospital, days_ago=3)
    visit = add_visit(store, hospital, datetime.now(UTC) + timedelta(days=2), offer_id=offer)
    dialog = PlanDialog(workspace, visit_id=visit)
    qtbot.addWidget(dialog)
    assert dialog.account.currentData() == hospital and dialog.account.currentText() == HOSPITAL
    assert dialog.offer.currentData() == offer
    assert dialog.offer.currentIndex() >= 2  # after «No offer» and the newer offer


def test_a_stored_vat_rate_and_a_saved_report_open_as_stored(
    qtbot: QtBot, workspace: Workspace, store: Store, territory: dict[str, Any]
) -> None:
    from kamdesk.ui.products.dialog import ProductDialog
    from kamdesk.ui.visits.report_form import ReportForm

    catalog = ProductCatalog(store)
    product = catalog.save(
        ProductInput(
            sku="NS-1", trade_name="Назонекс", inn_name="мометазон", vat_kind=VatKind.STANDARD
        )
    )
    dialog = ProductDialog(catalog, catalog.detail(product))
    qtbot.addWidget(dialog)
    assert dialog.vat.currentData() == VatKind.STANDARD and dialog.vat.currentIndex() != 0

    visit = add_visit(store, territory["hospital"], datetime.now(UTC) - timedelta(hours=2))
    draft = report_draft(store, visit).input
    draft.objective_reached, draft.sentiment = False, Sentiment.NEGATIVE
    save_report(store, visit, draft, final=False)
    form = ReportForm(workspace, visit)
    qtbot.addWidget(form)
    assert form.objective_reached.currentData() is False
    assert form.sentiment.currentData() == Sentiment.NEGATIVE


def _offer(store: Store, account_id: uuid.UUID, days_ago: int = 0) -> uuid.UUID:
    product = add_priced_product(store)
    book = OfferBook(store)
    today = datetime.now(UTC).date() - timedelta(days=days_ago)
    draft = book.new_draft(account_id, today=today)
    draft.lines = [LineInput(product, 3, Decimal("120.50"))]
    return book.save(draft, today=today)


def test_items_are_found_by_value_and_a_stored_value_the_list_lacks_is_kept(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QComboBox

    from kamdesk.ui.item_data import index_of_data, select_data

    chosen = uuid.uuid4()
    combo = QComboBox()
    qtbot.addWidget(combo)
    for text, data in (
        ("—", None),
        ("Да", True),
        ("1", 1),
        ("10 %", Decimal("10")),
        ("ОКБ", chosen),
    ):
        combo.addItem(text, data)
    assert combo.findData(uuid.UUID(str(chosen))) == -1  # what PySide6 does: the trap
    assert index_of_data(combo, uuid.UUID(str(chosen))) == 4
    assert index_of_data(combo, Decimal("10.00")) == 3
    assert index_of_data(combo, 1) == 2 and index_of_data(combo, True) == 1
    assert index_of_data(combo, None) == 0 and index_of_data(combo, False) == -1
    removed = uuid.uuid4()
    assert select_data(combo, removed) == 5  # kept, not replaced by «—»
    assert combo.currentData() == removed and combo.currentText() == "(no longer in the list)"
