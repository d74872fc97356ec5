"""What the UI and the CLI open: a store plus the services that work on it.

The UI imports this module, never `kamdesk.store`, so the database stays behind
the services (checked by import-linter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kamdesk.services.accounts import AccountDirectory
from kamdesk.store import (
    CorruptStoreError,
    SchemaTooNewError,
    Store,
    StoreError,
    StoreUnavailableError,
    open_store,
)

__all__ = [
    "CorruptStoreError",
    "SchemaTooNewError",
    "StoreError",
    "StoreUnavailableError",
    "Workspace",
    "open_workspace",
]


@dataclass
class Workspace:
    store: Store
    accounts: AccountDirectory = field(init=False)

    def __post_init__(self) -> None:
        self.accounts = AccountDirectory(self.store)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def migrated_from_backup(self) -> Path | None:
        """The backup copy taken when opening migrated an older store, if any."""
        return self.store.backup_path

    def is_empty(self) -> bool:
        return self.accounts.count_all() == 0

    def close(self) -> None:
        self.store.close()


def open_workspace(path: Path) -> Workspace:
    """Open (creating or migrating) the store at `path`; raises StoreError subclasses."""
    return Workspace(open_store(path))
