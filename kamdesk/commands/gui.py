"""`kamdesk gui`: the application window (also what `kamdesk` alone starts)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("gui", help="start the application window (the default)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kamdesk.ui.app import run_gui

    return run_gui(args.db, db_explicit=args.db_explicit)
