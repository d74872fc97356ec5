"""Subcommands of the `kamdesk` command line, one module each."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from kamdesk.errors import StoreError
from kamdesk.i18n import Message

INTERRUPTED = 130  # what a shell reports for Ctrl+C
INTERNAL_ERROR = 70  # EX_SOFTWARE of sysexits.h: a bug, not the user's doing
CLOSED_PIPE = 141  # what a shell reports for a program killed by SIGPIPE (`… | head`)

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


def fail(message: str | Message, code: int = 1) -> int:
    """Print an error the user can act on and return the exit code."""
    from kamdesk.commands.language import say, translate

    text = say(message) if isinstance(message, Message) else message
    label = translate("CommandLine", "error")
    print(f"kamdesk: {label}: {text}", file=sys.stderr)
    return code


def warn(message: str | Message) -> None:
    """Say on stderr what is not quite right about a result that was made all the same."""
    from kamdesk.commands.language import say, translate

    text = say(message) if isinstance(message, Message) else message
    label = translate("CommandLine", "warning")
    print(f"kamdesk: {label}: {text}", file=sys.stderr)


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    """Run a subcommand with the log file open (the same one the window writes).

    A store problem (busy, full, read-only, damaged) is one line on stderr, like any
    other error the user can act on; a bug is one line naming the log, which holds
    its traceback. Neither prints a traceback to the terminal."""
    from kamdesk.commands.language import translate
    from kamdesk.logs import logging_to_file

    with logging_to_file() as log_file:
        try:
            return handler(args)
        except StoreError as error:
            log.warning("kamdesk %s: %s", args.command, error, exc_info=True)
            return fail(store_problem(error))
        except BrokenPipeError:
            # The reader went away (`kamdesk offer list | head`): end quietly, as other
            # command-line tools do, and keep Python from failing again on the final flush.
            log.debug("kamdesk %s: the output pipe was closed", args.command)
            _silence_stdout()
            return CLOSED_PIPE
        except KeyboardInterrupt:
            log.info("kamdesk %s interrupted", args.command)
            said = translate("CommandLine", "interrupted")
            print(f"kamdesk: {said}", file=sys.stderr)
            return INTERRUPTED
        except Exception as error:
            log.exception("kamdesk %s failed", args.command)
            where = (
                translate("CommandLine", "; the details are in {path}").format(path=log_file)
                if log_file is not None
                else ""
            )
            internal = translate("CommandLine", "internal error")
            print(
                f"kamdesk: {internal}: {type(error).__name__}: {_one_line(error)}{where}",
                file=sys.stderr,
            )
            return INTERNAL_ERROR


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests, embedding)
        pass


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def store_problem(error: StoreError) -> str:
    """A store problem (busy, full, damaged…) in the current language, on one line."""
    from kamdesk.commands.language import say

    text = " ".join(say(error.message).split())
    return f"{text} ({' '.join(error.detail.split())})" if error.detail else text
