"""The passphrase typed in a terminal, when no keyring and no KAMDESK_PASSPHRASE give a key.

`kamdesk demo`, `kamdesk visit list` and the other commands run where there may be no
keyring (a server, a minimal Linux, SSH without a desktop session). When a terminal
is attached, they ask for the passphrase as a user expects: twice for a new store
(the two must match), once for an existing one, without echo (`getpass`). Without
a terminal, in a background thread, or in the window's process (it asks in its own
dialog, kamdesk.ui.passphrase_dialog), nothing is asked and the caller gets StoreKeyError,
whose message says what to do.

Called by kamdesk.store.crypto with its key lock released; one question per process
at a time.
"""

from __future__ import annotations

import getpass
import os
import sys
import threading
from pathlib import Path

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message, catalogue

_CONTEXT = "Store"
# The files a store is built in before it takes its name (plain_copies.STAGING_SUFFIXES).
STAGING_SUFFIXES = (".demo-building", ".converting", ".encrypting", ".restore-partial")
TRIES = 3
_asking = threading.Lock()


def can_ask() -> bool:
    """A terminal to ask in, from the command's own thread, in a process without Qt
    (the window asks in its dialog; its background threads never ask)."""
    if threading.current_thread() is not threading.main_thread() or "PySide6" in sys.modules:
        return False
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def ask(path: Path, new: bool) -> str | None:
    """The passphrase typed for the store at `path` (a new one: typed twice, the same);
    None when nothing can be asked or nothing was typed."""
    if not can_ask():
        return None
    with _asking:
        try:
            return _ask_new(path) if new else _ask_existing(path)
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            return None


def _ask_existing(path: Path) -> str | None:
    prompt = _say(QT_TRANSLATE_NOOP("Store", "Passphrase of the database {path}: "), path)
    return getpass.getpass(prompt) or None


def _ask_new(path: Path) -> str | None:
    _tell(
        QT_TRANSLATE_NOOP(
            "Store",
            "KAMdesk encrypts the new database {path}, and there is no keyring here to keep "
            "its key in. Choose a passphrase: it is needed every time the database or "
            "its backups are opened, and without it nobody can read them.",
        ),
        path,
    )
    for _attempt in range(TRIES):
        first = getpass.getpass(_say(QT_TRANSLATE_NOOP("Store", "New passphrase: "), path))
        if not first:
            return None
        again = getpass.getpass(_say(QT_TRANSLATE_NOOP("Store", "Type it again: "), path))
        if first == again:
            return first
        _tell(QT_TRANSLATE_NOOP("Store", "The two passphrases differ; try again."), path)
    return None


def _tell(text: str, path: Path) -> None:
    print(_say(text, path), file=sys.stderr)


def _say(text: str, path: Path) -> str:
    message = Message(_CONTEXT, text, {"path": str(_shown(path))})
    return message.format(catalogue(_language()).get((_CONTEXT, text)))


def _shown(path: Path) -> Path:
    """The store a staging file is built for (the demo's `….demo-building`): the name
    the user gave."""
    for suffix in STAGING_SUFFIXES:
        if path.name.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)])
    return path


def _language() -> str:
    """Russian on a Russian system, as the command line speaks (kamdesk.commands)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name):
            return "ru" if value.lower().startswith(("ru", "russian")) else "en"
    return "en"
