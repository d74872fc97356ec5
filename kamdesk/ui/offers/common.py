"""Small helpers the offer and product pages share: labels, money, service messages,
dates, and the offer editor's team and totals texts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.offers import LineInput, OfferDraft, OfferStatus, TeamMemberInput
from kamdesk.ui.formatting import format_money
from kamdesk.ui.offers.approval_note import over_envelope_text
from kamdesk.ui.sentence import as_sentence

STATUS_TEXT: dict[OfferStatus, str] = {
    OfferStatus.DRAFT: QT_TRANSLATE_NOOP("Offers", "Draft"),
    OfferStatus.SENT: QT_TRANSLATE_NOOP("Offers", "Sent"),
    OfferStatus.ACCEPTED: QT_TRANSLATE_NOOP("Offers", "Accepted"),
    OfferStatus.REJECTED: QT_TRANSLATE_NOOP("Offers", "Rejected"),
    OfferStatus.EXPIRED: QT_TRANSLATE_NOOP("Offers", "Expired"),
}


def status_label(status: OfferStatus) -> str:
    return QCoreApplication.translate("Offers", STATUS_TEXT[status])


def message_text(message: Message) -> str:
    """A service message in the user's language, with its parameters filled in."""
    return message.format(QCoreApplication.translate(message.context, message.text))


def messages_text(messages: dict[str, Message]) -> str:
    """The messages one a line, each a sentence of its own."""
    return "\n".join(as_sentence(message_text(m)) for m in messages.values())


def money(value: Decimal | None) -> str:
    """Exact kopecks, formatted by the current QLocale («1 234,50 ₽»)."""
    return format_money(value, kopecks=True) if value is not None else ""


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def team_from_text(text: str) -> list[TeamMemberInput]:
    """The editor's team field: one person a line, «name; position; contacts»."""
    team = []
    for line in text.splitlines():
        parts = [part.strip() for part in line.split(";")]
        if parts and parts[0]:
            team.append(TeamMemberInput(*([*parts, "", ""])[:3]))
    return team


def totals_text(
    lines: list[LineInput],
    max_discounts: Mapping[uuid.UUID, Decimal],
    vat_note: str,
    approval_note: str = "",
) -> str:
    """The offer editor's totals under its lines (translated in its context);
    `approval_note` replaces the over-envelope warning (ui.offers.approval_note)."""
    draft = OfferDraft(account_id=uuid.uuid4(), offer_date=date.today(), valid_until=date.today())
    draft.lines = [line for line in lines if line.unit_price is not None]
    t = draft.totals()
    text = QCoreApplication.translate(
        "OfferEditor", "Without VAT: %1   Discount: %2   VAT: %3   Total with VAT: %4"
    )
    for number, value in enumerate((t.net, t.discount, t.vat, t.total), start=1):
        text = text.replace(f"%{number}", money(value))
    if any(line.discount_pct > max_discounts.get(line.product_id, Decimal(100)) for line in lines):
        text += "\n" + (approval_note or over_envelope_text())
    if vat_note:
        text += "\n" + vat_note
    return text
