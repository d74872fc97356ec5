"""What the checklist, the brief and the report draft look at, gathered for a visit.

Plain frozen dataclasses, so every checklist rule can be tested on hand-built
facts without a database. `kamdesk.services.visits.facts_loader` fills them
for many visits at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from kamdesk.services.dossier import Completeness
from kamdesk.services.visits.travel import Leg
from kamdesk.textfold import fold
from kamdesk.vocabulary import (
    Attitude,
    DmuRole,
    OfferStatus,
    Psychotype,
    VisitChannel,
    VisitStatus,
)


@dataclass(frozen=True)
class PersonalFacts:
    """A contact's personal details; present only when the contact gave consent."""

    birthday: date | None = None
    smoking: str = ""
    alcohol: str = ""
    food_preferences: str = ""
    topics_to_avoid: str = ""
    # Conversation openers for the brief (field guide: personal details, with consent).
    hobbies: str = ""
    family: str = ""
    education: str = ""


@dataclass(frozen=True)
class AttendeeFacts:
    contact_id: uuid.UUID
    full_name: str
    position: str = ""
    dmu_role: DmuRole | None = None
    influence: int | None = None
    attitude: Attitude | None = None
    psychotype: Psychotype | None = None
    form_of_address: str = ""
    personal: PersonalFacts | None = None
    phone: str = ""  # the mobile, else the work number (a call dials it)


@dataclass(frozen=True)
class ObjectionFacts:
    objection: str
    answer: str = ""


@dataclass(frozen=True)
class ProductFacts:
    product_id: uuid.UUID
    name: str
    objections: tuple[ObjectionFacts, ...] = ()
    key_messages: tuple[str, ...] = ()
    price: Decimal | None = None  # the current price without VAT
    comparisons: int = 0
    discussed: bool | None = None


@dataclass(frozen=True)
class PastReport:
    visit_id: uuid.UUID
    held_at: datetime
    outcome: str
    objections: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferFacts:
    offer_id: uuid.UUID
    account_id: uuid.UUID
    number: str
    status: OfferStatus
    valid_until: date


@dataclass(frozen=True)
class ComplaintFacts:
    """A complaint of the account not resolved yet: it comes before any new selling."""

    event_id: uuid.UUID
    occurred_on: date
    subject: str
    description: str = ""


@dataclass(frozen=True)
class VisitFacts:
    visit_id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    starts_at: datetime
    time_zone: str
    status: VisitStatus = VisitStatus.PLANNED
    duration_min: int = 60
    place: str = ""
    is_commercial: bool = False
    objective: str = ""
    agenda: str = ""
    questions: tuple[str, ...] = ()
    materials: str = ""
    target_result: str = ""
    walk_away_point: str = ""
    concessions: tuple[str, ...] = ()
    offer: OfferFacts | None = None
    leg: Leg | None = None
    attendees: tuple[AttendeeFacts, ...] = ()
    products: tuple[ProductFacts, ...] = ()
    dossier: Completeness = field(default_factory=lambda: Completeness(0, []))
    past_reports: tuple[PastReport, ...] = ()  # newest first
    # Answers prepared anywhere in the catalogue, by folded objection text.
    known_answers: dict[str, str] = field(default_factory=dict)
    confirmed: dict[str, tuple[bool, str]] = field(default_factory=dict)  # key: (ok, note)
    channel: VisitChannel = VisitChannel.VISIT
    # A call has no leg; whether it falls inside another visit or call is known here.
    call_overlaps: bool = False
    open_complaints: tuple[ComplaintFacts, ...] = ()  # oldest first

    @property
    def is_call(self) -> bool:
        return self.channel == VisitChannel.CALL

    @property
    def visit_day(self) -> date:
        from kamdesk.services.visits.travel import local_day

        return local_day(self.starts_at, self.time_zone)

    def client_objections(self) -> list[str]:
        """Objections this client raised in past reports, each once, newest first."""
        seen: set[str] = set()
        result: list[str] = []
        for report in self.past_reports:
            for objection in report.objections:
                key = fold(objection)
                if key and key not in seen:
                    seen.add(key)
                    result.append(objection.strip())
        return result


def lines(text: str) -> tuple[str, ...]:
    """The non-empty lines of a multi-line field (questions, objections, concessions)."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def answer_for(objection: str, known_answers: dict[str, str]) -> str:
    """The prepared answer to an objection, matched on folded text.

    A report says «дорого для бюджета», the catalogue «Дорого»: one containing
    the other (at least 5 letters) counts as the same objection.
    """
    key = fold(objection)
    if not key:
        return ""
    if key in known_answers:
        return known_answers[key]
    for known, answer in known_answers.items():
        if len(known) >= 5 and len(key) >= 5 and (known in key or key in known):
            return answer
    return ""
