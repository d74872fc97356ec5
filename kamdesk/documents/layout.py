"""Layout rules every PDF follows so that text of any length finds its place.

A table row taller than a page stops reportlab with LayoutError, and a cell's
text can be as long as a KAM likes (a 10 000-character product name, a pasted
e-mail as a note). Every table of a document is therefore a `flowing_table`:
its rows break between pages, inside a row if need be, and paragraphs break
long words (reportlab's splitLongWords, on by default). One-line texts drawn
straight on the canvas (the footer, the map's boxes) are cut to their room
with «…»; the whole text is always in the document's body.
"""

from __future__ import annotations

from typing import Any

ELLIPSIS = "…"


def flowing_table(rows: list[list[Any]], **options: Any) -> Any:
    """A reportlab Table whose rows may split across pages, even within a row."""
    from reportlab.platypus import Table

    return Table(rows, splitByRow=1, splitInRow=1, **options)


def fit_width(value: str, font: str, size: float, width: float) -> str:
    """`value` on one line of `width` points, cut with «…» when it is longer."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    value = " ".join((value or "").split())
    if stringWidth(value, font, size) <= width:
        return value
    # Binary search on the length: the text can be thousands of characters long.
    low, high = 0, len(value)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(value[:middle] + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    kept = value[:low].rstrip()
    return kept + ELLIPSIS if kept else ""
