"""Writing cells of a workbook so that what a KAM typed stays data.

Every cell of every XLSX KAMdesk writes goes through `put`. A text that a
spreadsheet would take for a formula (it starts with «=», «+», «-», «@», a tab
or a carriage return: OWASP's "CSV injection") is stored as a string and marked
with Excel's quote prefix, so neither opening the file nor editing the cell
turns it into one; `=HYPERLINK(...)` in an account name stays those characters.
Numbers, dates and times stay what they are. KAMdesk writes no formulas today;
one written on purpose would be a separate, explicit function.

Characters an XLSX cannot hold (C0 controls other than tab, line feed and
carriage return) become spaces instead of failing the export, and a text
longer than a cell holds (32 767 characters) is cut with «…».
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")  # and full-width
CELL_LIMIT = 32_767  # characters: Excel refuses to open a file with a longer cell
ELLIPSIS = "…"


def put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write `value` at (row, column) of an openpyxl sheet as data; returns the cell."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = cell_text(value)
        cell.value = text
        if text.startswith(FORMULA_STARTS):
            cell.data_type = "s"  # openpyxl would store a leading «=» as a formula
            cell.quotePrefix = True  # and Excel or Calc would parse it again on editing
    else:
        cell.value = value
    return cell


def cell_text(value: str) -> str:
    """`value` as a spreadsheet can hold it: no illegal controls, not over the cell limit."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub(" ", value)
    if len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - 1] + ELLIPSIS
    return text
