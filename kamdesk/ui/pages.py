"""Which page each section shows. A later issue wires its section here with one line.

Pages other than Clients are built when first shown, and their modules imported
then too: start-up pays only for the client list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import PageContext, PageFactory
from kamdesk.ui.sections import SectionKey


def clients_page(context: PageContext) -> QWidget:
    return ClientsPage(context.workspace.accounts, context.tasks, context.preferences)


def products_page(context: PageContext) -> QWidget:
    from kamdesk.ui.products import ProductsPage

    return ProductsPage(context.workspace)


def offers_page(context: PageContext) -> QWidget:
    from kamdesk.ui.offers import OffersPage

    return OffersPage(context.workspace, context.tasks)


def default_page_factories() -> dict[SectionKey, PageFactory]:
    """Sections without an entry show their "coming" page."""
    return {
        SectionKey.CLIENTS: clients_page,
        SectionKey.PRODUCTS: products_page,
        SectionKey.OFFERS: offers_page,
    }
