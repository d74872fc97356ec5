"""Bringing back what a damaged or moved-aside store had not sent to the office.

A store that broke is moved aside and a new one bootstraps from the office; the
edits the office never acknowledged are still in the old file's change log.
`salvage` reads them (kamdesk.store.salvage_read) and, in one transaction of the
current store:

- re-queues each pending entry with its ORIGINAL change id (and its original
  order, after what this store already queued), so the next sync pushes it and
  the office applies it exactly once, or answers with the outcome it stored
  when the change had reached it after all;
- skips entries this store already holds (the same change id: an earlier
  salvage of the same file), and the fields this store changed itself since:
  the new store is younger than every entry of the old one, so its own edits
  are newer and an old value must not overwrite them at the office (an entry
  with nothing left is not sent);
- shows the values here at once, where it is safe: a new row the store lacks
  is created; a field is set only where the store holds exactly the value the
  edit was made on (its base). Elsewhere the office's value stays until the
  sync: the office decides by its rules (later arrival wins, texts are merged,
  a submitted report stays) and the pull after the push brings its answer. Had
  the change reached the office already, the store holds the office's newer
  state, and leaving it alone keeps the laptop equal to the office (an
  "already applied" answer brings no row back). A row whose parent is not here
  (its creation was on an unreadable page) is not shown either: it is still
  sent, and if the office refuses it, it lands in the sync issues.

A file that is not a KAMdesk store, the current store's own file, or a store of
another user is refused before anything is written.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import ChangeLogEntry, ChangeOperation, ChangeStatus, SyncState
from kamdesk.store import INCLUDE_DELETED, Store
from kamdesk.store.files import is_part_of_store
from kamdesk.store.salvage_read import CopiedEntry, CopyContents, SalvageRefusedError, read_copy
from kamdesk.store.values import to_json_value
from kamdesk.sync.apply import remote_session
from kamdesk.sync.entities import LOCAL_COLUMNS, EntityInfo, entity, from_wire

__all__ = ["SalvageRefusedError", "SalvageReport", "salvage"]

_CHUNK = 500


@dataclass
class SalvageReport:
    found: int = 0  # readable change-log entries in the copy
    requeued: int = 0  # queued here for the next sync, with their own change ids
    acknowledged: int = 0  # the office had answered them already (applied or refused)
    already_here: int = 0  # this store holds them already (salvaged before)
    superseded: int = 0  # every field was changed here since: nothing left to send
    shown: int = 0  # of the re-queued: their values are in this store now
    unreadable: int = 0  # change numbers the damage hides


def salvage(store: Store, copy_path: Path) -> SalvageReport:
    """Re-queue and show the unsent changes of the store copy at `copy_path`."""
    copy_path = Path(copy_path)
    if is_part_of_store(copy_path, store.path):
        raise SalvageRefusedError(
            Message(
                "Salvage",
                QT_TRANSLATE_NOOP(
                    "Salvage",
                    "{path} is the database KAMdesk is working with, not a copy of it: choose "
                    "the moved-aside or damaged file.",
                ),
                {"path": str(copy_path)},
            )
        )
    contents = read_copy(copy_path)
    report = SalvageReport(found=len(contents.entries), unreadable=contents.unreadable)
    waiting = [entry for entry in contents.entries if entry.status == ChangeStatus.PENDING]
    report.acknowledged = report.found - len(waiting)
    with remote_session(store, defer_foreign_keys=False) as session:
        _check_owner(session, contents)
        here = _change_ids_here(session, [entry.change_id for entry in waiting])
        newer = _fields_changed_here(session, waiting)
        for copied in waiting:
            if copied.change_id in here:
                report.already_here += 1
                continue
            entry = _trimmed(copied, newer.get((copied.entity, copied.entity_id), set()))
            if entry is None:
                report.superseded += 1
                continue
            session.add(entry)
            report.requeued += 1
            if _show(session, entry):
                report.shown += 1
            session.flush()
    return report


def _check_owner(session: Session, contents: CopyContents) -> None:
    state = session.get(SyncState, 1)
    if state is None:
        return
    other_user = (
        contents.user_id is not None
        and state.user_id is not None
        and contents.user_id != state.user_id
    )
    other_login = bool(contents.login and state.login and contents.login != state.login)
    if other_user or other_login:
        raise SalvageRefusedError(
            Message(
                "Salvage",
                QT_TRANSLATE_NOOP(
                    "Salvage",
                    "{path} belongs to another user ({theirs}; this database is {mine}'s): "
                    "their changes are not sent in your name. Nothing was changed.",
                ),
                {
                    "path": str(contents.path),
                    "theirs": contents.login or "?",
                    "mine": state.login or "?",
                },
            )
        )


def _change_ids_here(session: Session, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), _CHUNK):
        found.update(
            session.scalars(
                select(ChangeLogEntry.change_id).where(
                    ChangeLogEntry.change_id.in_(ids[start : start + _CHUNK])
                )
            )
        )
    return found


def _fields_changed_here(
    session: Session, entries: list[CopiedEntry]
) -> dict[tuple[str, uuid.UUID], set[str]]:
    """Per row: the fields this store's own change log changed (any status)."""
    by_entity: dict[str, set[uuid.UUID]] = defaultdict(set)
    for entry in entries:
        by_entity[entry.entity].add(entry.entity_id)
    found: dict[tuple[str, uuid.UUID], set[str]] = defaultdict(set)
    for name, id_set in by_entity.items():
        ids = list(id_set)
        for start in range(0, len(ids), _CHUNK):
            rows = session.execute(
                select(ChangeLogEntry.entity_id, ChangeLogEntry.changes).where(
                    ChangeLogEntry.entity == name,
                    ChangeLogEntry.entity_id.in_(ids[start : start + _CHUNK]),
                )
            )
            for entity_id, changes in rows:
                found[(name, entity_id)].update(changes)
    return found


def _trimmed(copied: CopiedEntry, newer: set[str]) -> ChangeLogEntry | None:
    """The entry to queue: the copy's, without the fields changed here since."""
    changes = {key: value for key, value in copied.changes.items() if key not in newer}
    if not changes:
        return None
    operation = copied.operation
    if operation in (ChangeOperation.DELETE, ChangeOperation.RESTORE) and (
        "deleted_at" not in changes
    ):
        operation = ChangeOperation.UPDATE  # the deletion itself was decided again here
    return ChangeLogEntry(
        change_id=copied.change_id,
        entity=copied.entity,
        entity_id=copied.entity_id,
        operation=operation,
        changes=changes,
        base={key: value for key, value in copied.base.items() if key in changes},
        revision=copied.revision,
        client_id=copied.client_id,  # the laptop that made it, as the office knows it
        changed_at=copied.changed_at,
        status=ChangeStatus.PENDING,
        attempts=0,
        last_error="",
    )


def _show(session: Session, entry: ChangeLogEntry) -> bool:
    """Put the entry's values into this store where that is safe (see the module)."""
    info = entity(entry.entity)
    if info is None:
        return False
    row: Any = session.scalars(
        select(info.cls)
        .where(info.cls.id == entry.entity_id)
        .execution_options(**{INCLUDE_DELETED: True})
    ).one_or_none()
    if entry.operation == ChangeOperation.INSERT:
        if row is not None:  # the office has it (or another laptop made the same row)
            return False
        values = _values(info, entry.changes)
        if not _references_exist(session, info, values) or _key_taken(session, info, values):
            return False
        row = info.cls(id=entry.entity_id, **values)
        row.created_at = row.updated_at = entry.changed_at
        row.revision = entry.revision
        session.add(row)
        return True
    if row is None:
        return False
    values = {
        field: value
        for field, value in _values(info, entry.changes).items()
        if field in entry.base and to_json_value(getattr(row, field)) == entry.base[field]
    }
    if not values or not _references_exist(session, info, values):
        return False
    for field, value in values.items():
        setattr(row, field, value)
    row.revision = max(row.revision or 0, entry.revision)
    return True


def _values(info: EntityInfo, changes: dict[str, Any]) -> dict[str, Any]:
    return {
        field: from_wire(info.columns[field], value)
        for field, value in changes.items()
        if field in info.columns and field not in LOCAL_COLUMNS
    }


def _references_exist(session: Session, info: EntityInfo, values: dict[str, Any]) -> bool:
    """Whether every row the values point to is in this store (foreign keys stay on)."""
    table = info.cls.__table__
    for key in table.foreign_keys:
        value = values.get(key.parent.name)
        if value is None:
            continue
        target = key.column
        if session.execute(select(target).where(target == value).limit(1)).first() is None:
            return False
    return True


def _key_taken(session: Session, info: EntityInfo, values: dict[str, Any]) -> bool:
    """Whether another row here holds one of the row's unique keys (a SKU, a number)."""
    for key in info.unique_keys:
        if any(values.get(name) is None for name in key):
            continue
        holder = session.scalars(
            select(info.cls.id)
            .where(*(getattr(info.cls, name) == values[name] for name in key))
            .execution_options(**{INCLUDE_DELETED: True})
        ).first()
        if holder is not None:
            return True
    return False
