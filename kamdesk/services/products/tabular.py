"""Reading the office's tables (1C-style CSV or XLSX) without asking the user how.

CSV: the encoding is UTF-8 (with or without BOM) when the bytes decode as such,
otherwise Windows-1251; the separator is whichever of `;`, `,` or tab splits
the first lines most consistently. XLSX: the first sheet, cell values as
shown. Every row comes back as strings with its 1-based row number in the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kamdesk.textfold import fold

SEPARATORS = (";", ",", "\t")


@dataclass(frozen=True)
class Table:
    rows: list[tuple[int, list[str]]]  # (row number in the file, cells)
    file_format: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""


class UnreadableFile(ValueError):
    pass


def read_table(path: Path) -> Table:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(str(error)) from error
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    return _read_csv(data)


def _read_csv(data: bytes) -> Table:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes almost anything
        raise UnreadableFile("the file is neither UTF-8 nor Windows-1251 text")
    delimiter = _guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [(reader.line_num, [cell.strip() for cell in cells]) for cells in reader]
    return Table(
        rows=rows,
        file_format="csv",
        encoding="utf-8" if encoding == "utf-8-sig" else "cp1251",
        delimiter=delimiter,
    )


def _guess_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()][:20]
    best, best_score = ";", -1.0
    for sep in SEPARATORS:
        counts = [len(next(csv.reader([line], delimiter=sep))) for line in lines]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        # Most lines split into the same, largest number of columns.
        common = max(set(wide), key=wide.count)
        score = wide.count(common) * 100 + common
        if score > best_score:
            best, best_score = sep, score
    return best


def _read_xlsx(data: bytes) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(f"not a readable XLSX workbook ({error})") from error
    try:
        sheet = book.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, [_cell_text(v) for v in values]))
    finally:
        book.close()
    return Table(rows=rows, file_format="xlsx")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # repr gives the shortest text that reads back as the same float (12.3, not 12.29999)
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value).strip()


def parse_decimal(text: str) -> Decimal:
    """«1 234,56», «1234.56», «1 234,56 ₽», «10%» → Decimal; ValueError otherwise."""
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
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def header_key(text: str) -> str:
    """A header reduced to words: «Цена, руб. (без НДС)» → «цена руб без ндс»."""
    kept = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return " ".join(kept.split())
