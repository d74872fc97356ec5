"""The sync issues inbox: a table of issues and the panel that resolves the chosen one.

The table is a `RecordTableModel` of the service's plain `IssueView`s behind a
sort proxy. The panel shows both sides of the chosen issue: a short value in a
read-only line, a long text in an editable box; for a text, the merged words
too, editable, with «Принять объединённый текст». A choice is written off the UI
thread (`sync_inbox.resolve`): an ordinary local edit that syncs, and the issue
is marked resolved.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.formatting import format_datetime
from kamdesk.ui.record_model import RecordColumn, RecordTableModel
from kamdesk.ui.sync.labels import entity_name, field_name, one_line, shown_text
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.services.sync_inbox import IssueView
    from kamdesk.services.sync_status import SyncOverview
    from kamdesk.services.workspace import Workspace


def what_text(issue: IssueView) -> str:
    """«Контакт: Семёнов Пётр Сергеевич»"""
    name = entity_name(issue.entity)
    return f"{name}: {issue.record_title}" if issue.record_title else name


def kind_text(kind: str) -> str:
    texts = {
        "conflict": QCoreApplication.translate("SyncIssues", "Changed on both sides"),
        "rejected": QCoreApplication.translate("SyncIssues", "Refused by the office"),
        "revoked": QCoreApplication.translate("SyncIssues", "Client no longer yours"),
        "deleted": QCoreApplication.translate("SyncIssues", "Deleted in the office"),
        "value_replaced": QCoreApplication.translate("SyncIssues", "Yours replaced another's"),
        "value_lost": QCoreApplication.translate("SyncIssues", "Another's came later"),
        "text_conflict": QCoreApplication.translate("SyncIssues", "Text changed on both sides"),
    }
    return texts.get(kind, QCoreApplication.translate("SyncIssues", "Needs a decision"))


def issue_columns() -> list[RecordColumn[IssueView]]:
    return [
        RecordColumn(
            lambda: QCoreApplication.translate("SyncIssues", "What"),
            what_text,
            tooltip=lambda i: i.detail,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("SyncIssues", "Client"),
            lambda i: i.account_name or "—",
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("SyncIssues", "Field"),
            lambda i: field_name(i.entity, i.field),
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("SyncIssues", "Mine"),
            lambda i: one_line(shown_text(i.mine_shown), 60),
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("SyncIssues", "Theirs"),
            lambda i: one_line(shown_text(i.theirs_shown), 60),
            stretch=True,
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("SyncIssues", "Kind"), lambda i: kind_text(i.kind)
        ),
        RecordColumn(
            lambda: QCoreApplication.translate("SyncIssues", "Since"),
            lambda i: format_datetime(i.created_at),
        ),
    ]


class IssuePanel(QWidget):
    """Both sides of one issue and the three ways to settle it."""

    resolved = Signal(object)  # the issue id, once stored
    failed = Signal(str)  # why it could not be stored

    def __init__(
        self, workspace: Workspace, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("issuePanel")
        self._workspace = workspace
        self._tasks = tasks
        self.issue: IssueView | None = None
        self.heading = QLabel()
        self.heading.setObjectName("issueHeading")
        self.heading.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("issueDetail")
        self.mine_caption, self.theirs_caption = QLabel(), QLabel()
        self.mine_line, self.theirs_line = QLineEdit(), QLineEdit()
        for line in (self.mine_line, self.theirs_line):
            line.setReadOnly(True)
        self.mine_text, self.theirs_text = QPlainTextEdit(), QPlainTextEdit()
        self.merged_caption = QLabel()
        self.merged_text = QPlainTextEdit()
        for edit in (self.mine_text, self.theirs_text, self.merged_text):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(48)
        self.keep_mine = QPushButton()
        self.keep_mine.setObjectName("keepMine")
        self.take_theirs = QPushButton()
        self.take_theirs.setObjectName("takeTheirs")
        self.accept_merged = QPushButton()
        self.accept_merged.setObjectName("acceptMerged")
        self.keep_mine.clicked.connect(lambda _checked=False: self.choose("mine"))
        self.take_theirs.clicked.connect(lambda _checked=False: self.choose("theirs"))
        self.accept_merged.clicked.connect(lambda _checked=False: self.choose("merged"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b3261e;")
        self.note.hide()

        sides = QGridLayout()
        sides.addWidget(self.mine_caption, 0, 0)
        sides.addWidget(self.theirs_caption, 0, 1)
        sides.addWidget(self.mine_line, 1, 0)
        sides.addWidget(self.theirs_line, 1, 1)
        sides.addWidget(self.mine_text, 2, 0)
        sides.addWidget(self.theirs_text, 2, 1)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.take_theirs)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_merged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addLayout(sides, 1)
        layout.addWidget(self.merged_caption)
        layout.addWidget(self.merged_text, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(0)  # a short value: the lines and buttons stay together at the top
        self._layout = layout
        self.show_issue(None)
        self._retranslate()

    def show_issue(self, issue: IssueView | None) -> None:
        self.issue = issue
        self.note.hide()
        text = bool(issue and issue.is_text)
        shown: list[tuple[QWidget, bool]] = [
            (self.mine_line, issue is not None and not text),
            (self.theirs_line, issue is not None and not text),
            (self.mine_text, text),
            (self.theirs_text, text),
            (self.merged_text, text),
            (self.merged_caption, text),
            (self.mine_caption, issue is not None),
            (self.theirs_caption, issue is not None),
            (self.keep_mine, issue is not None),
            (self.take_theirs, issue is not None),
        ]
        for widget, visible in shown:
            widget.setVisible(visible)
        # Long texts take the height; a short value keeps its lines under the heading.
        self._layout.setStretch(2, 1 if text else 0)
        self._layout.setStretch(4, 1 if text else 0)
        self._layout.setStretch(self._layout.count() - 1, 0 if text else 1)
        self.accept_merged.setVisible(text)
        self.detail.setVisible(bool(issue and issue.detail))
        if issue is None:
            self.heading.setText(self.tr("Choose an issue in the list to see both versions."))
            return
        where = f" · {issue.account_name}" if issue.account_name else ""
        self.heading.setText(
            f"<b>{what_text(issue)}</b>{where}<br>"
            + self.tr("Field: %1").replace("%1", field_name(issue.entity, issue.field))
        )
        self.detail.setText(issue.detail)
        if text:
            self.mine_text.setPlainText(_plain(issue.mine))
            self.theirs_text.setPlainText(_plain(issue.theirs))
            self.merged_text.setPlainText(issue.merged)
        else:
            self.mine_line.setText(shown_text(issue.mine_shown))
            self.theirs_line.setText(shown_text(issue.theirs_shown))
            for line in (self.mine_line, self.theirs_line):
                line.setCursorPosition(0)
        self._set_busy(False)

    def choose(self, choice: str) -> None:
        """Store the choice on a worker; the list reloads once it is stored."""
        issue = self.issue
        if issue is None:
            return
        text: str | None = None
        if issue.is_text:
            editor = {
                "mine": self.mine_text,
                "theirs": self.theirs_text,
                "merged": self.merged_text,
            }[choice]
            text = editor.toPlainText()
        store = self._workspace.store
        issue_id = issue.id
        self._set_busy(True)

        def work(_progress: Any) -> uuid.UUID:
            from kamdesk.services.sync_inbox import resolve

            resolve(store, issue_id, choice, text)  # type: ignore[arg-type]
            return issue_id

        self._tasks.run(work, self._stored, self._refused, owner=self)

    def _stored(self, issue_id: uuid.UUID) -> None:
        self._set_busy(False)
        self.resolved.emit(issue_id)

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        message = getattr(error, "message", None)
        if message is None:
            self._tasks.report(error)
            return
        from kamdesk.ui.offers.common import message_text
        from kamdesk.ui.sentence import as_sentence

        self.note.setText(as_sentence(message_text(message)))
        self.note.show()
        self.failed.emit(self.note.text())

    def _set_busy(self, busy: bool) -> None:
        for button in (self.keep_mine, self.take_theirs, self.accept_merged):
            button.setEnabled(not busy and self.issue is not None)

    def _retranslate(self) -> None:
        self.mine_caption.setText(self.tr("Mine (on this laptop)"))
        self.theirs_caption.setText(self.tr("Theirs (in the office)"))
        self.merged_caption.setText(self.tr("Merged text: both versions, edit it before accepting"))
        self.keep_mine.setText(self.tr("Keep mine"))
        self.take_theirs.setText(self.tr("Take theirs"))
        self.accept_merged.setText(self.tr("Accept the merged text"))
        self.show_issue(self.issue)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class IssuesView(QWidget):
    """The inbox: the list of open issues above the chosen one's panel."""

    resolved = Signal(object)

    def __init__(
        self, workspace: Workspace, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = RecordTableModel["IssueView"]([], issue_columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("syncIssues")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.empty = QLabel()
        self.empty.setObjectName("inboxEmpty")
        self.empty.setWordWrap(True)
        self.table.setMinimumHeight(110)
        self.panel = IssuePanel(workspace, tasks, self)
        self.panel.resolved.connect(self.resolved)
        self._overview: SyncOverview | None = None
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self._retranslate()

    def set_issues(self, issues: list[IssueView], overview: SyncOverview | None = None) -> None:
        """`overview` says what the empty list may claim: only a laptop that synced with
        nothing left waiting may say that everything reached the office."""
        self._overview = overview
        self.empty.setText(self._empty_text())
        chosen = self.panel.issue.id if self.panel.issue else None
        self.model.set_records(issues)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # the panel shows them in full
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 240))
        self.empty.setVisible(not issues)
        self.splitter.setVisible(bool(issues))
        rows = [r for r in range(len(issues)) if issues[r].id == chosen] or [0]
        if issues:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(rows[0], 0)))
        self._chosen()

    def row_of(self, issue_id: uuid.UUID) -> int:
        """The row of the table (as shown) holding `issue_id`; -1 when not listed."""
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == issue_id:
                return self.proxy.mapFromSource(self.model.index(row, 0)).row()
        return -1

    def _chosen(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.model.rowCount() == 0:
            self.panel.show_issue(None)
            return
        issue = self.model.record(self.proxy.mapToSource(index).row())
        self.panel.show_issue(issue)
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if issue.is_text and total and sizes[0] > total * 0.35:
            self.splitter.setSizes([int(total * 0.3), total - int(total * 0.3)])  # room to edit

    def _empty_text(self) -> str:
        overview = self._overview
        if overview is None or not overview.enrolled:
            return self.tr(
                "No sync issues. This laptop is not connected to the office yet: "
                "your changes stay on it until it is."
            )
        if overview.waiting:
            return self.tr(
                "No issues; %n change(s) waiting to be sent to the office.", "", overview.waiting
            )
        if overview.last_sync_at is None:
            return self.tr("No sync issues. This laptop has not synced with the office yet.")
        return self.tr("No sync issues: everything you changed reached the office as it was.")

    def _retranslate(self) -> None:
        self.empty.setText(self._empty_text())
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))
