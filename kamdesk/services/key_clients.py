"""Who is a key client by the figures, and how dependent the portfolio is (field guide §2).

Over the analysis window (the complete months before today, `analysis_months` of
the analytics settings, 12 by default), each account's share of the KAM's
revenue (sales without VAT) is worked out:

- **key by share**: an account bringing `KEY_SHARE` (10 %) of the revenue or more
  («клиент, приносящий 10–20 % выручки, — ключевой по определению»);
- **the key group**: the accounts the KAM has marked «Ключевой клиент: да»
  (`Account.key_client`, their own choice), and where the KAM has not decided
  (None) the accounts key by share plus those given a key-client type
  (Кормилец, Перспективный, Имиджмейкер, Эксперт: the four types are types *of
  key client*) who bought in the period; «нет» keeps an account out whatever its
  figures. An account key by its type alone with no sales in the period is listed
  apart (`typed_without_sales`: «нет продаж за период») and not counted in the
  group: a KAM does not call key a client that bought nothing. Its combined
  share is normal from 30 % to 55 %, and said to be below or above that;
- **mono-dependence** («монозависимость»): above `mono_dependence_share` (75 %)
  — the guide is ambiguous whether one client or the key group is meant, so
  both are flagged, the key group's (portfolio) share first;
- a **Кормилец below 10 %** is named: the type says «brings 10 %+», the figures
  do not.

A pharmacy's sales count to its chain (`accounts.parent_id` pointing to a
pharmacy chain): the KAM negotiates with the chain, so the chain is the client
whose share is judged. A ministry's hospitals stay on their own.

Shares are Decimal fractions (0.125 = 12.5 %); `key_client_figures` is the plain
function the UI calls.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services import formatting
from kamdesk.vocabulary import AccountKind, ClientType

if TYPE_CHECKING:
    from kamdesk.store import Store

KEY_SHARE = Decimal("0.10")  # one account's share that makes it key by definition
GROUP_NORMAL = (Decimal("0.30"), Decimal("0.55"))  # the key group's usual combined share
PARETO_CLIENTS = Decimal("0.20")  # the top 20 % of clients …
CONTEXT = "KeyClients"


class GroupShare(StrEnum):
    BELOW = "below"  # under 30 %: the KAM's revenue is spread, few real key clients
    NORMAL = "normal"  # 30–55 %
    ABOVE = "above"  # over 55 %
    NONE = "none"  # no sales in the period


@dataclass(frozen=True)
class ClientShare:
    account_id: uuid.UUID
    name: str
    kind: AccountKind
    client_type: ClientType | None
    revenue: Decimal  # without VAT, the pharmacies' included for a chain
    share: Decimal  # of the portfolio's revenue, 0..1
    pharmacies: int = 0  # a chain's pharmacies counted in
    key_client: bool | None = None  # the KAM's own choice; None: not decided

    @property
    def key_by_share(self) -> bool:
        return self.share >= KEY_SHARE

    @property
    def sold(self) -> bool:
        return self.revenue > 0

    @property
    def in_key_group(self) -> bool:
        if self.key_client is not None:
            return self.key_client
        return self.key_by_share or (self.client_type is not None and self.sold)

    @property
    def typed_without_sales(self) -> bool:
        """Given a key-client type, not decided by the KAM, and no sales in the period."""
        return self.key_client is None and self.client_type is not None and not self.sold


@dataclass(frozen=True)
class KeyClientFigures:
    first_month: date
    last_month: date  # inclusive
    total: Decimal  # the portfolio's revenue in the period, without VAT
    clients: tuple[ClientShare, ...]  # every account with its share, largest first
    mono_threshold: Decimal
    warnings: tuple[Message, ...]  # what to say, in the guide's order

    @property
    def key_by_share(self) -> tuple[ClientShare, ...]:
        return tuple(c for c in self.clients if c.key_by_share)

    @property
    def key_group(self) -> tuple[ClientShare, ...]:
        return tuple(c for c in self.clients if c.in_key_group)

    @property
    def typed_without_sales(self) -> tuple[ClientShare, ...]:
        """Key-client types that bought nothing in the period: shown, not counted."""
        return tuple(c for c in self.clients if c.typed_without_sales)

    @property
    def key_group_share(self) -> Decimal:
        return sum((c.share for c in self.key_group), Decimal(0))

    @property
    def group_assessment(self) -> GroupShare:
        if not self.total:
            return GroupShare.NONE
        low, high = GROUP_NORMAL
        share = self.key_group_share
        if share < low:
            return GroupShare.BELOW
        return GroupShare.ABOVE if share > high else GroupShare.NORMAL

    @property
    def portfolio_mono_dependent(self) -> bool:
        return bool(self.total) and self.key_group_share > self.mono_threshold

    @property
    def mono_clients(self) -> tuple[ClientShare, ...]:
        return tuple(c for c in self.clients if c.share > self.mono_threshold)

    @property
    def breadwinners_below_share(self) -> tuple[ClientShare, ...]:
        return tuple(
            c
            for c in self.clients
            if c.client_type == ClientType.BREADWINNER and not c.key_by_share
        )

    @property
    def pareto_share(self) -> Decimal:
        """The revenue share of the top 20 % of buying clients (about 80 % by Pareto)."""
        buying = [c for c in self.clients if c.revenue > 0]
        if not buying:
            return Decimal(0)
        count = max(1, int((Decimal(len(buying)) * PARETO_CLIENTS).to_integral_value()))
        return sum((c.share for c in buying[:count]), Decimal(0))

    def share_of(self, account_id: uuid.UUID) -> ClientShare | None:
        return next((c for c in self.clients if c.account_id == account_id), None)


def percent(share: Decimal, language: str = formatting.RUSSIAN) -> str:
    """«12,5»: a share as per cent with one decimal (a comma in Russian, «12.5» in English)."""
    return formatting.number(share * 100, 1, language)


def key_client_figures(
    store: Store,
    today: date,
    owner_id: uuid.UUID | None = None,
    language: str = formatting.RUSSIAN,
) -> KeyClientFigures:
    """The figures for the accounts of `owner_id` (every account in the store when None);
    the warnings write their figures for `language`."""
    from sqlalchemy import func, select

    from kamdesk.models import Account, SalesRecord
    from kamdesk.services.classification import window_months
    from kamdesk.services.settings import load_analytics

    settings = load_analytics(store)
    months = window_months(today, settings.analysis_months)
    with store.session() as session:
        query = select(
            Account.id,
            Account.name,
            Account.kind,
            Account.client_type,
            Account.parent_id,
            Account.key_client,
        ).where(Account.deleted_at.is_(None), Account.merged_into_id.is_(None))
        if owner_id is not None:
            query = query.where(Account.owner_id == owner_id)
        accounts = {row.id: row for row in session.execute(query)}
        sales = session.execute(
            select(SalesRecord.account_id, func.sum(SalesRecord.amount))
            .where(
                SalesRecord.deleted_at.is_(None),
                SalesRecord.month >= months[0],
                SalesRecord.month <= months[-1],
            )
            .group_by(SalesRecord.account_id)
        ).all()
    return figures_from(
        {a.id: (a.name, a.kind, a.client_type, a.parent_id) for a in accounts.values()},
        {account_id: Decimal(amount or 0) for account_id, amount in sales},
        months[0],
        months[-1],
        Decimal(str(settings.mono_dependence_share)),
        language,
        {a.id: a.key_client for a in accounts.values() if a.key_client is not None},
    )


def figures_from(
    accounts: dict[uuid.UUID, tuple[str, AccountKind, ClientType | None, uuid.UUID | None]],
    revenue: dict[uuid.UUID, Decimal],
    first_month: date,
    last_month: date,
    mono_threshold: Decimal = Decimal("0.75"),
    language: str = formatting.RUSSIAN,
    choices: dict[uuid.UUID, bool] | None = None,
) -> KeyClientFigures:
    """The figures from plain rows: id → (name, kind, client type, parent), id → revenue;
    `choices`: the KAM's «key client: yes/no» where decided."""
    choices = choices or {}
    owner_of: dict[uuid.UUID, uuid.UUID] = {}
    pharmacies: dict[uuid.UUID, int] = defaultdict(int)
    for account_id, (_name, _kind, _type, parent_id) in accounts.items():
        parent = accounts.get(parent_id) if parent_id else None
        if parent is not None and parent[1] == AccountKind.PHARMACY_CHAIN:
            owner_of[account_id] = parent_id  # type: ignore[assignment]
            pharmacies[parent_id] += 1  # type: ignore[index]
        else:
            owner_of[account_id] = account_id
    totals: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
    for account_id, amount in revenue.items():
        if account_id in owner_of:  # sales of accounts outside the portfolio do not count
            totals[owner_of[account_id]] += amount
    total = sum(totals.values(), Decimal(0))
    clients = sorted(
        (
            ClientShare(
                account_id=account_id,
                name=name,
                kind=kind,
                client_type=client_type,
                revenue=totals.get(account_id, Decimal(0)),
                share=totals.get(account_id, Decimal(0)) / total if total else Decimal(0),
                pharmacies=pharmacies.get(account_id, 0),
                key_client=choices.get(account_id),
            )
            for account_id, (name, kind, client_type, _parent) in accounts.items()
            if owner_of[account_id] == account_id
        ),
        key=lambda c: (-c.revenue, c.name, str(c.account_id)),
    )
    figures = KeyClientFigures(first_month, last_month, total, tuple(clients), mono_threshold, ())
    return KeyClientFigures(
        first_month, last_month, total, tuple(clients), mono_threshold, _warnings(figures, language)
    )


def _warnings(f: KeyClientFigures, language: str) -> tuple[Message, ...]:
    said: list[Message] = []
    threshold = percent(f.mono_threshold, language)
    if f.portfolio_mono_dependent:
        said.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "KeyClients",
                    "mono-dependence: the key clients bring {share} % of your sales, "
                    "above {threshold} %",
                ),
                {"share": percent(f.key_group_share, language), "threshold": threshold},
            )
        )
    for client in f.mono_clients:
        said.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "KeyClients",
                    "mono-dependence: {name} alone brings {share} % of your sales, "
                    "above {threshold} %",
                ),
                {
                    "name": client.name,
                    "share": percent(client.share, language),
                    "threshold": threshold,
                },
            )
        )
    low, high = GROUP_NORMAL
    if f.group_assessment == GroupShare.BELOW:
        said.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "KeyClients",
                    "the key clients bring {share} % of your sales, below the usual {low}–{high} %",
                ),
                {
                    "share": percent(f.key_group_share, language),
                    "low": percent(low, language),
                    "high": percent(high, language),
                },
            )
        )
    elif f.group_assessment == GroupShare.ABOVE:
        said.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "KeyClients",
                    "the key clients bring {share} % of your sales, above the usual {low}–{high} %",
                ),
                {
                    "share": percent(f.key_group_share, language),
                    "low": percent(low, language),
                    "high": percent(high, language),
                },
            )
        )
    for client in f.breadwinners_below_share:
        said.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "KeyClients",
                    "{name} is a breadwinner but brings {share} % of your sales, under {key} %",
                ),
                {
                    "name": client.name,
                    "share": percent(client.share, language),
                    "key": percent(KEY_SHARE, language),
                },
            )
        )
    return tuple(said)


# --- one account, for its card ------------------------------------------------------


@dataclass(frozen=True)
class KeySuggestion:
    """What the figures say of one account (its card): its share of the KAM's sales in
    the analysis window and how many of the three P are confirmed. Key by the figures:
    `KEY_SHARE` (10 %) of the sales or more *and* all three P."""

    share: Decimal | None  # None: the KAM sold nothing in the window
    revenue: Decimal
    qualified: int  # of the three P (need, ability to pay, authority)
    client_type: ClientType | None
    chain_name: str = ""  # a chain's pharmacy: its sales count to this chain
    portfolio_owner: str = ""  # another KAM's account: the share is of their sales

    @property
    def key(self) -> bool:
        return self.share is not None and self.share >= KEY_SHARE and self.qualified == 3

    @property
    def type_contradicted(self) -> bool:
        """A Кормилец («brings 10 % and more») whose sales are under 10 %."""
        return (
            self.client_type == ClientType.BREADWINNER
            and not self.chain_name
            and (self.share or Decimal(0)) < KEY_SHARE
        )


def key_suggestion(store: Store, account_id: uuid.UUID, today: date) -> KeySuggestion | None:
    """The account's share of its owner's sales (a chain with its pharmacies, as
    `key_client_figures` counts it) and its three P; None when there is no such account."""
    from sqlalchemy import func, select

    from kamdesk.models import Account, SalesRecord
    from kamdesk.services.card.overview import portfolio_owner
    from kamdesk.services.classification import window_months
    from kamdesk.services.settings import load_analytics

    months = window_months(today, load_analytics(store).analysis_months)
    live = (Account.deleted_at.is_(None), Account.merged_into_id.is_(None))
    with store.session() as session:
        account = session.get(Account, account_id)
        if account is None:
            return None
        flags = (account.qual_need, account.qual_pay, account.qual_authority)
        qualified, client_type = sum(bool(f) for f in flags), account.client_type
        portfolio = select(Account.id).where(*live)
        if account.owner_id is not None:
            portfolio = portfolio.where(Account.owner_id == account.owner_id)
        parent = session.get(Account, account.parent_id) if account.parent_id else None
        in_chain = (
            parent is not None
            and parent.kind == AccountKind.PHARMACY_CHAIN
            and parent.owner_id == account.owner_id
            and parent.deleted_at is None
        )
        chain_name = parent.name if in_chain and parent is not None else ""
        buyers = select(Account.id).where(Account.id == account_id)
        if account.kind == AccountKind.PHARMACY_CHAIN:
            buyers = portfolio.where(
                (Account.id == account_id)
                | ((Account.parent_id == account_id) & (Account.kind == AccountKind.PHARMACY))
            )
        in_window = (
            SalesRecord.deleted_at.is_(None),
            SalesRecord.month >= months[0],
            SalesRecord.month <= months[-1],
        )
        total = session.scalar(
            select(func.sum(SalesRecord.amount)).where(
                *in_window, SalesRecord.account_id.in_(portfolio)
            )
        )
        revenue = session.scalar(
            select(func.sum(SalesRecord.amount)).where(
                *in_window, SalesRecord.account_id.in_(buyers)
            )
        )
        owner = portfolio_owner(session, account.owner_id)
    total, revenue = Decimal(total or 0), Decimal(revenue or 0)
    return KeySuggestion(
        share=revenue / total if total else None,
        revenue=revenue,
        qualified=qualified,
        client_type=client_type,
        chain_name=chain_name,
        portfolio_owner=owner,
    )
