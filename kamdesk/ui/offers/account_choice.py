"""The offer editor's client: chosen by the KAM, never guessed.

A new offer opened from a card or a visit is for that account (the field is fixed). One
opened elsewhere (Offers ▸ Ctrl+N) starts with no client and the placeholder «Select a
client»; saving it without one is refused on the field («choose the account»).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.workspace import Workspace


def account_combo(workspace: Workspace, fixed: bool, changed: Callable[[], None]) -> QComboBox:
    """Every account by name, none chosen; `fixed`: the caller's account, not changeable."""
    combo = QComboBox()
    combo.setObjectName("offerAccount")
    for row in workspace.accounts.page(AccountFilter(), limit=5000):
        combo.addItem(row.name, row.id)
    combo.setPlaceholderText(QCoreApplication.translate("OfferEditor", "Select a client"))
    combo.setCurrentIndex(-1)
    combo.setEnabled(not fixed)
    combo.currentIndexChanged.connect(changed)
    return combo
