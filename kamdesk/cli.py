"""The `kamdesk` command: the GUI by default, and subcommands for work without it.

Each subcommand lives in `kamdesk.commands.<name>` with a `register(subparsers)`
function; heavy imports happen inside the handlers so `kamdesk --help` is instant.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kamdesk import __version__
from kamdesk.commands import run_handler
from kamdesk.paths import DB_ENV, default_db_path

COMMAND_MODULES = (
    "gui",
    "demo",
    "import_",
    "offer",
    "visit",
    "report",
    "backup",
    "store",
    "server",
    "sync",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamdesk",
        description="KAMdesk: the offline-first workstation of a pharmaceutical Key Account "
        "Manager. Without a subcommand it starts the application window.",
    )
    parser.add_argument("--version", action="version", version=f"KAMdesk {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"the store (SQLite file) to use; default: ${DB_ENV} or {default_db_path()}",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"kamdesk.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    args.db_explicit = args.db is not None or DB_ENV in os.environ
    args.db = (args.db or default_db_path()).expanduser()
    return run_handler(args.handler, args)
