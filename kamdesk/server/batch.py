"""What one push request reads and writes, kept in memory and written at the end.

A push of 500 changes would otherwise run a dozen statements per change. Instead
the rows it touches (and their parents) are read in a few queries up front, each
change reads and updates this copy, and the new rows, outcomes and text revisions
are written with one executemany each when the batch is done. The counter lock
taken first (push.py) means nobody else writes these rows meanwhile.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, select

from kamdesk.server.tables import applied_changes, grants, row_moves, rows, text_revisions
from kamdesk.sync.protocol import ENTITIES, WireChange

Key = tuple[str, uuid.UUID]
_CHUNK = 400  # ids per IN (...) query
SEQ_MAX = 2**63 - 1  # BIGINT: a laptop's change-log id never comes near it


@dataclass
class RowState:
    bucket: str
    version: int
    deleted: bool
    data: dict[str, Any]
    field_authors: dict[str, Any]
    updated_by: uuid.UUID | None
    updated_by_client: uuid.UUID | None
    updated_at: datetime
    stored: bool = True  # already in the database (an UPDATE at the end, not an INSERT)


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def parent_key(change: WireChange) -> Key | None:
    spec = ENTITIES.get(change.entity)
    if spec is None or not isinstance(spec.parent, tuple):
        return None
    column, parent_entity = spec.parent
    parent_id = _uuid(change.fields.get(column))
    return None if parent_id is None else (parent_entity, parent_id)


@dataclass
class Batch:
    connection: Connection
    rows: dict[Key, RowState | None] = field(default_factory=dict)
    dirty: set[Key] = field(default_factory=set)
    outcomes: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)  # by change id
    seqs: set[int] = field(default_factory=set)  # this client's seqs already recorded
    new_changes: list[dict[str, Any]] = field(default_factory=list)
    new_texts: list[dict[str, Any]] = field(default_factory=list)
    new_grants: list[dict[str, Any]] = field(default_factory=list)  # KAMs' new accounts
    new_moves: list[dict[str, Any]] = field(default_factory=list)  # rows taken elsewhere
    # A bucket's rows filed under contacts, visits and offers, read when one moves (moves.py).
    nested: dict[str, dict[Key, dict[str, Any]]] = field(default_factory=dict)

    def prefetch(self, client_id: uuid.UUID, changes: list[WireChange]) -> None:
        """Read what the changes will look at: their rows, parents, stored outcomes."""
        keys = {(c.entity, c.entity_id) for c in changes if c.entity in ENTITIES}
        keys |= {key for key in map(parent_key, changes) if key is not None}
        self._load_rows(keys)
        ids = [c.change_id for c in changes]
        for start in range(0, len(ids), _CHUNK):
            found = self.connection.execute(
                select(applied_changes.c.change_id, applied_changes.c.outcome).where(
                    applied_changes.c.change_id.in_(ids[start : start + _CHUNK])
                )
            )
            self.outcomes.update({row.change_id: row.outcome for row in found})
        seqs = [c.seq for c in changes if c.seq <= SEQ_MAX]
        for start in range(0, len(seqs), _CHUNK):
            found = self.connection.execute(
                select(applied_changes.c.seq).where(
                    applied_changes.c.client_id == client_id,
                    applied_changes.c.seq.in_(seqs[start : start + _CHUNK]),
                )
            )
            self.seqs.update(found.scalars())

    def _load_rows(self, keys: Iterable[Key]) -> None:
        by_entity: dict[str, list[uuid.UUID]] = defaultdict(list)
        for entity, entity_id in keys:
            if (entity, entity_id) not in self.rows:
                self.rows[(entity, entity_id)] = None
                by_entity[entity].append(entity_id)
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), _CHUNK):
                found = self.connection.execute(
                    select(rows).where(
                        rows.c.entity == entity, rows.c.entity_id.in_(ids[start : start + _CHUNK])
                    )
                )
                for row in found:
                    self.rows[(row.entity, row.entity_id)] = RowState(
                        bucket=row.bucket,
                        version=row.version,
                        deleted=row.deleted,
                        data=dict(row.data),
                        field_authors=dict(row.field_authors or {}),
                        updated_by=row.updated_by,
                        updated_by_client=row.updated_by_client,
                        updated_at=row.updated_at,
                    )

    def row(self, entity: str, entity_id: uuid.UUID) -> RowState | None:
        key = (entity, entity_id)
        if key not in self.rows:
            self._load_rows([key])
        return self.rows[key]

    def put(self, entity: str, entity_id: uuid.UUID, state: RowState) -> None:
        self.rows[(entity, entity_id)] = state
        self.dirty.add((entity, entity_id))

    def flush(self) -> None:
        """Write the batch's rows, text revisions and outcomes."""
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for entity, entity_id in sorted(self.dirty, key=lambda key: (key[0], key[1].hex)):
            state = self.rows[(entity, entity_id)]
            assert state is not None
            values = {
                "bucket": state.bucket,
                "version": state.version,
                "deleted": state.deleted,
                "data": state.data,
                "field_authors": state.field_authors or None,
                "updated_by": state.updated_by,
                "updated_by_client": state.updated_by_client,
                "updated_at": state.updated_at,
            }
            if state.stored:
                updates.append({"k_entity": entity, "k_id": entity_id, **values})
            else:
                inserts.append({"entity": entity, "entity_id": entity_id, **values})
                state.stored = True
        if self.new_grants:
            self.connection.execute(grants.insert(), self.new_grants)
        if inserts:
            self.connection.execute(rows.insert(), inserts)
        if updates:
            self.connection.execute(
                rows.update().where(
                    and_(
                        rows.c.entity == bindparam("k_entity"),
                        rows.c.entity_id == bindparam("k_id"),
                    )
                ),
                updates,
            )
        if self.new_moves:
            self.connection.execute(row_moves.insert(), self.new_moves)
        if self.new_texts:
            self.connection.execute(text_revisions.insert(), self.new_texts)
        if self.new_changes:
            self.connection.execute(applied_changes.insert(), self.new_changes)
        self.dirty.clear()
        self.new_texts, self.new_changes, self.new_grants, self.new_moves = [], [], [], []
