#!/usr/bin/env python3
"""Render the main window offscreen to PNG files for the documentation.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots.py --db /tmp/demo.sqlite --out docs/screenshots

Writes clients.png (the client list) and the card of a key hospital
(card-overview.png, card-contacts.png, dmu-map.png). Runs with its own empty
settings folder, so the window has its
default size and the user's own preferences are neither used nor changed.
"""

from __future__ import annotations

import sys

import shotkit


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    session = shotkit.start(args)
    app, workspace, tasks, window = session.app, session.workspace, session.tasks, session.window

    from PySide6.QtCore import Qt

    from kamdesk.services.accounts import AccountFilter, AccountKind
    from kamdesk.ui.clients.model import Column
    from kamdesk.ui.clients.page import ClientsPage
    from kamdesk.ui.sections import SectionKey

    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    page.table.sortByColumn(Column.ABC_XYZ, Qt.SortOrder.AscendingOrder)  # key clients first
    session.wait()
    page.table.selectRow(1)
    clients_png = args.out / "clients.png"
    window.grab().save(str(clients_png))
    print(f"wrote {clients_png}")

    key_hospitals = AccountFilter(
        kinds=frozenset({AccountKind.HOSPITAL}), abc_classes=frozenset("A")
    )
    rows = workspace.accounts.page(key_hospitals, limit=20) or workspace.accounts.page(
        AccountFilter(), limit=20
    )
    summaries = [workspace.accounts.summary(row.id) for row in rows]
    richest = max(
        (s for s in summaries if s is not None),
        key=lambda s: (len(s.contacts) >= 3, len(s.events), len(s.contacts)),
    )
    page.open_account(richest.id)
    session.wait(lambda: tasks.is_idle() and page.account_tab(richest.id) is not None)
    card = page.account_tab(richest.id)
    session.wait(lambda: tasks.is_idle() and getattr(card, "bundle", None) is not None)
    for index, name in ((0, "card-overview.png"), (2, "card-contacts.png"), (3, "dmu-map.png")):
        card.tabs.setCurrentIndex(index)  # type: ignore[union-attr]
        app.processEvents()
        target = args.out / name
        window.grab().save(str(target))
        print(f"wrote {target} ({richest.name})")

    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
