"""Every change to a syncable row lands in the change log, in the same transaction.

One mechanism for all callers: a `before_flush` listener on the store's
sessions. It stamps ids (derived from the parent for rows that exist once per
parent, kamdesk.store.natural_keys), timestamps and revisions, and writes one
`ChangeLogEntry` per inserted, updated, deleted or restored row with the new
values and the values they replaced. Removing a syncable row is refused:
callers set the tombstone (`soft_delete`) so the deletion can travel.

A session that applies changes received from the office sets
`session.info[APPLYING_REMOTE] = True`: those changes are already on the server
and must not go back out. A session with `session.info[BASELINE_LOAD] = True`
writes a baseline (the demo territory, built in a new file of its own): rows
are stamped like local inserts but nothing is queued for the office either.

Writes that bypass the flush (bulk ORM statements, Core, SQL text) are refused
on syncable tables outside those two kinds of session: kamdesk.store.write_guard.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.errors import TombstoneRequiredError
from kamdesk.models import ChangeLogEntry, ChangeOperation, Syncable, utcnow
from kamdesk.store.natural_keys import row_natural_id
from kamdesk.store.values import to_json_value

APPLYING_REMOTE = "kamdesk.applying_remote"
BASELINE_LOAD = "kamdesk.baseline_load"
CLIENT_ID = "kamdesk.client_id"
# Overridable for reproducible bulk loads (the demo): where new ids and "now" come from.
NEW_ID = "kamdesk.new_id"
CLOCK = "kamdesk.clock"


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _log_changes)


def soft_delete(session: Session, row: object) -> None:
    """Tombstone a row; it disappears from queries but stays for sync and restore."""
    if not isinstance(row, Syncable):
        raise TypeError(f"{type(row).__name__} is not a syncable row")
    if row.deleted_at is None:
        row.deleted_at = utcnow()
    session.add(row)


def restore(session: Session, row: object) -> None:
    if not isinstance(row, Syncable):
        raise TypeError(f"{type(row).__name__} is not a syncable row")
    row.deleted_at = None
    session.add(row)


def _log_changes(session: Session, flush_context: Any, instances: Any) -> None:
    for row in session.deleted:
        if isinstance(row, Syncable):
            raise TombstoneRequiredError(
                f"{type(row).__name__} {row.id} must be soft-deleted (soft_delete), not removed"
            )
    if session.info.get(APPLYING_REMOTE):
        return
    client_id: uuid.UUID = session.info[CLIENT_ID]
    now = session.info.get(CLOCK, utcnow)()
    new_id = session.info.get(NEW_ID, uuid.uuid4)
    entries: list[ChangeLogEntry] = []
    for row in list(session.new):
        if isinstance(row, Syncable):
            entries.append(_insert_entry(row, client_id, now, new_id))
    for row in list(session.dirty):
        if isinstance(row, Syncable) and session.is_modified(row, include_collections=False):
            entry = _update_entry(session, row, client_id, now)
            if entry is not None:
                entries.append(entry)
    if not session.info.get(BASELINE_LOAD):
        session.add_all(entries)


def _columns(row: Syncable) -> list[str]:
    return [attr.key for attr in inspect(type(row)).column_attrs]


def _insert_entry(row: Syncable, client_id: uuid.UUID, now: Any, new_id: Any) -> ChangeLogEntry:
    natural = row_natural_id(row)  # a one-per-parent row: the id laptops agree on
    if natural is not None and row.id not in (None, natural):
        raise ValueError(
            f"{type(row).__name__} exists once per {type(row).__natural_key__}: its id is "
            f"derived from them ({natural}), not {row.id}"
        )
    if row.id is None:
        row.id = natural or new_id()
    row.created_at = row.created_at or now
    row.updated_at = now
    row.revision = 1
    _apply_column_defaults(row)
    values = {
        key: to_json_value(getattr(row, key))
        for key in _columns(row)
        if key not in Syncable.SYNC_BOOKKEEPING
    }
    return ChangeLogEntry(
        change_id=new_id(),
        entity=type(row).__tablename__,  # type: ignore[attr-defined]
        entity_id=row.id,
        operation=ChangeOperation.INSERT,
        changes=values,
        base={},
        revision=1,
        client_id=client_id,
        changed_at=now,
    )


def _apply_column_defaults(row: Syncable) -> None:
    """Fill scalar Python-side defaults now, so the log carries the stored values."""
    for attr in inspect(type(row)).column_attrs:
        column = attr.columns[0]
        if getattr(row, attr.key) is None and column.default is not None:
            default = column.default
            if default.is_scalar:
                setattr(row, attr.key, default.arg)


def _update_entry(
    session: Session, row: Syncable, client_id: uuid.UUID, now: Any
) -> ChangeLogEntry | None:
    state = inspect(row)
    changes: dict[str, Any] = {}
    base: dict[str, Any] = {}
    unknown_base: list[str] = []
    for key in _columns(row):
        if key in Syncable.SYNC_BOOKKEEPING:
            continue
        history = state.attrs[key].history
        if not history.added:
            continue
        new_value = history.added[0]
        if history.deleted:
            old_value = history.deleted[0]
            if old_value == new_value:
                continue
            base[key] = to_json_value(old_value)
        else:
            unknown_base.append(key)
        changes[key] = to_json_value(new_value)
    if unknown_base:
        # The attribute was expired when it was set: read the committed value.
        mapper = inspect(type(row))
        table = mapper.local_table
        stored = session.execute(
            select(*(table.c[k] for k in unknown_base)).where(table.c.id == row.id)
        ).one_or_none()
        for index, key in enumerate(unknown_base):
            old_value = stored[index] if stored is not None else None
            if old_value == getattr(row, key):
                del changes[key]
            else:
                base[key] = to_json_value(old_value)
    if not changes:
        return None
    operation = ChangeOperation.UPDATE
    if "deleted_at" in changes:
        operation = ChangeOperation.DELETE if row.deleted_at else ChangeOperation.RESTORE
    row.revision = (row.revision or 0) + 1
    row.updated_at = now
    return ChangeLogEntry(
        entity=type(row).__tablename__,  # type: ignore[attr-defined]
        entity_id=row.id,
        operation=operation,
        changes=changes,
        base=base,
        revision=row.revision,
        client_id=client_id,
        changed_at=now,
    )
