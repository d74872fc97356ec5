"""Trouble with a store: what the user must be told (StoreError), and bugs.

Every StoreError carries `message`, a translatable `kamdesk.i18n.Message` fit to
show the user as it is (the window translates it, the command line prints it in
English), and `detail`, SQLite's own words for the details box and the log.
`str(error)` is the English message followed by the detail.

Kept free of SQLAlchemy (and of Qt) so the window can report them before
loading it.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "Store"


class StoreError(Exception):
    """A problem with the store the user can act on; the message says what and where."""

    def __init__(self, message: Message | str, detail: str = "") -> None:
        if isinstance(message, str):  # a plain reason from code that has no Message
            message = Message(CONTEXT, QT_TRANSLATE_NOOP("Store", "{reason}"), {"reason": message})
        self.message = message
        self.detail = detail
        super().__init__(message.format() + (f" ({detail})" if detail else ""))


class _NamesTheFile(StoreError):
    """A StoreError whose message names one file or folder, `path`. Each subclass
    sets `text`, marked with QT_TRANSLATE_NOOP in its body so that lupdate finds it."""

    text: ClassVar[str]

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(Message(CONTEXT, self.text, {"path": str(path)}), detail)
        self.path = path


class SchemaTooNewError(StoreError):
    def __init__(self, path: Path, found: str, known: str) -> None:
        super().__init__(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "Store",
                    "{path} was written by a newer KAMdesk (schema {found}; this version "
                    "knows up to {known}). Update KAMdesk; the file was not touched.",
                ),
                {"path": str(path), "found": found, "known": known},
            )
        )
        self.path, self.found, self.known = path, found, known


class CorruptStoreError(StoreError):
    """The file is damaged. With `writes_stopped`, it was found so while the store
    was open: the store then refuses every further write (see `Store.transaction`)."""

    def __init__(self, path: Path, detail: str, *, writes_stopped: bool = False) -> None:
        if writes_stopped:
            text = QT_TRANSLATE_NOOP(
                "Store",
                "{path} turned out to be damaged while KAMdesk was working with it. To "
                "protect what it holds, KAMdesk saves no more changes to it. Close KAMdesk "
                "and start it again: it offers to open a backup copy or to create a new "
                "database, and keeps the damaged file so that it can still be recovered.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Store",
                "{path} is damaged and cannot be opened. Nothing was overwritten: start "
                "from a backup copy or create a new database.",
            )
        super().__init__(Message(CONTEXT, text, {"path": str(path)}), detail)
        self.path, self.writes_stopped = path, writes_stopped


class StoreUnavailableError(StoreError):
    """The store cannot be used right now: busy, disk full, not writable, disk failing."""


class StoreBusyError(_NamesTheFile, StoreUnavailableError):
    """Another program (or connection) holds the store's lock longer than we wait."""

    text = QT_TRANSLATE_NOOP(
        "Store",
        "{path} is in use by another program (another KAMdesk, an import or "
        "a sync). Wait a moment and try again.",
    )


class StoreFullError(_NamesTheFile, StoreUnavailableError):
    text = QT_TRANSLATE_NOOP(
        "Store",
        "The disk holding {path} is full, so the change was not saved. Free "
        "some space and try again.",
    )


class StoreAccessError(_NamesTheFile, StoreUnavailableError):
    """Read-only file or disk, a folder we may not write, a file that cannot be opened."""

    text = QT_TRANSLATE_NOOP(
        "Store",
        "KAMdesk cannot open or write {path}. Check that the file and its "
        "folder exist and may be changed by you, and that the disk is neither "
        "read-only nor removed.",
    )


class StoreDiskError(_NamesTheFile, StoreUnavailableError):
    """The operating system reported an input/output error on the store's disk."""

    text = QT_TRANSLATE_NOOP(
        "Store",
        "The disk reported an error while KAMdesk was reading or writing "
        "{path}. Check the disk, and keep a backup copy of the database.",
    )


class StoreNotEmptyError(_NamesTheFile):
    """The demo territory goes only into a new store; this one already holds work."""

    text = QT_TRANSLATE_NOOP(
        "Store",
        "{path} already holds data, so the demo territory was not loaded into "
        "it. Create a new database for the demo.",
    )


class TombstoneRequiredError(RuntimeError):
    """A caller tried to remove a syncable row; they are soft-deleted instead (a bug)."""
