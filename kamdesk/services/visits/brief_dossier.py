"""The dossier on the brief's page (field guide §3, mistake 4 «отсутствие сведений»).

What the KAM must know walking in, read from the account's own rows: its needs,
plans and worries; the last tender with its result and the reason; open
complaints (an open complaint comes before any new selling, §6); the latest
other relationship events; the competitors courting this client; and the sales
trend. A chain's trend includes its pharmacies (`accounts.parent_id`).

The sales trend compares the last `TREND_MONTHS` complete months before the
visit's day with the `TREND_MONTHS` before them (roubles without VAT). Half a
year each side, so a hospital buying once a quarter is compared on two of its
own purchases, not on one empty month.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from kamdesk.vocabulary import AccountKind, RelationshipEventKind, TenderResult

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TREND_MONTHS = 6
MAX_COMPLAINTS = 3
MAX_EVENTS = 2
MAX_COMPETITORS = 3
# A change smaller than this (in per cent) reads as «стабильно».
STABLE_PCT = Decimal(5)


@dataclass(frozen=True)
class BriefTender:
    occurred_on: date
    subject: str
    number: str
    result: TenderResult | None
    reason: str
    amount: Decimal | None


@dataclass(frozen=True)
class BriefEvent:
    occurred_on: date
    kind: RelationshipEventKind
    subject: str


@dataclass(frozen=True)
class BriefCompetitor:
    company: str
    products: str
    terms: str


@dataclass(frozen=True)
class SalesTrend:
    months: int  # the length of each of the two periods
    recent: Decimal  # the last `months` complete months, without VAT
    previous: Decimal  # the `months` before them
    includes_pharmacies: int = 0  # a chain's pharmacies counted in

    @property
    def change_pct(self) -> Decimal | None:
        """The change of `recent` against `previous`, in whole per cent; None from zero."""
        if not self.previous:
            return None
        change = (self.recent - self.previous) * 100 / self.previous
        return change.quantize(Decimal(1), rounding=ROUND_HALF_UP)

    @property
    def direction(self) -> str:
        """'up', 'down', 'stable', 'new' (sales from nothing) or 'none' (no sales at all)."""
        if not self.recent and not self.previous:
            return "none"
        change = self.change_pct
        if change is None:
            return "new"
        if abs(change) < STABLE_PCT:
            return "stable"
        return "up" if change > 0 else "down"


@dataclass(frozen=True)
class BriefDossier:
    kind: AccountKind | None
    needs: str = ""
    plans: str = ""
    worries: str = ""
    last_tender: BriefTender | None = None
    open_complaints: tuple[BriefEvent, ...] = ()
    recent_events: tuple[BriefEvent, ...] = ()  # deliveries, agreements, notes: newest first
    competitors: tuple[BriefCompetitor, ...] = ()
    more_competitors: int = 0
    trend: SalesTrend | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.needs
            or self.plans
            or self.worries
            or self.last_tender
            or self.open_complaints
            or self.recent_events
            or self.competitors
        )


def trend_months(today: date, months: int = TREND_MONTHS) -> tuple[date, date, date]:
    """(start of the previous period, start of the recent one, end exclusive): month starts."""

    def back(day: date, count: int) -> date:
        index = day.year * 12 + day.month - 1 - count
        return date(index // 12, index % 12 + 1, 1)

    end = date(today.year, today.month, 1)
    return back(end, 2 * months), back(end, months), end


def load_brief_dossier(session: Session, account_id: uuid.UUID, today: date) -> BriefDossier:
    from sqlalchemy import select

    from kamdesk.models import (
        Account,
        AccountCompetitor,
        AccountDossier,
        RelationshipEvent,
    )

    account = session.get(Account, account_id)
    kind = account.kind if account is not None else None
    dossier = session.scalar(
        select(AccountDossier).where(
            AccountDossier.account_id == account_id, AccountDossier.deleted_at.is_(None)
        )
    )
    events = session.scalars(
        select(RelationshipEvent)
        .where(RelationshipEvent.account_id == account_id, RelationshipEvent.deleted_at.is_(None))
        .order_by(RelationshipEvent.occurred_on.desc(), RelationshipEvent.created_at.desc())
    ).all()
    competitors = session.scalars(
        select(AccountCompetitor)
        .where(AccountCompetitor.account_id == account_id, AccountCompetitor.deleted_at.is_(None))
        .order_by(AccountCompetitor.company)
    ).all()
    tender = next((e for e in events if e.kind == RelationshipEventKind.TENDER), None)
    complaints = [
        e for e in events if e.kind == RelationshipEventKind.COMPLAINT and e.resolved_on is None
    ]
    others = [
        e
        for e in events
        if e.kind not in (RelationshipEventKind.TENDER, RelationshipEventKind.COMPLAINT)
    ]
    return BriefDossier(
        kind=kind,
        needs=dossier.needs.strip() if dossier else "",
        plans=dossier.plans.strip() if dossier else "",
        worries=dossier.worries.strip() if dossier else "",
        last_tender=BriefTender(
            tender.occurred_on,
            tender.subject.strip(),
            tender.tender_number.strip(),
            tender.tender_result,
            tender.result_reason.strip(),
            tender.amount,
        )
        if tender
        else None,
        open_complaints=tuple(_event(e) for e in complaints[:MAX_COMPLAINTS]),
        recent_events=tuple(_event(e) for e in others[:MAX_EVENTS]),
        competitors=tuple(
            BriefCompetitor(k.company.strip(), k.products.strip(), k.terms.strip())
            for k in competitors[:MAX_COMPETITORS]
        ),
        more_competitors=max(0, len(competitors) - MAX_COMPETITORS),
        trend=_trend(session, account_id, kind, today),
    )


def _event(event: object) -> BriefEvent:
    from kamdesk.models import RelationshipEvent

    assert isinstance(event, RelationshipEvent)
    return BriefEvent(event.occurred_on, event.kind, event.subject.strip())


def _trend(
    session: Session, account_id: uuid.UUID, kind: AccountKind | None, today: date
) -> SalesTrend:
    from sqlalchemy import func, select

    from kamdesk.models import Account, SalesRecord

    ids: Sequence[uuid.UUID] = [account_id]
    pharmacies = 0
    if kind == AccountKind.PHARMACY_CHAIN:
        children = session.scalars(
            select(Account.id).where(Account.parent_id == account_id, Account.deleted_at.is_(None))
        ).all()
        pharmacies = len(children)
        ids = [account_id, *children]
    start, middle, end = trend_months(today)
    totals = {"recent": Decimal(0), "previous": Decimal(0)}
    for chunk_start in range(0, len(ids), 5_000):
        chunk = ids[chunk_start : chunk_start + 5_000]
        rows = session.execute(
            select(SalesRecord.month, func.sum(SalesRecord.amount))
            .where(
                SalesRecord.account_id.in_(chunk),
                SalesRecord.deleted_at.is_(None),
                SalesRecord.month >= start,
                SalesRecord.month < end,
            )
            .group_by(SalesRecord.month)
        ).all()
        for month, amount in rows:
            key = "recent" if month >= middle else "previous"
            totals[key] += Decimal(amount or 0)
    return SalesTrend(TREND_MONTHS, totals["recent"], totals["previous"], pharmacies)
