"""The fixed vocabularies of the domain, as plain enums (no database, no Qt).

Their values are stored and synced: they never change once data exists.
Labels shown to users live in the UI, translated. Kept outside
`kamdesk.models` so the window can start without importing SQLAlchemy.
"""

from __future__ import annotations

from enum import StrEnum


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
    # ТФОМС / ФОМС: pays for care, buys nothing itself (never "lost" from sales).
    INSURANCE_FUND = "insurance_fund"
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


class LossReason(StrEnum):
    """Why a client stopped buying: the field guide's five causes, and anything else."""

    SERVICE = "service"  # worse service
    QUALITY = "quality"  # worse product quality
    BROKEN_PROMISES = "broken_promises"  # broken deadlines and promises
    OPINION_IGNORED = "opinion_ignored"  # the client's opinion ignored
    FORGOTTEN = "forgotten"  # the client forgotten
    OTHER = "other"


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


class VisitChannel(StrEnum):
    """How a planned contact with the account happens: in person or by telephone."""

    VISIT = "visit"
    CALL = "call"


class OfferPurpose(StrEnum):
    COMMERCIAL = "commercial"  # a commercial offer («КП») for a negotiation
    # A state customer's price request under 44-ФЗ: the supplier's reply justifies the
    # initial maximum contract price (НМЦК); no discounts, unit prices with VAT.
    PRICE_REPLY = "price_reply"


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


class ProductKind(StrEnum):
    """What a product is: only a medicine has an МНН; the kind also suggests its VAT."""

    MEDICINE = "medicine"  # лекарственный препарат
    MEDICAL_DEVICE = "medical_device"  # медицинское изделие: a catheter, a bandage
    OTHER = "other"  # other goods: dietary supplements, cosmetics


class VatKind(StrEnum):
    """How a product is taxed. The rate itself depends on the date and on the supplier's
    tax system (kamdesk.services.products.vat): the standard rate was 20 % until
    31.12.2025 and is 22 % from 01.01.2026."""

    STANDARD = "standard"  # общая ставка
    REDUCED = "reduced"  # 10 %: medicines and medical goods on the government's lists
    ZERO = "zero"  # 0 %
    EXEMPT = "exempt"  # «без НДС», «НДС не облагается»: no VAT at all, which is not 0 %
