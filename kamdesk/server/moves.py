"""Rows taken to another account: merging two accounts moves the duplicate's contacts,
visits, offers and the rest to the account that stays.

A row's bucket follows its parent, so a change of its parent column to a row of another
bucket moves it there, with everything filed under it (a contact's personal details, a
visit's attendees and report, an offer's lines), all at the push's version: readers of
the new account pull them as changed rows. The move itself is recorded in `row_moves`,
so a reader of the old account who cannot read the new one is told, on the last page of
a pull, to take the row off their laptop (`moved_away`), as for a revoked account.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, and_, select

from kamdesk.server.batch import Batch, Key
from kamdesk.server.context import Caller
from kamdesk.server.tables import row_moves, rows
from kamdesk.server.visibility import readable_buckets
from kamdesk.sync.protocol import ENTITIES, RowRef

# Entities filed under a row that is not an account (only these can be carried along).
_CHILDREN: dict[str, list[tuple[str, str]]] = {}
for _name, _spec in ENTITIES.items():
    if isinstance(_spec.parent, tuple) and _spec.parent[1] != "accounts":
        _CHILDREN.setdefault(_spec.parent[1], []).append((_name, _spec.parent[0]))
_NESTED = sorted(name for children in _CHILDREN.values() for name, _ in children)


def _same_id(value: Any, wanted: uuid.UUID) -> bool:
    return value is not None and str(value).replace("-", "").lower() == wanted.hex


def _nested_rows(batch: Batch, bucket: str) -> dict[Key, dict[str, Any]]:
    """The bucket's rows of nested entities, as the office holds them and as this push
    has changed them so far (rows it created are not in the database yet)."""
    if bucket not in batch.nested:
        found = batch.connection.execute(
            select(rows.c.entity, rows.c.entity_id, rows.c.data).where(
                rows.c.bucket == bucket, rows.c.entity.in_(_NESTED)
            )
        )
        batch.nested[bucket] = {(row.entity, row.entity_id): dict(row.data) for row in found}
    current = dict(batch.nested[bucket])
    for key, state in batch.rows.items():
        if state is not None and key[0] in _NESTED and state.bucket == bucket:
            current[key] = state.data
    return current


def carry_children(
    batch: Batch, entity: str, entity_id: uuid.UUID, old: str, new: str, version: int
) -> int:
    """Move everything filed under (entity, entity_id) from bucket `old` to `new`."""
    batch.new_moves.append(
        {
            "entity": entity,
            "entity_id": entity_id,
            "from_bucket": old,
            "to_bucket": new,
            "version": version,
        }
    )
    candidates = _nested_rows(batch, old) if entity in _CHILDREN else {}
    carried = 0
    waiting: list[Key] = [(entity, entity_id)]
    while waiting:
        parent_entity, parent_id = waiting.pop()
        for child_entity, column in _CHILDREN.get(parent_entity, ()):
            for key, data in candidates.items():
                if key[0] != child_entity or not _same_id(data.get(column), parent_id):
                    continue
                state = batch.row(*key)
                if state is None or state.bucket != old:
                    continue
                batch.put(key[0], key[1], replace(state, bucket=new, version=version))
                carried += 1
                waiting.append(key)
    return carried


def moved_away(connection: Connection, caller: Caller, since: int, upper: int) -> list[RowRef]:
    """Rows moved after `since` (up to `upper`) out of a bucket the caller reads into one
    they do not: their laptop should remove them. A row moved on again into a bucket the
    caller reads comes as a changed row instead."""
    found: Sequence[Any] = connection.execute(
        select(row_moves.c.entity, row_moves.c.entity_id, row_moves.c.from_bucket, rows.c.bucket)
        .join(
            rows,
            and_(rows.c.entity == row_moves.c.entity, rows.c.entity_id == row_moves.c.entity_id),
        )
        .where(row_moves.c.version > since, row_moves.c.version <= upper)
        .order_by(row_moves.c.id)
    ).all()
    if not found:
        return []
    readable = readable_buckets(connection, caller, upper)
    if readable is None:  # an admin reads every bucket
        return []
    away: dict[Key, RowRef] = {}
    for move in found:
        if move.from_bucket in readable and move.bucket not in readable:
            key = (move.entity, move.entity_id)
            away.setdefault(key, RowRef(entity=move.entity, entity_id=move.entity_id))
    return list(away.values())
