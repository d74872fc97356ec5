"""The command line's language: Russian on a Russian system, English elsewhere, or `--lang`.

One language a run: help, headers, statuses, messages and argparse's own words
("usage:", "the following arguments are required") all come from the window's
catalogue (`kamdesk.i18n.catalogue`, the same Qt .ts file), without importing Qt.
Texts are marked for `pyside6-lupdate` by calling `translate("Context", "text")`
with literals; parameters are filled in afterwards with `.format(...)`.
"""

from __future__ import annotations

import argparse
import locale
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Protocol

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message, catalogue

LANGUAGES = ("ru", "en")
ARGPARSE = "Argparse"

_table: Mapping[tuple[str, str], str] = {}
_language = "en"


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """ "ru" when the locale is Russian (LC_ALL, then LC_MESSAGES, then LANG, as POSIX
    reads them; Windows' own setting where none is set), "en" otherwise."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(name):
            return _code(value)
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:
        found = ""
    return _code(found)


def _code(locale_name: str) -> str:
    # ru_RU.UTF-8, ru, or Windows' Russian_Russia
    return "ru" if locale_name.lower().startswith(("ru", "russian")) else "en"


def requested_language(argv: Sequence[str]) -> str | None:
    """The language `--lang` asks for anywhere on the command line, before parsing it
    (the help texts are made in that language)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def use(language: str) -> str:
    """Speak `language` from now on; returns it."""
    global _table, _language
    _language = language if language in LANGUAGES else "en"
    _table = catalogue(_language)
    return _language


def current() -> str:
    return _language


def translate(context: str, text: str) -> str:
    """`text` in the current language (a template: fill it in with `.format`)."""
    return _table.get((context, text), text)


class Said(Protocol):
    """A `Message`, or a refusal shaped like one (`kamdesk.server.errors.OfficeError`:
    the office marks its texts without importing kamdesk.i18n)."""

    @property
    def context(self) -> str: ...

    @property
    def text(self) -> str: ...

    def format(self, template: str | None = None) -> str: ...


def say(message: Message | Said) -> str:
    """A service's message in the current language, its parameters filled in."""
    return message.format(_table.get((message.context, message.text)))


# argparse's own words (Python 3.11+), translated through its module-level gettext
# functions while the command line is parsed.
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "can't open '%(filename)s': %(error)s"),
)


@contextmanager
def argparse_speaking() -> Iterator[None]:
    """argparse's own words in the current language, for as long as the block runs.

    argparse looks its texts up through the `_` and `ngettext` names of its module
    (gettext's hooks); they are swapped for the catalogue and put back afterwards."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def single(text: str) -> str:
        return translate(ARGPARSE, text)

    def plural(singular: str, many: str, count: int) -> str:
        return translate(ARGPARSE, singular if count == 1 else many)

    setattr(argparse, "_", single)  # noqa: B010 - a module-level hook, not an attribute
    setattr(argparse, "ngettext", plural)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010
