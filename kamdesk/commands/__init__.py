"""Subcommands of the `kamdesk` command line, one module each."""

from __future__ import annotations

import sys

from kamdesk.i18n import Message


def fail(message: str | Message, code: int = 1) -> int:
    """Print an error the user can act on and return the exit code."""
    print(f"kamdesk: error: {message}", file=sys.stderr)
    return code
