"""The manager's XLSX: a summary sheet with the KPIs, and one row per visit.

Formatted for reading as is: bold frozen header, auto filters, dates as real
dates (dd.mm.yyyy), wrapped long texts, column widths from the content; and for
printing: landscape A4 as wide as the page, the header row on every page, the
summary on one page of its own. Every
cell is written by kamdesk.documents.spreadsheet.put: typed text stays text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kamdesk.documents.spreadsheet import put
from kamdesk.documents.visits.labels import TEXT, check_language, pick
from kamdesk.documents.visits.report_table import (
    filter_lines,
    headers,
    kpi_lines,
    title,
    visit_cells,
)
from kamdesk.services.formatting import share_value
from kamdesk.services.visits.export import ManagerExport

HEADER_FILL = "DCE6F1"
# Columns of free text: wrapped at WIDE (characters), the rest sized to their content;
# headers wrap, so a long header does not widen a column of short values.
WIDE, NARROW_MIN, HEADER_WORD = 28, 7, 2
LINE_POINTS = 13.5  # the height of a line of the default 11 pt font
DATE_FORMAT = "DD.MM.YYYY"
TIME_FORMAT = "HH:MM"
MOMENT_FORMAT = "DD.MM.YYYY HH:MM"


def write_visits_xlsx(export: ManagerExport, path: Path, language: str = "ru") -> Path:
    from openpyxl import Workbook

    check_language(language)
    workbook = Workbook()
    summary = workbook.active
    summary.title = pick(TEXT["summary_sheet"], language)
    _summary(summary, export, language)
    visits = workbook.create_sheet(pick(TEXT["visits_sheet"], language))
    _visits(visits, export, language)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _lines(text: str, width: float) -> int:
    room = max(1, int(width) - 1)
    return sum(max(1, -(-len(part) // room)) for part in text.splitlines()) or 1


def _print_setup(sheet: Any, whole_page: bool) -> None:
    """Landscape A4, as wide as the page (the summary on one page of its own), with
    narrow margins and page numbers in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1 if whole_page else 0  # 0: as many pages as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = not whole_page
    for side in ("left", "right", "top", "bottom"):
        setattr(sheet.page_margins, side, 0.4)
    sheet.oddFooter.center.text = "&P / &N"


def _header(sheet: Any, row: int, values: list[str]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="9AA5B1")
    for column, value in enumerate(values, start=1):
        cell = put(sheet, row, column, value)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = Border(bottom=thin)


def _summary(sheet: Any, export: ManagerExport, language: str) -> None:
    from openpyxl.styles import Font

    put(sheet, 1, 1, title(export, language)).font = Font(bold=True, size=13)
    notes = filter_lines(export, language)
    for offset, note in enumerate(notes):
        put(sheet, 2 + offset, 1, note)
    header_row = 3 + len(notes)
    _header(
        sheet,
        header_row,
        [pick(TEXT[key], language) for key in ("indicator", "value", "out_of", "share")],
    )
    for offset, line in enumerate(kpi_lines(export.kpis, language), start=1):
        row = header_row + offset
        put(sheet, row, 1, line.label)
        put(sheet, row, 2, line.value)
        put(sheet, row, 3, line.out_of)
        cell = put(sheet, row, 4, None if line.share is None else share_value(line.share))
        cell.number_format = "0%"  # rounded half up beforehand: the PDF's figure
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    _print_setup(sheet, whole_page=True)
    sheet.column_dimensions["A"].width = 55
    for letter in "BCD":
        sheet.column_dimensions[letter].width = 12


def _visits(sheet: Any, export: ManagerExport, language: str) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    names = headers(language)
    _header(sheet, 1, names)
    widths = [
        max(NARROW_MIN, max(len(word) for word in name.split()) + HEADER_WORD) for name in names
    ]
    wide = [False] * len(names)
    texts: list[list[str]] = [names]
    for row_index, row in enumerate(export.rows, start=2):
        texts.append([])
        for column, value in enumerate(visit_cells(row, language), start=1):
            cell = put(sheet, row_index, column, value)
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str))
            if column == 1:
                cell.number_format = DATE_FORMAT
            elif column == 2:
                cell.number_format = TIME_FORMAT
            elif hasattr(value, "hour") and hasattr(value, "day"):
                cell.number_format = MOMENT_FORMAT
            text = value if isinstance(value, str) else str(value or "")
            texts[-1].append(text)
            longest = max((len(part) for part in text.splitlines()), default=0)
            widths[column - 1] = max(widths[column - 1], min(longest + 2, WIDE))
            wide[column - 1] = wide[column - 1] or longest > WIDE
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        widths[column - 1] = WIDE if wide[column - 1] else width
        sheet.column_dimensions[letter].width = widths[column - 1]
    for row_index, cells in enumerate(texts, start=1):
        # Spreadsheets do not grow a row to its wrapped text on their own: as tall as
        # its longest cell at the width chosen.
        lines = max(_lines(text, widths[i]) for i, text in enumerate(cells))
        sheet.row_dimensions[row_index].height = LINE_POINTS * lines + 3
    sheet.freeze_panes = "B2"  # the header and the date stay in view
    _print_setup(sheet, whole_page=False)
    sheet.print_title_rows = "1:1"  # the header on every printed page
    last = get_column_letter(len(names))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(export.rows)) + 1}"
