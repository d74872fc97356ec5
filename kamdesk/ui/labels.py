"""Translated labels for the domain's fixed vocabularies (field guide §2–3).

One place for every screen: `label(AccountKind.HOSPITAL)` gives «ЛПУ / больница»
in Russian and "Hospital / clinic" in English, `choices(AccountKind)` gives the
values in a sensible order with their labels for combos and filters. Each
vocabulary has its own translation context because the same English word
needs different Russian ("Prospect" is «Перспективный» as a client type and
«Потенциальный» as a status).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from kamdesk.i18n import QT_TRANSLATE_NOOP
from kamdesk.services.accounts import (
    AccountKind,
    AccountStatus,
    Attitude,
    ClientType,
    DmuRole,
    Psychotype,
    RelationshipEventKind,
    TenderResult,
)
from kamdesk.vocabulary import LossReason, OfferPurpose, VisitChannel

_LABELS: dict[type[StrEnum], tuple[str, dict[str, str]]] = {
    AccountKind: (
        "AccountKind",
        {
            AccountKind.HOSPITAL: QT_TRANSLATE_NOOP("AccountKind", "Hospital / clinic"),
            AccountKind.PHARMACY_CHAIN: QT_TRANSLATE_NOOP("AccountKind", "Pharmacy chain"),
            AccountKind.PHARMACY: QT_TRANSLATE_NOOP("AccountKind", "Pharmacy"),
            AccountKind.DISTRIBUTOR: QT_TRANSLATE_NOOP("AccountKind", "Distributor"),
            AccountKind.HEALTH_AUTHORITY: QT_TRANSLATE_NOOP("AccountKind", "Health authority"),
            AccountKind.INSURANCE_FUND: QT_TRANSLATE_NOOP(
                "AccountKind", "Compulsory health insurance fund"
            ),
            AccountKind.OTHER: QT_TRANSLATE_NOOP("AccountKind", "Other"),
        },
    ),
    LossReason: (
        "LossReason",
        {
            LossReason.SERVICE: QT_TRANSLATE_NOOP("LossReason", "Worse service"),
            LossReason.QUALITY: QT_TRANSLATE_NOOP("LossReason", "Worse product quality"),
            LossReason.BROKEN_PROMISES: QT_TRANSLATE_NOOP(
                "LossReason", "Broken deadlines and promises"
            ),
            LossReason.OPINION_IGNORED: QT_TRANSLATE_NOOP(
                "LossReason", "The client's opinion was ignored"
            ),
            LossReason.FORGOTTEN: QT_TRANSLATE_NOOP("LossReason", "The client was forgotten"),
            LossReason.OTHER: QT_TRANSLATE_NOOP("LossReason", "Another reason"),
        },
    ),
    VisitChannel: (
        "VisitChannel",
        {
            VisitChannel.VISIT: QT_TRANSLATE_NOOP("VisitChannel", "Visit"),
            VisitChannel.CALL: QT_TRANSLATE_NOOP("VisitChannel", "Call"),
        },
    ),
    OfferPurpose: (
        "OfferPurpose",
        {
            OfferPurpose.COMMERCIAL: QT_TRANSLATE_NOOP("OfferPurpose", "Commercial offer"),
            OfferPurpose.PRICE_REPLY: QT_TRANSLATE_NOOP(
                "OfferPurpose", "Reply to a price request (НМЦК justification)"
            ),
        },
    ),
    ClientType: (
        "ClientType",
        {
            ClientType.BREADWINNER: QT_TRANSLATE_NOOP("ClientType", "Breadwinner"),
            ClientType.PROSPECT: QT_TRANSLATE_NOOP("ClientType", "Prospect"),
            ClientType.IMAGE_MAKER: QT_TRANSLATE_NOOP("ClientType", "Image-maker"),
            ClientType.EXPERT: QT_TRANSLATE_NOOP("ClientType", "Expert"),
        },
    ),
    AccountStatus: (
        "AccountStatus",
        {
            AccountStatus.ACTIVE: QT_TRANSLATE_NOOP("AccountStatus", "Active"),
            AccountStatus.AT_RISK: QT_TRANSLATE_NOOP("AccountStatus", "At risk"),
            AccountStatus.LOST: QT_TRANSLATE_NOOP("AccountStatus", "Lost"),
            AccountStatus.WIN_BACK: QT_TRANSLATE_NOOP("AccountStatus", "Win back"),
            AccountStatus.PROSPECT: QT_TRANSLATE_NOOP("AccountStatus", "Prospect"),
        },
    ),
    DmuRole: (
        "DmuRole",
        {
            DmuRole.DECISION_MAKER: QT_TRANSLATE_NOOP("DmuRole", "Decision-maker"),
            DmuRole.INFLUENCER: QT_TRANSLATE_NOOP("DmuRole", "Influencer"),
            DmuRole.APPROVER: QT_TRANSLATE_NOOP("DmuRole", "Approver (finance)"),
            DmuRole.TECHNICAL_EXPERT: QT_TRANSLATE_NOOP("DmuRole", "Technical expert"),
            DmuRole.USER: QT_TRANSLATE_NOOP("DmuRole", "User"),
            DmuRole.GATEKEEPER: QT_TRANSLATE_NOOP("DmuRole", "Gatekeeper"),
        },
    ),
    Attitude: (
        "Attitude",
        {
            Attitude.SUPPORTER: QT_TRANSLATE_NOOP("Attitude", "Supporter"),
            Attitude.NEUTRAL: QT_TRANSLATE_NOOP("Attitude", "Neutral"),
            Attitude.OPPONENT: QT_TRANSLATE_NOOP("Attitude", "Opponent"),
        },
    ),
    Psychotype: (
        "Psychotype",
        {
            Psychotype.ANALYST: QT_TRANSLATE_NOOP("Psychotype", "Analyst"),
            Psychotype.EXPRESSIVE: QT_TRANSLATE_NOOP("Psychotype", "Expressive"),
            Psychotype.DIRECTIVE: QT_TRANSLATE_NOOP("Psychotype", "Directive"),
            Psychotype.FRIENDLY: QT_TRANSLATE_NOOP("Psychotype", "Friendly"),
        },
    ),
    RelationshipEventKind: (
        "RelationshipEventKind",
        {
            RelationshipEventKind.DELIVERY: QT_TRANSLATE_NOOP("RelationshipEventKind", "Delivery"),
            RelationshipEventKind.TENDER: QT_TRANSLATE_NOOP("RelationshipEventKind", "Tender"),
            RelationshipEventKind.AGREEMENT: QT_TRANSLATE_NOOP(
                "RelationshipEventKind", "Agreement"
            ),
            RelationshipEventKind.COMPLAINT: QT_TRANSLATE_NOOP(
                "RelationshipEventKind", "Complaint"
            ),
            RelationshipEventKind.NOTE: QT_TRANSLATE_NOOP("RelationshipEventKind", "Note"),
        },
    ),
    TenderResult: (
        "TenderResult",
        {
            TenderResult.PENDING: QT_TRANSLATE_NOOP("TenderResult", "Pending"),
            TenderResult.WON: QT_TRANSLATE_NOOP("TenderResult", "Won"),
            TenderResult.LOST: QT_TRANSLATE_NOOP("TenderResult", "Lost"),
            TenderResult.CANCELLED: QT_TRANSLATE_NOOP("TenderResult", "Cancelled"),
        },
    ),
}

# Explanations shown as tooltips, from the field guide.
_DESCRIPTIONS: dict[type[StrEnum], dict[str, str]] = {
    ClientType: {
        ClientType.BREADWINNER: QT_TRANSLATE_NOOP(
            "ClientType", "Brings 10 % of profit or more, loyal, long-term: keep and reward"
        ),
        ClientType.PROSPECT: QT_TRANSLATE_NOOP(
            "ClientType", "Small today but with a big budget, often a competitor's breadwinner"
        ),
        ClientType.IMAGE_MAKER: QT_TRANSLATE_NOOP(
            "ClientType", "A famous name that gives reputation; expects special terms"
        ),
        ClientType.EXPERT: QT_TRANSLATE_NOOP(
            "ClientType", "Demanding and knowledgeable; exposes weak spots"
        ),
    },
    Psychotype: {
        Psychotype.ANALYST: QT_TRANSLATE_NOOP("Psychotype", "Wants facts and order"),
        Psychotype.EXPRESSIVE: QT_TRANSLATE_NOOP("Psychotype", "Wants attention and compliments"),
        Psychotype.DIRECTIVE: QT_TRANSLATE_NOOP("Psychotype", "Wants brevity and results"),
        Psychotype.FRIENDLY: QT_TRANSLATE_NOOP("Psychotype", "Wants relationship and trust"),
    },
}

ABC_CLASSES = ("A", "B", "C")

E = TypeVar("E", bound=StrEnum)


def label(value: StrEnum | None) -> str:
    """The translated label of an enum value; "" for None."""
    if value is None:
        return ""
    context, texts = _LABELS[type(value)]
    return QCoreApplication.translate(context, texts[value])


def description(value: StrEnum | None) -> str:
    """A one-line explanation for a tooltip, or "" when there is none."""
    if value is None:
        return ""
    texts = _DESCRIPTIONS.get(type(value), {})
    if value not in texts:
        return ""
    return QCoreApplication.translate(_LABELS[type(value)][0], texts[value])


def choices(enum_cls: type[E]) -> list[tuple[E, str]]:
    """Every value of `enum_cls` in declaration order, with its label."""
    return [(member, label(member)) for member in enum_cls]


def no_abc_class_label() -> str:
    return QCoreApplication.translate("Labels", "Without class")


def qualification_label(key: str) -> str:
    """The three P of qualification: need, ability to pay, authority."""
    texts = {
        "need": QT_TRANSLATE_NOOP("Labels", "Need"),
        "pay": QT_TRANSLATE_NOOP("Labels", "Ability to pay"),
        "authority": QT_TRANSLATE_NOOP("Labels", "Authority"),
    }
    return QCoreApplication.translate("Labels", texts[key])
