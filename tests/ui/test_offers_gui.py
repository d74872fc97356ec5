"""End to end, offscreen: create an offer in the editor, see it listed, build its PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import LineInput, OfferBook, OfferStatus
from kamdesk.services.workspace import Workspace
from tests.documents.offer_data import make_territory
from tests.ui.save_dialog import open_the_saved_file, save_in_the_file_dialog


@pytest.fixture
def workspace(store):
    make_territory(store)
    return Workspace(store.path, store)


# Showing a dialog on the offscreen platform logs this harmless notice.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_create_offer_end_to_end(qtbot, workspace, tmp_path: Path):
    from kamdesk.ui.offers import OffersPage
    from kamdesk.ui.offers.lines_model import DISCOUNT, QUANTITY

    page = OffersPage(workspace, open_pdfs=False)
    qtbot.addWidget(page)
    account_id = workspace.accounts.page(AccountFilter())[0].id
    # The page owns the editor, which deletes itself once the offer is stored.
    editor = page.new_offer(account_id)
    # Saving an empty offer is refused with a message, nothing stored.
    assert not editor.save()
    assert "at least one product line" in editor.errors.text()
    assert OfferBook(workspace.store).list() == []
    # Two lines, one edited in the table; a reader checked with a suggested argument.
    editor.product.setCurrentIndex(
        editor.product.findText("Кардиомагнил", flags=Qt.MatchFlag.MatchStartsWith)
    )
    editor.add_current_product()
    editor.product.setCurrentIndex(
        editor.product.findText("Амлодипин", flags=Qt.MatchFlag.MatchStartsWith)
    )
    editor.add_current_product()  # one line a product: a second product, not a second line
    model = editor.lines
    assert model.setData(model.index(0, QUANTITY), "12")
    assert model.setData(model.index(0, DISCOUNT), "2,5")
    assert model.setData(model.index(1, QUANTITY), "0")
    assert not editor.save()
    assert "quantity" in editor.errors.text()
    assert model.setData(model.index(1, QUANTITY), "3")
    director = editor.readers.findItems("Смирнов", Qt.MatchFlag.MatchStartsWith)[0]
    editor.readers_view.setCurrentIndex(director.index())
    editor.suggest_current()  # the relationship is read off the UI thread
    qtbot.waitUntil(lambda: editor.argument.toPlainText() != "", timeout=10_000)
    # A client with no purchases yet is not told it is a key partner.
    assert "начать сотрудничество" in editor.argument.toPlainText()
    assert "ключевых партнёров" not in editor.argument.toPlainText()
    editor.benefit.setPlainText("Экономия бюджета")
    assert "Total with VAT" in editor.totals.text()
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    rows = OfferBook(workspace.store).list()
    assert len(rows) == 1 and rows[0].status == OfferStatus.DRAFT
    view = OfferBook(workspace.store).get(rows[0].id)
    assert [line.quantity for line in view.draft.lines] == [12, 3]
    assert view.draft.lines[0].discount_pct == Decimal("2.5")
    assert view.draft.addressees[0].arguments
    assert page.model.rowCount() == 1
    # The PDF is built in the background and reported when ready.
    page.select_row(rows[0].id)
    target = tmp_path / "offer.pdf"
    with qtbot.waitSignal(page.pdf_ready, timeout=20000) as ready:
        page.pdf_selected(target)
    assert ready.args[0] == target and target.read_bytes().startswith(b"%PDF")
    page.buttons["sent"].click()
    assert OfferBook(workspace.store).list()[0].status == OfferStatus.SENT


# Showing a window on the offscreen platform logs this harmless notice.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_print_button_says_what_the_pdf_lacks(
    qtbot, workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A product named with an emoji and a logo file gone: the PDF is made and opened,
    and the page says under «PDF ready» which character became «?» and that the
    logo was left out, without a dialog in the way."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kamdesk.services.offers import load_offer_settings, save_offer_settings
    from kamdesk.services.products import ProductCatalog
    from kamdesk.ui.offers import OffersPage
    from tests.ui.kam_day.input import snapshot

    catalog = ProductCatalog(workspace.store)
    (product,) = [row for row in catalog.list() if row.sku == "KM-75-100"]
    renamed = replace(catalog.detail(product.id).as_input(), trade_name="Кардиомагнил 😀")
    catalog.save(renamed)
    settings = load_offer_settings(workspace.store)
    gone = tmp_path / "logo-moved-away.png"
    supplier = replace(settings.supplier, logo_path=str(gone))
    save_offer_settings(workspace.store, replace(settings, supplier=supplier))
    book = OfferBook(workspace.store)
    account_id = workspace.accounts.page(AccountFilter())[0].id
    draft = book.new_draft(account_id, today=date.today())
    draft.lines = [LineInput(product_id=product.id, quantity=2, unit_price=Decimal("123.45"),
                             discount_pct=Decimal(0), vat_rate=Decimal(10))]  # fmt: skip
    offer_id = book.save(draft, date.today())
    opened: list[QUrl] = []  # the system's PDF viewer is not started by a test
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))

    page = OffersPage(workspace)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitExposed(page)
    (row,) = range(page.proxy.rowCount())
    QTest.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.proxy.index(row, 0)).center(),
    )
    assert page.selected() is not None and page.selected().id == offer_id
    save_in_the_file_dialog(tmp_path / "offer.pdf")
    with qtbot.waitSignal(page.pdf_ready, timeout=20000) as ready:
        QTest.mouseClick(page.buttons["pdf"], Qt.MouseButton.LeftButton)

    path = Path(ready.args[0])
    try:
        assert path.read_bytes().startswith(b"%PDF")
        open_the_saved_file(page)
        assert [url.toLocalFile() for url in opened] == [str(path)], "the PDF is opened"
        note = page.note
        assert note.isVisible() and note.visibleRegion().boundingRect().width() > 0
        assert str(path) in note.text()
        assert "😀" in note.text() and "«?»" in note.text(), "the missing character is named"
        assert gone.name in note.text(), "the logo left out is said"
        # A long warning wraps: the window keeps its width and every button stays in view.
        QApplication.processEvents()  # the layout's pending resize
        assert page.width() == 1100 and page.minimumSizeHint().width() < 1100
        assert all(button.visibleRegion().boundingRect().width() > 0
                   for button in page.buttons.values())  # fmt: skip
        snapshot(page, "offer-pdf-warnings")
    finally:
        path.unlink(missing_ok=True)


def test_products_page_lists_and_imports(qtbot, workspace, tmp_path: Path, qtmodeltester):
    from kamdesk.ui.products import ProductsPage

    page = ProductsPage(workspace)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 4
    qtmodeltester.check(page.model)
    page.search.setText("цефтриаксон")
    assert page.model.rowCount() == 1
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    assert "Цефтриаксон" in page.detail.toPlainText()
    csv = tmp_path / "p.csv"
    csv.write_bytes(
        "Артикул;Наименование;МНН;Цена\nCF-1G;Цефтриаксон-Север;цефтриаксон;50,00\n".encode(
            "cp1251"
        )
    )
    plan = page.import_file(csv, ask=False)
    assert plan.ok
    assert page.model.record(0).price == Decimal("50.00")
