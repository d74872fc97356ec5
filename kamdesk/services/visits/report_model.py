"""The visit report as the report form edits it: plan versus actual, mostly ticks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from kamdesk.i18n import Message
from kamdesk.vocabulary import Sentiment, VisitChannel, VisitStatus


@dataclass
class QuestionTick:
    text: str
    planned: bool = True
    asked: bool = False


@dataclass
class ProductTick:
    product_id: uuid.UUID
    name: str = ""
    planned: bool = True  # False: came up without being on the agenda
    discussed: bool = False


@dataclass
class AttendeeTick:
    contact_id: uuid.UUID
    full_name: str = ""
    position: str = ""
    planned: bool = True  # False: joined without being planned
    attended: bool = False


@dataclass
class ObjectionTick:
    text: str
    prepared_answer: str = ""
    heard: bool = False


@dataclass
class NextStep:
    """A next step agreed at the visit; each becomes a follow-up task."""

    title: str
    due_on: date | None = None
    details: str = ""
    task_id: uuid.UUID | None = None  # set once saved; keeps the task when edited
    done: bool = False


@dataclass
class ReportInput:
    actual_start: datetime | None = None
    actual_duration_min: int | None = None
    objective_reached: bool | None = None
    outcome: str = ""
    agreements: str = ""
    sentiment: Sentiment | None = None
    notes: str = ""
    questions: list[QuestionTick] = field(default_factory=list)
    products: list[ProductTick] = field(default_factory=list)
    attendees: list[AttendeeTick] = field(default_factory=list)
    objections: list[ObjectionTick] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)


@dataclass(frozen=True)
class Addendum:
    written_at: datetime
    text: str


@dataclass
class ReportDraft:
    """What the report form opens with: the saved report, or one prefilled from the plan."""

    visit_id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    status: VisitStatus
    planned_start: datetime
    planned_duration_min: int
    objective: str
    is_commercial: bool
    saved: bool  # a report (draft or final) is stored
    locked: bool  # submitted: only addenda may be added
    submitted_at: datetime | None
    input: ReportInput
    # The date a new next step starts with: `next_step_after_working_days` working days
    # after the visit's day (the production calendar's holidays skipped).
    default_next_step_due: date
    addenda: list[Addendum] = field(default_factory=list)
    delivered: bool = False  # submitted, and the office acknowledged it (sync_inbox)
    # What may be added as not planned: the client's other contacts and the catalogue.
    other_contacts: list[AttendeeTick] = field(default_factory=list)
    other_products: list[ProductTick] = field(default_factory=list)
    channel: VisitChannel = VisitChannel.VISIT  # a call's report is short

    @property
    def is_call(self) -> bool:
        return self.channel == VisitChannel.CALL


@dataclass(frozen=True)
class ReportSaveResult:
    saved: bool
    problems: dict[str, Message]  # field → what is wrong; empty when saved
    status: VisitStatus
    follow_up_ids: list[uuid.UUID] = field(default_factory=list)  # in next-step order
