"""Which page each section shows. A later issue wires its section here with one line.

Pages other than Clients are built when first shown, and their modules imported
then too: start-up pays only for the client list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kamdesk.ui import navigation
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.main_window import PageContext, PageFactory
from kamdesk.ui.sections import SectionKey


def clients_page(context: PageContext) -> QWidget:
    page = ClientsPage(
        context.workspace.accounts, context.tasks, context.preferences, workspace=context.workspace
    )
    page.plan_visit_requested.connect(lambda account_id: navigation.plan_visit(context, account_id))
    return page


def products_page(context: PageContext) -> QWidget:
    from kamdesk.ui.products import ProductsPage

    return ProductsPage(context.workspace, context.tasks)


def offers_page(context: PageContext) -> QWidget:
    from kamdesk.ui.offers import OffersPage

    return OffersPage(context.workspace, context.tasks)


def visits_page(context: PageContext) -> QWidget:
    from kamdesk.ui.visits import VisitsPage

    page = VisitsPage(context.workspace, context.tasks, context.window)
    page.fix_requested.connect(
        lambda kind, target, place: navigation.open_fix_target(context, kind, target, place)
    )
    return page


def sync_page(context: PageContext) -> QWidget:
    from kamdesk.ui.sync.page import SyncPage

    return SyncPage(context.workspace, context.tasks, context.window.sync)


def analytics_page(context: PageContext) -> QWidget:
    from kamdesk.ui.analytics import AnalyticsPage

    return AnalyticsPage(context.workspace, context.tasks)


def team_page(context: PageContext) -> QWidget:
    from kamdesk.ui.team import TeamPage

    return TeamPage(context.workspace, context.tasks)


def default_page_factories() -> dict[SectionKey, PageFactory]:
    """Sections without an entry show their "coming" page."""
    return {
        SectionKey.CLIENTS: clients_page,
        SectionKey.PRODUCTS: products_page,
        SectionKey.OFFERS: offers_page,
        SectionKey.VISITS: visits_page,
        SectionKey.ANALYTICS: analytics_page,
        SectionKey.SYNC: sync_page,
        SectionKey.TEAM: team_page,
    }
