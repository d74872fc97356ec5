"""New account and merge, started from the client list, a card or the menu.

The dialogs live in their own modules and are imported when first used; this
object opens them (window-modal, never blocking a test or the event loop) and
brings the list and the cards up to date afterwards: a new account opens in
its card, a merge closes the absorbed card, refreshes the list and opens the
survivor.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kamdesk.ui.clients.merge_dialog import MergeDialog
    from kamdesk.ui.clients.new_account import NewAccountDialog
    from kamdesk.ui.clients.page import ClientsPage
    from kamdesk.ui.clients.pick_account import AccountPicker


class AccountCommands(QObject):
    merged = Signal(object, object)  # survivor, absorbed

    def __init__(self, page: ClientsPage) -> None:
        super().__init__(page)
        self._page = page

    def new_account(self) -> NewAccountDialog:
        from kamdesk.ui.clients.new_account import NewAccountDialog

        page = self._page
        dialog = NewAccountDialog(page.directory.store, page.tasks, page)
        dialog.created.connect(self._created)
        dialog.open_requested.connect(page.open_account)
        dialog.open()
        return dialog

    def merge(self, first: uuid.UUID, second: uuid.UUID) -> MergeDialog:
        from kamdesk.ui.clients.merge_dialog import MergeDialog

        page = self._page
        page.commit_cards()  # what is being typed in either card is stored before it moves
        dialog = MergeDialog(page.directory.store, page.tasks, first, second, page)
        dialog.merged.connect(self._merged)
        dialog.open()
        return dialog

    def pick_partner(self, account_id: uuid.UUID) -> AccountPicker:
        from kamdesk.ui.clients.pick_account import AccountPicker

        page = self._page
        picker = AccountPicker(page.directory, page.tasks, account_id, parent=page)
        picker.chosen.connect(lambda other: self.merge(account_id, other))
        picker.open()
        return picker

    def _created(self, account_id: uuid.UUID) -> None:
        self._page.reload()
        self._page.open_account(account_id)

    def _merged(self, survivor: uuid.UUID, absorbed: uuid.UUID) -> None:
        page = self._page
        # Both cards were committed before the dialog opened; the absorbed one is archived.
        page.close_account(absorbed, commit=False)
        page.close_account(survivor, commit=False)  # reopened below with all it received
        page.reload()
        page.open_account(survivor)
        self.merged.emit(survivor, absorbed)
