"""The local SQLite store: opening, migrating, the change log and derived caches.

The names below load on first use: `kamdesk.store.probe`, `.files` and
`.sqlite_errors` need only the standard library, and the window uses them to
recognise a current store before SQLAlchemy is imported (start-up time).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kamdesk.errors import (
    CorruptStoreError,
    SchemaTooNewError,
    StoreAccessError,
    StoreBusyError,
    StoreDiskError,
    StoreError,
    StoreFullError,
    StoreNotEmptyError,
    StoreUnavailableError,
    TombstoneRequiredError,
)

if TYPE_CHECKING:
    from kamdesk.store.changelog import APPLYING_REMOTE, BASELINE_LOAD, restore, soft_delete
    from kamdesk.store.files import move_aside
    from kamdesk.store.store import Store, backup_copy, open_store
    from kamdesk.store.tombstones import INCLUDE_DELETED
    from kamdesk.store.write_guard import UnloggedWriteError, unlogged_writes

_LAZY = {
    "APPLYING_REMOTE": "kamdesk.store.changelog",
    "BASELINE_LOAD": "kamdesk.store.changelog",
    "restore": "kamdesk.store.changelog",
    "soft_delete": "kamdesk.store.changelog",
    "move_aside": "kamdesk.store.files",
    "Store": "kamdesk.store.store",
    "backup_copy": "kamdesk.store.store",
    "open_store": "kamdesk.store.store",
    "INCLUDE_DELETED": "kamdesk.store.tombstones",
    "UnloggedWriteError": "kamdesk.store.write_guard",
    "unlogged_writes": "kamdesk.store.write_guard",
}

__all__ = [
    "APPLYING_REMOTE",
    "BASELINE_LOAD",
    "INCLUDE_DELETED",
    "CorruptStoreError",
    "SchemaTooNewError",
    "Store",
    "StoreAccessError",
    "StoreBusyError",
    "StoreDiskError",
    "StoreError",
    "StoreFullError",
    "StoreNotEmptyError",
    "StoreUnavailableError",
    "TombstoneRequiredError",
    "UnloggedWriteError",
    "backup_copy",
    "move_aside",
    "open_store",
    "restore",
    "soft_delete",
    "unlogged_writes",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
