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

from kamdesk.services.formatting import NBSP as GROUP_SEPARATOR  # the thousands one

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


MIN_FIGURE_SIZE = 5.5  # points: below this a figure is broken between digit groups


def fit_figures(
    rows: list[list[Any]],
    widths: list[float],
    columns: range | tuple[int, ...],
    font: str,
    size: float,
    padding: float,
    first_row: int = 1,
    last_row: int | None = None,
) -> list[tuple[Any, ...]]:
    """A figure (an amount, a quantity) is never cut and never runs into the next
    column: one wider than its column's room (`widths` minus `padding`, in points) is set
    smaller, down to MIN_FIGURE_SIZE, and beyond that broken between its digit groups
    onto as many lines as it needs. Changes the cells of `rows` from `first_row` to
    `last_row` (inclusive; default the last) in place; returns the TableStyle commands
    for the sizes."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    commands: list[tuple[Any, ...]] = []
    end = len(rows) - 1 if last_row is None else last_row
    for row in range(first_row, end + 1):
        for column in columns:
            text = rows[row][column]
            if not isinstance(text, str) or "\n" in text:
                continue
            room = widths[column] - padding
            lines, groups = [text], text.split(GROUP_SEPARATOR)
            while True:
                widest = max(stringWidth(line, font, size) for line in lines)
                fitted = min(size, size * room / widest) if widest else size
                if fitted >= MIN_FIGURE_SIZE or len(lines) >= len(groups):
                    break
                lines = _in_lines(groups, len(lines) + 1)
            if fitted >= size and len(lines) == 1:
                continue
            fitted = max(int(fitted * 4) / 4, 1.0)  # a quarter point under the exact fit
            rows[row][column] = "\n".join(lines)
            cell = (column, row)
            commands.append(("FONTSIZE", cell, cell, fitted))
            commands.append(("LEADING", cell, cell, fitted * 1.2))
    return commands


def _in_lines(groups: list[str], count: int) -> list[str]:
    """Digit groups on `count` lines, the first line the shortest («1», «234 567»)."""
    per_line, extra = divmod(len(groups), count)
    lines: list[str] = []
    start = 0
    for index in range(count):
        taken = per_line + (1 if index >= count - extra else 0)
        lines.append(GROUP_SEPARATOR.join(groups[start : start + taken]))
        start += taken
    return [line for line in lines if line]
