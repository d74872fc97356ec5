"""Which buckets a caller may read and write, at a given office version. Deny by default.

- A KAM: the buckets granted to them (read and write) and the office bucket (read).
- A manager: the buckets granted to the KAMs of their team (and to the manager), read
  and answers to approval requests only; the office bucket read and write. The team
  at a version is `users.manager_id` with the later `team_moves` undone, so a KAM who
  joins brings their accounts to the manager's next pull and one who leaves takes them.
- An admin: everything.

A grant counts at version `v` when `granted_version <= v` and it is not revoked at
`v` (`revoked_version` is NULL or above `v`), so a pull can tell which buckets were
granted or revoked between its cursor and now.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, or_, select, true

from kamdesk.server.context import Caller
from kamdesk.server.tables import grants, rows, team_moves, users
from kamdesk.sync.protocol import OFFICE_BUCKET

_CHUNK = 400  # buckets per IN (...) query


class Access(Enum):
    FULL = "full"  # any change the rules allow
    APPROVAL = "approval"  # only the answer to an approval request (a manager)


def team_ids(connection: Connection, manager_id: uuid.UUID) -> list[uuid.UUID]:
    """The users whose manager is `manager_id` now."""
    found = connection.execute(select(users.c.id).where(users.c.manager_id == manager_id))
    return list(found.scalars())


def _moves_after(connection: Connection, manager_id: uuid.UUID, version: int) -> Sequence[Any]:
    """The manager's team moves after `version`, newest first."""
    return connection.execute(
        select(team_moves.c.user_id, team_moves.c.from_manager_id, team_moves.c.to_manager_id)
        .where(
            team_moves.c.version > version,
            or_(
                team_moves.c.from_manager_id == manager_id,
                team_moves.c.to_manager_id == manager_id,
            ),
        )
        .order_by(team_moves.c.version.desc(), team_moves.c.id.desc())
    ).all()


def team_at(connection: Connection, manager_id: uuid.UUID, version: int) -> set[uuid.UUID]:
    """The manager's team at `version`: today's team with every later move undone."""
    team = set(team_ids(connection, manager_id))
    for move in _moves_after(connection, manager_id, version):
        if move.to_manager_id == manager_id:
            team.discard(move.user_id)
        if move.from_manager_id == manager_id:
            team.add(move.user_id)
    return team


def _readers(connection: Connection, caller: Caller, version: int) -> list[uuid.UUID]:
    """Whose grants the caller reads through at `version` (not for an admin, who reads
    everything)."""
    if caller.role == "manager":
        return [caller.user_id, *sorted(team_at(connection, caller.user_id, version))]
    return [caller.user_id]


def _active_at(version: int) -> ColumnElement[bool]:
    return and_(
        grants.c.granted_version <= version,
        or_(grants.c.revoked_version.is_(None), grants.c.revoked_version > version),
    )


def granted_buckets_select(
    connection: Connection, caller: Caller, version: int
) -> Select[tuple[str]] | None:
    """The account buckets granted to the caller's readers at `version` (None: all)."""
    if caller.role == "admin":
        return None
    if caller.role not in ("kam", "manager"):
        return select(grants.c.bucket).where(false_condition())
    readers = _readers(connection, caller, version)
    return select(grants.c.bucket).where(grants.c.user_id.in_(readers), _active_at(version))


def false_condition() -> ColumnElement[bool]:
    return ~true()


def readable_filter(connection: Connection, caller: Caller, version: int) -> ColumnElement[bool]:
    """A condition on `rows` that holds for the rows the caller may read at `version`."""
    granted = granted_buckets_select(connection, caller, version)
    if granted is None:
        return true()
    if caller.role not in ("kam", "manager"):
        return false_condition()
    # A manager reads many buckets: `bucket || ''` keeps SQLite from looking each one up
    # in ix_rows_bucket_version and sorting them all for every page (it walks
    # ix_rows_version in page order instead); PostgreSQL plans both the same way.
    bucket = rows.c.bucket.concat("") if caller.role == "manager" else rows.c.bucket
    return or_(bucket == OFFICE_BUCKET, bucket.in_(granted))


def readable_buckets(connection: Connection, caller: Caller, version: int) -> set[str] | None:
    """The buckets the caller may read at `version`; None means every bucket (an admin)."""
    granted = granted_buckets_select(connection, caller, version)
    if granted is None:
        return None
    if caller.role not in ("kam", "manager"):
        return set()
    return {OFFICE_BUCKET, *connection.execute(granted).scalars()}


def bucket_changes(
    connection: Connection, caller: Caller, since: int, upper: int
) -> tuple[set[str], set[str]]:
    """The buckets the caller gained and lost between versions `since` and `upper`.

    Only grants granted or revoked in between, and the grants of KAMs who joined or
    left a manager's team in between, are looked at, so a manager with a hundred
    thousand accounts pays for what changed, not for what they have.
    """
    if caller.role not in ("kam", "manager"):
        return set(), set()  # an admin reads everything, always; others nothing
    readers_before = set(_readers(connection, caller, since))
    readers_now = set(_readers(connection, caller, upper))
    readers = sorted(readers_before | readers_now)
    moved = sorted(readers_before ^ readers_now)
    changed = select(grants.c.bucket).where(
        grants.c.user_id.in_(readers),
        or_(
            and_(grants.c.granted_version > since, grants.c.granted_version <= upper),
            and_(grants.c.revoked_version > since, grants.c.revoked_version <= upper),
        ),
    )
    candidates = set(connection.execute(changed).scalars())
    if moved:
        # Their accounts come or go with them, however long ago they were granted.
        candidates.update(
            connection.execute(
                select(grants.c.bucket).where(grants.c.user_id.in_(moved), _active_at(upper))
            ).scalars()
        )
        candidates.update(
            connection.execute(
                select(grants.c.bucket).where(grants.c.user_id.in_(moved), _active_at(since))
            ).scalars()
        )
    candidates.discard(OFFICE_BUCKET)
    if not candidates:
        return set(), set()
    found = connection.execute(
        select(
            grants.c.user_id, grants.c.bucket, grants.c.granted_version, grants.c.revoked_version
        ).where(grants.c.user_id.in_(readers), grants.c.bucket.in_(sorted(candidates)))
    ).all()

    def held(version: int, through: set[uuid.UUID]) -> set[str]:
        return {
            row.bucket
            for row in found
            if row.user_id in through
            and row.granted_version <= version
            and (row.revoked_version is None or row.revoked_version > version)
        }

    before, now = held(since, readers_before), held(upper, readers_now)
    # Granted and revoked in between: a laptop may hold it all the same (its own new
    # account, pushed, then taken away before its next pull), so it is told to remove
    # it; one that never had it removes nothing.
    revoked = {
        row.bucket
        for row in found
        if row.revoked_version is not None and since < row.revoked_version <= upper
    }
    return now - before, (before | revoked) - now


def may_read(connection: Connection, caller: Caller, bucket: str, version: int) -> bool:
    buckets = readable_buckets(connection, caller, version)
    return buckets is None or bucket in buckets


def write_access_many(
    connection: Connection, caller: Caller, buckets: Iterable[str], version: int
) -> dict[str, Access | None]:
    """What the caller may write in each bucket at `version` (None: nothing)."""
    wanted = set(buckets)
    if caller.role == "admin":
        return dict.fromkeys(wanted, Access.FULL)
    access: dict[str, Access | None] = dict.fromkeys(wanted)
    if OFFICE_BUCKET in wanted and caller.role == "manager":
        access[OFFICE_BUCKET] = Access.FULL
    accounts = sorted(wanted - {OFFICE_BUCKET})
    if caller.role not in ("kam", "manager") or not accounts:
        return access
    readers = _readers(connection, caller, version)
    level = Access.FULL if caller.role == "kam" else Access.APPROVAL
    for start in range(0, len(accounts), _CHUNK):
        granted = connection.execute(
            select(grants.c.bucket).where(
                grants.c.user_id.in_(readers),
                grants.c.bucket.in_(accounts[start : start + _CHUNK]),
                _active_at(version),
            )
        )
        access.update(dict.fromkeys(granted.scalars(), level))
    return access


def write_access(
    connection: Connection, caller: Caller, bucket: str, version: int
) -> Access | None:
    """What the caller may write in `bucket` at `version` (None: nothing)."""
    return write_access_many(connection, caller, [bucket], version)[bucket]


def unclaimed_buckets(connection: Connection, buckets: Iterable[str]) -> set[str]:
    """Those of `buckets` no row and no grant (past or present) names: new accounts."""
    wanted = sorted(set(buckets))
    claimed: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        claimed.update(
            connection.execute(
                select(rows.c.bucket).where(rows.c.bucket.in_(chunk)).distinct()
            ).scalars()
        )
        claimed.update(
            connection.execute(
                select(grants.c.bucket).where(grants.c.bucket.in_(chunk)).distinct()
            ).scalars()
        )
    return set(wanted) - claimed
