"""The copies KAMdesk made of a store while it was plain, encrypted once the store is.

Before `kamdesk store encrypt` (or File ▸ Encrypt database…) a plain store left
plain copies of itself: its backups (the `backups` folder, and the pre-migration
`kamdesk.backup-<time>.sqlite` beside it), the store kept aside by a restore
(`kamdesk.before-restore-<time>.sqlite`), a damaged store moved aside
(`kamdesk.damaged-<time>.sqlite`), a store a demo replaced
(`kamdesk.replaced-<time>.sqlite`), each with its `-wal`, `-shm`, `-journal`, and
what a killed conversion, restore, demo build or backup left (`….converting`,
`….restore-partial`, `….demo-building`, `….backup-partial`). Each still holds the
contacts' personal data in plain text.

`encrypt_copies` encrypts every one SQLite can read in place with the store's key
(so a KAM can still open or restore it), checked as the store is, and its plain
log goes with it. A copy SQLite cannot read (a damaged store kept for
recovery, a file that is no database) cannot be encrypted: it is listed as
left plain, never deleted here. `remove_copies` deletes the ones the user chose to
delete, with their logs.

Copies are recognised by the names KAMdesk gives them (kamdesk.store.files,
backup_names, store, backups, convert, demo_file); other files in the folders
(another store, the user's own copies) are not touched. None of these files is
open in this process while this runs (the store is, and it is not one of them).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from kamdesk.errors import StoreError
from kamdesk.store import crypto
from kamdesk.store.backup_names import PARTIAL_SUFFIX, backups_folder, name_pattern
from kamdesk.store.files import COMPANION_SUFFIXES, companion

# `<stem>.<label>-YYYYMMDD-HHMMSS[-n]<suffix>`: pre-migration backups (store.backup_copy),
# damaged and replaced stores (files.move_aside), the store before a restore (backups).
ASIDE_LABELS = ("backup", "damaged", "replaced", "before-restore")
# `<store name><suffix>`: the staging files of a conversion, an encryption, a restore
# and a demo build that were killed midway.
STAGING_SUFFIXES = (".converting", ".encrypting", ".restore-partial", ".demo-building")

_FAILURES: tuple[type[Exception], ...] = (StoreError, *crypto.Error)

__all__ = ["CopiesResult", "copies_of", "encrypt_copies", "plain_copies", "remove_copies"]


@dataclass
class CopiesResult:
    encrypted: list[Path] = field(default_factory=list)  # plain before, encrypted now
    left_plain: list[Path] = field(default_factory=list)  # could not be encrypted


def copies_of(store_path: Path) -> list[Path]:
    """Every copy of the store KAMdesk made beside it or in its backups folder (main
    files; their logs go with them), by name, oldest name first; no file is opened."""
    store_path = Path(store_path)
    stem, suffix = store_path.stem, store_path.suffix or ".sqlite"
    aside = re.compile(
        rf"^{re.escape(stem)}\.(?:{'|'.join(map(re.escape, ASIDE_LABELS))})"
        rf"-\d{{8}}-\d{{6}}(?:-\d+)?{re.escape(suffix)}$"
    )
    staged = {store_path.name + s for s in STAGING_SUFFIXES}
    found = [p for p in _files(store_path.parent) if aside.match(p.name) or p.name in staged]
    backup = name_pattern(stem)
    partial = re.compile(backup.pattern.rstrip("$") + re.escape(PARTIAL_SUFFIX) + "$")
    found += [
        p
        for p in _files(backups_folder(store_path))
        if backup.match(p.name) or partial.match(p.name)
    ]
    return sorted(found)


def plain_copies(store_path: Path) -> list[Path]:
    """The store's copies that are not encrypted (readable or not)."""
    return [path for path in copies_of(store_path) if not _encrypted(path)]


def encrypt_copies(store_path: Path) -> CopiesResult:
    """Encrypt every plain copy of the store that SQLite can read, in place, with
    this computer's key; the rest are listed as left plain (see the module)."""
    from kamdesk.store.encrypt import encrypt_file  # encrypt imports this module

    result = CopiesResult()
    for path in plain_copies(store_path):
        try:
            encrypt_file(path)
        except _FAILURES:
            result.left_plain.append(path)
        else:
            result.encrypted.append(path)
    return result


def remove_copies(paths: list[Path]) -> list[Path]:
    """Delete the copies the user chose to delete, each with its logs; returns those
    that went (a copy already gone counts as gone)."""
    removed = []
    for path in paths:
        try:
            for part in (*(companion(path, s) for s in COMPANION_SUFFIXES), path):
                with contextlib.suppress(FileNotFoundError):
                    part.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _encrypted(path: Path) -> bool:
    try:
        return crypto.file_is_encrypted(path)
    except crypto.StoreKeyError:
        return True  # encrypted, with another key: not a plain copy
    except _FAILURES:
        return False  # SQLite cannot say: a damaged file, or not a database at all


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []
