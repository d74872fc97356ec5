"""Which fields of a card can be edited, and how typed text becomes a stored value.

Every edit names an `Entity`, the row it belongs to and a field. Text the KAM
typed is checked here, so the card, the CLI and tests refuse the same things
with the same words: ИНН/КПП check digits, e-mail, phones (stored in E.164),
dates (дд.мм.гггг or ISO), whole numbers and influence 1–5. Long text is kept
exactly as given (no trimming, no newline changes).
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Any

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services import validation
from kamdesk.services.card.model import CONTEXT, CardError
from kamdesk.vocabulary import (
    AccountKind,
    AccountStatus,
    Attitude,
    ClientType,
    DmuRole,
    LossReason,
    Psychotype,
    RelationshipEventKind,
    TenderResult,
)


class Entity(StrEnum):
    ACCOUNT = "account"  # row key: the account
    DOSSIER = "dossier"  # row key: the account (the dossier row is made on first edit)
    CONTACT = "contact"
    PERSONAL = "personal"  # row key: the contact (needs its consent)
    EVENT = "event"
    COMPETITOR = "competitor"


class Kind(Enum):
    TEXT = "text"  # kept exactly
    LINE = "line"  # one line, surrounding spaces trimmed
    REQUIRED = "required"  # one line that cannot be empty
    INN = "inn"
    KPP = "kpp"
    EMAIL = "email"
    PHONE = "phone"
    COUNT = "count"  # whole number ≥ 0 or empty
    INFLUENCE = "influence"  # 1..5 or empty
    DATE = "date"
    MONEY = "money"
    BOOL = "bool"
    MAYBE = "maybe"  # yes, no, or not decided (None)
    REF = "ref"  # another row's id (whom a contact reports to) or None


_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "kind": AccountKind,
    "status": AccountStatus,
    "client_type": ClientType,
    "dmu_role": DmuRole,
    "attitude": Attitude,
    "psychotype": Psychotype,
    "event_kind": RelationshipEventKind,
    "tender_result": TenderResult,
    "loss_reason": LossReason,
}

_T, _L = Kind.TEXT, Kind.LINE
FIELDS: dict[Entity, dict[str, Kind | type[StrEnum]]] = {
    Entity.ACCOUNT: {
        "name": Kind.REQUIRED, "short_name": _L, "kind": AccountKind, "inn": Kind.INN,
        "kpp": Kind.KPP, "region": _L, "city": _L, "address": _L, "phone": Kind.PHONE,
        "email": Kind.EMAIL, "website": _L, "client_type": ClientType, "status": AccountStatus,
        "qual_need": Kind.BOOL, "qual_need_note": _T, "qual_pay": Kind.BOOL,
        "qual_pay_note": _T, "qual_authority": Kind.BOOL, "qual_authority_note": _T,
        "parent_id": Kind.REF, "key_client": Kind.MAYBE, "loss_reason": LossReason,
        "loss_note": _T, "win_back_means": _T,
    },
    Entity.DOSSIER: {
        "activity": _T, "employees": Kind.COUNT, "beds": Kind.COUNT, "history": _T,
        "structure": _T, "environment": _T, "financials": _T, "annual_budget": Kind.MONEY,
        "needs": _T, "plans": _T, "worries": _T, "general_notes": _T,
        "relationship_stage": _L, "relationship_outlook": _T, "history_notes": _T,
        "dmu_notes": _T, "competitors_notes": _T,
    },
    Entity.CONTACT: {
        "surname": Kind.REQUIRED, "name": _L, "patronymic": _L, "form_of_address": _L,
        "position": _L, "department": _L, "phone_work": Kind.PHONE, "phone_mobile": Kind.PHONE,
        "email": Kind.EMAIL, "dmu_role": DmuRole, "influence": Kind.INFLUENCE,
        "attitude": Attitude, "psychotype": Psychotype, "is_kol": Kind.BOOL,
        "consent_given": Kind.BOOL, "consent_date": Kind.DATE, "notes": _T,
        "reports_to_id": Kind.REF,
    },
    Entity.PERSONAL: {
        "birthday": Kind.DATE, "education": _T, "previous_jobs": _T, "military_service": _T,
        "family": _T, "hobbies": _T, "current_concerns": _T, "smoking": _L, "alcohol": _L,
        "food_preferences": _L, "topics_to_avoid": _T, "notes": _T,
    },
    Entity.EVENT: {
        "kind": RelationshipEventKind, "occurred_on": Kind.DATE, "subject": _L,
        "description": _T, "amount": Kind.MONEY, "tender_number": _L,
        "tender_result": TenderResult, "result_reason": _T, "resolution": _T,
        "resolved_on": Kind.DATE,
    },
    Entity.COMPETITOR: {
        "company": Kind.REQUIRED, "products": _T, "terms": _T, "strength": _T, "notes": _T,
    },
}  # fmt: skip

# Fields whose empty value is stored as None rather than "".
_NULLABLE_WHEN_EMPTY = {Kind.COUNT, Kind.INFLUENCE, Kind.DATE, Kind.MONEY}
_REQUIRED_DATES = {(Entity.EVENT, "occurred_on")}
_DATE_PATTERN = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def _m(text: str, **params: Any) -> Message:
    return Message(CONTEXT, text, params)


def kind_of(entity: Entity, name: str) -> Kind | type[StrEnum]:
    try:
        return FIELDS[entity][name]
    except KeyError:
        raise KeyError(f"{entity}.{name} is not an editable field") from None


def is_text_field(entity: Entity, name: str) -> bool:
    """Fields typed as free text (they get drafts while being typed)."""
    return kind_of(entity, name) in (Kind.TEXT, Kind.LINE, Kind.REQUIRED)


def parse(entity: Entity, name: str, raw: Any) -> Any:
    """The value to store for what the KAM entered; CardError says what is wrong."""
    kind = kind_of(entity, name)
    if isinstance(kind, type):  # an enum: None clears it
        if raw is None or raw == "":
            return None
        try:
            return kind(raw)
        except ValueError:
            message = _m(QT_TRANSLATE_NOOP("Card", "unknown value: {value}"), value=raw)
            raise CardError(message) from None
    if kind is Kind.BOOL:
        return bool(raw)
    if kind is Kind.MAYBE:
        return None if raw in (None, "") else bool(raw)
    if kind is Kind.REF:
        return None if raw in (None, "") else uuid.UUID(str(raw))
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        return _check_typed(entity, name, kind, raw)
    if kind is Kind.TEXT:
        return raw
    text = raw.strip()
    if kind is Kind.LINE:
        return text
    if kind is Kind.REQUIRED:
        if not text:
            raise CardError(_m(QT_TRANSLATE_NOOP("Card", "this field cannot be empty")))
        return text
    if not text:
        if (entity, name) in _REQUIRED_DATES:
            raise CardError(_m(QT_TRANSLATE_NOOP("Card", "a date is required")))
        return None if kind in _NULLABLE_WHEN_EMPTY else ""
    return _parse_text(kind, text)


def _parse_text(kind: Kind, text: str) -> Any:
    checks = {Kind.INN: validation.check_inn, Kind.KPP: validation.check_kpp}
    if kind in checks:
        problem = checks[kind](text)
        if problem is not None:
            raise CardError(problem)
        return text
    if kind is Kind.EMAIL:
        problem = validation.check_email(text)
        if problem is not None:
            raise CardError(problem)
        return text
    if kind is Kind.PHONE:
        problem = validation.check_phone(text)
        if problem is not None:
            raise CardError(problem)
        return validation.normalize_phone(text)
    if kind is Kind.DATE:
        return parse_date(text)
    if kind is Kind.MONEY:
        try:
            amount = Decimal(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))
        except InvalidOperation:
            amount = None
        if amount is None or amount < 0 or amount != amount.quantize(Decimal("0.01")):
            raise CardError(
                _m(QT_TRANSLATE_NOOP("Card", "not an amount in roubles: {value}"), value=text)
            )
        return amount.quantize(Decimal("0.01"))
    if not text.isdigit():
        raise CardError(_m(QT_TRANSLATE_NOOP("Card", "not a whole number: {value}"), value=text))
    return _check_typed(Entity.CONTACT, "", kind, int(text))


def _check_typed(entity: Entity, name: str, kind: Kind, value: Any) -> Any:
    if kind is Kind.INFLUENCE and not (isinstance(value, int) and 1 <= value <= 5):
        raise CardError(_m(QT_TRANSLATE_NOOP("Card", "influence is from 1 to 5")))
    if kind is Kind.COUNT and not (isinstance(value, int) and value >= 0):
        raise CardError(_m(QT_TRANSLATE_NOOP("Card", "not a whole number: {value}"), value=value))
    if kind is Kind.DATE and not isinstance(value, date):
        raise CardError(_m(QT_TRANSLATE_NOOP("Card", "not a date: {value}"), value=value))
    return value


def parse_date(text: str) -> date:
    """«31.12.2025» or «2025-12-31»."""
    match = _DATE_PATTERN.match(text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CardError(
            _m(QT_TRANSLATE_NOOP("Card", "not a date (dd.mm.yyyy): {value}"), value=text)
        ) from None


def enum_for(name: str) -> type[StrEnum] | None:
    return _ENUM_FIELDS.get(name)
