"""The Sync section: the office connection, progress, refused changes and the issues inbox.

At the top: whether the office answered, who this laptop is to it, the last
sync (local time), how many changes wait, and while a sync runs its progress
with counts. Below, in tabs: the sync issues inbox (`issues.IssuesView`), the
changes the office refused with its reasons, and for a manager the team's
offers waiting for approval (`approvals_view.ApprovalsView`).

Everything shown comes from the window's `SyncController`; the page reads
nothing on the UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.formatting import format_datetime
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.sync.approvals_view import ApprovalsView
from kamdesk.ui.sync.controller import SHORTCUT, SyncController
from kamdesk.ui.sync.issues import IssuesView
from kamdesk.ui.sync.labels import entity_name, field_name
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.services.sync_inbox import InboxState, RejectedChange
    from kamdesk.services.workspace import Workspace

GREEN, GREY, RED = "#2e7d32", "#5f6368", "#b3261e"
MANAGER = "manager"


def _phase_text(phase: str) -> str:
    translate = QCoreApplication.translate
    return {
        "push": translate("SyncPage", "Sending changes"),
        "pull": translate("SyncPage", "Receiving changes"),
        "enrol": translate("SyncPage", "Connecting"),
    }.get(phase, translate("SyncPage", "Syncing"))


def _role_text(role: str) -> str:
    translate = QCoreApplication.translate
    return {
        "kam": translate("SyncPage", "key account manager"),
        "manager": translate("SyncPage", "manager"),
        "admin": translate("SyncPage", "administrator"),
    }.get(role, role)


def rejected_columns() -> list[RecordColumn[RejectedChange]]:
    translate = QCoreApplication.translate
    return [
        RecordColumn(
            lambda: translate("SyncPage", "What"),
            lambda r: (
                f"{entity_name(r.entity)}: {r.record_title}"
                if r.record_title
                else entity_name(r.entity)
            ),
        ),
        RecordColumn(lambda: translate("SyncPage", "Client"), lambda r: r.account_name or "—"),
        RecordColumn(lambda: translate("SyncPage", "Change"), _change_text),
        RecordColumn(
            lambda: translate("SyncPage", "Changed"), lambda r: format_datetime(r.changed_at)
        ),
        RecordColumn(
            lambda: translate("SyncPage", "Why the office refused"),
            lambda r: r.reason or "—",
            tooltip=lambda r: r.reason,
            stretch=True,
        ),
    ]


def _change_text(change: RejectedChange) -> str:
    """«новая запись», «удаление», or the fields changed, in words."""
    translate = QCoreApplication.translate
    if change.operation == "insert":
        return translate("SyncPage", "new record")
    if change.operation == "delete":
        return translate("SyncPage", "deletion")
    if change.operation == "restore":
        return translate("SyncPage", "restoring")
    other = field_name(change.entity, "?")
    names = (field_name(change.entity, f) for f in change.fields if f != "id")
    return ", ".join(dict.fromkeys(n for n in names if n != other)) or other


class SyncPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner,
        controller: SyncController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self._workspace = workspace
        self._tasks = tasks
        self.controller = controller
        self.title = QLabel()
        self.title.setObjectName("pageTitle")

        self.connection = QLabel()
        self.connection.setObjectName("syncConnection")
        self.who = QLabel()
        self.who.setObjectName("syncWho")
        self.who.setWordWrap(True)
        self.last_sync = QLabel()
        self.last_sync.setObjectName("syncLast")
        self.waiting = QLabel()
        self.waiting.setObjectName("syncWaitingCount")
        self.failure = QLabel()
        self.failure.setObjectName("syncFailure")
        self.failure.setWordWrap(True)
        self.failure.setStyleSheet(f"color: {RED};")
        self.progress_text = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(360)
        self.progress.setTextVisible(False)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(lambda _checked=False: self.sync_now())
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(lambda _checked=False: self.open_enrolment())

        card = QFrame()
        card.setObjectName("syncCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(card)
        grid.setColumnStretch(1, 1)
        self._captions = [QLabel() for _ in range(4)]
        for row, (caption, value) in enumerate(
            zip(
                self._captions,
                (self.connection, self.who, self.last_sync, self.waiting),
                strict=True,
            )
        ):
            caption.setStyleSheet(f"color: {GREY};")
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 2, 4, 1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_text)
        progress_row.addWidget(self.progress, 1)
        progress_row.addStretch(0)
        grid.addLayout(progress_row, 4, 0, 1, 3)
        grid.addWidget(self.failure, 5, 0, 1, 3)

        self.issues = IssuesView(workspace, tasks, self)
        self.issues.resolved.connect(lambda _id: controller.refresh())
        self.rejected_model = RecordTableModel["RejectedChange"]([], rejected_columns(), self)
        self.rejected_proxy = QSortFilterProxyModel(self)
        self.rejected_proxy.setSourceModel(self.rejected_model)
        self.rejected = QTableView()
        self.rejected.setObjectName("rejectedChanges")
        self.rejected.setModel(self.rejected_proxy)
        self.rejected.setSortingEnabled(True)
        self.rejected.verticalHeader().hide()
        self.rejected.setWordWrap(False)
        self.rejected.horizontalHeader().setStretchLastSection(True)
        self.approvals = ApprovalsView(workspace, tasks, self)
        self.approvals.count_changed.connect(lambda _n: self._retitle_tabs())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.tabs.addTab(self.issues, "")
        self.tabs.addTab(self.rejected, "")
        self.tabs.addTab(self.approvals, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(card)
        layout.addWidget(self.tabs, 1)

        controller.state_changed.connect(self._show_state)
        controller.running_changed.connect(lambda _running: self._show_progress())
        controller.progressed.connect(lambda *_: self._show_progress())
        controller.finished.connect(lambda *_: self._show_header())
        self._role = ""
        self._retranslate()
        if controller.state is not None:
            self._show_state(controller.state)
        else:
            controller.refresh()

    # --- the window's page API ------------------------------------------------------

    def reload(self) -> None:
        self.controller.refresh()

    # --- commands -------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.controller.state is not None and not self.controller.enrolled:
            self.open_enrolment()
            return
        self.controller.sync_now()

    def open_enrolment(self) -> Any:
        from kamdesk.ui.sync.enrol_dialog import EnrolDialog

        overview = self.controller.state.overview if self.controller.state else None
        dialog = EnrolDialog(
            self._workspace,
            self._tasks,
            self,
            backend=self.controller.backend(),
            server_url=overview.server_url if overview else "",
            login=overview.login if overview else "",
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enrolled.connect(lambda _answer: self.controller.enrolled_now())
        dialog.open()
        return dialog

    # --- showing --------------------------------------------------------------------

    def _show_state(self, state: InboxState) -> None:
        self._role = state.overview.role
        self.issues.set_issues(state.issues, state.overview)
        self.rejected_model.set_records(state.rejected)
        self.rejected.resizeColumnsToContents()
        for column in range(self.rejected_model.columnCount() - 1):
            self.rejected.setColumnWidth(column, min(self.rejected.columnWidth(column), 300))
        manager = self._role == MANAGER
        self.tabs.setTabVisible(2, manager)
        if manager:
            self.approvals.reload()
        self._show_header()
        self._retitle_tabs()

    def _show_header(self) -> None:
        controller = self.controller
        state = controller.state
        overview = state.overview if state else None
        if overview is None or not overview.enrolled:
            self._say(self.connection, self.tr("Not connected: this laptop works on its own"), GREY)
            self.who.setText(self.tr("Connect to the office server to send and receive changes."))
            self.last_sync.setText("—")
        else:
            if controller.connected is False:
                self._say(self.connection, self.tr("The office does not answer"), RED)
            elif controller.connected and controller.last_failure is not None:
                # it answered, and refused: not the green «connected» next to a red error
                self._say(
                    self.connection, self.tr("The office answers, but sync is not possible"), RED
                )
            elif controller.connected:
                self._say(self.connection, self.tr("Connected to the office"), GREEN)
            else:
                self._say(self.connection, self.tr("Not checked yet"), GREY)
            name = overview.user_name or overview.login
            self.who.setText(
                self.tr("%1 (%2) at %3")
                .replace("%1", name)
                .replace("%2", _role_text(overview.role))
                .replace("%3", overview.server_url)
            )
            self.last_sync.setText(
                format_datetime(overview.last_sync_at)
                if overview.last_sync_at
                else self.tr("never")
            )
        waiting = overview.waiting if overview else 0
        if waiting:
            self.waiting.setText(str(waiting))
        elif overview is not None and overview.enrolled and overview.last_sync_at is not None:
            self.waiting.setText(self.tr("nothing, everything is sent"))
        else:  # nothing has gone to the office yet, so nothing may be called sent
            self.waiting.setText(self.tr("nothing"))
        failure = controller.failure_text()
        self.failure.setText(failure)
        self.failure.setVisible(bool(failure))
        enrolled = bool(overview and overview.enrolled)
        self.enrol_button.setText(
            self.tr("Connect to another office…") if enrolled else self.tr("Connect to the office…")
        )
        self.sync_button.setEnabled(not controller.running)
        self._show_progress()

    def _show_progress(self) -> None:
        controller = self.controller
        running = controller.running
        self.progress.setVisible(running)
        self.progress_text.setVisible(running)
        self.sync_button.setEnabled(not running)
        if not running:
            return
        phase, done, total = controller.progress or ("", 0, 0)
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress_text.setText(
                self.tr("%1: %2 of %3")
                .replace("%1", _phase_text(phase))
                .replace("%2", str(done))
                .replace("%3", str(total))
            )
        else:
            self.progress.setRange(0, 0)  # busy, no count yet
            self.progress_text.setText(_phase_text(phase) + "…")

    def _say(self, label: QLabel, text: str, color: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {color}; font-weight: 600;")

    def _retitle_tabs(self) -> None:
        state = self.controller.state
        issues = len(state.issues) if state else 0
        rejected = len(state.rejected) if state else 0
        self.tabs.setTabText(0, self.tr("Sync issues (%1)").replace("%1", str(issues)))
        self.tabs.setTabText(1, self.tr("Refused by the office (%1)").replace("%1", str(rejected)))
        self.tabs.setTabText(
            2, self.tr("Approvals (%1)").replace("%1", str(self.approvals.model.rowCount()))
        )

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Sync with the office"))
        for caption, text in zip(
            self._captions,
            (self.tr("Office"), self.tr("You"), self.tr("Last sync"), self.tr("Waiting")),
            strict=True,
        ):
            caption.setText(text)
        self.sync_button.setText(self.tr("Sync now (%1)").replace("%1", SHORTCUT))
        self.rejected_model.retranslate()
        self._show_header()
        self._retitle_tabs()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
