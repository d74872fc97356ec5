"""One planned contact with an account — a visit or a call — and the working days it falls on."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kamdesk.models import VisitStatus
from kamdesk.models.enums import VisitChannel
from kamdesk.services.demo.accounts import AccountPlan
from kamdesk.services.demo.catalog import ProductRef
from kamdesk.services.demo.common import Clock, DemoRandom, is_working_day
from kamdesk.services.demo.contacts import ContactRef


@dataclass(slots=True)
class VisitPlan:
    id: uuid.UUID
    account: AccountPlan
    day: date
    status: VisitStatus = VisitStatus.PLANNED
    starts_at: datetime | None = None
    duration: int = 60
    rescheduled_from: uuid.UUID | None = None
    products: list[ProductRef] = field(default_factory=list)
    attendees: list[ContactRef] = field(default_factory=list)
    # Who and what came up without being planned (added from the report).
    extra_attendees: list[ContactRef] = field(default_factory=list)
    extra_products: list[ProductRef] = field(default_factory=list)
    channel: VisitChannel = VisitChannel.VISIT


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def working_days_ahead(today: date, count: int) -> list[date]:
    days: list[date] = []
    day = today
    while len(days) < count:
        if is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def past_status(
    rng: DemoRandom, clock: Clock, day: date, allow_changes: bool = True
) -> VisitStatus:
    if allow_changes and rng.chance(0.05):
        return VisitStatus.CANCELLED
    if allow_changes and rng.chance(0.03):
        return VisitStatus.RESCHEDULED
    age = (clock.today - day).days
    if age <= 3:
        return VisitStatus.DONE if rng.chance(0.6) else VisitStatus.REPORTED
    if age <= 14:
        return VisitStatus.REPORTED if rng.chance(0.4) else VisitStatus.SUBMITTED
    return VisitStatus.SUBMITTED
