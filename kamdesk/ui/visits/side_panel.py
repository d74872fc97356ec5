"""Beside the calendar: open follow-ups (tick to close, overdue in red) and the clients
overdue for a visit by their ABC class's frequency target (field guide §2, §7).

The follow-up list is never cleared while its own itemChanged is being handled
(the ticked item would be deleted under Qt's feet): new rows arriving then are
put in once the handler has returned.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QListWidget, QListWidgetItem, QTableView, QWidget

from kamdesk.services.visits import FollowUpRow, OverdueAccount, set_follow_up_done
from kamdesk.services.workspace import Workspace
from kamdesk.ui.formatting import format_date
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.visits.common import DANGER_COLOR, local

TASK_ID = Qt.ItemDataRole.UserRole + 1


class FollowUpList(QListWidget):
    """Open follow-up tasks by due date; ticking one marks it done."""

    done_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUps")
        self._workspace = workspace
        self._filling = False
        self._in_own_signal = False
        self._later: list[FollowUpRow] | None = None  # rows that arrived during a tick
        self.setWordWrap(True)
        self.itemChanged.connect(self._ticked)

    def set_rows(self, rows: list[FollowUpRow]) -> None:
        if self._in_own_signal:
            if self._later is None:
                QTimer.singleShot(0, self, self._set_later_rows)
            self._later = list(rows)
            return
        self._filling = True
        self.clear()
        for row in rows:
            due = format_date(row.due_on) if row.due_on else self.tr("no date")
            item = QListWidgetItem(f"{due} · {row.account_name}\n{row.title}")
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if row.done_at else Qt.CheckState.Unchecked)
            item.setData(TASK_ID, row.id)
            if row.details:
                item.setToolTip(row.details)
            if row.overdue:
                item.setForeground(QBrush(DANGER_COLOR))
                item.setText(item.text() + "  " + self.tr("(overdue)"))
            self.addItem(item)
        self._filling = False

    def _set_later_rows(self) -> None:
        rows, self._later = self._later, None
        if rows is not None:
            self.set_rows(rows)

    def _ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        task_id: uuid.UUID = item.data(TASK_ID)
        done = item.checkState() == Qt.CheckState.Checked
        self._in_own_signal = True  # `item` is still in Qt's hands
        try:
            set_follow_up_done(self._workspace.store, task_id, done)
            self.done_changed.emit()
        finally:
            self._in_own_signal = False


def overdue_columns(tz: str) -> list[RecordColumn[OverdueAccount]]:
    # The last visit and the days overdue share a column: five columns did not fit the
    # side panel at 1366 px, and «Последний визит» was cut to «Послед».
    def last_visit(row: OverdueAccount) -> str:
        if row.last_visit_at is None:
            return QCoreApplication.translate("OverdueAccounts", "never visited")
        shown = format_date(local(row.last_visit_at, tz).date())
        if not row.days_overdue:
            return shown
        return (
            QCoreApplication.translate("OverdueAccounts", "%1, +%2 d")
            .replace("%1", shown)
            .replace("%2", str(row.days_overdue))
        )

    def overdue_tip(row: OverdueAccount) -> str:
        if row.days_overdue is None:
            return QCoreApplication.translate("OverdueAccounts", "Never visited: due now")
        return QCoreApplication.translate("OverdueAccounts", "Days overdue: %1").replace(
            "%1", str(row.days_overdue)
        )

    return [
        RecordColumn(
            lambda: QCoreApplication.translate("OverdueAccounts", "Client"),
            lambda r: (
                QCoreApplication.translate("OverdueAccounts", "%1 — win back").replace("%1", r.name)
                if r.win_back
                else r.name
            ),
            tooltip=lambda r: r.name,  # the column may elide a long official name
            stretch=True,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("OverdueAccounts", "ABC"), lambda r: r.abc_class
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("OverdueAccounts", "Last visit"),
            last_visit,
            tooltip=overdue_tip,
            foreground=lambda r: DANGER_COLOR,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("OverdueAccounts", "Planned"),
            lambda r: format_date(local(r.next_visit_at, tz).date()) if r.next_visit_at else "",
        ),
    ]


NAME_MIN_WIDTH = 170


class OverdueTable(QTableView):
    """Double-click (or Enter) plans a visit to the client. One model for its life:
    each load puts its rows into it, and the selected client stays selected."""

    plan_requested = Signal(object)  # account id

    def __init__(self, tz: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overdueAccounts")
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(False)
        self.model_ = RecordTableModel[OverdueAccount]([], overdue_columns(tz), self)
        self.setModel(self.model_)
        self.activated.connect(self._activated)

    def set_rows(self, rows: list[OverdueAccount]) -> None:
        current = self.currentIndex()
        chosen = self.model_.record(current.row()).account_id if current.isValid() else None
        self.model_.set_records(rows)
        again = next((i for i, r in enumerate(rows) if r.account_id == chosen), None)
        if again is not None:
            self.selectRow(again)
        self.resizeColumnsToContents()
        self._fit_name()

    def _fit_name(self) -> None:
        """The client's name gets what the other columns leave, never less than
        NAME_MIN_WIDTH (then the table scrolls sideways): names are elided with a
        tooltip, not crushed to «Г… «…»»."""
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(1, header.count()))
        if self.viewport().width() - others >= NAME_MIN_WIDTH:
            # Stretched, the name ends exactly at the edge (a computed width was a pixel
            # over whenever the vertical scrollbar came and went).
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(0, NAME_MIN_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_name()

    def _activated(self, index: object) -> None:
        row = self.currentIndex().row()
        if 0 <= row < self.model_.rowCount():
            self.plan_requested.emit(self.model_.record(row).account_id)
