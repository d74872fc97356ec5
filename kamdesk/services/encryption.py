"""The encrypted store as the window sees it: the error for a missing or wrong key,
and giving this process the passphrase the user typed (kamdesk.store.crypto has
the rest). The UI imports this module, never `kamdesk.store`."""

from __future__ import annotations

from kamdesk.store.crypto import StoreKeyError, use_passphrase

__all__ = ["StoreKeyError", "use_passphrase"]
