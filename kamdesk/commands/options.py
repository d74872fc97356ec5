"""What every parser of the command line shares: the common options and the value types.

`--db`, `--tz` and `--lang` are accepted before the command and after it, at any
level (`kamdesk --db X demo` and `kamdesk demo --db X`): every parser is a
`CommandParser`, which adds them itself. Their default is "not given" at every level,
so a value given before the command is not undone by the subcommand's parser;
`fill_defaults` sets the defaults once parsing is done.
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kamdesk.commands.language import LANGUAGES, current, translate
from kamdesk.paths import DB_ENV, HOME_ENV, default_db_path

COMMON = ("db", "tz", "lang")
DATE_PATTERNS = ("%d.%m.%Y", "%Y-%m-%d")


def date_format() -> str:
    """How dates are typed, for help texts: both forms are accepted."""
    return translate("CommandLine", "DD.MM.YYYY or YYYY-MM-DD")


def parse_day(text: str) -> date:
    """Russian (12.05.2026) or ISO (2026-05-12) dates."""
    for pattern in DATE_PATTERNS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        translate("CommandLine", "not a date: {text} (type {format}, e.g. 12.05.2026)").format(
            text=text, format=date_format()
        )
    )


def whole_number(text: str) -> int:
    """An integer option's value, refused in the run's language (argparse's own refusal
    names the Python type, «int»)."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CommandLine", "not a whole number: {text}").format(text=text)
        ) from None


def time_zone(text: str) -> str:
    """An IANA time zone name such as Europe/Samara."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(
            translate("CommandLine", "unknown time zone: {text} (e.g. Europe/Moscow)").format(
                text=text
            )
        ) from None
    return text


def default_zone() -> str:
    """This computer's time zone: the one the window shows visits in."""
    from kamdesk.timezone import system_time_zone

    return system_time_zone()


class ParagraphFormatter(argparse.HelpFormatter):
    """Help whose descriptions and epilogs keep their line breaks (a list of variables
    stays a list), each line wrapped to the terminal, indented lines hanging."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        # Not at hyphens: an option such as --ssl-certfile stays whole on one line.
        flat = " ".join(text.split())
        return textwrap.wrap(flat, width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        lines = []
        for line in text.splitlines():
            lead = indent + line[: len(line) - len(line.lstrip())]
            hanging = lead + "    " if line.startswith(" ") else lead
            lines.append(
                textwrap.fill(
                    line.strip(),
                    width,
                    initial_indent=lead,
                    subsequent_indent=hanging,
                    break_on_hyphens=False,
                )
                if line.strip()
                else ""
            )
        return "\n".join(lines)


class CommandParser(argparse.ArgumentParser):
    """A parser that accepts the common options (all of COMMON, or those `common` names)
    and makes its subcommands' parsers the same way."""

    def __init__(self, *args: Any, common: Sequence[str] = COMMON, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ParagraphFormatter)
        super().__init__(*args, **kwargs)
        self.common = tuple(common)
        if self.common:
            self._add_common()

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(CommandParser, common=self.common))
        return super().add_subparsers(**kwargs)

    def _add_common(self) -> None:
        texts = _common_texts()
        group = self.add_argument_group(texts["title"])
        suppress = argparse.SUPPRESS
        if "db" in self.common:
            group.add_argument(
                "--db", type=Path, default=suppress, metavar=texts["file"], help=texts["db"]
            )
        if "tz" in self.common:
            group.add_argument(
                "--tz", type=time_zone, default=suppress, metavar=texts["zone"], help=texts["tz"]
            )
        if "lang" in self.common:
            group.add_argument("--lang", choices=LANGUAGES, default=suppress, help=texts["lang"])


_texts: dict[str, str] = {}


def forget_texts() -> None:
    """Make the common options' texts again (a new run: another language, zone, home)."""
    _texts.clear()


def _common_texts() -> dict[str, str]:
    """The common options' help, made once for all the parsers of a run."""
    if not _texts:
        _texts.update(
            title=translate("CommandLine", "common options (before or after the command)"),
            file=translate("CommandLine", "FILE"),
            zone=translate("CommandLine", "ZONE"),
            db=translate(
                "CommandLine", "the store (database file) to use; default: ${env} or {path}"
            ).format(env=DB_ENV, path=default_db_path()),
            tz=translate(
                "CommandLine",
                "the time zone visits are shown and cut into days in, e.g. Europe/Samara; "
                "default: this computer's, as in the window ({zone})",
            ).format(zone=default_zone()),
            lang=translate(
                "CommandLine",
                "the language of the output and of the documents written: ru or en; "
                "default: the system's (LANG), now {language}",
            ).format(language=current()),
        )
    return _texts


def fill_defaults(args: argparse.Namespace) -> argparse.Namespace:
    """The common options not given: the store of $KAMDESK_DB or the default, this
    computer's time zone, the language in use."""
    db = getattr(args, "db", None)
    args.db_explicit = db is not None or DB_ENV in os.environ
    args.db = (db or default_db_path()).expanduser()
    args.tz = getattr(args, "tz", None) or default_zone()
    args.lang = getattr(args, "lang", None) or current()
    return args


def epilog() -> str:
    """The top-level help's end: the environment variables."""
    lines = [
        translate("CommandLine", "environment variables:"),
        translate("CommandLine", "  {name}  the store to use when --db is not given").format(
            name=DB_ENV
        ),
        translate(
            "CommandLine",
            "  {name}  one folder for KAMdesk's data, settings and logs, e.g. for a "
            "portable install; backups go to a 'backups' folder beside the store, "
            "wherever the store is",
        ).format(name=HOME_ENV),
        translate(
            "CommandLine",
            "  {name}  the passphrase of encrypted stores, instead of the key in the "
            "system keyring (scripts, machines without a keyring)",
        ).format(name="KAMDESK_PASSPHRASE"),
        translate(
            "CommandLine",
            "  {name}  'off' makes new stores without encryption (tests, trials)",
        ).format(name="KAMDESK_ENCRYPTION"),
        translate("CommandLine", "  {name}  the language, when --lang is not given").format(
            name="LANG"
        ),
        "",
        translate("CommandLine", "Dates are typed as {format}.").format(format=date_format()),
    ]
    return "\n".join(lines)
