"""Keeps `account_stats` (the client list's cache) in step with edits.

Runs after each flush for the accounts it touched, so the client list never
shows a stale name or misses a new contact's surname. Bulk loads call
`refresh_account_stats(connection)` for every account at once. Sales-derived
figures (ABC/XYZ) are recomputed by the classification service; a flush that
touches sales only marks them stale.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, event, insert, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.models import (
    Account,
    AppSetting,
    Contact,
    Offer,
    SalesRecord,
    User,
    Visit,
    VisitReport,
    utcnow,
)
from kamdesk.models.base import UTCDateTime, UuidBytes
from kamdesk.store.changelog import CLOCK

CLASSIFICATION_STALE = "classification.stale"
# What `account_stats` is worked out with: stores written before a version had its rows
# worked out without it, and are brought up to date in the background once
# (`refresh_outdated_stats`). 2: phones in the search text, calls not «next visit».
STATS_VERSION_KEY = "account_stats.version"
STATS_VERSION = 2
# When a held visit took place: the time its report gives (a visit marked held before its
# planned day keeps the planned `starts_at`), else the planned start.
_HELD_AT = (
    "coalesce((SELECT r.actual_start FROM visit_reports r"
    " WHERE r.visit_id = v.id AND r.deleted_at IS NULL), v.starts_at)"
)
_CHUNK = 10_000

# The status the KAM sees, from the KAM's choice and synced facts (kamdesk.account_status):
# the months with a purchase (a pharmacy without any shares its chain's last, a chain
# without its own has its pharmacies' last, as the classification cached them), accepted
# offers until they expire, the last held visit or sent/accepted offer, today and the
# analytics settings. Worked out on each laptop and never written back to `accounts`:
# nothing to sync.
_STATUS_SQL = (
    """kam_status(a.kind, a.status,
    coalesce((SELECT group_concat(DISTINCT s.month) FROM sales_records s
              WHERE s.account_id = a.id AND s.deleted_at IS NULL AND s.quantity > 0),
             (SELECT st.last_purchase_on FROM account_stats st
              WHERE (a.kind = 'pharmacy' AND st.account_id = a.parent_id)
                 OR (a.kind = 'pharmacy_chain' AND st.account_id = a.id))),
    (SELECT max(max(o.valid_until, coalesce((SELECT max(c.changed_at) FROM offer_status_changes c
                                             WHERE c.offer_id = o.id AND c.to_status = 'accepted'
                                               AND c.deleted_at IS NULL), o.offer_date)))
       FROM offers o WHERE o.account_id = a.id AND o.deleted_at IS NULL AND o.status = 'accepted'),
    nullif(max(coalesce((SELECT max("""
    + _HELD_AT
    + """) FROM visits v
                         WHERE v.account_id = a.id AND v.deleted_at IS NULL
                           AND v.status IN ('done', 'reported', 'submitted')), ''),
               coalesce((SELECT max(o.offer_date) FROM offers o
                         WHERE o.account_id = a.id AND o.deleted_at IS NULL
                           AND o.status IN ('sent', 'accepted')), '')), ''),
    :now,
    (SELECT json_extract(value, '$.at_risk_days') FROM app_settings WHERE key = 'analytics'),
    (SELECT json_extract(value, '$.lost_days') FROM app_settings WHERE key = 'analytics'))"""
)

_REFRESH_SQL = (
    """
INSERT INTO account_stats (account_id, archived, name, sort_name, kind, city, inn, client_type,
                           status, owner_name, search_text, contacts_count, next_visit_at,
                           last_visit_at, sales_12m)
SELECT a.id, a.deleted_at IS NOT NULL, a.name, kam_sort_name(a.name) || char(1) || hex(a.id),
       a.kind, a.city, a.inn, a.client_type, """
    + _STATUS_SQL
    + """,
       coalesce(u.surname || coalesce(' ' || substr(nullif(u.name, ''), 1, 1) || '.', '')
                || coalesce(' ' || substr(nullif(u.patronymic, ''), 1, 1) || '.', ''), ''),
       kam_fold(a.name || ' ' || a.short_name || ' ' || a.city || ' ' || a.inn || ' ' ||
                coalesce((SELECT group_concat(c.surname, ' ') FROM contacts c
                          WHERE c.account_id = a.id AND c.deleted_at IS NULL), '') || ' ' ||
                kam_phone(a.phone) || ' ' ||
                coalesce((SELECT group_concat(kam_phone(c.phone_work) || ' ' ||
                                              kam_phone(c.phone_mobile), ' ') FROM contacts c
                          WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')),
       (SELECT count(*) FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL),
       (SELECT min(v.starts_at) FROM visits v
         WHERE v.account_id = a.id AND v.deleted_at IS NULL AND v.status = 'planned'
           AND v.channel = 'visit' AND v.starts_at >= :now),
       (SELECT max("""
    + _HELD_AT
    + """) FROM visits v
         WHERE v.account_id = a.id AND v.deleted_at IS NULL
           AND v.status IN ('done', 'reported', 'submitted')),
       0
FROM accounts a
LEFT JOIN users u ON u.id = a.owner_id
WHERE {where}
ON CONFLICT (account_id) DO UPDATE SET
    archived = excluded.archived,
    name = excluded.name,
    sort_name = excluded.sort_name,
    kind = excluded.kind,
    city = excluded.city,
    inn = excluded.inn,
    client_type = excluded.client_type,
    status = excluded.status,
    owner_name = excluded.owner_name,
    search_text = excluded.search_text,
    contacts_count = excluded.contacts_count,
    next_visit_at = excluded.next_visit_at,
    last_visit_at = excluded.last_visit_at
"""
)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _refresh_touched)


def refresh_account_stats(
    connection: Connection,
    account_ids: Iterable[uuid.UUID] | None = None,
    now: datetime | None = None,
) -> None:
    """Recompute the list figures for some accounts, or for all when `account_ids` is None."""
    params: dict[str, Any] = {"now": now or utcnow()}
    if account_ids is None:
        statement = text(_REFRESH_SQL.format(where="1")).bindparams(
            bindparam("now", type_=UTCDateTime())
        )
        connection.execute(statement, params)
        return
    statement = text(_REFRESH_SQL.format(where="a.id IN :ids")).bindparams(
        bindparam("ids", expanding=True, type_=UuidBytes()), bindparam("now", type_=UTCDateTime())
    )
    ids = list(account_ids)
    for start in range(0, len(ids), _CHUNK):  # SQLite limits the number of parameters
        connection.execute(statement, {**params, "ids": ids[start : start + _CHUNK]})


def refresh_statuses(connection: Connection, now: datetime | None = None) -> None:
    """Work out every account's status again (for a new day or new settings); the
    cache only: `accounts.status` (the KAM's choice) is not touched, nothing is logged."""
    statement = text(
        f"UPDATE account_stats SET status = (SELECT {_STATUS_SQL} FROM accounts a "
        "WHERE a.id = account_stats.account_id)"
    ).bindparams(bindparam("now", type_=UTCDateTime()))
    connection.execute(statement, {"now": now or utcnow()})


def _refresh_touched(session: Session, flush_context: Any) -> None:
    touched: set[uuid.UUID] = set()
    owners: set[uuid.UUID] = set()
    sales_changed = False
    for row in (*session.new, *session.dirty):
        if isinstance(row, Account):
            touched.add(row.id)
        elif isinstance(row, User):
            owners.add(row.id)
        elif isinstance(row, Contact | Visit | Offer):  # an offer sent or accepted: the status
            touched.add(row.account_id)
            for old_account in _previous_values(row, "account_id"):
                touched.add(old_account)
        elif isinstance(row, VisitReport):  # its held time is the account's last visit
            visit = session.get(Visit, row.visit_id)
            if visit is not None:
                touched.add(visit.account_id)
        elif isinstance(row, SalesRecord):
            sales_changed = True
    connection = session.connection()
    if owners:  # a renamed KAM: their accounts show the new name
        touched.update(
            session.scalars(select(Account.id).where(Account.owner_id.in_(owners))).all()
        )
    refresh_account_stats(connection, touched, now=session.info.get(CLOCK, utcnow)())
    if sales_changed:
        connection.execute(
            insert(AppSetting)
            .prefix_with("OR REPLACE")
            .values(key=CLASSIFICATION_STALE, value=True, updated_at=utcnow())
        )


def _previous_values(row: Any, key: str) -> list[Any]:
    return [value for value in inspect(row).attrs[key].history.deleted if value is not None]


def refresh_past_next_visits(connection: Connection, now: datetime | None = None) -> None:
    """Move "next visit" on for accounts whose next visit is now in the past, or is a
    call (a planned call is not a visit; stores written before that counted it).

    Cheap enough for every start: it touches only those accounts.
    """
    statement = text(
        "UPDATE account_stats SET next_visit_at = ("
        " SELECT min(v.starts_at) FROM visits v"
        " WHERE v.account_id = account_stats.account_id AND v.deleted_at IS NULL"
        " AND v.status = 'planned' AND v.channel = 'visit' AND v.starts_at >= :now)"
        " WHERE next_visit_at IS NOT NULL AND (next_visit_at < :now OR NOT EXISTS ("
        " SELECT 1 FROM visits v WHERE v.account_id = account_stats.account_id"
        " AND v.starts_at = account_stats.next_visit_at AND v.channel = 'visit'"
        " AND v.status = 'planned' AND v.deleted_at IS NULL))"
    ).bindparams(bindparam("now", type_=UTCDateTime()))
    connection.execute(statement, {"now": now or utcnow()})


def stats_outdated(connection: Connection) -> bool:
    version = connection.scalar(select(AppSetting.value).where(AppSetting.key == STATS_VERSION_KEY))
    return version != STATS_VERSION


def mark_stats_current(connection: Connection) -> None:
    connection.execute(
        insert(AppSetting)
        .prefix_with("OR REPLACE")
        .values(key=STATS_VERSION_KEY, value=STATS_VERSION, updated_at=utcnow())
    )


def outdated_stats_chunks(connection: Connection, size: int = 2000) -> list[list[uuid.UUID]]:
    """Every account, in chunks of `size`: each chunk is worked out in a transaction of
    its own, so a KAM saving meanwhile never waits for the whole store."""
    ids = list(connection.scalars(select(Account.id).order_by(Account.id)))
    return [ids[start : start + size] for start in range(0, len(ids), size)]
