"""Column widths of the visits list in its half of a 1366-pixel window.

About 680 px are left beside the checklist: the seven columns at their one-line
widths need some 1000, so the list scrolled sideways and the readiness header
read «Г». The short columns fit their contents, the status and readiness wrap
onto a second line rather than being cut, the client takes what is left, and
the objective (free text, often long) is in the client's tooltip instead of a
column of its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from kamdesk.ui.header_fit import StretchFloor, header_text_width

DATE, TIME, CLIENT, STATUS, READINESS, MINUTES, OBJECTIVE = range(7)
# Widest a wrapping column gets: «Сдан, ждёт синхронизации» and «84 % · почти готов»
# take two lines there, and the client keeps about 250 px.
# In a 1024 px window the client keeps CLIENT_FLOOR and the list scrolls sideways.
WRAP_WIDTHS = {STATUS: 125, READINESS: 110}
CLIENT_FLOOR = 200


def lay_out_visit_list(table: QTableView) -> None:
    """Resize modes of the list, set once: rows as tall as their wrapped text."""
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in (DATE, TIME, MINUTES):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    for column in WRAP_WIDTHS:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    StretchFloor(header, CLIENT, CLIENT_FLOOR)  # kept by the header, its parent
    table.setColumnHidden(OBJECTIVE, True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def fit_visit_list(table: QTableView) -> None:
    """After new rows: each wrapping column as wide as its widest line, up to its cap,
    and never narrower than its header text."""
    header = table.horizontalHeader()
    for column, cap in WRAP_WIDTHS.items():
        width = min(table.sizeHintForColumn(column), cap)
        header.resizeSection(column, max(width, header_text_width(header, column)))
