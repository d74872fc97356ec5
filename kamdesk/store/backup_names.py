"""Where a store's backups live and how they are named (no file is opened here).

`~/…/KAMdesk/backups/kamdesk-20261203-093000.backup.sqlite` for
`~/…/KAMdesk/kamdesk.sqlite` (see kamdesk.store.backups for why beside the store);
a second backup in the same second gets `-2`, and a backup being written carries
`.backup-partial` until it is checked and on the disk.
"""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kamdesk.errors import StoreAccessError

FOLDER_NAME = "backups"
SUFFIX = ".backup.sqlite"
PARTIAL_SUFFIX = ".backup-partial"
STAMP = "%Y%m%d-%H%M%S"
STALE_PARTIAL_S = 3600.0  # a partial file untouched this long belongs to a killed backup


def backups_folder(store_path: Path) -> Path:
    """Where the backups of the store at `store_path` go (see the module docstring)."""
    return Path(store_path).parent / FOLDER_NAME


def remove_stale_partials(folder: Path) -> None:
    """Leftovers of killed backups (any store's); a recent one may be another
    program's backup still being written, and is left alone."""
    now = time.time()
    for path in folder.glob(f"*{PARTIAL_SUFFIX}*"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > STALE_PARTIAL_S:
                path.unlink()


def name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(SUFFIX)}$")


def free_name(folder: Path, stem: str, when: datetime) -> Path:
    base = f"{stem}-{when.strftime(STAMP)}"
    target = folder / f"{base}{SUFFIX}"
    number = 1
    while target.exists() or target.with_name(target.name + PARTIAL_SUFFIX).exists():
        number += 1
        target = folder / f"{base}-{number}{SUFFIX}"
    return target


@dataclass(frozen=True)
class FoundBackup:
    path: Path
    taken_at: datetime
    number: int


def found_backups(store_path: Path, folder: Path | None) -> list[FoundBackup]:
    """The store's backups by their names, newest first (no file is opened)."""
    store_path = Path(store_path)
    folder = Path(folder) if folder is not None else backups_folder(store_path)
    pattern = name_pattern(store_path.stem)
    found = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreAccessError(folder, str(error)) from error
    for path in entries:
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken = datetime.strptime(match.group(1), STAMP).astimezone()
        except ValueError:
            continue
        found.append(FoundBackup(path, taken, int(match.group(2) or 1)))
    return sorted(found, key=lambda b: (b.taken_at, b.number), reverse=True)
