#!/usr/bin/env python3
"""Render the sections the other scripts leave out offscreen for the documentation.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots_sections.py --db /tmp/demo.sqlite --out docs/screenshots

Writes card-dossier.png, card-timeline.png and card-pharmacies.png (the card tabs
screenshots.py does not take; the pharmacies of a chain), analytics.png (the key
clients), sync.png (the Sync section of a laptop not yet connected), team-1366.png
(the manager's Team section; on a KAM's laptop its button is hidden, the page is
shown all the same) and settings-general.png (drawn over the window). Runs with its
own empty settings folder and never saves anything.
"""

from __future__ import annotations

import sys
from typing import Any

import shotkit


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    session = shotkit.start(args)
    app, workspace, window = session.app, session.workspace, session.window
    save = shotkit.saver(args.out)

    from kamdesk.services.accounts import AccountFilter, AccountKind
    from kamdesk.ui.clients.page import ClientsPage
    from kamdesk.ui.preferences import Preferences
    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.settings_dialog import SettingsDialog

    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage)
    key_hospitals = AccountFilter(
        kinds=frozenset({AccountKind.HOSPITAL}), abc_classes=frozenset("A")
    )
    rows = workspace.accounts.page(key_hospitals, limit=20)
    summaries = [s for s in (workspace.accounts.summary(r.id) for r in rows) if s is not None]
    richest = max(summaries, key=lambda s: (len(s.events), len(s.contacts)))
    card = _open_card(session, clients, richest.id)
    for tab, name in ((card.dossier, "card-dossier.png"), (card.timeline, "card-timeline.png")):
        card.tabs.setCurrentWidget(tab)
        session.wait()
        save(window.grab(), name)

    chains = workspace.accounts.page(
        AccountFilter(kinds=frozenset({AccountKind.PHARMACY_CHAIN})), limit=20
    )
    chain_card = _open_card(session, clients, chains[0].id) if chains else None
    if chain_card is not None and getattr(chain_card, "pharmacies", None) is not None:
        chain_card.tabs.setCurrentWidget(chain_card.pharmacies)
        session.wait()
        save(window.grab(), "card-pharmacies.png")
    else:
        print("no pharmacy chain with pharmacies in this store: card-pharmacies skipped")

    for key, name in ((SectionKey.ANALYTICS, "analytics.png"), (SectionKey.SYNC, "sync.png"),
                      (SectionKey.TEAM, "team-1366.png")):  # fmt: skip
        window.show_section(key)
        session.wait()
        save(window.grab(), name)

    dialog = SettingsDialog(Preferences(), session.language, workspace.store, window)
    dialog.tabs.setCurrentIndex(0)
    dialog.resize(1180, 700)
    dialog.show()
    app.processEvents()
    save(shotkit.over(window, dialog), "settings-general.png")
    dialog.reject()
    window.close()
    return 0


def _open_card(session: Any, clients: Any, account_id: Any) -> Any:
    tasks = session.tasks
    clients.open_account(account_id)
    session.wait(lambda: tasks.is_idle() and clients.account_tab(account_id) is not None)
    card = clients.account_tab(account_id)
    session.wait(lambda: tasks.is_idle() and getattr(card, "bundle", None) is not None)
    return card


if __name__ == "__main__":
    sys.exit(main())
