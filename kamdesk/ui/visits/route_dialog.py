"""The day's route in the shortest order, shown before anything moves.

The number, the times and the travel minutes are short: their columns fit their
header and their cells («Дорога, мин» whole, in Russian too). The client takes the
rest of the width, cut with «…» only when a name is longer than a wide dialog; its
tooltip then gives the whole name. The dialog opens as wide as its names need, up to
`MAX_WIDTH` (well within a 1366-pixel screen).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import DEFAULT_TIME_ZONE, RoutePlan
from kamdesk.ui.formatting import format_date, format_number
from kamdesk.ui.header_fit import header_text_width
from kamdesk.ui.visits.common import hhmm

NUMBER, CLIENT, NOW, PROPOSED, TRAVEL = range(5)
MIN_WIDTH, MAX_WIDTH, HEIGHT = 640, 900, 360
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RouteDialog(QDialog):
    """Accepting it means: move the visits to the proposed times."""

    def __init__(
        self, plan: RoutePlan, parent: QWidget | None = None, tz: str = DEFAULT_TIME_ZONE
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routeDialog")
        self.plan = plan
        self.setWindowTitle(self.tr("Route for %1").replace("%1", format_date(plan.day)))
        self.table = QTableWidget(len(plan.stops), 5)
        self.table.setObjectName("routeTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Client"),
                self.tr("Now"),
                self.tr("Proposed"),
                self.tr("Travel, min"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        for row, stop in enumerate(plan.stops):
            values = [
                str(row + 1),
                stop.account_name,
                hhmm(stop.current_start, tz),
                hhmm(stop.proposed_start, tz),
                str(stop.travel_min),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (NUMBER, TRAVEL):
                    item.setTextAlignment(RIGHT)
                if column == CLIENT:
                    item.setToolTip(value)  # the whole name where the column cuts it
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (NUMBER, NOW, PROPOSED, TRAVEL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CLIENT, QHeaderView.ResizeMode.Stretch)
        summary = self.tr("Straight-line distance: %1 km now, %2 km in this order.")
        summary = summary.replace("%1", format_number(plan.current_distance_km, 1)).replace(
            "%2", format_number(plan.distance_km, 1)
        )
        if plan.skipped:
            summary += " " + self.tr(
                "%n visit(s) without coordinates stay where they are.", "", len(plan.skipped)
            )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Move the visits"))
        ok.setEnabled(len(plan.stops) > 1)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.summary)
        self.body.addWidget(buttons)
        self.resize(self._wanted_width(), HEIGHT)

    def _wanted_width(self) -> int:
        """Wide enough for every column's header and cells, the client's whole name
        included, between MIN_WIDTH and MAX_WIDTH."""
        self.ensurePolished()  # the style sheet's fonts and paddings, before measuring
        table, header = self.table, self.table.horizontalHeader()
        columns = sum(
            max(table.sizeHintForColumn(column), header_text_width(header, column))
            for column in range(table.columnCount())
        )
        margins = self.body.contentsMargins()
        scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = columns + 2 * table.frameWidth() + scroll_bar + margins.left() + margins.right()
        return max(MIN_WIDTH, min(room, MAX_WIDTH))
