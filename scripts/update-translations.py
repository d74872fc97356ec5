#!/usr/bin/env python3
"""Regenerate the Russian translation: extract strings, then compile the .qm.

    python scripts/update-translations.py          # update kamdesk_ru.ts, build kamdesk_ru.qm
    python scripts/update-translations.py --check  # fail if sources have strings the .ts lacks,
                                                   # or the .qm is older than the .ts

Strings come from `kamdesk/ui` (self.tr, QCoreApplication.translate) and from
`kamdesk/services`, `kamdesk/store`, `kamdesk/documents` and `kamdesk/errors.py`
(messages marked with QT_TRANSLATE_NOOP), and from the command line (`kamdesk/cli.py`,
`kamdesk/commands`: `translate("Context", "text")`; `kamdesk/server`: the office's
refusals, marked with QT_TRANSLATE_NOOP). After an update,
translate the new entries (Qt Linguist, or edit the .ts) and run this again to
compile them. The tests run `--check`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = (
    ROOT / "kamdesk" / "ui",
    ROOT / "kamdesk" / "services",
    ROOT / "kamdesk" / "store",
    ROOT / "kamdesk" / "documents",
    ROOT / "kamdesk" / "sync",  # why a sync stopped (kamdesk/sync/errors.py)
    ROOT / "kamdesk" / "commands",  # the command line: help, headers, messages
    ROOT / "kamdesk" / "server",  # the office's refusals (OfficeError), said by the command line
)
# Modules outside those folders whose messages the window shows.
SOURCE_FILES = (ROOT / "kamdesk" / "errors.py", ROOT / "kamdesk" / "cli.py")
TS_FILE = ROOT / "resources" / "translations" / "kamdesk_ru.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def _tool(name: str) -> str:
    """The PySide6 tool beside this Python (a venv's bin), else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    files: list[Path] = []
    for directory in SOURCE_DIRS:
        files.extend(sorted(directory.rglob("*.py")))
    return files + list(SOURCE_FILES)


def lupdate(ts_file: Path) -> None:
    command = [
        _tool("pyside6-lupdate"),
        *(str(path.relative_to(ROOT)) for path in sources()),
        "-locations",
        "none",
        "-no-obsolete",
        "-target-language",
        "ru_RU",
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def messages(ts_file: Path) -> set[tuple[str, str, str]]:
    """(context, source, disambiguation) of every message in a .ts file."""
    found: set[tuple[str, str, str]] = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found.add((name, message.findtext("source", ""), message.findtext("comment", "")))
    return found


def check() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / TS_FILE.name
        shutil.copyfile(TS_FILE, copy)
        lupdate(copy)
        committed, current = messages(TS_FILE), messages(copy)
        compiled = Path(scratch) / QM_FILE.name
        lrelease(TS_FILE, compiled)
        qm_stale = not QM_FILE.exists() or compiled.read_bytes() != QM_FILE.read_bytes()
    problems = 0
    for context, source, _comment in sorted(current - committed):
        print(f"not in the .ts yet: [{context}] {source!r}")
        problems += 1
    for context, source, _comment in sorted(committed - current):
        print(f"no longer in the sources: [{context}] {source!r}")
        problems += 1
    if qm_stale:
        print(f"{QM_FILE.name} does not match {TS_FILE.name}: run this script to rebuild it")
        problems += 1
    if problems:
        print("run: python scripts/update-translations.py", file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing, report drift")
    args = parser.parse_args()
    if args.check:
        return check()
    lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)
    print(f"updated {TS_FILE.relative_to(ROOT)} and {QM_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
