"""Opening a store and recovering when it cannot be opened.

The flow is plain Python; every question to the user goes through a
`StorePrompts` object (message boxes in the application, scripted answers in
tests). Whatever happens, no store file is ever overwritten or deleted: a
damaged file is moved aside (renamed, together with its `-wal` and `-shm`, so
the latest commits stay with it and the new store does not replay them) before
a new store is made in its place, and a store written by a newer KAMdesk is
left as it is. Opening runs SQLite's quick integrity check.

Before anything is read for writing, the store's lock file is taken
(kamdesk.ui.store_lock): a store another KAMdesk window has open is refused with
`already_open`, and nothing is written to it.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import Protocol

from kamdesk.services.encryption import StoreKeyError, use_passphrase
from kamdesk.services.workspace import (
    CorruptStoreError,
    SchemaTooNewError,
    StoreUnavailableError,
    Workspace,
    move_aside,
    open_workspace,
)
from kamdesk.ui import store_lock
from kamdesk.ui.store_lock import StoreInUseError


class StartChoice(Enum):
    EMPTY = auto()
    DEMO = auto()


class Recovery(Enum):
    RETRY = auto()
    OTHER_FILE = auto()  # choose another store file
    OPEN_BACKUP = auto()  # choose a backup copy and work in it
    CREATE_NEW = auto()  # move the damaged file aside, start a new store
    QUIT = auto()


@dataclass
class OpenedStore:
    workspace: Workspace
    load_demo: bool = False  # the user asked for the demo territory in this new store
    moved_aside: Path | None = None  # where a damaged store was kept


class StorePrompts(Protocol):
    def first_start(self, path: Path, explicit: bool, demo_available: bool) -> StartChoice | None:
        """Empty store or demo territory for a file that does not exist; None cancels."""

    def schema_too_new(self, error: SchemaTooNewError) -> Recovery: ...

    def corrupt(self, error: CorruptStoreError) -> Recovery: ...

    def unavailable(self, error: StoreUnavailableError) -> Recovery: ...

    def choose_store_file(self, start: Path, backup: bool) -> Path | None:
        """An existing file to open (a backup copy when `backup`); None cancels."""

    # Optional: `passphrase(error: StoreKeyError) -> str | None`, the passphrase of an
    # encrypted store (kamdesk.ui.passphrase_dialog); prompts without it give up on it.
    # Optional: `already_open(error: StoreInUseError) -> Recovery` (OTHER_FILE or QUIT),
    # the store open in another KAMdesk window; prompts without it give up on it.


def demo_available() -> bool:
    """The demo generator is an optional part of the services (a bare folder
    without its `__init__.py` is a namespace package, not the generator)."""
    spec = importlib.util.find_spec("kamdesk.services.demo")
    return spec is not None and spec.origin is not None


def has_store(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def open_interactively(
    path: Path, prompts: StorePrompts, explicit: bool = False
) -> OpenedStore | None:
    """Open the store at `path`, asking the user how to go on when it cannot be.

    Returns None when the user chose to quit (or cancel). The store returned is
    locked for this process (kamdesk.ui.store_lock); locks taken here for stores not
    opened after all are released again."""
    taken: list[Path] = []
    try:
        opened = _open_locked(path, prompts, explicit, taken)
    except BaseException:
        opened = None
        raise
    finally:
        kept = opened.workspace.path if opened is not None else None
        for locked in taken:
            if kept is None or not _same_path(locked, kept):
                store_lock.release(locked)
    return opened


def _same_path(one: Path, other: Path) -> bool:
    return os.path.realpath(one) == os.path.realpath(other)


def _open_locked(
    path: Path, prompts: StorePrompts, explicit: bool, taken: list[Path]
) -> OpenedStore | None:
    load_demo = False
    moved_aside: Path | None = None
    with_passphrase = False  # trying again with the passphrase just typed
    while True:
        try:
            if store_lock.take(path):
                taken.append(path)
        except StoreInUseError as in_use:
            ask_in_use = getattr(prompts, "already_open", None)
            recovery = ask_in_use(in_use) if ask_in_use is not None else Recovery.QUIT
            if recovery == Recovery.OTHER_FILE:
                chosen = prompts.choose_store_file(path, backup=False)
                if chosen is None:
                    return None
                path, explicit = chosen, True
                continue
            return None
        if not has_store(path) and not with_passphrase:
            choice = prompts.first_start(path, explicit, demo_available())
            if choice is None:
                return None
            load_demo = choice == StartChoice.DEMO
        try:
            workspace = open_workspace(path)
        except StoreKeyError as error:
            # Encrypted, and no key or not this one: ask for the passphrase and try
            # again. Without one (cancelled), the file is treated as one that cannot
            # be opened: to SQLCipher a wrong key and a garbled file look the same.
            ask = getattr(prompts, "passphrase", None)
            passphrase = ask(error) if ask is not None else None
            if passphrase:
                use_passphrase(passphrase)
                with_passphrase = True
                continue
            if not has_store(path):  # a new store, and no key to make it with
                return None
            recovery = prompts.corrupt(CorruptStoreError(path, str(error)))
        except SchemaTooNewError as error:
            recovery = prompts.schema_too_new(error)
        except CorruptStoreError as error:
            recovery = prompts.corrupt(error)
        except StoreUnavailableError as error:
            recovery = prompts.unavailable(error)
        else:
            return OpenedStore(workspace, load_demo, moved_aside)

        with_passphrase = False
        if recovery == Recovery.QUIT:
            return None
        if recovery in (Recovery.OTHER_FILE, Recovery.OPEN_BACKUP):
            chosen = prompts.choose_store_file(path, backup=recovery == Recovery.OPEN_BACKUP)
            if chosen is not None:
                path, explicit = chosen, True
        elif recovery == Recovery.CREATE_NEW:
            moved_aside = move_aside(path)
        # RETRY, or a cancelled file dialog: try the same path again.
