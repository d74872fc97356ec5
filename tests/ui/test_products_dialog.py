"""Competitor comparisons are edited in the product dialog and stored with the product."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from kamdesk.services.products import Comparison, ProductCatalog
from kamdesk.services.workspace import Workspace
from tests.documents.offer_data import make_territory


@pytest.fixture
def workspace(store):
    make_territory(store)
    return Workspace(store.path, store)


def test_a_comparison_added_in_the_dialog_is_stored_and_shown_again(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from kamdesk.ui.products import ProductsPage
    from kamdesk.ui.products.dialog import ProductDialog

    catalog = ProductCatalog(workspace.store)
    row = next(r for r in catalog.list() if r.sku == "KM-75-100")
    dialog = ProductDialog(catalog, catalog.detail(row.id))
    qtbot.addWidget(dialog)
    editor = dialog.comparisons
    before = editor.table.rowCount()
    added = editor.add_row()
    editor.set_row(added, "Bayer", "Аспирин Кардио", "1 150,50", "дешевле курс", "известный бренд")
    dialog.save()
    assert dialog.result() == ProductDialog.DialogCode.Accepted, dialog.errors.text()

    stored = catalog.detail(row.id)
    assert stored is not None and len(stored.comparisons) == before + 1
    assert (
        Comparison("Bayer", "Аспирин Кардио", Decimal("1150.50"), "дешевле курс", "известный бренд")
        in stored.comparisons
    )

    again = ProductDialog(catalog, stored)
    qtbot.addWidget(again)
    cells = [
        [again.comparisons.table.item(r, c).text() for c in range(5)]
        for r in range(again.comparisons.table.rowCount())
    ]
    assert ["Bayer", "Аспирин Кардио", "1150,50", "дешевле курс", "известный бренд"] in cells

    page = ProductsPage(workspace)
    qtbot.addWidget(page)
    page.search.setText("KM-75-100")
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    assert "Аспирин Кардио" in page.detail.toPlainText()

    # Removing the row and saving removes the comparison.
    target = cells.index(["Bayer", "Аспирин Кардио", "1150,50", "дешевле курс", "известный бренд"])
    again.comparisons.table.setCurrentCell(target, 0)
    again.comparisons.remove_current()
    again.save()
    assert len(catalog.detail(row.id).comparisons) == before


def test_a_bad_comparison_is_explained_and_not_saved(qtbot: QtBot, workspace: Workspace) -> None:
    from kamdesk.ui.products.dialog import ProductDialog

    catalog = ProductCatalog(workspace.store)
    row = catalog.list()[0]
    dialog = ProductDialog(catalog, catalog.detail(row.id))
    qtbot.addWidget(dialog)
    before = catalog.detail(row.id)
    added = dialog.comparisons.add_row()
    dialog.comparisons.set_row(added, "Bayer", "Ксарелто", "дорого")
    dialog.save()
    assert "price is not a number" in dialog.errors.text()
    assert dialog.tabs.currentWidget() is dialog.comparisons
    dialog.comparisons.set_row(added, "Bayer", "", "100")
    dialog.save()
    assert "name the competitor's product" in dialog.errors.text()
    assert dialog.result() != ProductDialog.DialogCode.Accepted
    assert catalog.detail(row.id) == before
