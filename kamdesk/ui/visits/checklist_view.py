"""The pre-meeting checklist of one planned visit: the seven mistakes of field guide §4,
each a section of checks (from the data) and reminders (ticked by the KAM).

A passing item reads as a fact («✓ Цель поставлена»), a failing one as the one
thing to do («✗ Поставьте цель визита»), never as its name with a cross. The
headline's verdict follows from the items (`summarize`) and counts them with
Qt's plural forms: «не готов: 2 критичных пункта и ещё 3», «почти готов: осталось
4 пункта», «готов: все пункты выполнены».

A failing check carries a "fix" link. Links to the visit's own plan and links
elsewhere (a contact's psychotype, a product's prices) leave through
`fix_requested(kind, id, place)`; the page decides where they go.

The tree is never rebuilt while one of its own signals is being handled (a tick's
`itemChanged`, a fix link's `linkActivated`): clearing it there deletes the item
or label Qt is still using, and the window died with a segmentation fault. The
checklist and its summary are read at once; the tree follows as soon as the
handler has returned (`QTimer.singleShot(0, …)`).
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.visits import (
    Checklist,
    ChecklistItem,
    FixTarget,
    ItemKind,
    Readiness,
    ReadinessSummary,
    VisitError,
    confirm_item,
    visit_checklist,
)
from kamdesk.services.workspace import Workspace
from kamdesk.ui.colors import MUTED_TEXT
from kamdesk.ui.formatting import format_percent
from kamdesk.ui.visits.common import READINESS_COLORS, message_text

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PASSED = QColor("#2e7d32")
FAILED = QColor("#c62828")
WRAP_SLACK = 12


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text. QTreeView asks a row's height without a
    width, so every to-do was one line cut with «…»: the height is measured here at
    the width the text really gets in the first column."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def text_rect(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QRect:
        """Where the style puts the text of `index` when its row is `option.rect`."""
        depth = 0
        parent: QModelIndex = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        levels = depth + (1 if self._tree.rootIsDecorated() else 0)
        width = self._tree.columnWidth(0) - self._tree.indentation() * levels
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, max(width, 40), 10_000)
        style = self._tree.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self._tree)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0 or self._tree.columnWidth(0) <= 0:
            return hint
        room = self.text_rect(option, index)
        margin = self._tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = self._tree.fontMetrics() if font is None else QFontMetrics(font)
        wrapped = metrics.boundingRect(
            # A few pixels to spare: a style sheet's padding or a fallback glyph («✓»)
            # must not push the last word onto a line the row has no room for.
            QRect(0, 0, max(room.width() - 2 * margin - WRAP_SLACK, 20), 10_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        return QSize(hint.width(), max(hint.height(), wrapped.height() + 2 * margin + 2))


class ChecklistView(QWidget):
    fix_requested = Signal(str, object, str)  # kind, id, place
    changed = Signal()  # a reminder was ticked: readiness elsewhere is stale

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistView")
        self._workspace = workspace
        self.visit_id: uuid.UUID | None = None
        self.checklist: Checklist | None = None
        self._filling = False
        self._in_own_signal = 0  # > 0 while a signal of the tree or of its links is handled
        self._rebuild_pending = False
        self.summary = QLabel()
        self.summary.setObjectName("readinessSummary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(
            self.tr(
                "The share of the checklist done: checks count twice, reminders once. "
                "100 % only when every item is done."
            )
        )
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        # A wider or narrower panel wraps the to-dos anew: the rows are measured again.
        self.tree.header().sectionResized.connect(self._column_resized)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.empty = QLabel(self.tr("Select a planned visit to see how ready you are for it."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        self.stack = QStackedWidget()  # the tree, or a hint when no planned visit is chosen
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tree)
        layout.addWidget(self.stack, 1)
        self.show_visit(None)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            QTimer.singleShot(0, self.tree, self.tree.doItemsLayout)

    def show_visit(self, visit_id: uuid.UUID | None) -> None:
        self.visit_id = visit_id
        self.refresh()

    def refresh(self) -> None:
        """Read the checklist again (after the plan or the client's data changed)."""
        checklist = None
        if self.visit_id is not None:
            try:
                checklist = visit_checklist(self._workspace.store, self.visit_id)
            except VisitError:
                checklist = None
        self.checklist = checklist
        self.summary.setVisible(checklist is not None)
        self.stack.setCurrentWidget(self.tree if checklist is not None else self.empty)
        if checklist is not None:
            self._fill(checklist)

    def _fill(self, checklist: Checklist) -> None:
        summary = checklist.summary
        color = READINESS_COLORS[summary.level].name()
        # What makes it red whatever the score (late, two visits at once) is said at once.
        blocking = [i.reason for i in checklist.failing if i.critical and i.reason is not None]
        self.summary.setText(
            f"<span style='background:{color};color:white;padding:2px 8px;'>"
            f"&nbsp;{format_percent(summary.score)}&nbsp;</span>"
            f"&nbsp; <b>{html.escape(self.headline(summary))}</b>"
            + "".join(f"<br>{html.escape(message_text(reason))}" for reason in blocking)
        )
        if self._in_own_signal:
            self._rebuild_later()
            return
        self._rebuild_tree(checklist)

    def headline(self, summary: ReadinessSummary) -> str:
        """The verdict and what it rests on, in words that agree with the score."""
        left = summary.failing - summary.critical
        if summary.critical:
            text = self.tr("not ready: %n critical item(s)", "", summary.critical)
            return text + " " + self.tr("and %n more", "", left) if left else text
        if not summary.failing:
            return self.tr("ready: every item is done")
        if summary.level == Readiness.AMBER:
            return self.tr("nearly ready: %n item(s) left", "", summary.failing)
        return self.tr("not ready: %n item(s) left", "", summary.failing)

    def _rebuild_later(self) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self._rebuild_now)

    def _rebuild_now(self) -> None:
        self._rebuild_pending = False
        if self.checklist is not None:
            self._rebuild_tree(self.checklist)

    def is_settled(self) -> bool:
        """The tree shows the current checklist (no rebuild is waiting)."""
        return not self._rebuild_pending

    def _rebuild_tree(self, checklist: Checklist) -> None:
        self._filling = True
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for section in checklist.sections:
            head = QTreeWidgetItem([message_text(section.title), ""])
            head.setFont(0, bold)
            failing_items = sum(1 for item in section.items if not item.passed)
            if failing_items:
                head.setText(1, f"✗ {failing_items}")
                head.setForeground(1, QBrush(FAILED))
            else:
                head.setText(1, "✓")
                head.setForeground(1, QBrush(PASSED))
            self.tree.addTopLevelItem(head)
            for item in section.items:
                self._add_item(head, item)
            head.setExpanded(True)
        self._filling = False

    def _add_item(self, head: QTreeWidgetItem, item: ChecklistItem) -> None:
        # Met: the fact; unmet: what to do instead (not the fact crossed out, then negated).
        shown = item.reason if not item.passed and item.reason is not None else item.title
        text = message_text(shown)
        if item.note:
            text += "\n" + self.tr("Note: %1").replace("%1", item.note)
        row = QTreeWidgetItem(head, [text, ""])
        row.setData(0, KEY_ROLE, item.key)
        row.setToolTip(0, text)
        if item.kind == ItemKind.REMINDER:
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked if item.passed else Qt.CheckState.Unchecked)
        elif item.kind == ItemKind.INFO:
            row.setText(0, "ℹ " + text)
            row.setForeground(0, QBrush(MUTED_TEXT))
        else:
            row.setText(0, ("✓ " if item.passed else "✗ ") + text)
            row.setForeground(0, QBrush(PASSED if item.passed else FAILED))
        for detail in item.details:
            child = QTreeWidgetItem(row, [message_text(detail), ""])
            child.setForeground(0, QBrush(MUTED_TEXT))
            child.setFlags(Qt.ItemFlag.ItemIsEnabled)
        row.setExpanded(not item.passed or item.kind == ItemKind.INFO)
        fix = item.fix
        if (
            not item.passed
            and fix is not None
            and not (fix.kind == "visit" and fix.place == "checklist")
        ):
            fix_text = self.tr("Fix")
            link = QLabel(f"<a href='fix'>{fix_text}</a>")
            link.setObjectName(f"fix:{item.key}")
            link.linkActivated.connect(lambda _href, target=fix: self._request(target))
            self.tree.setItemWidget(row, 1, link)

    def _request(self, fix: FixTarget) -> None:
        kind, target_id, place = fix.as_tuple()
        self._in_own_signal += 1  # called from the link's linkActivated
        try:
            self.fix_requested.emit(kind, target_id, place)
        finally:
            self._in_own_signal -= 1

    def request_fix(self, key: str) -> bool:
        """Follow the fix link of the item `key` (what a click on its link does)."""
        item = self.checklist.items_by_key.get(key) if self.checklist else None
        if item is None or item.fix is None:
            return False
        self._request(item.fix)
        return True

    def _item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or self.visit_id is None:
            return
        key = row.data(0, KEY_ROLE)
        if key is None or not row.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        self._in_own_signal += 1  # `row` is still in Qt's hands: the tree waits
        try:
            self.confirm(key, row.checkState(0) == Qt.CheckState.Checked)
        finally:
            self._in_own_signal -= 1

    def confirm(self, key: str, confirmed: bool) -> None:
        assert self.visit_id is not None
        confirm_item(self._workspace.store, self.visit_id, key, confirmed)
        self.refresh()
        self.changed.emit()
