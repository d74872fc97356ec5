"""Choosing the other account for "Merge with…" from a card: search as you type."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.accounts import AccountDirectory, AccountFilter, AccountRow
from kamdesk.ui import labels
from kamdesk.ui.tasks import TaskRunner

LIMIT = 50
ID_ROLE = Qt.ItemDataRole.UserRole


class AccountPicker(QDialog):
    chosen = Signal(object)  # the account's uuid

    def __init__(
        self,
        directory: AccountDirectory,
        tasks: TaskRunner,
        exclude: uuid.UUID,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountPicker")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Merge with…"))
        self.setMinimumSize(520, 420)
        self._directory = directory
        self._tasks = tasks
        self._exclude = exclude
        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setPlaceholderText(self.tr("Name, city or INN of the other card"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = self.buttons.addButton(
            self.tr("Compare and merge…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.choose_button.setEnabled(False)
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Which card is the same organisation?")))
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        column.addWidget(self.buttons)
        self.search.textChanged.connect(self._query)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.choose_button.setEnabled(item is not None)
        )
        self.list.itemActivated.connect(lambda _item: self.choose())
        self.search.setText(text)
        self._query(text)

    def _query(self, text: str) -> None:
        directory, wanted = self._directory, AccountFilter(text=text)
        self._tasks.run(
            lambda _progress: directory.page(wanted, limit=LIMIT + 1),
            self._fill,
            key="merge-picker",
            owner=self,
        )

    def _fill(self, rows: list[AccountRow]) -> None:
        self.list.clear()
        for row in rows:
            if row.id == self._exclude:
                continue
            facts = " · ".join(f for f in (labels.label(row.kind), row.city, row.inn) if f)
            item = QListWidgetItem(f"{row.name}\n{facts}")
            item.setData(ID_ROLE, row.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def choose(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen.emit(item.data(ID_ROLE))
        self.accept()
