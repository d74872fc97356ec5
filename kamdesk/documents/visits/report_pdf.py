"""The manager's report as PDF: the KPIs, then one table row per visit (landscape A4).

The same cells as the XLSX (report_table), fewer columns: the ones a manager
reads on paper. The XLSX carries every field.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from kamdesk.documents.fonts import noting_unprintable, register_fonts
from kamdesk.documents.layout import flowing_table
from kamdesk.documents.pdf_pages import Furniture, numbered_canvas
from kamdesk.documents.printed import PrintedFile, gathered, unprintable_warning
from kamdesk.documents.visits.labels import TEXT, VISIT_COLUMNS, check_language, pick
from kamdesk.documents.visits.pdf_common import grid_style, styles, text
from kamdesk.documents.visits.report_table import (
    Cell,
    filter_lines,
    kpi_lines,
    title,
    visit_cells,
)
from kamdesk.services.formatting import share
from kamdesk.services.visits.export import ManagerExport

# Column key and its share of the page width.
PDF_COLUMNS = (
    ("date", 0.07),
    ("channel", 0.05),  # «звонок» for a call: the manager tells them from visits
    ("account", 0.10),
    ("status", 0.06),
    ("objective", 0.09),
    ("attendees", 0.12),
    ("outcome", 0.11),
    ("agreements", 0.08),
    ("products", 0.08),
    ("objections", 0.08),
    ("next_steps", 0.10),
    ("sentiment", 0.06),
)


def print_visits_pdf(export: ManagerExport, target: Path, language: str = "ru") -> PrintedFile:
    """Write the manager's report to `target`: the file, its pages and its warnings."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    check_language(language)
    register_fonts()
    st = styles(9)
    buffer = io.BytesIO()
    page = landscape(A4)
    document = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=15 * mm,
        title=title(export, language),
        creator="KAMdesk",
    )
    heading = title(export, language)
    story: list[Any] = [Paragraph(text(heading), st["title"])]
    for note in filter_lines(export, language):
        story.append(Paragraph(text(note), st["small"]))
    kpi_rows: list[list[Any]] = [
        [
            Paragraph(pick(TEXT[key], language), st["head"])
            for key in ("indicator", "value", "out_of", "share")
        ]
    ]
    for line in kpi_lines(export.kpis, language):
        kpi_rows.append(
            [
                Paragraph(text(line.label), st["cell"]),
                str(line.value),
                "" if line.out_of is None else str(line.out_of),
                share(line.share, language),
            ]
        )
    story.append(flowing_table(kpi_rows, colWidths=[110 * mm, 20 * mm, 20 * mm, 20 * mm],
                               hAlign="LEFT", style=grid_style()))  # fmt: skip
    story.append(Spacer(1, 5 * mm))
    keys = list(VISIT_COLUMNS)
    width = page[0] - 20 * mm
    rows: list[list[Any]] = [
        [Paragraph(pick(VISIT_COLUMNS[key], language), st["head"]) for key, _ in PDF_COLUMNS]
    ]
    for row in export.rows:
        cells = visit_cells(row, language)
        by_key = dict(zip(keys, cells, strict=True))
        by_key["date"] = f"{row.starts_at:%d.%m.%Y %H:%M}"
        rows.append([Paragraph(text(_show(by_key[key])), st["cell"]) for key, _ in PDF_COLUMNS])
    story.append(
        flowing_table(rows, colWidths=[share * width for _, share in PDF_COLUMNS],
                      style=grid_style(), repeatRows=1)
    )  # fmt: skip
    furniture = Furniture(heading, False, 0)
    with noting_unprintable() as unprintable:
        document.build(story, canvasmaker=numbered_canvas(furniture))
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())
    return PrintedFile(target, document.page, gathered(unprintable_warning(unprintable)))


def write_visits_pdf(export: ManagerExport, target: Path, language: str = "ru") -> Path:
    """`print_visits_pdf` for callers that only want the path; warnings go to the log."""
    printed = print_visits_pdf(export, target, language)
    printed.log_warnings()
    return printed.path


def _show(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)
