"""The day's route in the shortest order, shown before anything moves."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import DEFAULT_TIME_ZONE, RoutePlan
from kamdesk.ui.formatting import format_date, format_number
from kamdesk.ui.visits.common import hhmm


class RouteDialog(QDialog):
    """Accepting it means: move the visits to the proposed times."""

    def __init__(
        self, plan: RoutePlan, parent: QWidget | None = None, tz: str = DEFAULT_TIME_ZONE
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routeDialog")
        self.plan = plan
        self.setWindowTitle(self.tr("Route for %1").replace("%1", format_date(plan.day)))
        self.resize(640, 360)
        self.table = QTableWidget(len(plan.stops), 5)
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
        for row, stop in enumerate(plan.stops):
            values = [
                str(row + 1),
                stop.account_name,
                hhmm(stop.current_start, tz),
                hhmm(stop.proposed_start, tz),
                str(stop.travel_min),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
