"""Database columns for the domain vocabularies of `kamdesk.vocabulary`."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SAEnum

from kamdesk.vocabulary import (
    AccountKind,
    AccountStatus,
    Attitude,
    ChangeOperation,
    ChangeStatus,
    ClientType,
    DmuRole,
    KamKind,
    LossReason,
    OfferPurpose,
    OfferStatus,
    Psychotype,
    RelationshipEventKind,
    Sentiment,
    TenderResult,
    UserRole,
    VisitChannel,
    VisitStatus,
)

__all__ = [
    "AccountKind",
    "AccountStatus",
    "Attitude",
    "ChangeOperation",
    "ChangeStatus",
    "ClientType",
    "DmuRole",
    "KamKind",
    "LossReason",
    "OfferPurpose",
    "OfferStatus",
    "Psychotype",
    "RelationshipEventKind",
    "Sentiment",
    "TenderResult",
    "UserRole",
    "VisitChannel",
    "VisitStatus",
    "db_enum",
]


def db_enum(enum_cls: type[StrEnum]) -> SAEnum:
    """A VARCHAR column with a CHECK constraint on the enum's values."""
    return SAEnum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_cls),
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )
