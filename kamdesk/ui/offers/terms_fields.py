"""The offer editor's purpose and payment deferral.

«Purpose»: a commercial offer (the default for every account) or a reply to a state
customer's price request (44-ФЗ, the НМЦК justification), offered for the accounts
that buy under 44-ФЗ (hospitals, health authorities, the insurance fund). A reply asks
for the request's number and date, and hides what a reply does not carry: the discount
column (discounts are set to zero when the purpose changes), the readers' arguments,
the benefit and the exclusivity.

«Payment deferral, days»: a spin box (the wheel guard keeps the wheel off it unless it
has focus); 0 shows as «no deferral». Above the envelope's days for the account the
totals line says so: the offer needs the manager's approval like a discount.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QSpinBox

from kamdesk.services.offers import OfferBook, OfferDraft
from kamdesk.services.offers.line_checks import MAX_DEFERRAL_DAYS
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.labels import label
from kamdesk.ui.line_text import show_start
from kamdesk.ui.offers.common import pydate, qdate
from kamdesk.ui.offers.lines_model import DISCOUNT
from kamdesk.vocabulary import AccountKind, OfferPurpose

if TYPE_CHECKING:
    from kamdesk.services.workspace import Workspace
    from kamdesk.ui.offers.editor import OfferEditor

# The accounts that buy under 44-ФЗ and send price requests.
STATE_KINDS = frozenset(
    {AccountKind.HOSPITAL, AccountKind.HEALTH_AUTHORITY, AccountKind.INSURANCE_FUND}
)
READERS_TAB = 1


class OfferTermsFields:
    """Made by the editor in its top form; `deferral` goes on the terms tab."""

    def __init__(self, editor: OfferEditor, form: QFormLayout) -> None:
        self._editor = editor
        self._form = form
        self.purpose = QComboBox(editor)
        self.purpose.setObjectName("offerPurpose")
        for purpose in OfferPurpose:
            self.purpose.addItem(label(purpose), purpose)
        self.request_number = QLineEdit(editor)
        self.request_number.setObjectName("priceRequestNumber")
        self.request_number.setPlaceholderText(
            QCoreApplication.translate("OfferEditor", "As in the request, e.g. 0373200041526000123")
        )
        self.request_date = QDateEdit(editor)
        self.request_date.setObjectName("priceRequestDate")
        self.request_date.setCalendarPopup(True)
        self.request_date.setDisplayFormat("dd.MM.yyyy")
        self.request_date.setDate(QDate.currentDate())
        self.deferral = QSpinBox(editor)
        self.deferral.setObjectName("paymentDeferral")
        self.deferral.setRange(0, MAX_DEFERRAL_DAYS)
        self.deferral.setSpecialValueText(QCoreApplication.translate("OfferEditor", "no deferral"))
        self.deferral.setMaximumWidth(160)
        self.deferral_limit = 0
        form.addRow(QCoreApplication.translate("OfferEditor", "Purpose"), self.purpose)
        form.addRow(
            QCoreApplication.translate("OfferEditor", "Price request No."), self.request_number
        )
        form.addRow(
            QCoreApplication.translate("OfferEditor", "Price request date"), self.request_date
        )
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.deferral.valueChanged.connect(editor._update_totals)

    @property
    def is_price_reply(self) -> bool:
        return self.purpose.currentData() == OfferPurpose.PRICE_REPLY

    def refresh(self, book: OfferBook, workspace: Workspace, account_id: uuid.UUID) -> None:
        """The account's deferral envelope; a reply is offered to state customers only
        (or kept when one was saved)."""
        self.deferral_limit = book.max_deferral(account_id)
        summary = workspace.accounts.summary(account_id)
        kind = summary.kind if summary is not None else None
        self.purpose.setEnabled(kind in STATE_KINDS or self.is_price_reply)

    def load(self, draft: OfferDraft) -> None:
        self.purpose.blockSignals(True)
        self.purpose.setCurrentIndex(max(index_of_data(self.purpose, draft.purpose), 0))
        self.purpose.blockSignals(False)
        show_start(self.request_number, draft.price_request_number)
        if draft.price_request_date is not None:
            self.request_date.setDate(qdate(draft.price_request_date))
        self.deferral.setValue(draft.payment_deferral_days or 0)
        self._show_for_purpose()

    def fill(self, draft: OfferDraft) -> OfferDraft:
        draft.purpose = self.purpose.currentData()
        if self.is_price_reply:
            draft.price_request_number = self.request_number.text().strip()
            draft.price_request_date = pydate(self.request_date.date())
        draft.payment_deferral_days = self.deferral.value() or None
        return draft

    def deferral_note(self) -> str:
        """The totals' line when the deferral is above the envelope ("" when within)."""
        days = self.deferral.value()
        if not days or days <= self.deferral_limit:
            return ""
        return (
            QCoreApplication.translate(
                "OfferEditor",
                "A payment deferral of %1 days is above the %2 days you may give without "
                "approval: the offer needs the manager's approval.",
            )
            .replace("%1", str(days))
            .replace("%2", str(self.deferral_limit))
        )

    def _purpose_changed(self) -> None:
        if self.is_price_reply:  # a reply quotes the price itself
            for line in self._editor.lines.lines():
                line.discount_pct = Decimal(0)
            self._editor.lines.figures_changed()
        self._show_for_purpose()
        self._editor._update_totals()

    def _show_for_purpose(self) -> None:
        reply = self.is_price_reply
        for field in (self.request_number, self.request_date):
            self._form.setRowVisible(field, reply)
        editor = self._editor
        editor.lines_view.setColumnHidden(DISCOUNT, reply)
        editor.tabs.setTabVisible(READERS_TAB, not reply)
        terms = editor.terms_form
        for widget in (editor.benefit, editor.exclusivity):
            terms.setRowVisible(widget, not reply)
