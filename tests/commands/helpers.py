"""Running the command line in a language, and finding English words in its output."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Sequence

import pytest

from kamdesk.cli import build_parser, main

# Words that stay as they are in every language: names of the program, of formats and
# protocols, and values typed as they are (ru, en, off, latest).
TECHNICAL = frozenset(
    {
        "KAMdesk",
        "kamdesk",
        "backups",  # the backups folder's real name beside the store
        "ru",
        "en",
        "LANG",
        "PDF",
        "pdf",
        "XLSX",
        "xlsx",
        "CSV",
        "UTF",
        "off",
        "latest",
        "iCalendar",
        "UUID",
        "HTTP",
        "TLS",
        "PEM",
        "URL",  # --db URL of the office: a database URL, written the same in Russian
        "UTC",
        "KAM",  # the job's name, as Russian KAMs say it
        "uvicorn",  # the web server's program name
    }
)
_LATIN = re.compile(r"[A-Za-z][A-Za-z_']*")


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    locale: str,
    argv: Sequence[str],
) -> tuple[int, str, str]:
    """The command line run with LANG=`locale` (and nothing overriding it)."""
    monkeypatch.setenv("LANG", locale)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exited:  # --help, and argument mistakes
        code = int(exited.code or 0)
    said = capsys.readouterr()
    return code, said.out, said.err


def parsers(parser: argparse.ArgumentParser | None = None) -> Iterator[argparse.ArgumentParser]:
    """Every parser of the command line, the top one first."""
    parser = parser or build_parser()
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from parsers(child)


def typed_words() -> frozenset[str]:
    """Command names and option values: typed as they are, in any language."""
    words: set[str] = set()
    for parser in parsers():
        for action in parser._actions:
            for choice in action.choices or ():
                words.update(_LATIN.findall(str(choice)))
    return frozenset(words)


def english_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The Latin words of `text` that a translation should have turned Russian.

    Left out: options (--db, -o), choice lists ({ru,en}), paths, file names and zones
    (anything with / or a dot before letters), environment variables ($KAMDESK_HOME),
    tokens with digits (ids, SKUs, offer numbers), the keys of `key=value` lines that
    scripts read (login=…), and `allowed` words."""
    found = []
    for token in text.split():
        token = token.strip("«»()[],;:!?'\"`")
        if (
            not token
            or token.startswith(("-", "$", "{", "."))
            or "/" in token
            or "=" in token
            or re.search(r"\d", token)
            or re.search(r"\w\.[A-Za-z]{2,}", token)  # office.sqlite, not e.g.
            or re.fullmatch(r"[A-Z]+(_[A-Z]+)+", token)  # KAMDESK_HOME
        ):
            continue
        for word in _LATIN.findall(token):
            if word not in TECHNICAL and word not in allowed:
                found.append(word)
    return found
