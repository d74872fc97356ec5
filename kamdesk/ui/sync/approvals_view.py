"""The manager's «Согласования»: the team's offers waiting, approve or reject with a comment.

Shown only on a laptop enrolled with the manager role. Each line: the offer,
the client, who asks, the amount, and the discount against the envelope. The
answer is an ordinary edit of the offer (`approvals.record_decision`, on a
worker) that reaches the KAM with the next sync; a rejection needs a comment.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.formatting import format_datetime, format_percent
from kamdesk.ui.offers.common import messages_text, money
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.services.offers.approvals import PendingApproval
    from kamdesk.services.workspace import Workspace

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _percent(value: Any) -> str:
    """«12,5 %», «10 %»: no trailing zeros after the comma, none taken off before it."""
    return format_percent(value if value is not None else 0)


def _number(row: PendingApproval) -> str:
    return row.number if row.edition == 1 else f"{row.number} ({row.edition})"


def approval_columns() -> list[RecordColumn[PendingApproval]]:
    translate = QCoreApplication.translate
    return [
        RecordColumn(lambda: translate("SyncApprovals", "Offer"), _number),
        RecordColumn(lambda: translate("SyncApprovals", "Client"), lambda r: r.account_name),
        RecordColumn(lambda: translate("SyncApprovals", "KAM"), lambda r: r.owner_name),
        RecordColumn(
            lambda: translate("SyncApprovals", "Total with VAT"),
            lambda r: money(r.total),
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: translate("SyncApprovals", "Discount / envelope"),
            lambda r: f"{_percent(r.discount_pct)} / {_percent(r.envelope_pct)}",
            tooltip=lambda r: r.product,
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: translate("SyncApprovals", "Deferral / envelope, days"),
            lambda r: f"{r.deferral_days} / {r.deferral_limit}" if r.deferral_days else "—",
            alignment=RIGHT,
        ),
        RecordColumn(
            lambda: translate("SyncApprovals", "Asked"),
            lambda r: format_datetime(r.requested_at),
            stretch=True,
        ),
    ]


class ApprovalsView(QWidget):
    decided = Signal(object)  # the offer id, once the answer is stored
    count_changed = Signal(int)

    def __init__(
        self, workspace: Workspace, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsView")
        self._workspace = workspace
        self._tasks = tasks
        self.model = RecordTableModel["PendingApproval"]([], approval_columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("pendingApprovals")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(self.tr("No offers are waiting for your approval."))
        self.empty.setObjectName("approvalsEmpty")
        self.comment = QLineEdit()
        self.comment.setObjectName("approvalComment")
        self.comment.setPlaceholderText(self.tr("Comment for the KAM (needed to reject)"))
        self.approve = QPushButton(self.tr("Approve"))
        self.approve.setObjectName("approveButton")
        self.reject = QPushButton(self.tr("Reject"))
        self.reject.setObjectName("rejectButton")
        self.approve.clicked.connect(lambda _checked=False: self.decide(True))
        self.reject.clicked.connect(lambda _checked=False: self.decide(False))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("approvalNote")
        row = QHBoxLayout()
        row.addWidget(self.comment, 1)
        row.addWidget(self.approve)
        row.addWidget(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self._update_buttons()

    def reload(self) -> None:
        workspace = self._workspace

        def load(_progress: Any) -> list[PendingApproval]:
            from kamdesk.services.offers.approvals import pending_approvals

            # On the worker: the store may still wait for its start-up check.
            return pending_approvals(workspace.store) if workspace is not None else []

        self._tasks.run(load, self.set_rows, key=f"approvals-{id(self)}", owner=self)

    def set_rows(self, rows: list[PendingApproval]) -> None:
        chosen = self.selected()
        self.model.set_records(rows)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not rows)
        for number, row in enumerate(rows):
            if (chosen is not None and row.offer_id == chosen.offer_id) or (
                chosen is None and number == 0
            ):
                self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(number, 0)))
                break
        self._update_buttons()
        self.count_changed.emit(len(rows))

    def selected(self) -> PendingApproval | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def decide(self, approve: bool) -> bool:
        row = self.selected()
        if row is None:
            return False
        comment = self.comment.text()
        store = self._workspace.store
        offer_id = row.offer_id

        def work(_progress: Any) -> uuid.UUID:
            from kamdesk.services.offers.approvals import record_decision

            record_decision(store, offer_id, approve, comment)
            return offer_id

        self.approve.setEnabled(False)
        self.reject.setEnabled(False)
        self.note.setStyleSheet("")
        self._tasks.run(work, self._decided, self._refused, owner=self)
        return True

    def _decided(self, offer_id: uuid.UUID) -> None:
        self.comment.clear()
        self.note.setStyleSheet("")
        self.note.setText(self.tr("Answer recorded; the KAM sees it after the next sync."))
        self.decided.emit(offer_id)
        self.reload()

    def _refused(self, error: BaseException) -> None:
        self._update_buttons()
        messages = getattr(error, "messages", None)
        if messages is None:
            self._tasks.report(error)
            return
        self.note.setStyleSheet("color: #b3261e;")
        self.note.setText(messages_text(messages))

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.approve.setEnabled(chosen)
        self.reject.setEnabled(chosen)
