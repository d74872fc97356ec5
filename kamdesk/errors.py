"""Trouble with a store: what the user must be told (StoreError), and bugs.

Kept free of SQLAlchemy so the window can report them before loading it.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A problem with the store the user can act on; the message says what and where."""


class SchemaTooNewError(StoreError):
    def __init__(self, path: Path, found: str, known: str) -> None:
        super().__init__(
            f"{path} was written by a newer KAMdesk (schema {found}; this version knows "
            f"up to {known}). Update KAMdesk; the file was not touched."
        )
        self.path, self.found, self.known = path, found, known


class CorruptStoreError(StoreError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is damaged and cannot be opened ({detail}). Nothing was overwritten: "
            "start from a backup copy or create a new store."
        )
        self.path, self.detail = path, detail


class StoreUnavailableError(StoreError):
    """Disk full, file locked by another program, folder not writable."""


class TombstoneRequiredError(RuntimeError):
    """A caller tried to remove a syncable row; they are soft-deleted instead (a bug)."""
