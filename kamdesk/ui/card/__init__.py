"""The client card (imported when the first card opens, not at start-up)."""

from kamdesk.ui.card.card import AccountCard

__all__ = ["AccountCard"]
