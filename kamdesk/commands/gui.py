"""`kamdesk gui`: the application window (also what `kamdesk` alone starts)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kamdesk.commands.language import translate

# Where kamdesk.ui.preferences (QSettings, INI format) keeps the store opened last.
_PREFERENCES_FILE = "kamdesk.ini"
_LAST_STORE = ("store", "last_path")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gui",
        help=translate("CommandLine", "start the application window (the default)"),
        description=translate(
            "CommandLine", "Start the application window, in the language of its settings."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kamdesk.services.workspace import prepare_opening

    # The key and the store's check run in a thread while Qt and the window are imported:
    # for the store the window will open (kamdesk.ui.app.initial_store_path).
    prepare_opening(args.db if args.db_explicit else (last_store() or args.db))
    from kamdesk.ui.app import run_gui

    return run_gui(args.db, db_explicit=args.db_explicit)


def last_store() -> Path | None:
    """The store opened last, read from the window's preferences file without Qt (so
    its check starts before Qt is imported); None when there is none, or the value is
    one only QSettings reads right (quoted or escaped). Only a head start: the window
    reads the same value through QSettings and opens what it says."""
    from kamdesk.paths import config_dir

    try:
        text = (config_dir() / _PREFERENCES_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == _LAST_STORE[0] and "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            unescaped = value.replace("\\\\", "\0")  # QSettings writes "\\" for "\"
            if key != _LAST_STORE[1] or not value or any(c in unescaped for c in '"\\@'):
                continue
            path = Path(unescaped.replace("\0", "\\"))
            try:
                return path if path.stat().st_size > 0 else None
            except OSError:
                return None
    return None
