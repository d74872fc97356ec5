"""Plain objects the visits UI, the CLI and the documents work with (no ORM rows)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from kamdesk.i18n import Message
from kamdesk.services.visits.checklist_types import ReadinessSummary
from kamdesk.services.visits.travel import Leg
from kamdesk.vocabulary import (
    AccountKind,
    Attitude,
    DmuRole,
    OfferStatus,
    Psychotype,
    Sentiment,
    VisitChannel,
    VisitStatus,
)

__all__ = [
    "AccountKind",
    "Attitude",
    "ContactChoice",
    "DmuRole",
    "OfferChoice",
    "OfferStatus",
    "PlanInput",
    "PlanningOptions",
    "ProductChoice",
    "Psychotype",
    "Sentiment",
    "VisitChannel",
    "VisitError",
    "VisitRow",
    "VisitStatus",
]

CONTEXT = "Visits"

# A call is short: a quarter of an hour unless the KAM says otherwise.
CALL_DURATION_MIN = 15


def msg(text: str, **params: object) -> Message:
    """A message of the visits services; `text` must be marked with QT_TRANSLATE_NOOP."""
    return Message(CONTEXT, text, params)


class VisitError(ValueError):
    """A change the visits service refuses; `messages` maps a field ("" = the whole) to why."""

    def __init__(self, messages: Message | dict[str, Message]) -> None:
        self.messages = messages if isinstance(messages, dict) else {"": messages}
        super().__init__("; ".join(str(m) for m in self.messages.values()))


@dataclass
class PlanInput:
    """Everything the planner form edits; `plan_defaults` prefills it from the account."""

    account_id: uuid.UUID
    starts_at: datetime  # aware
    duration_min: int = 60
    place: str = ""
    latitude: float | None = None
    longitude: float | None = None
    is_commercial: bool = False
    objective: str = ""
    agenda: str = ""
    questions: list[str] = field(default_factory=list)
    materials: str = ""
    target_result: str = ""
    walk_away_point: str = ""
    concessions: list[str] = field(default_factory=list)  # in the order they may be made
    offer_id: uuid.UUID | None = None
    attendee_ids: list[uuid.UUID] = field(default_factory=list)
    product_ids: list[uuid.UUID] = field(default_factory=list)
    travel_override_min: int | None = None
    # A call (VisitChannel.CALL) has no place, coordinates nor travel: the planner clears them.
    channel: VisitChannel = VisitChannel.VISIT

    @property
    def is_call(self) -> bool:
        return self.channel == VisitChannel.CALL


@dataclass(frozen=True)
class ContactChoice:
    id: uuid.UUID
    full_name: str
    position: str
    dmu_role: DmuRole | None
    influence: int | None
    phone: str = ""  # the mobile, else the work number: what a call dials


@dataclass(frozen=True)
class ProductChoice:
    id: uuid.UUID
    trade_name: str
    dosage: str
    sku: str


@dataclass(frozen=True)
class OfferChoice:
    id: uuid.UUID
    number: str
    edition: int
    status: OfferStatus
    valid_until: date


@dataclass(frozen=True)
class PlanningOptions:
    """What the planner form offers for one account."""

    account_name: str
    address: str
    contacts: list[ContactChoice]
    products: list[ProductChoice]
    offers: list[OfferChoice]


@dataclass(frozen=True)
class VisitRow:
    """A visit in the day, week and list views."""

    id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    account_kind: AccountKind
    starts_at: datetime
    ends_at: datetime
    duration_min: int
    place: str
    status: VisitStatus
    is_commercial: bool
    objective: str
    rescheduled_from_id: uuid.UUID | None
    leg: Leg | None  # only for planned and done visits
    readiness: ReadinessSummary | None  # only for planned visits, when asked for
    delivered: bool = False  # submitted and acknowledged by the office (sync_inbox)
    channel: VisitChannel = VisitChannel.VISIT  # a call has no leg and no place
    account_short_name: str = ""  # Account.short_name; "" when the account has none
    # When a held visit really began and how long it took (its report's actual start
    # and duration), each when known; the calendar then shows these, not the plan.
    held_at: datetime | None = None
    held_duration_min: int | None = None
    cancel_reason: str = ""  # why a cancelled visit was cancelled, as the KAM wrote it

    @property
    def is_call(self) -> bool:
        return self.channel == VisitChannel.CALL

    @property
    def short_name(self) -> str:
        """The account's short name where it has one (narrow places), else its name."""
        return self.account_short_name or self.account_name

    @property
    def shown_start(self) -> datetime:
        """Where the calendar puts the visit: a held one when it was held (which may
        differ from the plan: marked held early), any other when it is planned."""
        return self.held_at or self.starts_at

    @property
    def shown_duration_min(self) -> int:
        """How long the visit is shown: a held one as long as its report says it took."""
        return self.held_duration_min or self.duration_min

    @property
    def shown_end(self) -> datetime:
        return self.shown_start + timedelta(minutes=self.shown_duration_min)

    @property
    def held_otherwise(self) -> bool:
        """Held at another time or for another length than planned (the plan is then
        given beside what is shown)."""
        return (self.shown_start, self.shown_end) != (self.starts_at, self.ends_at)

    def with_status(self, status: VisitStatus) -> VisitRow:
        """The row as a status change leaves it until the store is read again: no longer
        planned, no readiness; no longer held, back at its planned time."""
        held = status in HELD_STATUSES
        return replace(
            self,
            status=status,
            readiness=None,
            held_at=self.held_at if held else None,
            held_duration_min=self.held_duration_min if held else None,
        )


# The statuses of a visit that took place: its report's actual start says when.
HELD_STATUSES = frozenset({VisitStatus.DONE, VisitStatus.REPORTED, VisitStatus.SUBMITTED})
