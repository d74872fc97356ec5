"""Who may create a client on this laptop.

Apart from the New account dialog so that the main window can say it while it is
built, without importing the dialog (and with it the card, the ORM and SQLAlchemy)
on the way to its first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def creation_refusal(role: str) -> str:
    """Why this laptop's user may not create a client, "" when they may.

    The office gives a new account to the KAM who creates it; a manager reads the team's
    accounts and writes only approval answers there (kamdesk.server.visibility), so the
    office refuses a client made on a manager's laptop. An administrator may; a laptop
    not enrolled yet may too (its KAM enrols later)."""
    if role != "manager":
        return ""
    return QCoreApplication.translate(
        "NewAccountDialog",
        "Clients are created by KAMs: the office does not accept a new client from a "
        "manager's laptop. Ask the KAM of the territory to create it.",
    )
