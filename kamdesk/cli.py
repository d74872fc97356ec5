"""The `kamdesk` command: the GUI by default, and subcommands for work without it.

Each subcommand lives in `kamdesk.commands.<name>` with a `register(subparsers)`
function; heavy imports happen inside the handlers so `kamdesk --help` is instant.
The command line speaks the system's language (`kamdesk.commands.language`), and
takes the common options before or after the command (`kamdesk.commands.options`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kamdesk import __version__
from kamdesk.commands import language, run_handler
from kamdesk.commands.language import translate
from kamdesk.commands.options import CommandParser, epilog, fill_defaults, forget_texts

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
    """The whole command line, its texts in the current language."""
    forget_texts()
    parser = CommandParser(
        prog="kamdesk",
        description=translate(
            "CommandLine",
            "KAMdesk: the offline-first workstation of a pharmaceutical Key Account "
            "Manager. Without a command it starts the application window.",
        ),
        epilog=epilog(),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"KAMdesk {__version__}",
        help=translate("CommandLine", "print the version and stop"),
    )
    subparsers = parser.add_subparsers(
        dest="command",
        metavar=translate("CommandLine", "COMMAND"),
        title=translate("CommandLine", "commands"),
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"kamdesk.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    language.use(language.requested_language(arguments) or language.system_language())
    with language.argparse_speaking():
        parser = build_parser()
        args = parser.parse_args(arguments)
        if args.command is None:
            args = parser.parse_args([*arguments, "gui"])
    return run_handler(args.handler, fill_defaults(args))
