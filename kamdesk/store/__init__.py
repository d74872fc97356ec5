"""The local SQLite store: opening, migrating, the change log and derived caches."""

from kamdesk.errors import (
    CorruptStoreError,
    SchemaTooNewError,
    StoreError,
    StoreUnavailableError,
    TombstoneRequiredError,
)
from kamdesk.store.changelog import APPLYING_REMOTE, restore, soft_delete
from kamdesk.store.store import Store, backup_copy, move_aside, open_store
from kamdesk.store.tombstones import INCLUDE_DELETED

__all__ = [
    "APPLYING_REMOTE",
    "INCLUDE_DELETED",
    "CorruptStoreError",
    "SchemaTooNewError",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "TombstoneRequiredError",
    "backup_copy",
    "move_aside",
    "open_store",
    "restore",
    "soft_delete",
]
