#!/usr/bin/env python3
"""Render the Products and Offers sections and the «КП» settings tab offscreen.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots_offers.py --db /tmp/demo.sqlite --out docs/screenshots

Writes products.png (a product with its arguments selected), offers.png (the
offer list) and settings-offers.png (the supplier, envelope and approval
settings). Runs with its own empty settings folder and never saves anything.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def _wait(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window to settle")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a KAMdesk store (e.g. the demo)")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    parser.add_argument("--size", default="1400x850", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: create it with `kamdesk --db {args.db} demo`")
    width, height = (int(part) for part in args.size.split("x"))

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KAMDESK_HOME"] = tempfile.mkdtemp(prefix="kamdesk-screenshots-")

    from kamdesk.services.products import ProductCatalog
    from kamdesk.services.workspace import open_workspace
    from kamdesk.ui.app import create_application
    from kamdesk.ui.language import LanguageSwitcher
    from kamdesk.ui.main_window import MainWindow
    from kamdesk.ui.offers import OffersPage
    from kamdesk.ui.pages import default_page_factories
    from kamdesk.ui.preferences import Language, Preferences
    from kamdesk.ui.products import ProductsPage
    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.settings_dialog import SettingsDialog
    from kamdesk.ui.tasks import TaskRunner

    app = create_application([sys.argv[0]])
    language = LanguageSwitcher(app)
    language.apply(Language.RUSSIAN if args.lang == "ru" else Language.ENGLISH)
    workspace = open_workspace(args.db)
    tasks = TaskRunner()
    preferences = Preferences()
    window = MainWindow(workspace, tasks, preferences, None, default_page_factories())
    window.resize(width, height)
    window.show()
    window.start_refresh()
    _wait(app, tasks.is_idle)
    args.out.mkdir(parents=True, exist_ok=True)

    def save(widget: object, name: str) -> None:
        target = args.out / name
        widget.grab().save(str(target))  # type: ignore[attr-defined]
        print(f"wrote {target}")

    window.show_section(SectionKey.PRODUCTS)
    _wait(app, tasks.is_idle)
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
    _wait(app, tasks.is_idle)
    offers = window.section_page(SectionKey.OFFERS)
    assert isinstance(offers, OffersPage)
    offers.table.selectRow(0)
    app.processEvents()
    save(window, "offers.png")

    dialog = SettingsDialog(preferences, language, workspace.store, window)
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
