"""Connecting this laptop to the office: server address, login, password.

The enrolment runs on a worker (the office may be slow or away); the dialog
stays responsive, «Подключить» waits meanwhile, «Отмена» or Esc closes it at once
(the attempt is abandoned, nothing of it stored), and a failure is said in words
under the form (wrong password, office unreachable, too many attempts), with
everything typed kept. The password is never stored: the office hands back a
token for this laptop.
"""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.sync.backend import Backend, OfficeBackend, failure_text
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.services.workspace import Workspace

ERROR_STYLE = "color: #b3261e;"


class EnrolDialog(QDialog):
    enrolled = Signal(object)  # what the office answered

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        backend: Backend | None = None,
        server_url: str = "",
        login: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Connect to the office"))
        self._workspace = workspace
        self._tasks = tasks
        self._backend: Backend = backend or OfficeBackend(workspace)
        self.busy = False
        self._abandoned = threading.Event()  # the running attempt's; set once cancelled
        self.intro = QLabel(
            self.tr(
                "Ask your administrator for the office server's address and your login. "
                "The password is not kept on this laptop."
            )
        )
        self.intro.setWordWrap(True)
        self.server = QLineEdit(server_url)
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText("https://kamdesk.office.local:8765")
        self.login = QLineEdit(login)
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device = QLineEdit(socket.gethostname())
        self.device.setObjectName("deviceName")
        form = QFormLayout()
        form.addRow(self.tr("Office server"), self.server)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("This laptop's name"), self.device)
        self.error = QLabel()
        self.error.setObjectName("enrolError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def problem(self) -> str:
        """What is missing before the office is asked; "" when the form is complete."""
        url = self.server.text().strip()
        if not url:
            return self.tr("Write the office server's address.")
        if not url.startswith(("http://", "https://")):
            return self.tr("The address starts with https:// (or http:// inside the office).")
        if not self.login.text().strip():
            return self.tr("Write your login.")
        if not self.password.text():
            return self.tr("Write your password.")
        return ""

    def start(self) -> bool:
        """Check the form, then enrol on a worker; True when started."""
        if self.busy:
            return False
        problem = self.problem()
        if problem:
            self._show_error(problem)
            return False
        self.error.hide()
        backend = self._backend
        url = self.server.text().strip().rstrip("/")
        login, password = self.login.text().strip(), self.password.text()
        device = self.device.text().strip() or socket.gethostname()
        self._set_busy(True)
        abandoned = self._abandoned = threading.Event()
        self._tasks.run(
            lambda _progress: backend.enrol(url, login, password, device, abandoned.is_set),
            self._done,
            self._failed,
            owner=self,
        )
        return True

    def _done(self, answer: Any) -> None:
        if self._abandoned.is_set():
            return
        self._set_busy(False)
        self.password.clear()
        self.enrolled.emit(answer)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if self._abandoned.is_set():
            return
        self._set_busy(False)
        self._show_error(failure_text(error))
        self.password.setFocus()
        self.password.selectAll()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.connect_button.setEnabled(not busy)
        self.connect_button.setText(self.tr("Connecting…") if busy else self.tr("Connect"))
        for edit in (self.server, self.login, self.password, self.device):
            edit.setReadOnly(busy)

    def reject(self) -> None:
        """«Отмена», Esc or the close box: at once, even while the office is asked. The
        attempt is abandoned: the backend stops it before anything is stored, and its
        late answer is ignored."""
        self._abandoned.set()
        self.password.clear()
        super().reject()
