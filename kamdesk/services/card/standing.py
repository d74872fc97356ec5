"""How the account stands, for the card's header and a chain's pharmacies (issue 12).

- **Key client by the figures** (kamdesk.services.key_clients.key_suggestion): its
  share of the KAM's sales and the three P, beside the KAM's own choice.
- **XYZ in words**: the class the classification gave (`account_stats`), the
  account's own purchase cycle (the median interval between its purchase months in
  the analysis window, a chain with its pharmacies) and the variation the class was
  judged on (`account_stats.variation`, kamdesk.services.classification).
- **Open complaints**: history events of kind complaint without a resolution date,
  oldest first (an open complaint comes before any new selling).
- **A chain's pharmacies** with their figures from the client list's cache: sales in
  the analysis window, share of the chain's sales (the chain's own sales are its
  pharmacies' with its own, so the shares of the pharmacies add up to 100 % when the
  chain buys nothing itself), ABC (the chain's), status and last held visit.
- **Loss**: whether the card asks why the client left and how to win it back — the
  status shown is «Потерян» or «Вернуть», or a reason or means were written down.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from kamdesk.models import Account, AccountStats, RelationshipEvent, SalesRecord
from kamdesk.services.classification import purchase_cycle, window_months
from kamdesk.services.key_clients import KeySuggestion, key_suggestion
from kamdesk.services.settings import load_analytics
from kamdesk.vocabulary import AccountKind, AccountStatus, RelationshipEventKind

if TYPE_CHECKING:
    from kamdesk.store import Store

LOSS_STATUSES = frozenset({AccountStatus.LOST, AccountStatus.WIN_BACK})


@dataclass(frozen=True)
class XyzReason:
    xyz: str
    purchases: int  # months with a purchase in the window
    cycle_months: int | None  # the usual interval; None with one purchase
    variation: float | None  # what the class was judged on (0.08 = 8 %)


@dataclass(frozen=True)
class OpenComplaint:
    event_id: uuid.UUID
    occurred_on: date
    subject: str


@dataclass(frozen=True)
class PharmacyRow:
    account_id: uuid.UUID
    name: str
    city: str
    sales_12m: Decimal
    share: float | None  # of the chain's sales (0..1); None when the chain sold nothing
    abc_class: str | None
    status: AccountStatus | None
    last_visit_at: datetime | None


@dataclass(frozen=True)
class Standing:
    key: KeySuggestion | None
    xyz: XyzReason | None
    complaints: list[OpenComplaint] = field(default_factory=list)
    pharmacies: list[PharmacyRow] = field(default_factory=list)
    chain_sales: Decimal = Decimal(0)  # a chain's sales in the window, pharmacies included


def asks_for_loss(status: AccountStatus | str, loss_reason: object, notes: str) -> bool:
    """The card shows «Почему ушёл» and «Как вернуть» for a lost or win-back account,
    and wherever something was written down about a loss."""
    return status in LOSS_STATUSES or loss_reason is not None or bool(notes.strip())


def load_standing(store: Store, account_id: uuid.UUID, today: date | None = None) -> Standing:
    today = today or date.today()
    months = window_months(today, load_analytics(store).analysis_months)
    with store.session() as session:
        kind = session.scalar(select(Account.kind).where(Account.id == account_id))
        stats = session.scalar(select(AccountStats).where(AccountStats.account_id == account_id))
        complaints = [
            OpenComplaint(e.id, e.occurred_on, e.subject)
            for e in session.scalars(
                select(RelationshipEvent)
                .where(
                    RelationshipEvent.account_id == account_id,
                    RelationshipEvent.kind == RelationshipEventKind.COMPLAINT,
                    RelationshipEvent.resolved_on.is_(None),
                )
                .order_by(RelationshipEvent.occurred_on)
            )
        ]
        pharmacies: list[PharmacyRow] = []
        buyers = [account_id]
        if kind == AccountKind.PHARMACY_CHAIN:
            rows = session.execute(
                select(Account.id, Account.name, Account.city, AccountStats)
                .outerjoin(AccountStats, AccountStats.account_id == Account.id)
                .where(
                    Account.parent_id == account_id,
                    Account.kind == AccountKind.PHARMACY,
                    Account.deleted_at.is_(None),
                )
                .order_by(AccountStats.sort_name, Account.name)  # «№ 2» before «№ 10»
            ).all()
            buyers += [row.id for row in rows]
            chain_sales = stats.sales_12m if stats is not None else Decimal(0)
            for row in rows:
                own: AccountStats | None = row[3]
                sales = own.sales_12m if own is not None else Decimal(0)
                pharmacies.append(
                    PharmacyRow(
                        account_id=row.id,
                        name=row.name,
                        city=row.city,
                        sales_12m=sales,
                        share=float(sales / chain_sales) if chain_sales else None,
                        abc_class=own.abc_class if own is not None else None,
                        status=AccountStatus(own.status)
                        if own is not None and own.status
                        else None,
                        last_visit_at=own.last_visit_at if own is not None else None,
                    )
                )
        purchase_months = set(
            session.scalars(
                select(SalesRecord.month)
                .where(
                    SalesRecord.account_id.in_(buyers),
                    SalesRecord.deleted_at.is_(None),
                    SalesRecord.month >= months[0],
                    SalesRecord.month <= months[-1],
                )
                .group_by(SalesRecord.month)
                .having(func.sum(SalesRecord.amount) > 0)
            )
        )
    xyz = None
    if stats is not None and stats.xyz_class:
        amounts = [1.0 if month in purchase_months else 0.0 for month in months]
        xyz = XyzReason(
            stats.xyz_class, len(purchase_months), purchase_cycle(amounts), stats.variation
        )
    return Standing(
        key=key_suggestion(store, account_id, today),
        xyz=xyz,
        complaints=complaints,
        pharmacies=pharmacies,
        chain_sales=stats.sales_12m if stats is not None else Decimal(0),
    )
