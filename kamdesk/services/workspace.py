"""What the UI and the CLI open: a store plus the services that work on it.

The UI imports this module, never `kamdesk.store`, so the database stays behind
the services (checked by import-linter).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kamdesk.services.accounts import AccountDirectory
from kamdesk.store import (
    CorruptStoreError,
    SchemaTooNewError,
    Store,
    StoreError,
    StoreUnavailableError,
    create_empty_copy,
    open_store,
)
from kamdesk.store.derived import refresh_account_stats

Progress = Callable[[int, str], None]

__all__ = [
    "CorruptStoreError",
    "SchemaTooNewError",
    "StoreError",
    "StoreUnavailableError",
    "Workspace",
    "move_aside",
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

    def load_demo(
        self, accounts: int = 300, seed: int = 1, years: int = 3, progress: Progress | None = None
    ) -> Any:
        """Fill an empty store with the demo territory; returns its summary."""
        from kamdesk.services.demo import build_demo

        return build_demo(self.store, accounts=accounts, seed=seed, years=years, progress=progress)

    def refresh(self, today: date | None = None) -> None:
        """Bring derived figures up to date: next visits (time moves on) and, when
        sales changed since the last run, ABC/XYZ and statuses. Slow on big
        stores: run it off the UI thread."""
        from kamdesk.services import classification

        with self.store.transaction() as session:
            refresh_account_stats(session.connection())
        if classification.is_stale(self.store):
            classification.recompute(self.store, today=today)

    def close(self) -> None:
        self.store.close()


def open_workspace(path: Path) -> Workspace:
    """Open (creating or migrating) the store at `path`; raises StoreError subclasses."""
    return Workspace(open_store(path))


def move_aside(path: Path) -> Path:
    """Rename a damaged store (never delete it) so a new one can be made at `path`."""
    return create_empty_copy(path)
