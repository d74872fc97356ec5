"""The client list: search, filters and sorting done by SQLite, a page at a time.

This is the hot path of start-up and of every keystroke in the search box, so
it talks to SQLite through the DB-API driver alone (`kamdesk.store.crypto`, which
gives an encrypted store its key; no SQLAlchemy import before the first paint)
with one parameterised statement per query. Everything the list
shows, filters and sorts on is in one cache table, `account_stats` (kept
current by `kamdesk.store.derived`); words of three or more letters are looked
up in its trigram full-text index, shorter ones scanned for with instr(). A short
number («3», «12», «770») is matched only where a number starts, so it finds «ГКБ №3»
or an ИНН beginning with it, not every ИНН with that digit somewhere inside.
The read-only summary of one account goes through the ORM, imported on demand.
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.store import crypto
from kamdesk.textfold import search_words
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
    "peek_first_page",
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
    DOSSIER = "dossier"


_ORDER_COLUMNS: dict[SortKey, tuple[str, ...]] = {
    SortKey.NAME: ("sort_name",),
    SortKey.KIND: ("kind",),
    SortKey.CITY: ("city",),
    SortKey.CLIENT_TYPE: ("client_type",),
    SortKey.ABC_XYZ: ("abc_class", "xyz_class"),
    SortKey.STATUS: ("status",),
    SortKey.OWNER: ("owner_name",),
    SortKey.NEXT_VISIT: ("next_visit_at",),
    SortKey.DOSSIER: ("dossier_score",),
}
_NULLABLE = {"client_type", "abc_class", "xyz_class", "next_visit_at", "owner_name"}

_SELECT = """
SELECT account_id, name, kind, city, inn, client_type, abc_class, xyz_class, status,
       owner_name, next_visit_at, dossier_score, archived
FROM account_stats
"""
# Words this long are looked up in the trigram index; shorter ones are scanned for.
_INDEXED_WORD = 3
# A number typed with fewer digits than this matches only at the start of a number in
# the search text (a word of the name, the ИНН): an ИНН has 10-12 digits, so «3» would
# be inside nearly every one of them. Longer ones (a piece of an ИНН) match anywhere.
_NUMBER_ANYWHERE = 4
# Up to this many full-text matches, sorting them beats walking the name index
# (which can pass long runs of non-matching names, e.g. thousands of «Аптека …»).
_FEW_MATCHES = 30_000


@dataclass(frozen=True)
class AccountFilter:
    """Empty sets mean "any". Every word of `text` must occur in the account's
    name, short name, city, ИНН or a contact's surname (case and ё/е ignored); a
    number of one to three digits must start a number there («3»: «ГКБ №3», «Аптека
    36,6», an ИНН 3…; not the 3 inside 7703…)."""

    text: str = ""
    kinds: frozenset[AccountKind] = frozenset()
    client_types: frozenset[ClientType] = frozenset()
    abc_classes: frozenset[str] = frozenset()  # "A", "B", "C", NO_CLASS
    statuses: frozenset[AccountStatus] = frozenset()
    dossier_below: int | None = None  # only dossiers less complete than this, in %
    show_archived: bool = False  # archived (and merged) accounts are listed too


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
    dossier_score: int = 0
    archived: bool = False

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
    """Queries behind the client list; each thread gets its own SQLite connection.

    `close()` closes every thread's connection, not only the caller's: the list's
    queries run on workers, and their idle connections kept the file open after
    File ▸ Open of another store, so encrypting or switching it found it busy."""

    def __init__(self, path: Path, store: Callable[[], Store], *, read_only: bool = False) -> None:
        self._path = path
        self._store = store
        self._local = threading.local()
        self._mode = "ro" if read_only else None
        # Weak: a connection whose thread has ended goes as it did before (the thread's
        # local data dies with it); the set only lets `close()` reach the live ones.
        self._connections: weakref.WeakSet[crypto.Connection] = weakref.WeakSet()
        self._connections_lock = threading.Lock()

    def count_all(self) -> int:
        """Accounts in the store that are not archived."""
        return int(self._query(f"SELECT count(*) FROM account_stats WHERE {_ALIVE}")[0][0])

    def count(self, account_filter: AccountFilter) -> int:
        where, params = _where(account_filter)
        return int(self._query(f"SELECT count(*) FROM account_stats WHERE {where}", params)[0][0])

    def page(
        self,
        account_filter: AccountFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[AccountRow]:
        direction = "DESC" if descending else "ASC"
        order = [
            f"{column} {direction}" + (" NULLS LAST" if column in _NULLABLE else "")
            for column in _ORDER_COLUMNS[sort]
        ]
        # In name order, walking the covering name index and stopping at the first page
        # is fastest unless few rows match: then the full-text index finds them and
        # sorting those few wins ("+" keeps SQLite from walking the name index).
        full_text = _uses_full_text(account_filter) and (
            sort != SortKey.NAME or self._full_text_matches(account_filter) <= _FEW_MATCHES
        )
        if sort == SortKey.NAME and full_text:
            order[0] = "+" + order[0]
        where, params = _where(account_filter, full_text=full_text)
        # sort_name ends in the account's id: in name order nothing else is needed, and
        # the index alone gives the page (no sorting of the matches).
        tie_break = "" if sort == SortKey.NAME else ", sort_name, account_id"
        sql = f"{_SELECT} WHERE {where} ORDER BY {', '.join(order)}{tie_break} LIMIT ? OFFSET ?"
        return [_row(values) for values in self._query(sql, [*params, limit, offset])]

    def _full_text_matches(self, account_filter: AccountFilter) -> int:
        words = [w for w in search_words(account_filter.text) if len(w) >= _INDEXED_WORD]
        sql = "SELECT count(*) FROM account_search WHERE account_search MATCH ?"
        return int(self._query(sql, [_match_expression(words)])[0][0])

    def store(self) -> Store:
        """The SQLAlchemy store (opened on first use): for the account card's services."""
        return self._store()

    def summary(self, account_id: uuid.UUID) -> AccountSummary | None:
        from kamdesk.services.account_summary import load_summary

        return load_summary(self._store(), account_id)

    def close(self) -> None:
        """Close every thread's connection. Call it once no query runs (the window's
        runner has waited for its workers): a connection is used by its own thread
        only, and closed from another one here (hence check_same_thread=False). A
        query after this opens a new connection."""
        with self._connections_lock:
            connections = list(self._connections)
            self._connections.clear()
        for connection in connections:
            connection.close()
        self._local.connection = None

    def _query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        connection: crypto.Connection | None = getattr(self._local, "connection", None)
        if connection is None or connection not in self._connections:  # none, or closed
            connection = crypto.connect(
                self._path, mode=self._mode, timeout=BUSY_TIMEOUT_S, check_same_thread=False
            )
            with self._connections_lock:
                self._connections.add(connection)
            self._local.connection = connection
        return connection.execute(sql, params or []).fetchall()


def peek_first_page(
    path: Path, sort: SortKey = SortKey.NAME, descending: bool = False, limit: int = 200
) -> list[AccountRow]:
    """The list's first page (no filter), read through a read-only connection that
    is closed at once: the window's first paint, before the file has been checked
    (`kamdesk.ui.first_page`). Nothing is written, not even a checkpoint of the log.
    Raises StoreKeyError without the key and the driver's Error for the rest."""

    def no_store() -> Store:
        raise RuntimeError("the first page is read without the store")

    directory = AccountDirectory(path, no_store, read_only=True)
    try:
        return directory.page(AccountFilter(), sort, descending, limit=limit)
    finally:
        directory.close()


_ALIVE = "archived = 0"
_ANY = "1"


def _uses_full_text(account_filter: AccountFilter) -> bool:
    return any(len(word) >= _INDEXED_WORD for word in search_words(account_filter.text))


def _match_expression(words: list[str]) -> str:
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _is_short_number(word: str) -> bool:
    return len(word) < _NUMBER_ANYWHERE and word.isascii() and word.isdigit()


def _number_start_pattern(number: str) -> str:
    """A GLOB over " " + search_text: the digits right after a character that is not a
    digit (a space, «№», a letter, a quote), i.e. where a number starts. GLOB, not
    LIKE: only it has a character class; the number has no wildcard characters."""
    return f"*[^0-9]{number}*"


def _where(account_filter: AccountFilter, full_text: bool = True) -> tuple[str, list[Any]]:
    """The WHERE clause; with `full_text`, words of three letters or more are looked up
    in the trigram index, otherwise every word is tested with instr(); short numbers
    with GLOB besides."""
    clauses = [_ANY if account_filter.show_archived else _ALIVE]
    params: list[Any] = []
    if account_filter.dossier_below is not None:
        clauses.append("dossier_score < ?")
        params.append(account_filter.dossier_below)
    words = search_words(account_filter.text)
    indexed = [word for word in words if full_text and len(word) >= _INDEXED_WORD]
    if indexed:
        clauses.append("row_no IN (SELECT rowid FROM account_search WHERE account_search MATCH ?)")
        params.append(_match_expression(indexed))
    for word in words:
        if _is_short_number(word):  # a three-digit one is also looked up in the index
            clauses.append("(' ' || search_text) GLOB ?")
            params.append(_number_start_pattern(word))
        elif word not in indexed:
            clauses.append("instr(search_text, ?) > 0")
            params.append(word)
    for column, values in (
        ("kind", account_filter.kinds),
        ("client_type", account_filter.client_types),
        ("status", account_filter.statuses),
    ):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(sorted(str(value) for value in values))
    if account_filter.abc_classes:
        classes = sorted(c for c in account_filter.abc_classes if c != NO_CLASS)
        options = []
        if classes:
            options.append(f"abc_class IN ({', '.join('?' * len(classes))})")
            params.extend(classes)
        if NO_CLASS in account_filter.abc_classes:
            options.append("abc_class IS NULL")
        clauses.append(f"({' OR '.join(options)})")
    return " AND ".join(clauses), params


def _row(values: tuple[Any, ...]) -> AccountRow:
    next_visit = values[10]
    return AccountRow(
        id=uuid.UUID(bytes=values[0]),
        name=values[1],
        kind=AccountKind(values[2]),
        city=values[3],
        inn=values[4],
        client_type=ClientType(values[5]) if values[5] else None,
        abc_class=values[6],
        xyz_class=values[7],
        status=AccountStatus(values[8]),
        owner_name=values[9],
        next_visit_at=datetime.fromisoformat(next_visit).replace(tzinfo=UTC)
        if next_visit
        else None,
        dossier_score=int(values[11] or 0),
        archived=bool(values[12]),
    )
