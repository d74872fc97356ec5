"""The offer editor and the product dialog, by real input: one line a product, the VAT of
the offer's date (20 % on 31.12.2025, 22 % from 01.01.2026), exemption chosen in the
catalogue and shown as such."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from kamdesk.services.offers import OfferBook, mark_sent
from kamdesk.services.products import ProductCatalog, ProductKind, VatKind
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.offers import OfferEditor
from kamdesk.ui.offers.common import money
from kamdesk.ui.offers.lines_model import QUANTITY, VAT
from kamdesk.ui.products.dialog import ProductDialog
from tests.documents.offer_data import Territory, make_territory
from tests.ui.kam_day.input import (
    OFFSCREEN_NOTICES,
    click,
    click_button,
    click_tab,
    pick_in_combo,
    shortcut,
    snapshot,
    type_text,
)

pytestmark = OFFSCREEN_NOTICES


@pytest.fixture
def territory(store: Store) -> Territory:
    return make_territory(store)


@pytest.fixture
def workspace(store: Store, territory: Territory) -> Workspace:
    return Workspace(store.path, store)


def _shown(qtbot: QtBot, editor: OfferEditor) -> OfferEditor:
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _add(qtbot: QtBot, editor: OfferEditor, product: str) -> None:
    pick_in_combo(qtbot, editor.product, product)
    click_button(editor, "Add line")


def _type_date(edit: QDateEdit, text: str) -> None:
    """As typed: a click in the field, Home, Shift+→ twice to select the day, then the
    digits (each part full moves on to the next)."""
    click(edit)
    shortcut(edit, Qt.Key.Key_Home)
    for _ in range(2):
        shortcut(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(edit, text.replace(".", ""))


def _vat_cells(editor: OfferEditor) -> list[str]:
    model = editor.lines
    return [model.index(row, VAT).data() for row in range(model.rowCount())]


def test_adding_a_product_twice_takes_you_to_its_quantity(
    qtbot: QtBot, workspace: Workspace, territory: Territory
) -> None:
    editor = _shown(qtbot, OfferEditor(workspace, account_id=territory.account_id))
    click_tab(editor.tabs, "Lines")
    _add(qtbot, editor, "Кардиомагнил")
    _add(qtbot, editor, "Кардиомагнил")
    assert editor.lines.rowCount() == 1, "one line a product"
    assert "is already in line 1: change its quantity there" in editor.errors.text()
    assert editor.errors.isVisible()
    cell = editor.lines_view.indexWidget(editor.lines.index(0, QUANTITY))
    assert cell is not None and cell.hasFocus(), "its quantity is open for typing"
    QTest.keyClicks(cell, "2")
    shortcut(cell, Qt.Key.Key_Tab)
    assert [line.quantity for line in editor.lines.lines()] == [2]
    snapshot(editor, "same-product-twice")


def test_the_vat_follows_the_offers_date(
    qtbot: QtBot, workspace: Workspace, territory: Territory
) -> None:
    editor = _shown(qtbot, OfferEditor(workspace, account_id=territory.account_id))
    click_tab(editor.tabs, "Lines")
    _add(qtbot, editor, "Кардиомагнил")
    _add(qtbot, editor, "Маска")
    assert _vat_cells(editor) == ["10", "22"]  # today, December 2026
    _type_date(editor.offer_date, "31.12.2025")
    assert editor.offer_date.date().toPython() == date(2025, 12, 31)
    assert _vat_cells(editor) == ["10", "20"]
    # 123,45 + 12,35 (10 %) and 310,00 + 62,00 (20 %): 507,80
    assert [line.vat_rate for line in editor.lines.lines()] == [Decimal(10), Decimal(20)]
    assert money(Decimal("507.80")) in editor.totals.text()
    _type_date(editor.offer_date, "01.01.2026")
    assert _vat_cells(editor) == ["10", "22"]
    assert money(Decimal("514.00")) in editor.totals.text()


def test_a_new_edition_of_last_years_offer_says_the_rate_changed(
    qtbot: QtBot, workspace: Workspace, territory: Territory, store: Store
) -> None:
    book = OfferBook(store)
    sent_on = date(2025, 12, 25)
    draft = book.new_draft(territory.account_id, today=sent_on)
    draft.lines = [territory.line("MASK-50", 3)]
    offer_id = book.save(draft, today=sent_on)
    mark_sent(store, offer_id, today=sent_on)
    editor = _shown(qtbot, OfferEditor(workspace, offer_id=offer_id))
    assert _vat_cells(editor) == ["20"]  # as it was sent
    # A year on (the test runs in 2026 or later), the KAM renews it from today.
    today, until = date.today(), date.today() + timedelta(days=30)
    _type_date(editor.offer_date, f"{today:%d.%m.%Y}")
    assert _vat_cells(editor) == ["22"]
    assert "VAT 20 % → 22 % from 01.01.2026: Маска медицинская" in editor.totals.text()
    snapshot(editor, "vat-new-edition")
    _type_date(editor.valid_until, f"{until:%d.%m.%Y}")
    assert editor.valid_until.date().toPython() == until
    click_button(editor, "Save")
    assert not editor.errors.isVisible(), editor.errors.text()
    qtbot.waitUntil(lambda: not editor.isVisible())
    (row,) = book.list()
    new = book.get(row.id)
    assert new is not None and new.row.edition == 2
    assert [line.vat_rate for line in new.draft.lines] == [Decimal(22)]
    assert "С 01.01.2026 ставка НДС — 22 %" in new.history[0].note


def test_the_catalogue_marks_a_device_exempt_and_needs_no_inn_for_it(
    qtbot: QtBot, store: Store, territory: Territory
) -> None:
    catalog = ProductCatalog(store)
    dialog = ProductDialog(catalog, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click(dialog.fields["sku"])
    type_text(dialog.fields["sku"], "CAT-18G")
    click(dialog.fields["trade_name"])
    type_text(dialog.fields["trade_name"], "Катетер внутривенный 18G")
    click_button(dialog, "Save")  # a medicine by default: it needs an МНН
    assert "A medicine needs its INN (МНН)" in dialog.errors.text()  # a sentence of its own
    assert catalog.list("CAT-18G") == []
    pick_in_combo(qtbot, dialog.kind, "Medical device")
    assert dialog.vat.currentData() == VatKind.REDUCED  # a device's usual 10 %
    pick_in_combo(qtbot, dialog.vat, "exempt")
    click_button(dialog, "Save")
    assert dialog.result() == ProductDialog.DialogCode.Accepted, dialog.errors.text()
    (row,) = catalog.list("CAT-18G")
    assert (row.kind, row.vat_kind, row.vat_rate) == (
        ProductKind.MEDICAL_DEVICE,
        VatKind.EXEMPT,
        None,
    )
