"""Item models of the visits section: the list view's table and the day view's timeline
(each visit preceded by the leg that leads to it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from kamdesk.services.visits import DEFAULT_TIME_ZONE, Leg, VisitRow, VisitStatus
from kamdesk.ui.colors import MUTED_TEXT
from kamdesk.ui.formatting import format_date
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.visits.common import (
    DANGER_COLOR,
    READINESS_COLORS,
    WARNING_COLOR,
    cancel_note,
    client_line,
    hhmm,
    is_ended,
    local,
    planned_note,
    readiness_text,
    shown_times,
    status_label,
)

AnyIndex = QModelIndex | QPersistentModelIndex
VISIT_ID = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def visit_columns(tz: str = DEFAULT_TIME_ZONE) -> list[RecordColumn[VisitRow]]:
    def readiness(row: VisitRow) -> str:
        if row.readiness is None:
            return ""
        return readiness_text(row.readiness)

    def readiness_color(row: VisitRow) -> QColor | None:
        return READINESS_COLORS[row.readiness.level] if row.readiness else None

    def objective_tip(row: VisitRow) -> str:
        # The list has no room for the objective column at 1366 px (list_layout).
        if not row.objective:
            return client_line(row)
        objective = QCoreApplication.translate("VisitListModel", "Objective: %1")
        return f"{client_line(row)}\n{objective.replace('%1', row.objective)}"

    def status_color(row: VisitRow) -> QColor | None:
        return MUTED_TEXT if is_ended(row.status) else None

    return [
        RecordColumn(
            lambda: QCoreApplication.translate("VisitListModel", "Date"),
            lambda r: format_date(local(r.shown_start, tz).date()),
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("VisitListModel", "Time"),
            lambda r: shown_times(r, tz),
            tooltip=lambda r: planned_note(r, tz),  # a held one shows when it was held
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("VisitListModel", "Client"),
            client_line,
            tooltip=objective_tip,
            foreground=status_color,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("VisitListModel", "Status"),
            lambda r: status_label(r.status, r.delivered),
            tooltip=cancel_note,  # why a cancelled one was
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("VisitListModel", "Readiness"),
            readiness,
            foreground=readiness_color,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("VisitListModel", "Min"),
            lambda r: str(r.shown_duration_min),
            tooltip=lambda r: planned_note(r, tz),
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("VisitListModel", "Objective"),
            lambda r: r.objective,
            stretch=True,
        ),
    ]


def visit_list_model(rows: list[VisitRow], parent: Any = None) -> RecordTableModel[VisitRow]:
    return RecordTableModel[VisitRow](rows, visit_columns(), parent)


@dataclass(frozen=True)
class DayEntry:
    visit: VisitRow
    is_leg: bool  # the way to the visit rather than the visit itself


class DayModel(QAbstractListModel):
    """One day: a leg line (travel, departure, warnings) before each visit that has one."""

    def __init__(self, parent: Any = None, tz: str = DEFAULT_TIME_ZONE) -> None:
        super().__init__(parent)
        self._tz = tz
        self._entries: list[DayEntry] = []

    def set_visits(self, rows: list[VisitRow]) -> None:
        self.beginResetModel()
        self._entries = []
        for row in rows:
            if row.leg is not None and not is_ended(row.status):
                self._entries.append(DayEntry(row, True))
            self._entries.append(DayEntry(row, False))
        self.endResetModel()

    def entry(self, row: int) -> DayEntry:
        return self._entries[row]

    def row_of(self, visit_id: uuid.UUID) -> int | None:
        for index, entry in enumerate(self._entries):
            if not entry.is_leg and entry.visit.id == visit_id:
                return index
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        if not self._entries[index.row()].is_leg:
            flags |= Qt.ItemFlag.ItemIsSelectable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        row = entry.visit
        if role == VISIT_ID:
            return row.id
        if entry.is_leg:
            return self._leg_data(row.leg, role) if row.leg else None
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{shown_times(row, self._tz)}  {client_line(row)}"
            parts = [status_label(row.status, row.delivered)]
            if row.readiness is not None:
                parts.append(readiness_text(row.readiness))
            if row.place:
                parts.append(row.place)
            return f"{text}\n{' · '.join(parts)}"
        if role == Qt.ItemDataRole.DecorationRole and row.readiness is not None:
            return READINESS_COLORS[row.readiness.level]
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(is_ended(row.status))
            return font
        if role == Qt.ItemDataRole.ForegroundRole and is_ended(row.status):
            return MUTED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = (planned_note(row, self._tz), cancel_note(row), row.objective)
            return "\n".join(t for t in notes if t) or None
        return None

    def _leg_data(self, leg: Leg, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "      ↓ " + self.leg_text(leg)
        if role == Qt.ItemDataRole.ForegroundRole:
            if leg.overlaps or leg.unreachable:
                return DANGER_COLOR
            return WARNING_COLOR if leg.too_tight else MUTED_TEXT
        return None

    def leg_text(self, leg: Leg) -> str:
        parts = []
        if leg.travel_min is None:
            parts.append(self.tr("travel time unknown"))
        else:
            travel = self.tr("%1 min on the way").replace("%1", str(leg.travel_min))
            if leg.travel_overridden:
                travel += " " + self.tr("(entered by hand)")
            parts.append(travel)
        if leg.departure_at is not None:
            parts.append(self.tr("leave at %1").replace("%1", hhmm(leg.departure_at, self._tz)))
        if leg.overlaps:
            parts.append(self.tr("OVERLAPS the previous visit"))
        elif leg.unreachable:
            parts.append(self.tr("LATE by %1 min").replace("%1", str(leg.late_by_min)))
        elif leg.too_tight:
            parts.append(self.tr("gap too short by %1 min").replace("%1", str(leg.short_by_min)))
        return " · ".join(parts)


def planned(rows: list[VisitRow]) -> list[VisitRow]:
    return [row for row in rows if row.status == VisitStatus.PLANNED]
