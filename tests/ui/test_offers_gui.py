"""End to end, offscreen: create an offer in the editor, see it listed, build its PDF."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import OfferBook, OfferStatus
from kamdesk.services.workspace import Workspace
from tests.documents.offer_data import make_territory


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
    editor = page.new_offer(account_id)
    qtbot.addWidget(editor)
    # Saving an empty offer is refused with a message, nothing stored.
    assert not editor.save()
    assert "at least one product line" in editor.errors.text()
    assert OfferBook(workspace.store).list() == []
    # Two lines, one edited in the table; a reader checked with a suggested argument.
    editor.product.setCurrentIndex(
        editor.product.findText("Кардиомагнил", flags=Qt.MatchFlag.MatchStartsWith)
    )
    editor.add_current_product()
    editor.add_current_product()
    model = editor.lines
    assert model.setData(model.index(0, QUANTITY), "12")
    assert model.setData(model.index(0, DISCOUNT), "2,5")
    assert model.setData(model.index(1, QUANTITY), "0")
    assert not editor.save()
    assert "quantity" in editor.errors.text()
    assert model.setData(model.index(1, QUANTITY), "3")
    director = editor.readers.findItems("Смирнов", Qt.MatchFlag.MatchStartsWith)[0]
    editor.readers_view.setCurrentIndex(director.index())
    editor.suggest_current()
    assert "ключевых партнёров" in editor.argument.toPlainText()
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
