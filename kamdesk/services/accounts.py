"""The client list and the account summary: queries done in SQL, plain objects out.

The list never loads more than a page: `AccountDirectory.page` returns the rows
the visible model asks for, filtered and sorted by SQLite (indexes on the sort
columns, a case-folded search column in `account_stats`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountKind,
    AccountStats,
    AccountStatus,
    Attitude,
    ClientType,
    Contact,
    DmuRole,
    Psychotype,
    RelationshipEvent,
    RelationshipEventKind,
    TenderResult,
    User,
)
from kamdesk.store import Store
from kamdesk.textfold import fold

NO_CLASS = ""  # filter value for accounts without an ABC class


class SortKey(StrEnum):
    NAME = "name"
    KIND = "kind"
    CITY = "city"
    CLIENT_TYPE = "client_type"
    ABC_XYZ = "abc_xyz"
    STATUS = "status"
    OWNER = "owner"
    NEXT_VISIT = "next_visit"


@dataclass(frozen=True)
class AccountFilter:
    """Empty sets mean "any". Every word of `text` must occur in the account's
    name, short name, city, ИНН or a contact's surname (case and ё/е ignored)."""

    text: str = ""
    kinds: frozenset[AccountKind] = frozenset()
    client_types: frozenset[ClientType] = frozenset()
    abc_classes: frozenset[str] = frozenset()  # "A", "B", "C", NO_CLASS
    statuses: frozenset[AccountStatus] = frozenset()


@dataclass(frozen=True)
class AccountRow:
    id: uuid.UUID
    name: str
    kind: AccountKind
    city: str
    inn: str
    client_type: ClientType | None
    abc_class: str | None
    xyz_class: str | None
    status: AccountStatus
    owner_name: str
    next_visit_at: datetime | None

    @property
    def abc_xyz(self) -> str:
        return f"{self.abc_class or ''}{self.xyz_class or ''}"


@dataclass(frozen=True)
class ContactLine:
    id: uuid.UUID
    full_name: str
    position: str
    department: str
    dmu_role: DmuRole | None
    influence: int | None
    attitude: Attitude | None
    psychotype: Psychotype | None
    is_kol: bool
    phone: str
    email: str


@dataclass(frozen=True)
class EventLine:
    occurred_on: date
    kind: RelationshipEventKind
    subject: str
    tender_result: TenderResult | None
    amount: Decimal | None


@dataclass(frozen=True)
class AccountSummary:
    id: uuid.UUID
    name: str
    short_name: str
    kind: AccountKind
    parent_name: str
    inn: str
    kpp: str
    region: str
    city: str
    address: str
    phone: str
    email: str
    website: str
    client_type: ClientType | None
    status: AccountStatus
    qualification: dict[str, tuple[bool, str]]  # need / pay / authority
    owner_name: str
    abc_class: str | None
    xyz_class: str | None
    sales_12m: Decimal
    sales_share: float | None
    last_purchase_on: date | None
    next_visit_at: datetime | None
    last_visit_at: datetime | None
    contacts: list[ContactLine] = field(default_factory=list)
    events: list[EventLine] = field(default_factory=list)
    competitors: list[str] = field(default_factory=list)


def person_short_name(surname: str | None, name: str | None, patronymic: str | None) -> str:
    """«Иванов П. С.»"""
    if not surname:
        return ""
    initials = " ".join(f"{part[0]}." for part in (name, patronymic) if part)
    return f"{surname} {initials}".strip()


class AccountDirectory:
    def __init__(self, store: Store) -> None:
        self._store = store

    def count_all(self) -> int:
        """Accounts in the store that are not archived."""
        with self._store.session() as session:
            return int(session.scalar(select(func.count()).select_from(Account)) or 0)

    def count(self, account_filter: AccountFilter) -> int:
        statement = (
            select(func.count())
            .select_from(Account)
            .join(AccountStats, AccountStats.account_id == Account.id)
        )
        statement = statement.where(*self._conditions(account_filter))
        with self._store.session() as session:
            return int(session.scalar(statement) or 0)

    def page(
        self,
        account_filter: AccountFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[AccountRow]:
        statement = self._select().where(*self._conditions(account_filter))
        statement = statement.order_by(*self._order(sort, descending))
        statement = statement.offset(offset).limit(limit)
        with self._store.session() as session:
            return [_row(values) for values in session.execute(statement)]

    def summary(self, account_id: uuid.UUID) -> AccountSummary | None:
        with self._store.session() as session:
            account = session.get(Account, account_id)
            if account is None or account.deleted_at is not None:
                return None
            stats = session.get(AccountStats, account_id)
            owner = session.get(User, account.owner_id) if account.owner_id else None
            parent = session.get(Account, account.parent_id) if account.parent_id else None
            contacts = session.scalars(
                select(Contact)
                .where(Contact.account_id == account_id)
                .order_by(Contact.influence.desc().nulls_last(), Contact.surname)
            ).all()
            events = session.scalars(
                select(RelationshipEvent)
                .where(RelationshipEvent.account_id == account_id)
                .order_by(RelationshipEvent.occurred_on.desc())
                .limit(20)
            ).all()
            competitors = session.scalars(
                select(AccountCompetitor.company)
                .where(AccountCompetitor.account_id == account_id)
                .order_by(AccountCompetitor.company)
            ).all()
            return AccountSummary(
                id=account.id,
                name=account.name,
                short_name=account.short_name,
                kind=account.kind,
                parent_name=parent.name if parent else "",
                inn=account.inn,
                kpp=account.kpp,
                region=account.region,
                city=account.city,
                address=account.address,
                phone=account.phone,
                email=account.email,
                website=account.website,
                client_type=account.client_type,
                status=account.status,
                qualification={
                    "need": (account.qual_need, account.qual_need_note),
                    "pay": (account.qual_pay, account.qual_pay_note),
                    "authority": (account.qual_authority, account.qual_authority_note),
                },
                owner_name=person_short_name(owner.surname, owner.name, owner.patronymic)
                if owner
                else "",
                abc_class=stats.abc_class if stats else None,
                xyz_class=stats.xyz_class if stats else None,
                sales_12m=stats.sales_12m if stats else Decimal(0),
                sales_share=stats.sales_share if stats else None,
                last_purchase_on=stats.last_purchase_on if stats else None,
                next_visit_at=stats.next_visit_at if stats else None,
                last_visit_at=stats.last_visit_at if stats else None,
                contacts=[_contact_line(c) for c in contacts],
                events=[
                    EventLine(e.occurred_on, e.kind, e.subject, e.tender_result, e.amount)
                    for e in events
                ],
                competitors=list(competitors),
            )

    _owner = aliased(User)

    def _select(self) -> Select[*tuple[Any, ...]]:  # column order: see _row
        owner = self._owner
        return (
            select(
                Account.id,
                Account.name,
                Account.kind,
                Account.city,
                Account.inn,
                Account.client_type,
                AccountStats.abc_class,
                AccountStats.xyz_class,
                Account.status,
                owner.surname,
                owner.name,
                owner.patronymic,
                AccountStats.next_visit_at,
            )
            .join(AccountStats, AccountStats.account_id == Account.id)
            .outerjoin(owner, owner.id == Account.owner_id)
        )

    def _conditions(self, account_filter: AccountFilter) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [Account.deleted_at.is_(None)]
        for word in fold(account_filter.text).split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conditions.append(AccountStats.search_text.like(pattern, escape="\\"))
        if account_filter.kinds:
            conditions.append(Account.kind.in_(account_filter.kinds))
        if account_filter.client_types:
            conditions.append(Account.client_type.in_(account_filter.client_types))
        if account_filter.statuses:
            conditions.append(Account.status.in_(account_filter.statuses))
        if account_filter.abc_classes:
            classes = [c for c in account_filter.abc_classes if c != NO_CLASS]
            options: list[ColumnElement[bool]] = []
            if classes:
                options.append(AccountStats.abc_class.in_(classes))
            if NO_CLASS in account_filter.abc_classes:
                options.append(AccountStats.abc_class.is_(None))
            conditions.append(or_(*options) if len(options) > 1 else options[0])
        return [and_(*conditions)]

    def _order(self, sort: SortKey, descending: bool) -> list[Any]:
        owner = self._owner
        columns: dict[SortKey, list[Any]] = {
            SortKey.NAME: [Account.name],
            SortKey.KIND: [Account.kind],
            SortKey.CITY: [Account.city],
            SortKey.CLIENT_TYPE: [Account.client_type],
            SortKey.ABC_XYZ: [AccountStats.abc_class, AccountStats.xyz_class],
            SortKey.STATUS: [Account.status],
            SortKey.OWNER: [owner.surname, owner.name],
            SortKey.NEXT_VISIT: [AccountStats.next_visit_at],
        }
        primary = [
            (column.desc() if descending else column.asc()).nulls_last() for column in columns[sort]
        ]
        return [*primary, Account.name, Account.id]


def _row(values: Any) -> AccountRow:
    return AccountRow(
        id=values[0],
        name=values[1],
        kind=values[2],
        city=values[3],
        inn=values[4],
        client_type=values[5],
        abc_class=values[6],
        xyz_class=values[7],
        status=values[8],
        owner_name=person_short_name(values[9], values[10], values[11]),
        next_visit_at=values[12],
    )


def _contact_line(contact: Contact) -> ContactLine:
    return ContactLine(
        id=contact.id,
        full_name=contact.full_name,
        position=contact.position,
        department=contact.department,
        dmu_role=contact.dmu_role,
        influence=contact.influence,
        attitude=contact.attitude,
        psychotype=contact.psychotype,
        is_kol=contact.is_kol,
        phone=contact.phone_mobile or contact.phone_work,
        email=contact.email,
    )
