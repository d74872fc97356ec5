"""Links between sections: a checklist's "fix" opening the card, a card planning a visit.

Pages never import each other; they emit signals, and the page factories in
`kamdesk.ui.pages` connect those signals to these functions.
"""

from __future__ import annotations

import uuid

from kamdesk.ui.main_window import PageContext
from kamdesk.ui.sections import SectionKey


def open_account(
    context: PageContext,
    account_id: uuid.UUID,
    place: str = "",
    contact_id: uuid.UUID | None = None,
) -> None:
    """The account's card; with `place` (a fix link's), on the tab where it is fixed."""
    window = context.window
    window.show_section(SectionKey.CLIENTS)
    clients = window.section_page(SectionKey.CLIENTS)
    open_card = getattr(clients, "open_account", None)
    if callable(open_card):
        open_card(account_id)
    card = getattr(clients, "account_tab", lambda _id: None)(account_id)
    show_place = getattr(card, "show_place", None)
    if place and callable(show_place):
        show_place(place, contact_id)


def plan_visit(context: PageContext, account_id: uuid.UUID) -> None:
    from kamdesk.ui.visits import open_plan_dialog

    open_plan_dialog(context.window, context.workspace, context.tasks, account_id=account_id)


def open_fix_target(context: PageContext, kind: str, target_id: uuid.UUID, place: str) -> None:
    """Where a failing checklist item is fixed: the card, the product, the offer."""
    if kind == "account":
        open_account(context, target_id, place)
    elif kind == "contact":
        from kamdesk.services.card import account_of_contact

        account_id = account_of_contact(context.workspace.store, target_id)
        if account_id is not None:
            open_account(context, account_id, place, contact_id=target_id)
    elif kind == "product":
        context.window.show_section(SectionKey.PRODUCTS)
    elif kind == "offer":
        from kamdesk.ui.offers import open_offer_editor

        open_offer_editor(
            context.window, context.workspace, offer_id=target_id, tasks=context.tasks
        )
