"""Hostile text for document builders: every text field made huge, or full of foreign letters.

`hugify` replaces every text of a document's data (walking its dataclasses) by
a long text of numbered words and one long unbroken word, and records the
words per field, so a test can check each one came out of the PDF.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kamdesk.i18n import Message

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftotext) is not installed: apt-get install poppler-utils",
)
LONG_WORD_LETTER = "Ж"
# Emoji (one with a skin tone, one of three people joined), Hebrew, Arabic, Chinese.
FOREIGN = "😀 👍🏽 👨\u200d👩\u200d👧 שלום مرحبا 中文"
FOREIGN_CLUSTERS = [
    "😀",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "ש",
    "ל",
    "ו",
    "ם",
    "م",
    "ر",
    "ح",
    "ب",
    "ا",
    "中",
    "文",
]
FOREIGN_PRINTED = "? ? ? ???? ????? ??"
WORD = re.compile(r"w\d+x\d+")


@dataclasses.dataclass
class HugeTexts:
    """The words written into each field, by the field's path («lines.0.title»)."""

    length: int = 4_000
    words: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    long_words: int = 0  # how many fields got an unbroken word of LONG_WORD_LETTER

    def text(self, path: str) -> str:
        tag = f"w{len(self.words)}x"
        count = self.length // 2 // (len(tag) + 4)
        words = [f"{tag}{index}" for index in range(count)]
        self.words[path] = words
        self.long_words += 1
        # Half numbered words, half one word far wider than any column.
        return " ".join(words) + " " + LONG_WORD_LETTER * (self.length // 2)


def hugify(value: Any, texts: HugeTexts, path: str = "", skip: frozenset[str] = frozenset()) -> Any:
    """`value` with every text (str, Message) in it replaced by `texts.text(path)`."""
    if type(value) is str:  # not str-valued enums: those are choices, not text
        return texts.text(path)
    if isinstance(value, Message):
        return Message(value.context, "{text}", {"text": texts.text(path)})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: hugify(getattr(value, field.name), texts, f"{path}.{field.name}", skip)
            for field in dataclasses.fields(value)
            if field.name not in skip
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple | list):
        items = [hugify(item, texts, f"{path}.{n}", skip) for n, item in enumerate(value)]
        return type(value)(items)
    return value


def pdf_raw_text(path: Path) -> str:
    """The PDF's text in drawing order: a table cell's lines stay together."""
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def missing_words(text: str, texts: HugeTexts, fields: list[str]) -> dict[str, list[str]]:
    """The words of `fields` (path prefixes) that are not in `text`."""
    present = set(WORD.findall(text))
    missing: dict[str, list[str]] = {}
    for path, words in texts.words.items():
        if any(path.startswith(prefix) for prefix in fields):
            lost = [word for word in words if word not in present]
            if lost:
                missing[path] = lost[:5]
    return missing


def long_word_letters(text: str) -> int:
    """How many letters of the fields' unbroken words the text holds (any case)."""
    return text.count(LONG_WORD_LETTER) + text.count(LONG_WORD_LETTER.lower())


def shown_fields(texts: HugeTexts, fields: list[str]) -> int:
    return sum(1 for path in texts.words if any(path.startswith(p) for p in fields))
