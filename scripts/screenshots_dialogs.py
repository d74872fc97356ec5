#!/usr/bin/env python3
"""Render the dialogs that protect a KAM's data offscreen for the documentation.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots_dialogs.py --db /tmp/demo.sqlite --out docs/screenshots

Works on a copy of the store (withdrawing a consent is saved). Writes
import-refused.png (a price list refused row by row: row, column, problem and
what the file holds), consent-erasure.png (the question asked when a contact's
consent is withdrawn) and error-store-busy.png (the error dialog when another
program holds the store). Each dialog is drawn over the window it belongs to.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import shotkit

# A price list as 1C exports it, comma-separated, with the mistakes the importer
# must refuse: an unquoted decimal comma (one cell too many), a price beyond any
# medicine's, a price that is no number, a missing SKU and a stray quote.
BAD_PRICE_LIST = """\
Артикул,Наименование,МНН,Цена без НДС,Ставка НДС
{sku0},"{name0}",{inn0},"{price0}",10 %
{sku1},"{name1}",{inn1},12,75,10 %
{sku2},"{name2}",{inn2},100000000000000000000,10 %
{sku3},"{name3}",{inn3},договорная,10 %
,"Омепразол-ВФ капсулы 20 мг",Омепразол,"210,00",10 %
{sku4},"{name4} 250 мг №10,{inn4},"185,00",10 %
"""


def bad_price_file(workspace: Any, folder: Path) -> Path:
    from kamdesk.services.products import ProductCatalog

    rows = ProductCatalog(workspace.store).list()[:5]
    fields: dict[str, str] = {}
    for index, row in enumerate(rows):
        fields[f"sku{index}"] = row.sku
        fields[f"name{index}"] = row.trade_name
        fields[f"inn{index}"] = row.inn_name or ""
        fields[f"price{index}"] = "1 250,00"
    path = folder / "прайс-лист декабрь.csv"
    path.write_bytes(BAD_PRICE_LIST.format(**fields).encode("cp1251"))
    return path


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    folder = Path(tempfile.mkdtemp(prefix="kamdesk-dialogs-"))
    copy = folder / "kamdesk.sqlite"
    shutil.copyfile(args.db, copy)
    session = shotkit.start(args, db=copy)
    app, workspace, tasks, window = session.app, session.workspace, session.tasks, session.window

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from kamdesk.errors import StoreBusyError
    from kamdesk.logs import logging_to_file
    from kamdesk.services.card import personal_details_kept
    from kamdesk.ui.clients.page import ClientsPage
    from kamdesk.ui.products import ProductsPage
    from kamdesk.ui.sections import SectionKey

    def save(pixmap: Any, name: str) -> None:
        target = args.out / name
        pixmap.save(str(target))
        print(f"wrote {target}")

    # 1. A price list refused row by row.
    window.show_section(SectionKey.PRODUCTS)
    session.wait()
    products = window.section_page(SectionKey.PRODUCTS)
    assert isinstance(products, ProductsPage)
    dialog = products.open_import(bad_price_file(workspace, folder))
    dialog.resize(1000, 420)
    session.wait(lambda: tasks.is_idle() and dialog.plan is not None)
    dialog.table.selectRow(1)
    app.processEvents()
    save(shotkit.over(window, dialog), "import-refused.png")
    dialog.reject()

    # 2. Consent withdrawn: untick it in a contact's card, as a KAM would.
    window.show_section(SectionKey.CLIENTS)
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    session.wait()
    contact_and_card = _contact_with_personal_details(session, clients, personal_details_kept)
    if contact_and_card is None:
        print("no contact with consent and personal details in this store: consent skipped")
    else:
        card, box = contact_and_card
        card.contacts.editor_area.ensureWidgetVisible(box)
        app.processEvents()
        QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        session.wait(lambda: tasks.is_idle() and _question(window) is not None)
        question = _question(window)
        save(shotkit.over(window, question), "consent-erasure.png")
        question.keep_button.click()  # «Не сейчас»: nothing is erased
        session.wait()

    # 3. Another program holds the store: what the error dialog says. The log goes to
    # the script's own data folder, as the application's does to the user's.
    with logging_to_file():
        window.show_error(StoreBusyError(copy, "database is locked [SQLITE_BUSY]"))
        session.wait(lambda: window.errors.current_dialog() is not None)
        error_dialog = window.errors.current_dialog()
        error_dialog.adjustSize()
        app.processEvents()
        save(shotkit.over(window, error_dialog), "error-store-busy.png")
        error_dialog.reject()

    window.close()
    workspace.close()
    return 0


def _question(window: Any) -> Any:
    from kamdesk.ui.card.consent import ErasureQuestion

    shown = [q for q in window.findChildren(ErasureQuestion) if q.isVisible()]
    return shown[0] if shown else None


def _contact_with_personal_details(session: Any, clients: Any, kept: Any) -> Any:
    """The first key account's card with a consenting contact whose personal details
    are filled in, that contact selected; (card, its consent check box)."""
    from PySide6.QtWidgets import QCheckBox

    from kamdesk.services.accounts import AccountFilter

    workspace = session.workspace
    for row in workspace.accounts.page(AccountFilter(abc_classes=frozenset("A")), limit=30):
        summary = workspace.accounts.summary(row.id)
        if summary is None:
            continue
        for contact in summary.contacts:
            if not kept(workspace.store, contact.id):
                continue
            card = _open_card(session, clients, row.id)
            card.tabs.setCurrentWidget(card.contacts)
            card.contacts.select(contact.id)
            session.wait()
            boxes = [
                b
                for b in card.contacts.editor().findChildren(QCheckBox)
                if b.objectName().endswith("_consent_given") and b.isChecked()
            ]
            if boxes:
                return card, boxes[0]
    return None


def _open_card(session: Any, clients: Any, account_id: Any) -> Any:
    tasks = session.tasks
    clients.open_account(account_id)
    session.wait(lambda: tasks.is_idle() and clients.account_tab(account_id) is not None)
    card = clients.account_tab(account_id)
    session.wait(lambda: tasks.is_idle() and getattr(card, "bundle", None) is not None)
    return card


if __name__ == "__main__":
    sys.exit(main())
