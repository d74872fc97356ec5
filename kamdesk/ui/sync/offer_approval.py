"""The offer editor's line about the manager's approval, and «Отправить на согласование».

A discount above the envelope needs the manager's approval through the office:
the KAM sends the saved offer for approval (`approvals.send_for_approval`, on a
worker); the line then reads «На согласовании у руководителя», and after the
answer comes back with a sync «Согласовано: <кто>, <когда>» or «Отклонено:
<комментарий>». There is no control here (or anywhere on a KAM's laptop) to
approve: nobody approves their own discount.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.ui.formatting import format_datetime
from kamdesk.ui.offers.common import messages_text
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.services.offers.approvals import ApprovalState
    from kamdesk.services.workspace import Workspace

AMBER, GREEN, RED = "#8a5a00", "#2e7d32", "#b3261e"


class OfferApproval(QWidget):
    requested = Signal(object)  # the offer id, once the request is stored
    state_shown = Signal(object)  # the ApprovalState now shown (None: no line)

    def __init__(
        self,
        workspace: Workspace,
        offer_id: uuid.UUID | None,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
        has_unsaved: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("offerApproval")
        self._workspace = workspace
        self._tasks = tasks or TaskRunner(parent=self)
        self._has_unsaved = has_unsaved or (lambda: False)
        self.offer_id = offer_id
        self.state: ApprovalState | None = None
        self.text = QLabel()
        self.text.setObjectName("approvalState")
        self.text.setWordWrap(True)
        self.send = QPushButton()
        self.send.setObjectName("sendForApproval")
        self.send.clicked.connect(lambda _checked=False: self.send_for_approval())
        # Under the line and its button: sending the very discounts rejected once again.
        self.repeat = QLabel()
        self.repeat.setObjectName("approvalRejectedBefore")
        self.repeat.setWordWrap(True)
        self.repeat.hide()
        line = QHBoxLayout()
        line.addWidget(self.text, 1)
        line.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addWidget(self.repeat)
        self._retranslate()
        self.hide()  # until the offer's state is read
        self.reload()

    def reload(self) -> None:
        if self.offer_id is None:
            self.show_state(None)
            return
        store, offer_id = self._workspace.store, self.offer_id

        def load(_progress: Any) -> ApprovalState:
            from kamdesk.services.offers.approvals import load_state

            return load_state(store, offer_id)

        self._tasks.run(load, self.show_state, lambda _error: None, owner=self)

    def send_for_approval(self) -> bool:
        if self.offer_id is None or self.state is None or not self.state.can_request:
            return False
        if self._has_unsaved():
            self._say(self.tr("Save the offer first: the manager approves what is saved."), RED)
            return False
        store, offer_id = self._workspace.store, self.offer_id

        def work(_progress: Any) -> ApprovalState:
            from kamdesk.services.offers.approvals import send_for_approval

            return send_for_approval(store, offer_id)

        self.send.setEnabled(False)
        self._tasks.run(work, self._sent, self._refused, owner=self)
        return True

    def _sent(self, state: ApprovalState) -> None:
        self.show_state(state)
        self.requested.emit(self.offer_id)

    def _refused(self, error: BaseException) -> None:
        self.send.setEnabled(True)
        messages = getattr(error, "messages", None)
        if messages is None:
            self._tasks.report(error)
            return
        self._say(messages_text(messages), RED)

    def show_state(self, state: ApprovalState | None) -> None:
        self._show_state(state)
        self.state_shown.emit(state)

    def _show_state(self, state: ApprovalState | None) -> None:
        self.state = state
        self.repeat.hide()
        if state is None or not (state.needs_approval or state.status):
            self.hide()
            return
        self.show()
        self.send.setVisible(state.can_request)
        self.send.setEnabled(True)
        if state.status == "requested":
            text = self.tr("Awaiting approval by the manager")
            if state.requested_at is not None:
                text += " " + self.tr("(asked %1)").replace(
                    "%1", format_datetime(state.requested_at)
                )
            self._say(text, AMBER)
        elif state.status == "approved":
            text = (
                self.tr("Approved: %1, %2")
                .replace("%1", state.decided_by)
                .replace("%2", format_datetime(state.decided_at))
            )
            if state.comment:
                text += f" — {state.comment}"
            self._say(text, GREEN)
        elif state.status == "rejected":
            self._say(self.tr("Rejected: %1").replace("%1", state.comment or "—"), RED)
            # Saving other discounts voids the answer, so a rejected state is about these.
            self.repeat.setText(
                self.tr(
                    "The manager already rejected these same discounts, with the comment "
                    "above. You may send them again with your arguments, or change them."
                )
            )
            self.repeat.setVisible(state.can_request)
        else:
            self._say(
                self.tr(
                    "A discount is above the envelope: the manager must approve it "
                    "before the offer is sent."
                ),
                AMBER,
            )

    def _say(self, text: str, color: str) -> None:
        self.text.setText(text)
        self.text.setStyleSheet(f"color: {color};")

    def _retranslate(self) -> None:
        self.send.setText(self.tr("Send for approval"))
        if self.state is not None:
            self.show_state(self.state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def attach_approval(
    editor: Any, workspace: Workspace, offer_id: uuid.UUID | None, tasks: TaskRunner | None
) -> OfferApproval:
    """Put the approval line into the offer editor, above its problems and buttons."""
    approval = OfferApproval(workspace, offer_id, tasks, editor, lambda: editor.unsaved.changed())
    layout = editor.layout()
    layout.insertWidget(layout.indexOf(editor.errors), approval)
    return approval
