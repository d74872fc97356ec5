"""The client list: search, filters and sorting done by SQLite, a page at a time.

This is the hot path of start-up and of every keystroke in the search box, so
it talks to SQLite through the standard library (no SQLAlchemy import before
the first paint) with one parameterised statement per query. The search column
`account_stats.search_text` holds name, short name, city, ИНН and contacts'
surnames case-folded with ё→е (kept current by `kamdesk.store.derived`).
The read-only summary of one account goes through the ORM, imported on demand.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.textfold import fold
from kamdesk.vocabulary import (
    AccountKind,
    AccountStatus,
    Attitude,
    ClientType,
    DmuRole,
    Psychotype,
    RelationshipEventKind,
    TenderResult,
)

if TYPE_CHECKING:
    from kamdesk.store import Store

__all__ = [
    "NO_CLASS",
    "AccountDirectory",
    "AccountFilter",
    "AccountKind",
    "AccountRow",
    "AccountStatus",
    "AccountSummary",
    "Attitude",
    "ClientType",
    "ContactLine",
    "DmuRole",
    "EventLine",
    "Psychotype",
    "RelationshipEventKind",
    "SortKey",
    "TenderResult",
    "person_short_name",
]

NO_CLASS = ""  # filter value for accounts without an ABC class
BUSY_TIMEOUT_S = 5.0


class SortKey(StrEnum):
    NAME = "name"
    KIND = "kind"
    CITY = "city"
    CLIENT_TYPE = "client_type"
    ABC_XYZ = "abc_xyz"
    STATUS = "status"
    OWNER = "owner"
    NEXT_VISIT = "next_visit"


_ORDER_COLUMNS: dict[SortKey, tuple[str, ...]] = {
    SortKey.NAME: ("a.name",),
    SortKey.KIND: ("a.kind",),
    SortKey.CITY: ("a.city",),
    SortKey.CLIENT_TYPE: ("a.client_type",),
    SortKey.ABC_XYZ: ("s.abc_class", "s.xyz_class"),
    SortKey.STATUS: ("a.status",),
    SortKey.OWNER: ("u.surname", "u.name"),
    SortKey.NEXT_VISIT: ("s.next_visit_at",),
}

_SELECT = """
SELECT a.id, a.name, a.kind, a.city, a.inn, a.client_type, s.abc_class, s.xyz_class,
       a.status, u.surname, u.name, u.patronymic, s.next_visit_at
FROM accounts a
JOIN account_stats s ON s.account_id = a.id
LEFT JOIN users u ON u.id = a.owner_id
"""


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
    """Queries behind the client list; each thread gets its own SQLite connection."""

    def __init__(self, path: Path, store: Callable[[], Store]) -> None:
        self._path = path
        self._store = store
        self._local = threading.local()

    def count_all(self) -> int:
        """Accounts in the store that are not archived."""
        return int(self._query("SELECT count(*) FROM accounts WHERE deleted_at IS NULL")[0][0])

    def count(self, account_filter: AccountFilter) -> int:
        where, params = _where(account_filter)
        sql = (
            "SELECT count(*) FROM accounts a JOIN account_stats s ON s.account_id = a.id "
            f"WHERE {where}"
        )
        return int(self._query(sql, params)[0][0])

    def page(
        self,
        account_filter: AccountFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[AccountRow]:
        where, params = _where(account_filter)
        direction = "DESC" if descending else "ASC"
        order = ", ".join(f"{column} {direction} NULLS LAST" for column in _ORDER_COLUMNS[sort])
        sql = f"{_SELECT} WHERE {where} ORDER BY {order}, a.name, a.id LIMIT ? OFFSET ?"
        return [_row(values) for values in self._query(sql, [*params, limit, offset])]

    def summary(self, account_id: uuid.UUID) -> AccountSummary | None:
        from kamdesk.services.account_summary import load_summary

        return load_summary(self._store(), account_id)

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def _query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self._path, timeout=BUSY_TIMEOUT_S)
            self._local.connection = connection
        return connection.execute(sql, params or []).fetchall()


def _where(account_filter: AccountFilter) -> tuple[str, list[Any]]:
    clauses = ["a.deleted_at IS NULL"]
    params: list[Any] = []
    for word in fold(account_filter.text).split():
        clauses.append("s.search_text LIKE ? ESCAPE '\\'")
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    for column, values in (
        ("a.kind", account_filter.kinds),
        ("a.client_type", account_filter.client_types),
        ("a.status", account_filter.statuses),
    ):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(sorted(str(value) for value in values))
    if account_filter.abc_classes:
        classes = sorted(c for c in account_filter.abc_classes if c != NO_CLASS)
        options = []
        if classes:
            options.append(f"s.abc_class IN ({', '.join('?' * len(classes))})")
            params.extend(classes)
        if NO_CLASS in account_filter.abc_classes:
            options.append("s.abc_class IS NULL")
        clauses.append(f"({' OR '.join(options)})")
    return " AND ".join(clauses), params


def _row(values: tuple[Any, ...]) -> AccountRow:
    next_visit = values[12]
    return AccountRow(
        id=uuid.UUID(hex=values[0]),
        name=values[1],
        kind=AccountKind(values[2]),
        city=values[3],
        inn=values[4],
        client_type=ClientType(values[5]) if values[5] else None,
        abc_class=values[6],
        xyz_class=values[7],
        status=AccountStatus(values[8]),
        owner_name=person_short_name(values[9], values[10], values[11]),
        next_visit_at=datetime.fromisoformat(next_visit).replace(tzinfo=UTC)
        if next_visit
        else None,
    )
