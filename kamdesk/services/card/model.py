"""Plain objects the card is drawn from: no ORM rows ever reach the UI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kamdesk.i18n import Message
from kamdesk.vocabulary import (
    AccountKind,
    AccountStatus,
    Attitude,
    ClientType,
    DmuRole,
    Psychotype,
    RelationshipEventKind,
    TenderResult,
)

CONTEXT = "Card"


class CardError(ValueError):
    """An edit the card refuses, with a message to show next to the field."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class ContactCard:
    id: uuid.UUID
    surname: str
    name: str
    patronymic: str
    form_of_address: str
    position: str
    department: str
    phone_work: str
    phone_mobile: str
    email: str
    dmu_role: DmuRole | None
    influence: int | None
    attitude: Attitude | None
    psychotype: Psychotype | None
    is_kol: bool
    reports_to_id: uuid.UUID | None
    consent_given: bool
    consent_date: date | None
    notes: str
    personal: dict[str, Any] = field(default_factory=dict)  # ContactPersonal fields

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.surname, self.name, self.patronymic) if part)


@dataclass(frozen=True)
class EventCard:
    id: uuid.UUID
    kind: RelationshipEventKind
    occurred_on: date
    subject: str
    description: str
    amount: Decimal | None
    tender_number: str
    tender_result: TenderResult | None
    result_reason: str
    resolution: str
    resolved_on: date | None


@dataclass(frozen=True)
class CompetitorCard:
    id: uuid.UUID
    company: str
    products: str
    terms: str
    strength: str
    notes: str


@dataclass(frozen=True)
class Draft:
    """Typed text not yet committed to its row (see kamdesk.models.local.CardDraft)."""

    entity: str
    row_key: uuid.UUID
    field: str
    text: str


@dataclass(frozen=True)
class CardData:
    """Everything the card shows about one account, loaded in one go."""

    id: uuid.UUID
    # Account columns by name; "status" is the status shown: the KAM's choice where it
    # applies, otherwise the figures (kamdesk.account_status), as in the client list.
    account: dict[str, Any]
    dossier: dict[str, Any]  # AccountDossier columns by name (defaults when none yet)
    owner_name: str
    parent_name: str
    merged_into_name: str
    archived: bool
    abc_class: str | None
    xyz_class: str | None
    next_visit_at: datetime | None
    score: int
    missing: list[Message]
    contacts: list[ContactCard]
    events: list[EventCard]
    competitors: list[CompetitorCard]
    drafts: list[Draft]
    # A pharmacy's choices of parent chain (id, name), by name; empty for other kinds.
    chains: list[tuple[uuid.UUID, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.account["name"])

    @property
    def short_name(self) -> str:
        return str(self.account["short_name"])

    @property
    def kind(self) -> AccountKind:
        return AccountKind(self.account["kind"])

    @property
    def status(self) -> AccountStatus:
        return AccountStatus(self.account["status"])

    @property
    def client_type(self) -> ClientType | None:
        value = self.account["client_type"]
        return ClientType(value) if value else None
