"""The facts a KAM reads at a glance before a call: visits, offers, tasks, sales, birthdays."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from kamdesk.models import (
    Account,
    Contact,
    ContactPersonal,
    FollowUpTask,
    Offer,
    SalesRecord,
    SyncState,
    User,
    Visit,
    VisitReport,
)
from kamdesk.services.accounts import person_short_name
from kamdesk.services.settings import load_analytics
from kamdesk.vocabulary import AccountKind, OfferStatus, VisitChannel, VisitStatus

if TYPE_CHECKING:
    from kamdesk.store import Store

BIRTHDAY_HORIZON_DAYS = 30
_HELD = (VisitStatus.DONE, VisitStatus.REPORTED, VisitStatus.SUBMITTED)


@dataclass(frozen=True)
class OfferLine:
    id: uuid.UUID
    number: str
    edition: int
    status: OfferStatus
    valid_until: date


@dataclass(frozen=True)
class TaskLine:
    title: str
    due_on: date | None


@dataclass(frozen=True)
class Birthday:
    contact_id: uuid.UUID
    name: str
    on: date  # the coming birthday
    age: int | None


@dataclass(frozen=True)
class Overview:
    last_visit_at: datetime | None
    next_visit_at: datetime | None
    open_offers: list[OfferLine]
    overdue_tasks: list[TaskLine]
    monthly_sales: list[tuple[date, Decimal]]  # the last 12 complete months, oldest first
    sales_12m: Decimal  # of those 12 months
    trend: float | None  # change against the 12 months before, 0.1 = +10 %
    share: float | None  # of the owner's (or the whole store's) sales in 12 months
    mono_threshold: float
    birthdays: list[Birthday]
    current_month: tuple[date, Decimal] = (date.min, Decimal(0))  # so far: partial
    next_call_at: datetime | None = None  # a planned call is not a visit: shown apart
    # «Иванов П. С.» when the account belongs to another KAM than this laptop's user (a
    # manager's store): the share is then of *their* sales, not «yours».
    portfolio_owner: str = ""

    @property
    def mono_dependent(self) -> bool:
        return self.share is not None and self.share > self.mono_threshold


def month_start(day: date, back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def next_birthday(birthday: date, today: date) -> date:
    for year in (today.year, today.year + 1):
        try:
            candidate = birthday.replace(year=year)
        except ValueError:  # 29 February in a common year: celebrated on 1 March
            candidate = date(year, 3, 1)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


def load_overview(store: Store, account_id: uuid.UUID, today: date | None = None) -> Overview:
    today = today or date.today()
    now = datetime.now(UTC)
    # The last 12 complete months (the current one is still coming in: shown apart),
    # and the 12 before them for the trend.
    current = month_start(today)
    first = month_start(today, 12)
    before = month_start(today, 24)
    with store.session() as session:
        # When it took place: a visit marked held early keeps its planned start, and its
        # report has the real one.
        held_at = func.coalesce(VisitReport.actual_start, Visit.starts_at)
        last_visit = session.scalar(
            select(func.max(held_at))
            .select_from(Visit)
            .outerjoin(VisitReport, VisitReport.visit_id == Visit.id)
            .where(Visit.account_id == account_id, Visit.status.in_(_HELD))
        )
        next_visit, next_call = (
            session.scalar(
                select(func.min(Visit.starts_at)).where(
                    Visit.account_id == account_id,
                    Visit.status == VisitStatus.PLANNED,
                    Visit.channel == channel,
                    Visit.starts_at >= now,
                )
            )
            for channel in (VisitChannel.VISIT, VisitChannel.CALL)
        )
        newer = aliased(Offer)
        offers = session.scalars(
            select(Offer)
            .where(
                Offer.account_id == account_id,
                Offer.status.in_([OfferStatus.DRAFT, OfferStatus.SENT]),
                ~select(newer.id).where(newer.previous_edition_id == Offer.id).exists(),
            )
            .order_by(Offer.offer_date.desc())
        ).all()
        tasks = session.scalars(
            select(FollowUpTask)
            .where(
                FollowUpTask.account_id == account_id,
                FollowUpTask.done_at.is_(None),
                FollowUpTask.due_on < today,
            )
            .order_by(FollowUpTask.due_on)
        ).all()
        # A chain's figures are its pharmacies' too (the KAM negotiates with the chain).
        buyers = [account_id]
        if session.scalar(select(Account.kind).where(Account.id == account_id)) == (
            AccountKind.PHARMACY_CHAIN
        ):
            buyers += session.scalars(
                select(Account.id).where(
                    Account.parent_id == account_id, Account.kind == AccountKind.PHARMACY
                )
            ).all()
        by_month = dict(
            session.execute(
                select(SalesRecord.month, func.sum(SalesRecord.amount))
                .where(SalesRecord.account_id.in_(buyers), SalesRecord.month >= before)
                .group_by(SalesRecord.month)
            ).all()
        )
        owner_id = session.scalar(select(Account.owner_id).where(Account.id == account_id))
        portfolio = select(func.sum(SalesRecord.amount)).where(
            SalesRecord.month >= first, SalesRecord.month < current
        )
        if owner_id is not None:
            portfolio = portfolio.join(Account, Account.id == SalesRecord.account_id).where(
                Account.owner_id == owner_id
            )
        portfolio_total = session.scalar(portfolio) or Decimal(0)
        owner = portfolio_owner(session, owner_id)
        birthdays = _birthdays(session, account_id, today)
    months = [month_start(today, back) for back in range(12, 0, -1)]
    monthly = [(m, _money(by_month.get(m))) for m in months]
    total = sum((amount for _m, amount in monthly), Decimal(0))
    previous = sum((_money(v) for m, v in by_month.items() if before <= m < first), Decimal(0))
    return Overview(
        last_visit_at=last_visit,
        next_visit_at=next_visit,
        open_offers=[OfferLine(o.id, o.number, o.edition, o.status, o.valid_until) for o in offers],
        overdue_tasks=[TaskLine(t.title, t.due_on) for t in tasks],
        monthly_sales=monthly,
        sales_12m=total,
        trend=float((total - previous) / previous) if previous else None,
        share=float(total / _money(portfolio_total)) if portfolio_total else None,
        mono_threshold=load_analytics(store).mono_dependence_share,
        birthdays=birthdays,
        current_month=(current, _money(by_month.get(current))),
        next_call_at=next_call,
        portfolio_owner=owner,
    )


def portfolio_owner(session: Session, owner_id: uuid.UUID | None) -> str:
    """The short name of an account's KAM when that is not this laptop's user, else "".

    A KAM's own store (or one not enrolled yet) speaks of «your sales»; a manager's store
    holds the team's accounts, and a share there is of the account KAM's sales."""
    if owner_id is None:
        return ""
    me = session.scalar(select(SyncState.user_id).where(SyncState.id == 1))
    if me is None or me == owner_id:
        return ""
    owner = session.get(User, owner_id)
    return owner.short_name if owner is not None else ""


def _money(value: object) -> Decimal:
    if value is None:
        return Decimal(0)
    return Decimal(value).quantize(Decimal("0.01"))  # type: ignore[arg-type]


def _birthdays(session: object, account_id: uuid.UUID, today: date) -> list[Birthday]:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    rows = session.execute(
        select(Contact, ContactPersonal.birthday)
        .join(ContactPersonal, ContactPersonal.contact_id == Contact.id)
        .where(
            Contact.account_id == account_id,
            Contact.consent_given.is_(True),
            ContactPersonal.birthday.is_not(None),
        )
    ).all()
    found = []
    for contact, birthday in rows:
        if birthday is None:
            continue
        coming = next_birthday(birthday, today)
        if (coming - today).days <= BIRTHDAY_HORIZON_DAYS:
            name = person_short_name(contact.surname, contact.name, contact.patronymic)
            found.append(Birthday(contact.id, name, coming, coming.year - birthday.year))
    return sorted(found, key=lambda b: b.on)
