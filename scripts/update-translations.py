#!/usr/bin/env python3
"""Regenerate the Russian translation: extract strings, then compile the .qm.

    python scripts/update-translations.py          # update kamdesk_ru.ts, build kamdesk_ru.qm
    python scripts/update-translations.py --check  # fail if sources have strings the .ts lacks,
                                                   # or the .qm is older than the .ts

English is the source text, so kamdesk_en.ts holds only the messages with a count
(%n): their singular and plural («%n item» / «%n items»). An update adds a new counted
message there unfinished and drops one no longer counted; `--check` fails until each
has both forms written.

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
from collections.abc import Iterator
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
EN_TS_FILE = TS_FILE.with_name("kamdesk_en.ts")
EN_QM_FILE = EN_TS_FILE.with_suffix(".qm")
Key = tuple[str, str]  # (context, source)


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


def each_message(ts_file: Path) -> Iterator[tuple[str, ET.Element]]:
    """(context name, message element) of every message in a .ts file, in its order."""
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def messages(ts_file: Path) -> set[tuple[str, str, str]]:
    """(context, source, disambiguation) of every message in a .ts file."""
    return {
        (name, message.findtext("source", ""), message.findtext("comment", ""))
        for name, message in each_message(ts_file)
    }


def counted(ts_file: Path) -> list[Key]:
    """(context, source) of the messages with a count (%n), in the file's order."""
    return [
        (name, message.findtext("source", ""))
        for name, message in each_message(ts_file)
        if message.get("numerus") == "yes"
    ]


def qm_stale(ts_file: Path, qm_file: Path) -> bool:
    """The compiled catalogue is missing or is not what `ts_file` compiles to."""
    with tempfile.TemporaryDirectory() as scratch:
        compiled = Path(scratch) / qm_file.name
        lrelease(ts_file, compiled)
        return not qm_file.exists() or compiled.read_bytes() != qm_file.read_bytes()


def english_forms(ts_file: Path) -> dict[Key, tuple[str, str] | None]:
    """The English singular and plural of each counted message; None while unfinished."""
    forms: dict[Key, tuple[str, str] | None] = {}
    if not ts_file.exists():
        return forms
    for name, message in each_message(ts_file):
        translation = message.find("translation")
        texts = (
            [f.text or "" for f in translation.iter("numerusform")]
            if translation is not None
            else []
        )
        done = translation is not None and translation.get("type") != "unfinished"
        finished = done and len(texts) == 2 and all(t.strip() for t in texts)
        key = (name, message.findtext("source", ""))
        forms[key] = (texts[0], texts[1]) if finished else None
    return forms


def write_english(ts_file: Path, keys: list[Key], known: dict[Key, tuple[str, str] | None]) -> None:
    """kamdesk_en.ts with an entry for each of `keys`: its known forms, else unfinished."""
    root = ET.Element("TS", version="2.1", language="en_GB")
    contexts: dict[str, ET.Element] = {}
    for name, source in keys:
        if name not in contexts:
            contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[name], "name").text = name
        message = ET.SubElement(contexts[name], "message", numerus="yes")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        forms = known.get((name, source))
        if forms is None:
            translation.set("type", "unfinished")
        for form in forms or ("", ""):
            ET.SubElement(translation, "numerusform").text = form
    ET.indent(root, space="    ")
    text = ET.tostring(root, encoding="unicode")
    ts_file.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n')


def check_english() -> int:
    keys, forms = counted(TS_FILE), english_forms(EN_TS_FILE)
    problems = 0
    for context, source in keys:
        if forms.get((context, source)) is None:
            print(
                f"no English singular and plural yet in {EN_TS_FILE.name}: [{context}] {source!r}"
            )
            problems += 1
    for context, source in sorted(set(forms) - set(keys)):
        print(f"no longer counted, still in {EN_TS_FILE.name}: [{context}] {source!r}")
        problems += 1
    if qm_stale(EN_TS_FILE, EN_QM_FILE):
        print(f"{EN_QM_FILE.name} does not match {EN_TS_FILE.name}: run this script")
        problems += 1
    return problems


def check() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / TS_FILE.name
        shutil.copyfile(TS_FILE, copy)
        lupdate(copy)
        committed, current = messages(TS_FILE), messages(copy)
    problems = 0
    for context, source, _comment in sorted(current - committed):
        print(f"not in the .ts yet: [{context}] {source!r}")
        problems += 1
    for context, source, _comment in sorted(committed - current):
        print(f"no longer in the sources: [{context}] {source!r}")
        problems += 1
    if qm_stale(TS_FILE, QM_FILE):
        print(f"{QM_FILE.name} does not match {TS_FILE.name}: run this script to rebuild it")
        problems += 1
    problems += check_english()
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
    write_english(EN_TS_FILE, counted(TS_FILE), english_forms(EN_TS_FILE))
    lrelease(EN_TS_FILE, EN_QM_FILE)
    print(f"updated {TS_FILE.relative_to(ROOT)} and {QM_FILE.relative_to(ROOT)}")
    print(f"updated {EN_TS_FILE.relative_to(ROOT)} and {EN_QM_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
