"""The offer editor's refusals: shown by Save, each gone as soon as its cause is.

Save shows what the service refused under the form and frames the fields in red. A KAM
who then chooses the client or adds a line saw «Выберите клиента» and «Добавьте хотя бы
одну позицию» stay, with their frames, as if the fix had not been taken. Now every
change to the offer asks the service again (`OfferBook.validate`, only while something
is shown) and drops the messages and frames it no longer raises. Nothing new appears
until the next Save: a problem the KAM has not tried to save with is not shouted at them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kamdesk.errors import StoreUnavailableError
from kamdesk.i18n import Message
from kamdesk.ui.offers.common import messages_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kamdesk.ui.offers.editor import OfferEditor

FRAME = "border: 1px solid #b3261e;"


class ShownProblems:
    """What the editor's last Save refused, as still true."""

    def __init__(self, editor: OfferEditor) -> None:
        self._editor = editor
        self.messages: dict[str, Message] = {}
        terms = editor.terms_fields
        for signal in (
            editor.account.currentIndexChanged,
            editor.offer_date.dateChanged,
            editor.valid_until.dateChanged,
            editor.lines.dataChanged,
            editor.lines.rowsInserted,
            editor.lines.rowsRemoved,
            editor.lines.modelReset,
            editor.readers.itemChanged,
            editor.readers.modelReset,
            editor.annexes.modelReset,
            terms.purpose.currentIndexChanged,
            terms.request_number.textChanged,
            terms.request_date.dateChanged,
            terms.deferral.valueChanged,
        ):
            signal.connect(self.recheck)

    def fields(self) -> dict[str, QWidget]:
        editor = self._editor
        return {
            "valid_until": editor.valid_until,
            "account": editor.account,
            "addressees": editor.readers_view,
            "annexes": editor.annex_view,
            "payment_deferral_days": editor.terms_fields.deferral,
            "price_request_date": editor.terms_fields.request_date,
        }

    def show(self, messages: dict[str, Message]) -> None:
        """Save's refusal: every message under the form, its field framed."""
        self.messages = dict(messages)
        self._paint()
        if any(key.startswith("lines") for key in messages):
            self._editor.tabs.setCurrentIndex(0)

    def recheck(self, *args: Any) -> None:
        """Drop what the offer as it is now no longer has wrong (never add to it)."""
        if not self.messages:
            return
        editor = self._editor
        try:
            now = editor.book.validate(editor.current_draft())
        except StoreUnavailableError:  # a busy store: Save will say so
            return
        kept = {key: now[key] for key in self.messages if key in now}
        if kept != self.messages:
            self.messages = kept
            self._paint()

    def _paint(self) -> None:
        editor, messages = self._editor, self.messages
        editor.errors.setText(messages_text(messages))
        editor.errors.setVisible(bool(messages))
        for key, widget in self.fields().items():
            widget.setStyleSheet(FRAME if key in messages else "")
        bad_lines = any(key.startswith("lines") for key in messages)
        editor.lines_view.setStyleSheet(FRAME if bad_lines else "")
