"""The New account dialog: name, kind, city, ИНН/КПП checked as typed, client type.

ИНН and КПП are checked on every keystroke with the same rules as the card
(check digits), and the reason is shown under the field; Create stays off
until they are right. A valid ИНН already carried by another account is named
with an offer to open that card instead (creating a duplicate anyway is
allowed: merges clean those up).

On a manager's laptop Create stays off and says why (`creation_refusal`): the office
would refuse the new client, and it would wait in «Вопросы синхронизации» for nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services import validation
from kamdesk.services.accounts import AccountKind, ClientType
from kamdesk.ui import labels
from kamdesk.ui.card.binder import translate
from kamdesk.ui.card.widgets import error_label
from kamdesk.ui.clients.who_creates import creation_refusal
from kamdesk.ui.enter_guard import keep_enter_in_editors
from kamdesk.ui.sentence import as_sentence
from kamdesk.ui.tasks import TaskRunner


class NewAccountDialog(QDialog):
    created = Signal(object)  # the new account's uuid
    open_requested = Signal(object)  # an existing account with the same ИНН

    def __init__(
        self, store: Callable[[], Any], tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        keep_enter_in_editors(self)  # Enter in a choice or a number never saves
        self.setObjectName("newAccountDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New account"))
        self.setMinimumWidth(480)
        self._store = store
        self._tasks = tasks
        self._existing: uuid.UUID | None = None
        self._refusal = ""

        self.name = QLineEdit()
        self.name.setObjectName("newName")
        self.name.setPlaceholderText(self.tr("e.g. ГБУЗ «Областная клиническая больница»"))
        self.kind = QComboBox()
        self.kind.setObjectName("newKind")
        for kind, kind_text in labels.choices(AccountKind):
            self.kind.addItem(kind_text, str(kind))
        self.city = QLineEdit()
        self.city.setObjectName("newCity")
        self.inn = QLineEdit()
        self.inn.setObjectName("newInn")
        self.inn.setMaxLength(12)
        self.inn_error = error_label()
        self.inn_error.setObjectName("innError")
        self.kpp = QLineEdit()
        self.kpp.setObjectName("newKpp")
        self.kpp.setMaxLength(9)
        self.kpp_error = error_label()
        self.kpp_error.setObjectName("kppError")
        self.client_type = QComboBox()
        self.client_type.setObjectName("newClientType")
        self.client_type.addItem("—", None)
        for member, text in labels.choices(ClientType):
            self.client_type.addItem(text, str(member))
            self.client_type.setItemData(
                self.client_type.count() - 1,
                labels.description(member),
                Qt.ItemDataRole.ToolTipRole,
            )

        self.duplicate = QLabel()
        self.duplicate.setObjectName("duplicateNote")
        self.duplicate.setWordWrap(True)
        self.duplicate.setStyleSheet("color: #b26a00;")
        self.open_existing = QPushButton(self.tr("Open that card instead"))
        self.open_existing.setObjectName("openExisting")
        self.open_existing.clicked.connect(self._open_existing)
        duplicate_row = QWidget()
        duplicate_line = QHBoxLayout(duplicate_row)
        duplicate_line.setContentsMargins(0, 0, 0, 0)
        duplicate_line.addWidget(self.duplicate, 1)
        duplicate_line.addWidget(self.open_existing)
        self.duplicate_row = duplicate_row
        duplicate_row.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("INN"), _stacked(self.inn, self.inn_error))
        form.addRow(self.tr("KPP"), _stacked(self.kpp, self.kpp_error))
        form.addRow(self.tr("Client type"), self.client_type)
        self.problem = error_label()
        self.problem.setObjectName("createProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.create_account)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(duplicate_row)
        column.addWidget(self.problem)
        column.addWidget(buttons)

        self.name.textChanged.connect(self._check)
        self.inn.textChanged.connect(self._check)
        self.kpp.textChanged.connect(self._check)
        self._check()
        self._learn_role()

    # --- checks -----------------------------------------------------------------

    def _check(self) -> None:
        inn, kpp = self.inn.text().strip(), self.kpp.text().strip()
        inn_problem = validation.check_inn(inn) if inn else None
        kpp_problem = validation.check_kpp(kpp) if kpp else None
        for label, problem in ((self.inn_error, inn_problem), (self.kpp_error, kpp_problem)):
            label.setText(as_sentence(translate(problem)) if problem is not None else "")
            label.setVisible(problem is not None)
        self.inn.setProperty("invalid", inn_problem is not None)
        self.kpp.setProperty("invalid", kpp_problem is not None)
        ok = bool(self.name.text().strip()) and inn_problem is None and kpp_problem is None
        ok = ok and not self._refusal
        self.create_button.setEnabled(ok)
        self._existing = None
        self.duplicate_row.hide()
        if inn and inn_problem is None:
            self._look_up(inn)

    def _learn_role(self) -> None:
        from kamdesk.services.sync_status import read_overview

        store = self._store
        self._tasks.run(
            lambda _progress: read_overview(store()).role,
            self._role_known,
            key="new-account-role",
            owner=self,
        )

    def _role_known(self, role: str) -> None:
        self._refusal = creation_refusal(role)
        if self._refusal:
            self.create_button.setToolTip(self._refusal)
            self.problem.setText(self._refusal)
            self.problem.show()
            self._fit_height()
        self._check()

    def _look_up(self, inn: str) -> None:
        from kamdesk.services.card import accounts_with_inn

        store = self._store
        self._tasks.run(
            lambda _progress: accounts_with_inn(store(), inn),
            lambda found: self._found(inn, found),
            key="new-account-inn",
            owner=self,
        )

    def _found(self, inn: str, found: list[Any]) -> None:
        if inn != self.inn.text().strip() or not found:
            return
        first = found[0]
        self._existing = first.id
        where = f", {first.city}" if first.city else ""
        text = self.tr("An account with INN %1 already exists: «%2»%3.")
        text = text.replace("%1", inn).replace("%2", first.name).replace("%3", where)
        if first.archived:
            text += " " + self.tr("It is archived.")
        self.duplicate.setText(text)
        self.duplicate_row.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to what the form needs at this width: a long name in the duplicate note
        wraps onto several lines, and the fields were squashed to make room for it."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    # --- actions -------------------------------------------------------------------

    def _open_existing(self) -> None:
        if self._existing is not None:
            self.open_requested.emit(self._existing)
            self.reject()

    def create_account(self) -> None:
        from kamdesk.services.card import CardError, create_account

        if not self.create_button.isEnabled():
            return
        values: dict[str, Any] = {
            "city": self.city.text(),
            "inn": self.inn.text(),
            "kpp": self.kpp.text(),
            "client_type": self.client_type.currentData(),
        }
        try:
            account_id = create_account(
                self._store(), self.name.text(), AccountKind(self.kind.currentData()), **values
            )
        except CardError as error:
            self.problem.setText(as_sentence(translate(error.message)))
            self.problem.show()
            return
        self.created.emit(account_id)
        self.accept()


def _stacked(field: QWidget, error: QLabel) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(error)
    return box
