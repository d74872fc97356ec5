"""What the offer's arguments may say about the account: the relationship and references.

`offer_relationship` decides how the director's paragraph speaks (see
kamdesk.services.offers.emphasis):

1. lost or being won back (the status the KAM sees) → `WIN_BACK`;
2. a Кормилец, or key by the figures (10 % or more of the owner's sales over the
   analysis window, kamdesk.services.key_clients) → `PARTNER`;
3. any purchase in the analysis window, or status active/at risk → `CLIENT`;
4. otherwise (a prospect, no purchases) → `NEW`.

`reference_accounts` lists accounts of the same channel (hospitals for a
hospital, chains for a chain…) that accepted an offer of ours, newest first:
the "similar projects" an HR reader wants cited. With none, there is no HR
paragraph.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kamdesk.services.offers.emphasis import Relationship
from kamdesk.vocabulary import AccountKind, AccountStatus, ClientType, OfferStatus

if TYPE_CHECKING:
    from kamdesk.store import Store

# Accounts whose projects are "similar" to each other's.
SIMILAR_KINDS: dict[str, tuple[AccountKind, ...]] = {
    AccountKind.HOSPITAL.value: (AccountKind.HOSPITAL, AccountKind.HEALTH_AUTHORITY),
    AccountKind.HEALTH_AUTHORITY.value: (AccountKind.HOSPITAL, AccountKind.HEALTH_AUTHORITY),
    AccountKind.INSURANCE_FUND.value: (AccountKind.HEALTH_AUTHORITY, AccountKind.INSURANCE_FUND),
    AccountKind.PHARMACY_CHAIN.value: (AccountKind.PHARMACY_CHAIN, AccountKind.PHARMACY),
    AccountKind.PHARMACY.value: (AccountKind.PHARMACY_CHAIN, AccountKind.PHARMACY),
    AccountKind.DISTRIBUTOR.value: (AccountKind.DISTRIBUTOR,),
}
MAX_REFERENCES = 3


@dataclass(frozen=True)
class ArgumentFacts:
    relationship: Relationship
    references: list[str]


def argument_facts(store: Store, account_id: uuid.UUID, today: date) -> ArgumentFacts:
    """Both at once, for the editor's «suggest» and the demo."""
    return ArgumentFacts(
        offer_relationship(store, account_id, today), reference_accounts(store, account_id)
    )


def offer_relationship(store: Store, account_id: uuid.UUID, today: date) -> Relationship:
    from sqlalchemy import select

    from kamdesk.models import Account, AccountStats
    from kamdesk.services.key_clients import key_client_figures

    with store.session() as session:
        account = session.get(Account, account_id)
        if account is None:
            return Relationship.NEW
        stats_status = session.scalar(
            select(AccountStats.status).where(AccountStats.account_id == account_id)
        )
        status = AccountStatus(stats_status) if stats_status else account.status
        client_type, owner_id = account.client_type, account.owner_id
    if status in (AccountStatus.LOST, AccountStatus.WIN_BACK):
        return Relationship.WIN_BACK
    if client_type == ClientType.BREADWINNER:
        return Relationship.PARTNER
    figures = key_client_figures(store, today, owner_id)
    share = figures.share_of(account_id)
    if share is not None and share.key_by_share:
        return Relationship.PARTNER
    if (share is not None and share.revenue > 0) or status in (
        AccountStatus.ACTIVE,
        AccountStatus.AT_RISK,
    ):
        return Relationship.CLIENT
    return Relationship.NEW


def reference_accounts(store: Store, account_id: uuid.UUID) -> list[str]:
    """Up to three accounts of the same channel with an accepted offer, newest first."""
    from sqlalchemy import func, select

    from kamdesk.models import Account, Offer

    with store.session() as session:
        kind = session.scalar(select(Account.kind).where(Account.id == account_id))
        if kind is None:
            return []
        kinds = SIMILAR_KINDS.get(str(kind), (kind,))
        latest = func.max(Offer.offer_date)
        rows = session.execute(
            select(Account.name, Account.short_name, latest)
            .join(Offer, Offer.account_id == Account.id)
            .where(
                Account.id != account_id,
                Account.kind.in_(kinds),
                Account.deleted_at.is_(None),
                Account.merged_into_id.is_(None),
                Offer.status == OfferStatus.ACCEPTED,
                Offer.deleted_at.is_(None),
            )
            .group_by(Account.id, Account.name, Account.short_name)
            .order_by(latest.desc(), Account.name)
            .limit(MAX_REFERENCES)
        ).all()
    return [short or name for name, short, _ in rows]
