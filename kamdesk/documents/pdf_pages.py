"""Page furniture shared by documents: «Страница N из M», the «ПРОЕКТ» watermark, annexes.

Annexes are PDF files appended after the document's own pages; the numbering
runs through them, so the footer of page 1 already counts the annex pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamdesk.documents.fonts import FAMILY
from kamdesk.documents.layout import fit_width
from kamdesk.documents.watermark import draw_watermark

WATERMARK = "ПРОЕКТ"


@dataclass(frozen=True)
class Furniture:
    reference: str  # left of the footer: «КП-2026-7FK-0042, ред. 2»
    draft: bool
    extra_pages: int  # annex pages that follow the document's own


def count_pages(paths: list[Path]) -> list[int]:
    from pypdf import PdfReader

    return [len(PdfReader(str(path)).pages) for path in paths]


def draw_furniture(canvas: Any, furniture: Furniture, page: int, total: int) -> None:
    """Footer and, for drafts, the watermark, on the canvas's current page."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width = canvas._pagesize[0]
    canvas.saveState()
    if furniture.draft:
        canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.18))
        draw_watermark(canvas, WATERMARK, 110, 52)
    canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
    canvas.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
    canvas.setLineWidth(0.4)
    canvas.line(12 * mm, 11 * mm, width - 12 * mm, 11 * mm)
    canvas.setFont(FAMILY, 7.5)
    page_label = f"Страница {page} из {total}"
    room = width - 24 * mm - canvas.stringWidth(page_label, FAMILY, 7.5) - 8 * mm
    canvas.drawString(12 * mm, 7 * mm, fit_width(furniture.reference, FAMILY, 7.5, room))
    canvas.drawRightString(width - 12 * mm, 7 * mm, page_label)
    canvas.restoreState()


def numbered_canvas(furniture: Furniture) -> Callable[..., Any]:
    """A canvas class that draws the furniture once the page count is known."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without it every page's stream names Helvetica, a font that is not embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FAMILY
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved) + furniture.extra_pages
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                draw_furniture(self, furniture, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def append_annexes(
    document_pdf: bytes, annexes: list[Path], furniture: Furniture, target: Path
) -> int:
    """Write the document followed by the annexes, each annex page numbered; returns pages."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    writer = PdfWriter()
    own = PdfReader(io.BytesIO(document_pdf))
    for page in own.pages:
        writer.add_page(page)
    annex_pages = [page for path in annexes for page in PdfReader(str(path)).pages]
    total = len(own.pages) + len(annex_pages)
    if annex_pages:
        overlay_buffer = io.BytesIO()
        overlay = Canvas(overlay_buffer, initialFontName=FAMILY)
        for index, page in enumerate(annex_pages):
            box = page.mediabox
            overlay.setPageSize((float(box.width), float(box.height)))
            draw_furniture(overlay, furniture, len(own.pages) + index + 1, total)
            overlay.showPage()
        overlay.save()
        stamps = PdfReader(io.BytesIO(overlay_buffer.getvalue())).pages
        for page, stamp in zip(annex_pages, stamps, strict=True):
            added = writer.add_page(page)
            added.merge_translated_page(
                stamp, float(page.mediabox.left), float(page.mediabox.bottom)
            )
    writer.add_metadata(dict(own.metadata or {}))
    with target.open("wb") as file:
        writer.write(file)
    return total
