"""The fixed vocabularies of the domain, stored as their string values.

Labels shown to users live in the UI (translated); these values never change
once data exists, because the office server and other laptops read them.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SAEnum


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


class UserRole(StrEnum):
    KAM = "kam"
    MANAGER = "manager"


class KamKind(StrEnum):
    HOSPITAL = "hospital"
    PHARMACY_CHAIN = "pharmacy_chain"
    DISTRIBUTOR = "distributor"


class AccountKind(StrEnum):
    HOSPITAL = "hospital"  # ЛПУ: hospitals and clinics
    PHARMACY_CHAIN = "pharmacy_chain"
    PHARMACY = "pharmacy"
    DISTRIBUTOR = "distributor"
    HEALTH_AUTHORITY = "health_authority"
    OTHER = "other"


class ClientType(StrEnum):
    BREADWINNER = "breadwinner"  # Кормилец
    PROSPECT = "prospect"  # Перспективный
    IMAGE_MAKER = "image_maker"  # Имиджмейкер
    EXPERT = "expert"  # Эксперт


class AccountStatus(StrEnum):
    ACTIVE = "active"
    AT_RISK = "at_risk"
    LOST = "lost"
    WIN_BACK = "win_back"
    PROSPECT = "prospect"


class DmuRole(StrEnum):
    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    APPROVER = "approver"  # finance / approver
    TECHNICAL_EXPERT = "technical_expert"
    USER = "user"
    GATEKEEPER = "gatekeeper"


class Attitude(StrEnum):
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    OPPONENT = "opponent"


class Psychotype(StrEnum):
    ANALYST = "analyst"
    EXPRESSIVE = "expressive"
    DIRECTIVE = "directive"
    FRIENDLY = "friendly"


class RelationshipEventKind(StrEnum):
    DELIVERY = "delivery"
    TENDER = "tender"
    AGREEMENT = "agreement"
    COMPLAINT = "complaint"
    NOTE = "note"


class TenderResult(StrEnum):
    PENDING = "pending"
    WON = "won"
    LOST = "lost"
    CANCELLED = "cancelled"


class VisitStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    REPORTED = "reported"
    SUBMITTED = "submitted"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class OfferStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EXPIRED = "expired"


class ChangeOperation(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"


class ChangeStatus(StrEnum):
    PENDING = "pending"
    ACKNOWLEDGED = "acknowledged"
    REJECTED = "rejected"
