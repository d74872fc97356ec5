"""The Merge dialog: two cards of one organisation side by side, one survives.

Both accounts are counted in the background (contacts, history, sales months,
visits, offers, competitors); the KAM picks the card that stays, the dialog
says exactly what moves to it, and the merge itself (one transaction in
`merge_accounts`) runs in the background too. Nothing is deleted: the other
card is archived with a link to the survivor.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.card import AccountTally, merge_accounts, tally_account
from kamdesk.ui import labels
from kamdesk.ui.card.widgets import error_label, muted
from kamdesk.ui.tasks import TaskRunner


def _bold(name: str) -> str:
    return f"<b>{html.escape(name)}</b>"


def _size(tally: AccountTally) -> int:
    return tally.contacts + tally.events + tally.sales_rows + tally.visits + tally.offers


class MergeDialog(QDialog):
    merged = Signal(object, object)  # survivor uuid, absorbed uuid

    def __init__(
        self,
        store: Callable[[], Any],
        tasks: TaskRunner,
        first: uuid.UUID,
        second: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Merge two accounts"))
        self.setMinimumWidth(720)
        self._store = store
        self._tasks = tasks
        self._ids = (first, second)
        self.tallies: list[AccountTally] = []
        self.choice = QButtonGroup(self)
        self.choice.idToggled.connect(self._toggled)

        intro = muted(
            self.tr(
                "Two cards of the same organisation become one. Choose the card that stays: "
                "everything the other one has moves to it, and the other one is archived "
                "with a link to it. Nothing is deleted."
            )
        )
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.status = QLabel(self.tr("Counting what each card holds…"))
        self.status.setObjectName("mergeStatus")
        self.plan = QLabel()
        self.plan.setObjectName("mergePlan")
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.RichText)
        self.plan.setFrameShape(QFrame.Shape.StyledPanel)
        self.plan.setStyleSheet("QLabel#mergePlan { background: #f5f7fa; padding: 8px; }")
        self.plan.hide()
        self.problem = error_label()
        self.problem.setObjectName("mergeProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        # Long names and the plan wrap over several lines: the comparison scrolls
        # rather than squeezing its rows into a dialog that must fit a 768 px screen.
        self.body = QWidget()
        body = self._body_layout = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        body.addWidget(intro)
        body.addLayout(self.grid)
        body.addWidget(self.status)
        body.addWidget(self.plan)
        body.addWidget(self.problem)
        body.addStretch(1)
        self.comparison = QScrollArea(self)
        self.comparison.setObjectName("mergeScroll")
        self.comparison.setWidgetResizable(True)
        self.comparison.setFrameShape(QFrame.Shape.NoFrame)
        self.comparison.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comparison.setWidget(self.body)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addWidget(self.comparison, 1)
        column.addWidget(self.buttons)

        self._tasks.run(
            lambda _progress: [tally_account(store(), account_id) for account_id in self._ids],
            self._counted,
            key="merge-tally",
            owner=self,
        )

    # --- showing both -------------------------------------------------------------

    def _counted(self, tallies: list[AccountTally | None]) -> None:
        if any(t is None for t in tallies):
            self.status.setText(self.tr("One of these accounts no longer exists."))
            return
        self.tallies = [t for t in tallies if t is not None]
        rows = [
            (self.tr("Name"), lambda t: t.name),
            (self.tr("Kind"), lambda t: labels.label(t.kind)),
            (self.tr("INN / KPP"), lambda t: " / ".join(v for v in (t.inn, t.kpp) if v) or "—"),
            (self.tr("City"), lambda t: t.city or "—"),
            (self.tr("Contacts"), lambda t: str(t.contacts)),
            (self.tr("History events"), lambda t: str(t.events)),
            (self.tr("Months with sales"), lambda t: str(t.sales_months)),
            (self.tr("Visits"), lambda t: str(t.visits)),
            (self.tr("Offers"), lambda t: str(t.offers)),
            (self.tr("Competitors"), lambda t: str(t.competitors)),
        ]
        for index in range(len(self.tallies)):
            radio = QRadioButton(self.tr("Keep this card"))
            radio.setObjectName(f"keep{index}")
            self.choice.addButton(radio, index)
            self.grid.addWidget(radio, 0, index + 1)
        for row, (caption, value) in enumerate(rows, start=1):
            head = QLabel(caption)
            head.setObjectName("fieldCaption")
            self.grid.addWidget(head, row, 0)
            for index, tally in enumerate(self.tallies):
                cell = QLabel(value(tally))
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if row == 1:
                    cell.setStyleSheet("font-weight: 600;")
                self.grid.addWidget(cell, row, index + 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.status.hide()
        if any(t.archived for t in self.tallies):
            self.problem.setText(
                self.tr("An archived account cannot be merged: restore it from its card first.")
            )
            self.problem.show()
            return
        # The fuller card stays by default: fewer rows change hands.
        bigger = max(range(2), key=lambda i: (_size(self.tallies[i]), -i))
        self.choice.button(bigger).setChecked(True)
        self.merge_button.setEnabled(True)

    def survivor(self) -> AccountTally | None:
        index = self.choice.checkedId()
        return self.tallies[index] if index >= 0 and self.tallies else None

    def absorbed(self) -> AccountTally | None:
        index = self.choice.checkedId()
        return self.tallies[1 - index] if index >= 0 and self.tallies else None

    def choose(self, account_id: uuid.UUID) -> None:
        """Make `account_id` the card that stays."""
        for index, tally in enumerate(self.tallies):
            if tally.id == account_id:
                self.choice.button(index).setChecked(True)

    def _toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self._describe()

    def _describe(self) -> None:
        keep, other = self.survivor(), self.absorbed()
        if keep is None or other is None:
            return
        moves = [  # only what there is: "0 visits" would be noise
            self.tr("%n contact(s)", "", other.contacts) if other.contacts else "",
            self.tr("%n history event(s)", "", other.events) if other.events else "",
            self.tr("%n sales row(s) over %1 month(s)", "", other.sales_rows).replace(
                "%1", str(other.sales_months)
            )
            if other.sales_rows
            else "",
            self.tr("%n visit(s)", "", other.visits) if other.visits else "",
            self.tr("%n offer(s)", "", other.offers) if other.offers else "",
            self.tr("%n competitor(s)", "", other.competitors) if other.competitors else "",
        ]
        moves = [move for move in moves if move]
        keep_name, other_name = _bold(keep.name), _bold(other.name)
        head = self.tr("%1 stays. From %2 it receives:")
        tail = self.tr(
            "Sales of the same product in the same month are added together. Dossier "
            "texts are kept side by side, empty fields are filled from %1. %1 is then "
            "archived with a link to %2; it can still be opened from the archive."
        )
        text = (
            head.replace("%1", keep_name).replace("%2", other_name)
            + "<ul>"
            + "".join(f"<li>{m}</li>" for m in moves)
            + "</ul>"
            + tail.replace("%1", other_name).replace("%2", keep_name)
        )
        self.plan.setText(text)
        self.plan.show()
        # The grid's new labels show only once the event loop runs (Qt queues it):
        # until then they take no room to measure.
        QTimer.singleShot(0, self, self._grow_to_content)

    def _grow_to_content(self) -> None:
        """Grow so the whole comparison shows, up to the screen's height; beyond it
        the comparison scrolls."""
        self._body_layout.activate()
        width = self.comparison.viewport().width()
        needed = self.body.heightForWidth(width)
        if needed < 0:
            needed = self.body.sizeHint().height()
        extra = needed - self.comparison.viewport().height()
        if extra <= 0:
            return
        screen = self.screen().availableGeometry()
        frame = self.frameGeometry().height() - self.height()
        height = min(self.height() + extra, screen.height() - frame)
        self.resize(self.width(), height)
        top = max(screen.top(), min(self.y(), screen.bottom() - frame - height))
        if top != self.y():
            self.move(self.x(), top)

    # --- merging -------------------------------------------------------------------

    def merge(self) -> None:
        keep, other = self.survivor(), self.absorbed()
        if keep is None or other is None or not self.merge_button.isEnabled():
            return
        self.merge_button.setEnabled(False)
        for button in self.choice.buttons():
            button.setEnabled(False)
        self.problem.hide()
        self.status.setText(self.tr("Merging…"))
        self.status.show()
        store, keep_id, other_id = self._store, keep.id, other.id
        self._tasks.run(
            lambda _progress: merge_accounts(store(), keep_id, other_id),
            lambda _result: self._done(keep_id, other_id),
            self._failed,
            owner=self,
        )

    def _done(self, keep_id: uuid.UUID, other_id: uuid.UUID) -> None:
        self.merged.emit(keep_id, other_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.status.hide()
        self.problem.setText(self.tr("The accounts were not merged: %1").replace("%1", str(error)))
        self.problem.show()
        self.merge_button.setEnabled(True)
        for button in self.choice.buttons():
            button.setEnabled(True)
