"""Reading the office's tables (1C-style CSV) without asking the user how, within bounds.

Every input is hostile until read: the file is at most `MAX_FILE_BYTES`, a
physical line at most `MAX_LINE_CHARS` and a record (a row whose quoted cell
spans lines) at most `MAX_RECORD_CHARS`. Those bounds keep every cell below the
csv module's default field limit (128 KiB), so the process-wide
`csv.field_size_limit` is left alone; a `csv.Error` that still happens becomes a
problem of that row, and reading goes on with the next one.

Encoding: a byte-order mark decides (UTF-8 or UTF-16, as Excel's "Unicode
text" writes it); UTF-16 without a mark is recognised by its NUL bytes; other
bytes are UTF-8 when they decode as such, otherwise Windows-1251. Text with NUL
characters is refused: it is not a table read with the right encoding.

The separator is not guessed here: `csv_records` splits with the one it is
given, and the price import tries `;`, `,` and tab and keeps the one under
which a header row is recognised (see price_rows.find_header).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.textfold import fold

SEPARATORS = (";", ",", "\t")
MAX_FILE_BYTES = 100 * 1024 * 1024  # a 200 000-row 1C price list is about 40 MB
MAX_LINE_CHARS = 64 * 1024  # the widest store column is 300 characters
MAX_RECORD_CHARS = 64 * 1024  # < csv's default field limit (131 072)
SHOWN_CHARS = 60  # of a cell or line quoted back in a message
_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


class UnreadableFile(ValueError):
    """The file as a whole cannot be read as a table; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Record:
    """One row of a table: where it is in the file and its cells, or why it cannot be read."""

    first_line: int  # 1-based, as a text editor or Excel numbers it
    last_line: int  # > first_line when a quoted cell spans lines
    cells: tuple[str, ...]
    problem: Message | None = None
    seen: str = ""  # the text the problem is about, shortened

    @property
    def is_blank(self) -> bool:
        return self.problem is None and not any(c.strip() for c in self.cells)


def read_bounded(path: Path) -> bytes:
    """The file's bytes, refusing a file too large to be a price list."""
    try:
        with Path(path).open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UnreadableFile(
            _msg(QT_TRANSLATE_NOOP("Offers", "cannot read the file: {reason}"), reason=error)
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(
            _msg(
                QT_TRANSLATE_NOOP("Offers", "the file is larger than {limit} MB"),
                limit=MAX_FILE_BYTES // (1024 * 1024),
            )
        )
    return data


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding label) of a CSV file; UnreadableFile when it is not such text."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", "utf-8")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", "utf-16")]
    elif b"\x00" in data:
        guess = _utf16_without_mark(data)
        if guess is None:
            raise UnreadableFile(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers",
                        "the file contains NUL bytes: it is not a CSV table "
                        "(save it from Excel or 1C as CSV in UTF-8 or Windows-1251)",
                    )
                )
            )
        candidates = [(guess, "utf-16")]
    else:
        candidates = [("utf-8", "utf-8"), ("cp1251", "cp1251")]
    failure: UnicodeDecodeError | None = None
    for codec, label in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            failure = error
            continue
        if "\x00" in text:
            raise UnreadableFile(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers", "the text contains NUL characters: it is not a CSV table"
                    )
                )
            )
        return text, label
    assert failure is not None
    raise UnreadableFile(
        _msg(
            QT_TRANSLATE_NOOP(
                "Offers",
                "the file is not text in {encoding}: byte {byte} at position {position} "
                "does not belong to it",
            ),
            encoding=candidates[-1][1].upper().replace("CP", "Windows-"),
            byte=f"0x{failure.object[failure.start]:02X}",
            position=failure.start,
        )
    )


def _utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 of mostly ASCII text (digits, separators, SKUs) has a NUL in every other byte."""
    sample = data[: 4096 - 4096 % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0) / (len(sample) / 2), sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.2 and even < 0.02:
        return "utf-16-le"
    if even > 0.2 and odd < 0.02:
        return "utf-16-be"
    return None


class _Overlong(Exception):
    def __init__(self, message: Message, seen: str) -> None:
        super().__init__(str(message))
        self.message = message
        self.seen = seen


class _LineFeed:
    """Hands csv.reader one physical line at a time and stops a line or a record
    that grows past the bounds (the reader passes the exception on, and its next
    call starts a fresh record)."""

    def __init__(self, text: str) -> None:
        self._stream = io.StringIO(text, newline="")
        self.number = 0  # physical lines handed out so far
        self.record: list[str] = []  # the lines of the record being read
        self._record_chars = 0
        self.exhausted = False

    def start_record(self) -> None:
        self.record = []
        self._record_chars = 0

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        line = self._read_line(MAX_LINE_CHARS + 1)
        if not line:
            self.exhausted = True
            raise StopIteration
        self.number += 1
        if len(line) > MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            length = len(line) + self._skip_rest_of_line()
            raise _Overlong(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers", "the line is {length} characters long; at most {limit} are read"
                    ),
                    length=length,
                    limit=MAX_LINE_CHARS,
                ),
                shown(line),
            )
        self._record_chars += len(line)
        self.record.append(line)
        if self._record_chars > MAX_RECORD_CHARS:
            raise _Overlong(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers",
                        'a quote «"» opened here runs over {limit} characters: it is '
                        "probably never closed",
                    ),
                    limit=MAX_RECORD_CHARS,
                ),
                shown(self.record[0]),
            )
        return line

    def _read_line(self, limit: int) -> str:
        line = self._stream.readline(limit)
        if line.endswith("\r") and len(line) == limit:  # a CR LF cut in two by the limit
            position = self._stream.tell()
            if self._stream.read(1) == "\n":
                line += "\n"
            else:
                self._stream.seek(position)
        return line

    def _skip_rest_of_line(self) -> int:
        skipped = 0
        while True:
            chunk = self._read_line(MAX_LINE_CHARS)
            skipped += len(chunk)
            if not chunk or chunk.endswith(("\n", "\r")):
                return skipped


def csv_records(text: str, delimiter: str) -> Iterator[Record]:
    """Every record of the text, split by the csv module with strict quoting."""
    feed = _LineFeed(text)
    reader = csv.reader(feed, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
    while True:
        first = feed.number + 1
        feed.start_record()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except _Overlong as overlong:
            yield Record(first, feed.number, (), overlong.message, overlong.seen)
            continue
        except csv.Error:
            yield Record(first, feed.number, (), _quote_problem(feed), shown("".join(feed.record)))
            continue
        yield Record(first, feed.number, tuple(cells))


def _quote_problem(feed: _LineFeed) -> Message:
    # csv.Error has no codes; what was going on tells the two strict-mode cases apart.
    if feed.exhausted:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Offers",
                'a quote «"» opened here is never closed: the rest of the file would be one cell',
            )
        )
    return _msg(
        QT_TRANSLATE_NOOP(
            "Offers",
            'text follows a closing quote «"» inside a cell: quote the whole cell and '
            'double the quotes in it («""»)',
        )
    )


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """A cell or line as quoted back to the user: shortened, line breaks and control
    characters made visible."""
    head = text[:limit]
    visible = "".join(_visible(ch) for ch in head.rstrip("\r\n"))
    return visible + ("…" if len(text) > limit else "")


def _visible(ch: str) -> str:
    if ch in "\r\n":
        return "⏎"
    if ch == "\t":
        return "⇥"
    if unicodedata.category(ch) == "Cc":
        return f"\\x{ord(ch):02x}"
    return ch


def control_character(text: str) -> str | None:
    """The first control character other than tab and line breaks, as U+XXXX."""
    for ch in text:
        if ch not in "\t\r\n" and unicodedata.category(ch) == "Cc":
            return f"U+{ord(ch):04X}"
    return None


def parse_decimal(text: str) -> Decimal:
    """«1 234,56», «1234.56», «1 234,56 ₽», «10%», «-5» → Decimal; ValueError otherwise.

    Only plain digits with one decimal separator: no exponent («1e20»), NaN or
    Infinity, which no price list means."""
    cleaned = (
        text.replace("\u00a0", "")
        .replace("\u202f", "")
        .replace(" ", "")
        .replace("₽", "")
        .replace("%", "")
        .rstrip(".")
    )
    for suffix in ("руб", "р"):
        if cleaned.lower().endswith(suffix):
            cleaned = cleaned[: -len(suffix)]
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(text) from None


def header_key(text: str) -> str:
    """A header reduced to words: «Цена, руб. (без НДС)» → «цена руб без ндс»."""
    kept = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return " ".join(kept.split())
