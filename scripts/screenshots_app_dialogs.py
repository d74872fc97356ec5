#!/usr/bin/env python3
"""Render the dialogs of clients, offers, products, files, errors and Help offscreen.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots_app_dialogs.py --db /tmp/demo.sqlite --out docs/screenshots

Works on a copy of the store and closes every dialog without saving. Writes under
dialogs/: new-client.png, merge.png, offer-editor.png (a commercial offer),
price-reply.png (the same offer as a 44-ФЗ price reply), approval-request.png (an
offer over the discount envelope, with «send for approval»), product.png,
price-import.png (the preview of a good price list), save-file.png (the app's own
save-file dialog), error-unexpected.png, error-disk-full.png, shortcuts.png and
about.png. Each is opened as the KAM opens it and drawn over the window.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import shotkit


def good_price_file(workspace: Any, folder: Path) -> Path:
    """Next month's list of the first products, every third price up 5 %, as 1C
    writes it (semicolons, Windows-1251)."""
    from kamdesk.services.products import ProductCatalog

    lines = ["Артикул;Наименование;МНН;Цена без НДС;Ставка НДС"]
    for index, row in enumerate(ProductCatalog(workspace.store).list()[:12]):
        current = row.price if row.price is not None else Decimal(1000 + 75 * index)
        price = current * (Decimal("1.05") if index % 3 == 0 else 1)
        price_text = f"{price.quantize(Decimal('0.01'))}".replace(".", ",")
        lines.append(f"{row.sku};{row.trade_name};{row.inn_name or ''};{price_text};10 %")
    path = folder / "прайс-лист январь.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    folder = Path(tempfile.mkdtemp(prefix="kamdesk-app-dialogs-"))
    copy = folder / "kamdesk.sqlite"
    shutil.copyfile(args.db, copy)
    session = shotkit.start(args, db=copy)
    workspace, window = session.workspace, session.window
    save = shotkit.saver(args.out, "dialogs")

    from kamdesk.ui.sections import SectionKey

    # Clients: a new client, and the two first key clients compared for merging.
    save(shotkit.catch(session, window.new_account_action.trigger)[0], "new-client.png")
    clients = window.section_page(SectionKey.CLIENTS)
    session.wait()
    _select_rows(clients.table, (0, 1))
    save(shotkit.catch(session, window.merge_action.trigger)[0], "merge.png")

    _offer_dialogs(session, save)

    from kamdesk.ui.products import ProductsPage

    window.show_section(SectionKey.PRODUCTS)
    session.wait()
    products = window.section_page(SectionKey.PRODUCTS)
    assert isinstance(products, ProductsPage)
    products.table.selectRow(0)
    session.wait()
    save(shotkit.catch(session, products.edit_selected)[0], "product.png")

    def price_import() -> None:
        dialog = products.open_import(good_price_file(workspace, folder))
        dialog.resize(1000, 480)

    save(shotkit.catch(session, price_import)[0], "price-import.png")

    # The app's save-file dialog, as the Offers section's «PDF» button opens it.
    window.show_section(SectionKey.OFFERS)
    offers = window.section_page(SectionKey.OFFERS)
    offers.table.selectRow(0)
    session.wait()
    save(shotkit.catch(session, offers.buttons["pdf"].click)[0], "save-file.png")

    # Error dialogs: a bug (with its report) and a disk too full to save on.
    from kamdesk.errors import StoreFullError
    from kamdesk.logs import logging_to_file

    def error(exception: BaseException, trace: str = "") -> Any:
        return lambda: window.show_error(exception, trace)

    with logging_to_file():
        trace = (
            'Traceback (most recent call last):\n  File "kamdesk/ui/visits/page.py", '
            "line 301, in _loaded\nKeyError: 'readiness'\n"
        )
        bug = KeyError("readiness")
        save(shotkit.catch(session, error(bug, trace))[0], "error-unexpected.png")
        full = StoreFullError(copy, "database or disk is full [SQLITE_FULL]")
        save(shotkit.catch(session, error(full))[0], "error-disk-full.png")

    save(shotkit.catch(session, window.new_item.shortcuts_action.trigger)[0], "shortcuts.png")
    save(shotkit.catch(session, window.about_action.trigger)[0], "about.png")
    window.close()
    workspace.close()
    return 0


def _offer_dialogs(session: Any, save: Any) -> None:
    from kamdesk.services.offers.approvals import load_state
    from kamdesk.ui.offers import OffersPage
    from kamdesk.ui.offers.terms_fields import STATE_KINDS
    from kamdesk.ui.sections import SectionKey

    window, store = session.window, session.workspace.store
    window.show_section(SectionKey.OFFERS)
    session.wait()
    offers = window.section_page(SectionKey.OFFERS)
    assert isinstance(offers, OffersPage)
    rows = [offers.model.record(row) for row in range(offers.model.rowCount())]
    kinds = {}
    for row in rows:
        summary = session.workspace.accounts.summary(row.account_id)
        kinds[row.id] = summary.kind if summary is not None else None
    richest = sorted(rows, key=lambda r: (kinds[r.id] in STATE_KINDS, r.lines_count))

    def edit(offer_id: Any) -> Any:
        def open_it() -> None:
            offers.select_row(offer_id)
            offers.buttons["edit"].click()

        return open_it

    commercial = richest[-1]
    save(shotkit.catch(session, edit(commercial.id))[0], "offer-editor.png")

    def as_price_reply(editor: Any) -> None:
        purpose = editor.terms_fields.purpose
        purpose.setCurrentIndex(purpose.count() - 1)
        editor.terms_fields.request_number.setText("0373200041526000123")
        session.app.processEvents()

    if kinds[commercial.id] in STATE_KINDS:
        picture = shotkit.catch(session, edit(commercial.id), as_price_reply)[0]
        save(picture, "price-reply.png")
    else:
        print("no offer to a hospital in this store: the price reply skipped")
    asking = [r for r in rows if load_state(store, r.id).can_request]
    asked = [r for r in rows if r.approval_status == "requested"]
    if asking or asked:
        save(shotkit.catch(session, edit((asking or asked)[0].id))[0], "approval-request.png")
    else:
        print("no offer over the envelope in this store: the approval request skipped")


def _select_rows(table: Any, rows: tuple[int, ...]) -> None:
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for row in rows:
        table.selectionModel().select(table.model().index(row, 0), flags)


if __name__ == "__main__":
    sys.exit(main())
