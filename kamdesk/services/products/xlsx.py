"""Reading the first sheet of an .xlsx price list, with its size bounded before parsing.

An .xlsx is a zip of XML files. Before openpyxl sees it, the zip's directory is
checked: at most `MAX_MEMBERS` entries, at most `MAX_UNPACKED_BYTES` unpacked in
all, and no large entry packed more than `MAX_RATIO` times (XML packs 5–20
times; a zip bomb thousands of times). Python's zip reader never returns more
than an entry's declared size, so these declared sizes are what parsing can
cost. The sheet's declared dimension is checked against `MAX_ROWS`, and the
rows are counted while read, since the dimension may be missing or wrong; it is
not trusted to cut rows off either (openpyxl would silently drop rows below a
too-small dimension).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Generator
from datetime import date, datetime, time
from decimal import Decimal

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.products.tabular import Record, UnreadableFile

MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_MEMBERS = 1_000
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # a 200 000-row sheet unpacks to about 150 MB
MAX_RATIO = 100
_RATIO_FROM_BYTES = 1024 * 1024  # small entries may pack as tightly as they like
_MB = 1024 * 1024


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def is_old_excel(data: bytes) -> bool:
    return data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: .xls


def check_zip(data: bytes) -> None:
    """Refuse a zip that would unpack beyond what a price list needs, before unpacking."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise UnreadableFile(_not_a_workbook(error)) from error
    if len(entries) > MAX_MEMBERS:
        raise UnreadableFile(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Offers", "the workbook holds {count} files; a price list needs far fewer"
                ),
                count=len(entries),
            )
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Offers",
                    "the workbook unpacks to {size} MB, more than the {limit} MB allowed "
                    "for a price list",
                ),
                size=unpacked // _MB,
                limit=MAX_UNPACKED_BYTES // _MB,
            )
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > _RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise UnreadableFile(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers",
                        "{name} in the workbook unpacks {ratio} times its packed size "
                        "(a zip bomb?); it was not opened",
                    ),
                    name=entry.filename,
                    ratio=int(ratio),
                )
            )


def _not_a_workbook(error: BaseException) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP("Offers", "not a readable XLSX workbook ({reason})"), reason=error
    )


def xlsx_records(data: bytes) -> Generator[Record, None, None]:
    """The first sheet's rows as text, numbered as Excel numbers them."""
    check_zip(data)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(_not_a_workbook(error)) from error
    try:
        if not book.worksheets:
            raise UnreadableFile(_msg(QT_TRANSLATE_NOOP("Offers", "the workbook has no worksheet")))
        sheet = book.worksheets[0]
        declared = sheet.max_row or 0
        if declared > MAX_ROWS:
            raise UnreadableFile(_too_many_rows(declared))
        sheet.reset_dimensions()
        yield from _rows(sheet)
    finally:
        book.close()


def _rows(sheet: object) -> Generator[Record, None, None]:
    number = 0
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    while True:
        try:
            values = next(rows, None)
        except UnreadableFile:
            raise
        except Exception as error:  # damaged XML or a bad shared-string index
            raise UnreadableFile(
                _msg(
                    QT_TRANSLATE_NOOP("Offers", "the sheet is damaged after row {row} ({reason})"),
                    row=number,
                    reason=error,
                )
            ) from error
        if values is None:
            return
        number += 1
        if number > MAX_ROWS:
            raise UnreadableFile(_too_many_rows(number))
        if len(values) > MAX_COLUMNS and any(v is not None for v in values[MAX_COLUMNS:]):
            yield Record(
                number,
                number,
                (),
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers", "the row has values beyond column {limit}; a price list has fewer"
                    ),
                    limit=MAX_COLUMNS,
                ),
            )
            continue
        yield Record(number, number, tuple(cell_text(v) for v in values[:MAX_COLUMNS]))


def _too_many_rows(count: int) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP(
            "Offers", "the sheet has {count} rows or more; at most {limit} are imported at once"
        ),
        count=count,
        limit=MAX_ROWS,
    )


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV export would carry."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        # The shortest text that reads back as the same float (12.3, not 12.29999),
        # written without an exponent so a price of 1e20 is seen as the number it is.
        if value != value or value in (float("inf"), float("-inf")):
            return repr(value)
        text = format(Decimal(repr(value)), "f")
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()
