"""Colours that carry meaning, chosen to stay readable on a white table."""

from __future__ import annotations

from PySide6.QtGui import QColor

from kamdesk.services.accounts import AccountStatus

STATUS_COLORS: dict[AccountStatus, QColor] = {
    AccountStatus.ACTIVE: QColor("#2e7d32"),
    AccountStatus.AT_RISK: QColor("#b26a00"),  # amber, dark enough for text
    AccountStatus.LOST: QColor("#c62828"),
    AccountStatus.WIN_BACK: QColor("#6a1b9a"),
    AccountStatus.PROSPECT: QColor("#546e7a"),
}

# Only the statuses that ask for attention colour their text; the others keep
# the palette's text colour and show their colour in the dot alone.
ALERT_STATUSES = frozenset({AccountStatus.AT_RISK, AccountStatus.LOST})

MUTED_TEXT = QColor("#6b7480")
