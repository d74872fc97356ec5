"""The team's reports and figures as table models, and the proxy that filters by KAM.

Both lists are short (a team's reports of a period), so they are plain records
in memory (`RecordTableModel`) behind a `QSortFilterProxyModel`; the period is a
new query (`kamdesk.services.team.team_view`), the KAM a filter of the proxy.
KAMs are keyed by their id as a string («» for the whole team, `UNNAMED` for
reports whose KAM this laptop cannot name): item data is compared by value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from kamdesk.ui.formatting import format_date, format_datetime
from kamdesk.ui.record_model import RecordColumn, RecordTableModel

if TYPE_CHECKING:
    from kamdesk.services.team import KamFigures, TeamReport

CONTEXT = "Team"
ALL = ""  # the whole team
UNNAMED = "unnamed"  # reports whose KAM this laptop cannot name
LATE_COLOR = QColor("#b3261e")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


translate = QCoreApplication.translate


def kam_key(kam_id: Any) -> str:
    return UNNAMED if kam_id is None else str(kam_id)


def kam_label(name: str) -> str:
    return name or translate("Team", "KAM not named")


def yes_no(value: bool | None) -> str:
    if value is None:
        return "—"
    return translate("Team", "yes") if value else translate("Team", "no")


def submitted_text(report: TeamReport, moment: bool = True) -> str:
    """When the report was handed in, «…, late» after its due day (the day alone in the
    list, `moment=False`; the time too in the viewer)."""
    if report.submitted_at is None:
        return ""
    when = (
        format_datetime(report.submitted_at) if moment else format_date(report.submitted_at.date())
    )
    return translate("Team", "%1, late").replace("%1", when) if report.late else when


def report_columns() -> list[RecordColumn[TeamReport]]:
    """The list beside the viewer: who, whom, when, and whether it came in on time (the
    client's mood and the rest are in the viewer)."""
    return [
        RecordColumn(
            lambda: translate("Team", "Visit"),
            lambda r: format_date(r.visit_at.date()),
            tooltip=lambda r: format_datetime(r.visit_at),
        ),
        RecordColumn(
            lambda: translate("Team", "KAM"),
            lambda r: kam_label(r.kam_short_name),
            tooltip=lambda r: r.kam_name,
        ),
        RecordColumn(lambda: translate("Team", "Client"), _client, tooltip=lambda r: r.city),
        RecordColumn(
            lambda: translate("Team", "Objective reached"), lambda r: yes_no(r.objective_reached)
        ),
        RecordColumn(
            lambda: translate("Team", "Submitted"),
            lambda r: submitted_text(r, moment=False),
            tooltip=lambda r: translate("Team", "Due by %1").replace(
                "%1", r.due_on.strftime("%d.%m.%Y")
            ),
            foreground=lambda r: LATE_COLOR if r.late else None,
        ),
        RecordColumn(
            lambda: translate("Team", "Delivered"),
            lambda r: (
                format_datetime(r.delivered_at) if r.delivered_at else translate("Team", "not yet")
            ),
            stretch=True,
        ),
    ]


def _client(report: TeamReport) -> str:
    """A call's report says so in words: «Звонок: ГКБ № 1»."""
    from kamdesk.ui.labels import label
    from kamdesk.vocabulary import VisitChannel

    if report.channel == VisitChannel.CALL:
        return f"{label(VisitChannel.CALL)}: {report.account_name}"
    return report.account_name


def figure_columns() -> list[RecordColumn[KamFigures]]:
    def count(value: int) -> str:
        return str(value)

    return [
        RecordColumn(lambda: translate("Team", "KAM"), lambda f: kam_label(f.kam_name)),
        RecordColumn(
            lambda: translate("Team", "Visits planned"),
            lambda f: count(f.visits_planned),
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: translate("Team", "Held"), lambda f: count(f.visits_held), alignment=RIGHT
        ),
        # Calls are contacts too, counted apart from visits («Визиты 12, звонки 5»).
        RecordColumn(
            lambda: translate("Team", "Calls planned"),
            lambda f: count(f.calls_planned),
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: translate("Team", "Calls held"), lambda f: count(f.calls_held), alignment=RIGHT
        ),
        RecordColumn(
            lambda: translate("Team", "Reports received"),
            lambda f: count(f.reports_submitted),
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: translate("Team", "Submitted late"),
            lambda f: count(f.reports_late),
            foreground=lambda f: LATE_COLOR if f.reports_late else None,
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: translate("Team", "Held, no report yet"),
            lambda f: count(f.reports_missing),
            alignment=RIGHT,
            stretch=True,
        ),
    ]


class KamFilterProxy(QSortFilterProxyModel):
    """Rows of one KAM (or all); the source is a `RecordTableModel` of records with
    a `kam_id`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kam = ALL

    @property
    def kam(self) -> str:
        return self._kam

    def set_kam(self, key: str) -> None:
        if key != self._kam:
            self.beginFilterChange()
            self._kam = key
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._kam == ALL:
            return True
        source = self.sourceModel()
        if not isinstance(source, RecordTableModel) or source_parent.isValid():
            return False
        return kam_key(source.record(source_row).kam_id) == self._kam
