"""The offer editor's client: chosen by the KAM, never guessed, found by typing.

A new offer opened from a card or a visit is for that account (the field is fixed). One
opened elsewhere (Offers ▸ Ctrl+N) starts with no client and the placeholder «Select a
client»; saving it without one is refused on the field («choose the account»).

The field takes typing, searched as the client list searches (`AccountFilter.text`:
every word in the name, short name, city or ИНН, case and ё ignored), so «гкб 7» finds
«ГБУЗ «Городская клиническая больница № 7»» (short name «ГКБ № 7») and «тверь» the
clients of Тверь. A suggestion clicked or taken with Enter is the client. Typing over a
chosen client un-chooses it (the field shows what will be saved). Enter or leaving the
field with text that matches exactly one client chooses it; any other text never
becomes a client: the field says «Select a client from the list».
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QVBoxLayout, QWidget

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.workspace import Workspace
from kamdesk.ui.focus_leaving import OnLeaving

LIMIT = 5000  # the accounts listed (and searched)


class _Matches(QSortFilterProxyModel):
    """The combo's clients that the typed words find (None: every one)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.ids: set[uuid.UUID] | None = None

    def set_ids(self, ids: set[uuid.UUID] | None) -> None:
        self.beginFilterChange()
        self.ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.ids is None:
            return True
        model = self.sourceModel()
        return model.data(model.index(row, 0, parent), Qt.ItemDataRole.UserRole) in self.ids


class AccountChoice(QComboBox):
    """`row` (the combo with its note under it) goes in the form."""

    def __init__(self, workspace: Workspace, fixed: bool) -> None:
        self.row = QWidget()
        super().__init__(self.row)
        self._workspace = workspace
        self.setObjectName("offerAccount")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for account in workspace.accounts.page(AccountFilter(), limit=LIMIT):
            self.addItem(account.name, account.id)
        self.matches = _Matches(self)
        self.matches.setSourceModel(self.model())
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        placeholder = QCoreApplication.translate("OfferEditor", "Select a client")
        self.setPlaceholderText(placeholder)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(placeholder)
        self.setCurrentIndex(-1)  # the first item added became current: nobody is chosen
        self.setEnabled(not fixed)
        self.note = QLabel()
        self.note.setObjectName("offerAccountNote")
        self.note.setStyleSheet("color: #b3261e;")
        self.note.hide()
        layout = QVBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self)
        layout.addWidget(self.note)
        line.textEdited.connect(self._typed)
        line.returnPressed.connect(self.finish)
        self.currentIndexChanged.connect(self._chosen)
        OnLeaving(self, self.finish)

    def _typed(self, text: str) -> None:
        line = self.lineEdit()
        assert line is not None
        index = self.currentIndex()
        if index >= 0 and text != self.itemText(index):
            position = line.cursorPosition()
            self.setCurrentIndex(-1)  # also empties the field: what was typed comes back
            line.setText(text)
            line.setCursorPosition(position)
        self.note.hide()
        words = text.strip()
        found = self._workspace.accounts.page(AccountFilter(text=words), limit=LIMIT)
        self.matches.set_ids({row.id for row in found} if words else None)

    def _chosen(self, index: int) -> None:
        if index >= 0:
            self.note.hide()

    def finish(self) -> None:
        """Enter or leaving the field: the one client the text finds, else say so."""
        line = self.lineEdit()
        if line is None or self.currentIndex() >= 0 or not line.text().strip():
            return
        if self.matches.rowCount() == 1:
            source = self.matches.mapToSource(self.matches.index(0, 0))
            self.setCurrentIndex(source.row())
            return
        self.note.setText(
            QCoreApplication.translate("OfferEditor", "Select a client from the list")
        )
        self.note.show()


def account_combo(workspace: Workspace, fixed: bool, changed: Callable[[], None]) -> AccountChoice:
    """Every account by name, none chosen; `fixed`: the caller's account, not changeable."""
    combo = AccountChoice(workspace, fixed)
    combo.currentIndexChanged.connect(changed)
    return combo
