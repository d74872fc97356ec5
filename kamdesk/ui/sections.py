"""The six sections of the main window, their names, icons and what each will hold.

Sections whose page is not built yet show an honest "coming" page listing what
will be there (from the field guide), so a KAM knows what to expect.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.resource_files import path as resource_path

CONTEXT = "Sections"


class SectionKey(StrEnum):
    CLIENTS = "clients"
    VISITS = "visits"
    OFFERS = "offers"
    PRODUCTS = "products"
    ANALYTICS = "analytics"
    SYNC = "sync"
    TEAM = "team"  # the manager's team view (kamdesk.ui.team): shown to managers only


# The sections every user has; MANAGER_SECTIONS follow them for a laptop enrolled as manager.
SECTIONS: tuple[SectionKey, ...] = tuple(k for k in SectionKey if k != SectionKey.TEAM)
MANAGER_SECTIONS: tuple[SectionKey, ...] = (SectionKey.TEAM,)
ALL_SECTIONS: tuple[SectionKey, ...] = SECTIONS + MANAGER_SECTIONS

_TITLES = {
    SectionKey.CLIENTS: QT_TRANSLATE_NOOP("Sections", "Clients"),
    SectionKey.VISITS: QT_TRANSLATE_NOOP("Sections", "Visits"),
    SectionKey.OFFERS: QT_TRANSLATE_NOOP("Sections", "Offers"),
    SectionKey.PRODUCTS: QT_TRANSLATE_NOOP("Sections", "Products"),
    SectionKey.ANALYTICS: QT_TRANSLATE_NOOP("Sections", "Analytics"),
    SectionKey.SYNC: QT_TRANSLATE_NOOP("Sections", "Sync"),
    SectionKey.TEAM: QT_TRANSLATE_NOOP("Sections", "Team"),
}

_COMING: dict[SectionKey, tuple[str, tuple[str, ...]]] = {
    SectionKey.VISITS: (
        QT_TRANSLATE_NOOP("Sections", "Visits will be planned and reported here."),
        (
            QT_TRANSLATE_NOOP(
                "Sections",
                "Plan each visit: objective, agenda, questions, products to discuss, and the "
                "attendees with their role and psychotype.",
            ),
            QT_TRANSLATE_NOOP(
                "Sections",
                "A pre-meeting checklist built from the seven common mistakes: being late, "
                "arguing, interrupting, coming without information, poor preparation, bad "
                "manners, not knowing the product.",
            ),
            QT_TRANSLATE_NOOP("Sections", "A route for the day, so that you arrive early."),
            QT_TRANSLATE_NOOP(
                "Sections",
                "The visit report: what was discussed, agreements, objections heard, next "
                "steps with dates; sent to your manager.",
            ),
        ),
    ),
    SectionKey.OFFERS: (
        QT_TRANSLATE_NOOP("Sections", "Commercial offers will be prepared here."),
        (
            QT_TRANSLATE_NOOP(
                "Sections",
                "An offer built from the price list, with VAT shown separately and the "
                "amount in words.",
            ),
            QT_TRANSLATE_NOOP(
                "Sections",
                "Arguments grouped by the people of the decision-making unit and what each "
                "of them cares about.",
            ),
            QT_TRANSLATE_NOOP(
                "Sections",
                "The team that prepared it, with positions and contacts, and the validity period.",
            ),
            QT_TRANSLATE_NOOP(
                "Sections",
                "Follow-up after sending: check it arrived, ask about next steps, agree the "
                "date of the next call or meeting.",
            ),
        ),
    ),
    SectionKey.PRODUCTS: (
        QT_TRANSLATE_NOOP("Sections", "Your product knowledge will be kept here."),
        (
            QT_TRANSLATE_NOOP(
                "Sections",
                "The catalogue: international non-proprietary name, trade name, dosage form, "
                "pack, VAT rate.",
            ),
            QT_TRANSLATE_NOOP("Sections", "Key messages and answers to objections."),
            QT_TRANSLATE_NOOP(
                "Sections", "Comparison with competitors' products, their prices and terms."
            ),
            QT_TRANSLATE_NOOP("Sections", "Price lists and the history of prices."),
        ),
    ),
    SectionKey.ANALYTICS: (
        QT_TRANSLATE_NOOP("Sections", "Analytics of your territory will be shown here."),
        (
            QT_TRANSLATE_NOOP(
                "Sections",
                "The ABC–XYZ matrix (AX … CZ) and what it means for visit frequency.",
            ),
            QT_TRANSLATE_NOOP(
                "Sections",
                "A warning about mono-dependence when one client brings more than 75 % of sales.",
            ),
            QT_TRANSLATE_NOOP(
                "Sections", "Clients at risk and lost clients, with the list to win back."
            ),
            QT_TRANSLATE_NOOP(
                "Sections",
                "Retention and churn, meetings held, and sales-plan fulfilment.",
            ),
        ),
    ),
    SectionKey.SYNC: (
        QT_TRANSLATE_NOOP("Sections", "Exchange with the office server will be set up here."),
        (
            QT_TRANSLATE_NOOP(
                "Sections",
                "KAMdesk works without a connection; every change you make is kept in a "
                "change log on this laptop.",
            ),
            QT_TRANSLATE_NOOP(
                "Sections",
                "When the office server is set up, changes will be sent and received here, "
                "and any conflicts shown for you to resolve.",
            ),
            QT_TRANSLATE_NOOP("Sections", "Until then, everything stays on this laptop."),
        ),
    ),
}


def title(key: SectionKey) -> str:
    return QCoreApplication.translate(CONTEXT, _TITLES[key])


def icon(key: SectionKey) -> QIcon:
    return drawn_icon(key.value)


def coming_text(key: SectionKey) -> tuple[str, list[str]]:
    """The headline and the points of a section's "coming" page."""
    headline, points = _COMING.get(key, ("", ()))
    translate = QCoreApplication.translate
    return (
        translate(CONTEXT, headline) if headline else "",
        [translate(CONTEXT, point) for point in points],
    )


def app_icon() -> QIcon:
    return drawn_icon("kamdesk")


def drawn_icon(name: str) -> QIcon:
    """One of KAMdesk's own icons (resources/icons/<name>.svg)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
