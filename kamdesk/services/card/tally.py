"""What an account holds, counted: for the merge dialog (what will move) and for
finding an account that already has a given ИНН (before a duplicate is created)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import distinct, func, select

from kamdesk.models import (
    Account,
    AccountCompetitor,
    Contact,
    Offer,
    RelationshipEvent,
    SalesRecord,
    Visit,
)
from kamdesk.store.tombstones import INCLUDE_DELETED
from kamdesk.vocabulary import AccountKind

if TYPE_CHECKING:
    from kamdesk.store import Store


@dataclass(frozen=True)
class AccountTally:
    """One account and how many rows of each kind hang on it (tombstones not counted)."""

    id: uuid.UUID
    name: str
    short_name: str
    kind: AccountKind
    inn: str
    kpp: str
    city: str
    archived: bool
    contacts: int
    events: int
    sales_rows: int
    sales_months: int
    visits: int
    offers: int
    competitors: int


@dataclass(frozen=True)
class AccountRef:
    id: uuid.UUID
    name: str
    city: str
    archived: bool


def tally_account(store: Store, account_id: uuid.UUID) -> AccountTally | None:
    """The account's identity and counts, or None when there is no such account."""
    with store.session() as session:
        account = session.scalar(
            select(Account)
            .where(Account.id == account_id)
            .execution_options(**{INCLUDE_DELETED: True})
        )
        if account is None:
            return None

        def count(model: Any, expression: Any = None) -> int:
            what = func.count() if expression is None else func.count(distinct(expression))
            query = select(what).select_from(model).where(model.account_id == account_id)
            return int(session.scalar(query) or 0)

        return AccountTally(
            id=account.id,
            name=account.name,
            short_name=account.short_name,
            kind=AccountKind(account.kind),
            inn=account.inn,
            kpp=account.kpp,
            city=account.city,
            archived=account.deleted_at is not None,
            contacts=count(Contact),
            events=count(RelationshipEvent),
            sales_rows=count(SalesRecord),
            sales_months=count(SalesRecord, SalesRecord.month),
            visits=count(Visit),
            offers=count(Offer),
            competitors=count(AccountCompetitor),
        )


def accounts_with_inn(store: Store, inn: str) -> list[AccountRef]:
    """Accounts (archived ones too, last) that already carry this ИНН."""
    inn = inn.strip()
    if not inn:
        return []
    with store.session() as session:
        rows = session.scalars(
            select(Account)
            .where(Account.inn == inn)
            .order_by(Account.deleted_at.is_not(None), Account.name)
            .execution_options(**{INCLUDE_DELETED: True})
        ).all()
        return [AccountRef(a.id, a.name, a.city, a.deleted_at is not None) for a in rows]
