#!/usr/bin/env python3
"""Render the Products and Offers sections and the «КП» settings tab offscreen.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots_offers.py --db /tmp/demo.sqlite --out docs/screenshots

Writes products.png (a product with its arguments selected), offers.png (the
offer list) and settings-offers.png (the supplier, envelope and approval
settings). Runs with its own empty settings folder and never saves anything.
"""

from __future__ import annotations

import sys

import shotkit


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    session = shotkit.start(args)
    app, workspace, window = session.app, session.workspace, session.window

    from kamdesk.services.products import ProductCatalog
    from kamdesk.ui.offers import OffersPage
    from kamdesk.ui.preferences import Preferences
    from kamdesk.ui.products import ProductsPage
    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.settings_dialog import SettingsDialog

    def save(widget: object, name: str) -> None:
        target = args.out / name
        widget.grab().save(str(target))  # type: ignore[attr-defined]
        print(f"wrote {target}")

    window.show_section(SectionKey.PRODUCTS)
    session.wait()
    products = window.section_page(SectionKey.PRODUCTS)
    assert isinstance(products, ProductsPage)
    catalog = ProductCatalog(workspace.store)
    # The product with the most to read: arguments, objections and competitors.
    details = [catalog.detail(row.id) for row in catalog.list()]
    richest = max(
        (d for d in details if d is not None),
        key=lambda d: (len(d.comparisons), len(d.objections), len(d.key_messages)),
    )
    for row in range(products.proxy.rowCount()):
        record = products.model.record(
            products.proxy.mapToSource(products.proxy.index(row, 0)).row()
        )
        if record.id == richest.row.id:
            products.table.selectRow(row)
            products.table.scrollTo(products.proxy.index(row, 0))
            break
    app.processEvents()
    save(window, "products.png")

    window.show_section(SectionKey.OFFERS)
    session.wait()
    offers = window.section_page(SectionKey.OFFERS)
    assert isinstance(offers, OffersPage)
    offers.table.selectRow(0)
    app.processEvents()
    save(window, "offers.png")

    dialog = SettingsDialog(Preferences(), session.language, workspace.store, window)
    assert dialog.offers is not None
    dialog.tabs.setCurrentWidget(dialog.offers)
    # Two example rows (not saved) show what the envelope table can hold.
    if len(dialog.offers.envelope.rows()) == 1 and richest.row.product_group:
        table = dialog.offers.envelope.table
        row = dialog.offers.envelope.add_row("groups")
        table.item(row, 1).setText(richest.row.product_group)  # type: ignore[union-attr]
        table.item(row, 2).setText("12")  # type: ignore[union-attr]
        row = dialog.offers.envelope.add_row("products")
        table.item(row, 1).setText(richest.row.sku)  # type: ignore[union-attr]
        table.item(row, 5).setText("3")  # type: ignore[union-attr]
        table.clearSelection()
    dialog.resize(1180, 760)
    dialog.show()
    app.processEvents()
    save(dialog, "settings-offers.png")
    dialog.reject()

    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
