"""Opening a price list: CSV or XLSX, its encoding and separator, and its header row.

The separator is the one of `;`, `,` and tab under which one of the top rows is
recognised as the header (see price_rows.find_header), not a count of
characters: a decimal comma in a `;` file cannot mislead it, and a file where
no separator gives a header is refused with that reason.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.products.price_rows import (
    HEADER_ROWS,
    AmbiguousHeader,
    Header,
    find_header,
)
from kamdesk.services.products.tabular import (
    SEPARATORS,
    Record,
    UnreadableFile,
    csv_records,
    decode_text,
    read_bounded,
)
from kamdesk.services.products.xlsx import MAX_ROWS, is_old_excel, is_zip, xlsx_records

CHUNK = 500  # rows between progress reports and cancel checks


class ImportStage(StrEnum):
    READING = "reading"
    CHECKING = "checking"
    WRITING = "writing"


Progress = Callable[[ImportStage, int, int], None]  # (stage, done, total); total 0: unknown
ShouldStop = Callable[[], bool]


class ImportCancelled(Exception):
    """The user stopped the preview or the import; nothing was written."""


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


@dataclass
class PriceFile:
    """A price list opened: what it is, its header, and its rows still to read."""

    file_format: str
    encoding: str
    delimiter: str
    header: Header
    records: Generator[Record, None, None]
    total: int  # records expected, for progress (0 when unknown)


def open_price_file(path: Path) -> PriceFile:
    """The file read and its header found; UnreadableFile or AmbiguousHeader otherwise."""
    data = read_bounded(path)
    if is_old_excel(data):
        raise UnreadableFile(
            _msg(QT_TRANSLATE_NOOP("Offers", "an old Excel .xls file: save it as .xlsx or CSV"))
        )
    if is_zip(data):
        records = xlsx_records(data)
        try:
            top = [r for _, r in zip(range(HEADER_ROWS * 4), records, strict=False)]
            first = [r for r in top if not r.is_blank]
            header = find_header(first)
            if header is None:
                raise UnreadableFile(_no_header())
        except BaseException:
            records.close()  # closes the workbook
            raise
        rest = _chain(first[header.index + 1 :], records)
        return PriceFile("xlsx", "", "", header, rest, 0)
    text, encoding = decode_text(data)
    found: list[tuple[str, Header]] = []
    ambiguity: AmbiguousHeader | None = None
    for separator in SEPARATORS:
        top = _top_records(text, separator)
        try:
            header = find_header(top)
        except AmbiguousHeader as error:
            ambiguity = ambiguity or error
            continue
        if header is not None:
            found.append((separator, header))
    if not found:
        if ambiguity is not None:
            raise ambiguity
        raise UnreadableFile(_no_header())
    separator, header = max(found, key=lambda f: (len(f[1].positions), f[1].width))
    records = (r for r in csv_records(text, separator) if r.first_line > header.row_number)
    return PriceFile("csv", encoding, separator, header, records, text.count("\n") + 1)


def _top_records(text: str, separator: str) -> list[Record]:
    top: list[Record] = []
    for record in csv_records(text, separator):
        if not record.is_blank:
            top.append(record)
        if len(top) >= HEADER_ROWS:
            break
    return top


def _chain(
    first: list[Record], rest: Generator[Record, None, None]
) -> Generator[Record, None, None]:
    yield from first
    yield from rest


def _no_header() -> Message:
    return _msg(
        QT_TRANSLATE_NOOP(
            "Offers",
            "no header row with the columns «Артикул», «Наименование» and «Цена» "
            "in the first 15 rows",
        )
    )


def read_rows(table: PriceFile, should_stop: ShouldStop, progress: Progress) -> list[Record]:
    """The rows below the header, blank ones left out, within `MAX_ROWS`."""
    records: list[Record] = []
    for record in table.records:
        if record.is_blank:
            continue
        records.append(record)
        if len(records) > MAX_ROWS:
            raise UnreadableFile(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers", "the file has more than {limit} rows; import it in parts"
                    ),
                    limit=MAX_ROWS,
                )
            )
        if len(records) % CHUNK == 0:
            if should_stop():
                raise ImportCancelled
            progress(ImportStage.READING, record.last_line, table.total)
    return records
