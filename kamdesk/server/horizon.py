"""The tombstone horizon: `kamdesk server purge` forgets deletions older than N days.

A deleted row stays in `rows` as a tombstone so every laptop learns of the deletion.
After long enough (180 days by default) the office removes it, with its text revisions
(its field authors live in the row), and records the highest version removed as
`server_state.horizon`. A laptop whose cursor is below the horizon may have missed one
of those deletions, so its pull answers `reset`: it takes a fresh copy, keeping its
outbox, as it does for a new epoch.

One transaction, whose first statement writes the `server_state` row: on PostgreSQL
that row lock waits for a push in progress and holds the next one back until the purge
commits; on SQLite the transaction begins IMMEDIATE. A pull reads the horizon again
after its page (pull.py), so a page that lost a tombstone to a purge committed
meanwhile answers `reset` too.

A tombstone a kept row still points at (a live contact of a deleted account) is kept,
so a fresh copy never holds a child without its parent.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, func, select, update

from kamdesk.server.tables import rows, server_state, text_revisions
from kamdesk.sync.protocol import ENTITIES

DEFAULT_DAYS = 180
_CHUNK = 400  # ids per IN (...)

# Child entity → (its column naming the parent, the parent entity).
_CHILDREN: dict[str, tuple[str, str]] = {
    name: spec.parent for name, spec in ENTITIES.items() if isinstance(spec.parent, tuple)
}


@dataclass(frozen=True)
class PurgeResult:
    rows: int  # tombstones removed
    texts: int  # their text revisions removed
    kept: int  # old tombstones kept because a kept row points at them
    horizon: int  # the office's horizon after the purge


def purge(
    engine: Engine, older_than_days: int = DEFAULT_DAYS, now: datetime | None = None
) -> PurgeResult:
    """Remove tombstones deleted more than `older_than_days` ago, in one transaction."""
    if older_than_days < 0:
        raise ValueError("older_than_days must not be negative")
    cutoff = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
    with engine.begin() as connection:
        connection.execute(  # takes the counter's lock first: pushes wait for the purge
            update(server_state)
            .where(server_state.c.id == 1)
            .values(horizon=server_state.c.horizon)
        )
        candidates = _old_tombstones(connection, cutoff)
        kept = _still_referenced(connection, candidates)
        for key in kept:
            del candidates[key]
        by_entity: dict[str, list[uuid.UUID]] = defaultdict(list)
        for entity, entity_id in candidates:
            by_entity[entity].append(entity_id)
        texts = 0
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                texts += connection.execute(
                    delete(text_revisions).where(
                        text_revisions.c.entity == entity, text_revisions.c.entity_id.in_(chunk)
                    )
                ).rowcount
                connection.execute(
                    delete(rows).where(
                        rows.c.entity == entity,
                        rows.c.entity_id.in_(chunk),
                        rows.c.deleted.is_(True),  # a restore meanwhile keeps it
                    )
                )
        highest = max(candidates.values(), default=0)
        connection.execute(
            update(server_state)
            .where(server_state.c.id == 1, server_state.c.horizon < highest)
            .values(horizon=highest)
        )
        horizon = int(
            connection.execute(
                select(server_state.c.horizon).where(server_state.c.id == 1)
            ).scalar_one()
        )
    return PurgeResult(len(candidates), texts, len(kept), horizon)


def office_horizon(connection: Connection) -> int:
    return int(
        connection.execute(
            select(server_state.c.horizon).where(server_state.c.id == 1)
        ).scalar_one()
    )


def _old_tombstones(connection: Connection, cutoff: datetime) -> dict[tuple[str, uuid.UUID], int]:
    found = connection.execute(
        select(rows.c.entity, rows.c.entity_id, rows.c.version).where(
            rows.c.deleted.is_(True), rows.c.updated_at < cutoff
        )
    )
    return {(row.entity, row.entity_id): int(row.version) for row in found}


def _buckets_of(connection: Connection, entity: str, ids: list[uuid.UUID]) -> set[str]:
    return set(
        connection.execute(
            select(rows.c.bucket)
            .where(rows.c.entity == entity, rows.c.entity_id.in_(ids))
            .distinct()
        ).scalars()
    )


def _still_referenced(
    connection: Connection, candidates: dict[tuple[str, uuid.UUID], int]
) -> set[tuple[str, uuid.UUID]]:
    """The candidates a row that stays points at through its parent column.

    A kept parent keeps its own parent in turn (a visit report keeps its visit, which
    keeps its account), so the search repeats until nothing more is kept."""
    kept: set[tuple[str, uuid.UUID]] = set()
    while True:
        more: set[tuple[str, uuid.UUID]] = set()
        for child, (column, parent) in _CHILDREN.items():
            parents = [
                entity_id
                for entity, entity_id in candidates
                if entity == parent and (entity, entity_id) not in kept
            ]
            for start in range(0, len(parents), _CHUNK):
                chunk = {entity_id.hex: entity_id for entity_id in parents[start : start + _CHUNK]}
                # A child files under its parent's bucket (it never moves), so only those
                # buckets are read, through ix_rows_bucket_version.
                buckets = _buckets_of(connection, parent, list(chunk.values()))
                pointer = rows.c.data[column].as_string()
                found = connection.execute(
                    select(rows.c.entity_id, func.lower(pointer).label("parent")).where(
                        rows.c.bucket.in_(sorted(buckets)),
                        rows.c.entity == child,
                        func.lower(pointer).in_(sorted(chunk)),
                    )
                )
                for row in found:
                    key = (child, row.entity_id)
                    if key not in candidates or key in kept:
                        more.add((parent, chunk[row.parent]))
        more -= kept
        if not more:
            return kept
        kept |= more
