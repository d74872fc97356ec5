"""`kamdesk gui`: the application window (also what `kamdesk` alone starts)."""

from __future__ import annotations

import argparse
from typing import Any

from kamdesk.commands.language import translate


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

    # The key and the store's check run in a thread while Qt and the window are imported.
    prepare_opening(args.db)
    from kamdesk.ui.app import run_gui

    return run_gui(args.db, db_explicit=args.db_explicit)
