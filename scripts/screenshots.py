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

    from PySide6.QtCore import Qt

    from kamdesk.services.accounts import AccountFilter, AccountKind
    from kamdesk.services.workspace import open_workspace
    from kamdesk.ui.app import create_application
    from kamdesk.ui.clients.model import Column
    from kamdesk.ui.clients.page import ClientsPage
    from kamdesk.ui.language import LanguageSwitcher
    from kamdesk.ui.main_window import MainWindow
    from kamdesk.ui.pages import default_page_factories
    from kamdesk.ui.preferences import Language, Preferences
    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.tasks import TaskRunner

    app = create_application([sys.argv[0]])
    LanguageSwitcher(app).apply(Language.RUSSIAN if args.lang == "ru" else Language.ENGLISH)
    workspace = open_workspace(args.db)
    tasks = TaskRunner()
    window = MainWindow(workspace, tasks, Preferences(), None, default_page_factories())
    window.resize(width, height)
    window.show()
    window.start_refresh()
    _wait(app, tasks.is_idle)
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    page.table.sortByColumn(Column.ABC_XYZ, Qt.SortOrder.AscendingOrder)  # key clients first
    _wait(app, tasks.is_idle)
    page.table.selectRow(1)
    args.out.mkdir(parents=True, exist_ok=True)
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
    _wait(app, lambda: tasks.is_idle() and page.account_tab(richest.id) is not None)
    card = page.account_tab(richest.id)
    _wait(app, lambda: tasks.is_idle() and getattr(card, "bundle", None) is not None)
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
