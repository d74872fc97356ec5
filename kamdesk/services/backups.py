"""Backups for the window and the command line: `kamdesk.store.backups` with the
store's setting for how many to keep.

The UI reaches the store only through services (import-linter), so the window's
File ▸ Create backup / Restore from backup… and the automatic daily backup go
through here. Standard library only until a function that reads the setting
runs (it needs the SQLAlchemy store): importing this module costs the window's
start-up nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kamdesk.store.backups import (
    DEFAULT_KEEP,
    BackupError,
    BackupInfo,
    Progress,
    RestoreResult,
    backups_folder,
    check_backup,
    create_backup,
    ensure_daily_backup,
    list_backups,
    prune,
    restore_backup,
)

if TYPE_CHECKING:
    from kamdesk.services.workspace import Workspace

__all__ = [
    "DEFAULT_KEEP",
    "BackupError",
    "BackupInfo",
    "RestoreResult",
    "back_up_now",
    "backups_folder",
    "check_backup",
    "daily_backup",
    "list_backups",
    "restore",
]


def kept(workspace: Workspace) -> int:
    from kamdesk.services.settings import load_backups_kept

    return load_backups_kept(workspace.store)


def back_up_now(workspace: Workspace, progress: Progress | None = None) -> BackupInfo:
    """A backup of the open store now (File ▸ Create backup); then only the newest
    of the store's setting are kept. Slow on big stores: run it off the UI thread."""
    made = create_backup(workspace.path, progress=progress)
    prune(workspace.path, kept(workspace))
    return made


def daily_backup(workspace: Workspace) -> BackupInfo | None:
    """The automatic backup, at most one a day; None when today's exists already."""
    return ensure_daily_backup(workspace.path, kept(workspace))


def restore(
    store_path: Path, backup: BackupInfo, progress: Progress | None = None
) -> RestoreResult:
    """Put `backup` in place of the store (kept aside first); reopen it afterwards."""
    return restore_backup(store_path, backup, progress=progress)
