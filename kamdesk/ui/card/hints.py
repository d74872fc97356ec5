"""Advice from the field guide, translated: how to work with a client type, how to talk
to a psychotype."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.accounts import ClientType, Psychotype

_CLIENT_TYPE = {
    ClientType.BREADWINNER: QT_TRANSLATE_NOOP(
        "CardHints", "Keep it: loyalty program, bonuses, VIP attention."
    ),
    ClientType.PROSPECT: QT_TRANSLATE_NOOP(
        "CardHints", "Win it over from the competitors: it has the budget."
    ),
    ClientType.IMAGE_MAKER: QT_TRANSLATE_NOOP(
        "CardHints", "It lends us its name: special terms, priority service, individual discounts."
    ),
    ClientType.EXPERT: QT_TRANSLATE_NOOP(
        "CardHints", "Hardest to serve: flawless quality and service; it shows our weak spots."
    ),
}

_PSYCHOTYPE = {
    Psychotype.ANALYST: QT_TRANSLATE_NOOP(
        "CardHints",
        "Facts, figures and order: bring studies and a clear structure, leave time to think, "
        "never rush.",
    ),
    Psychotype.EXPRESSIVE: QT_TRANSLATE_NOOP(
        "CardHints",
        "Attention and compliments: let them talk, praise their ideas, show the big picture.",
    ),
    Psychotype.DIRECTIVE: QT_TRANSLATE_NOOP(
        "CardHints",
        "Brevity and results: come to the point, offer options to choose from, keep to time.",
    ),
    Psychotype.FRIENDLY: QT_TRANSLATE_NOOP(
        "CardHints",
        "Relationship and trust: take time for a personal word, be warm, avoid pressure.",
    ),
}


def client_type_hint(value: ClientType | None) -> str:
    return QCoreApplication.translate("CardHints", _CLIENT_TYPE[value]) if value else ""


def psychotype_tips(value: Psychotype | None) -> str:
    return QCoreApplication.translate("CardHints", _PSYCHOTYPE[value]) if value else ""
