"""Small helpers the offer and product pages share: labels, money, service messages."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.offers import OfferStatus
from kamdesk.ui.formatting import format_money

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
    return "\n".join(message_text(m) for m in messages.values())


def money(value: Decimal | None) -> str:
    """Exact kopecks, formatted by the current QLocale («1 234,50 ₽»)."""
    return format_money(value, kopecks=True) if value is not None else ""
