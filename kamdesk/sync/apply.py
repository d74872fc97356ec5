"""Applying what the office sends: pulled rows, revoked buckets, a reset.

Everything here runs in a session marked APPLYING_REMOTE, so nothing goes back
into the outbox. A pulled page is applied in one transaction together with its
cursor (`remote_session`). Foreign keys are checked by SQLite only at the end of
the whole pull, not per page: the office sends rows in version order, so a
contact can arrive a page before its re-edited account.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kamdesk.errors import CorruptStoreError
from kamdesk.models import ChangeLogEntry, ChangeStatus, SyncIssue, TextBase, utcnow
from kamdesk.models.local import AccountStats
from kamdesk.store import APPLYING_REMOTE, INCLUDE_DELETED, Store
from kamdesk.store.derived import refresh_account_stats
from kamdesk.store.values import to_json_value
from kamdesk.sync.entities import (
    LOCAL_COLUMNS,
    EntityInfo,
    bucket_account,
    depth,
    entity,
    from_wire,
)
from kamdesk.sync.protocol import ENTITIES, RowRef, WireRow

log = logging.getLogger(__name__)

_CHUNK = 500


@contextmanager
def remote_session(store: Store, *, defer_foreign_keys: bool = True) -> Iterator[Session]:
    """One transaction that applies the office's data: no outbox entries, and (by
    default) no foreign-key checks, so rows can arrive children first."""
    if store.damage is not None:
        raise CorruptStoreError(store.path, store.damage.detail, writes_stopped=True)
    with store.engine.connect() as connection:
        raw: Any = connection.connection.driver_connection
        # PRAGMA foreign_keys is a no-op inside a transaction: only before it begins.
        keys_off = defer_foreign_keys and not raw.in_transaction
        if keys_off:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            session = store.session()
            session.bind = connection
            session.info[APPLYING_REMOTE] = True
            try:
                with session.begin():
                    yield session
            finally:
                session.close()
        finally:
            if keys_off:
                if raw.in_transaction:  # an error left it open: roll back before the pragma
                    raw.rollback()
                raw.execute("PRAGMA foreign_keys=ON")


def pending_fields(
    session: Session, name: str, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, set[str]]:
    """For rows with changes still in the outbox: the fields those changes set."""
    found: dict[uuid.UUID, set[str]] = defaultdict(set)
    id_list = list(ids)
    for start in range(0, len(id_list), _CHUNK):
        rows = session.execute(
            select(ChangeLogEntry.entity_id, ChangeLogEntry.changes).where(
                ChangeLogEntry.status == ChangeStatus.PENDING,
                ChangeLogEntry.entity == name,
                ChangeLogEntry.entity_id.in_(id_list[start : start + _CHUNK]),
            )
        )
        for entity_id, changes in rows:
            found[entity_id].update(changes)
    return found


class ApplyLog:
    """What a pull met on the way: entities and fields this version does not know
    (logged once), and office rows that collided with a local row (sync issues)."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()
        self.conflicts = 0

    def note(self, name: str, field: str = "") -> None:
        if (name, field) not in self.seen:
            self.seen.add((name, field))
            if field:
                log.warning("sync: ignoring field %s.%s unknown to this version", name, field)
            else:
                log.warning("sync: ignoring entity %s unknown to this version", name)


def apply_rows(session: Session, rows: list[WireRow], unknown: ApplyLog) -> int:
    """Put the office's state of each row into the store; returns how many were applied.

    Parents go before children (entity depth in the ENTITIES parent chain). A
    field with a pending local change keeps the local value: the next push sends
    it and the office merges it."""
    by_entity: dict[str, list[WireRow]] = defaultdict(list)
    for row in rows:
        by_entity[row.entity].append(row)
    known: list[tuple[EntityInfo, list[WireRow]]] = []
    for name, entity_rows in by_entity.items():
        info = entity(name)
        if info is None:
            unknown.note(name)
            continue
        known.append((info, entity_rows))
    known.sort(key=lambda item: item[0].depth)
    return sum(_apply_entity(session, info, entity_rows, unknown) for info, entity_rows in known)


def _apply_entity(
    session: Session, info: EntityInfo, rows: list[WireRow], unknown: ApplyLog
) -> int:
    cls = info.cls
    latest: dict[uuid.UUID, WireRow] = {}
    for row in rows:  # the same row twice in a page: the higher version wins
        if row.entity_id not in latest or latest[row.entity_id].version <= row.version:
            latest[row.entity_id] = row
    ids = list(latest)
    existing: dict[uuid.UUID, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for local in session.scalars(
            select(cls).where(cls.id.in_(chunk)).execution_options(**{INCLUDE_DELETED: True})
        ):
            existing[local.id] = local
    pending = pending_fields(session, info.name, ids)
    text_fields = ENTITIES[info.name].text_fields
    bases: list[dict[str, Any]] = []
    applied = 0
    for entity_id, wire in latest.items():
        local = existing.get(entity_id)
        if local is None:
            if info.unique_keys and not _make_room(session, info, wire, unknown):
                continue
            local = cls(id=entity_id)
            session.add(local)
        applied += 1
        keep = pending.get(entity_id, set())
        for field, value in wire.fields.items():
            if field in LOCAL_COLUMNS or field == "deleted_at":
                continue
            column_type = info.columns.get(field)
            if column_type is None:
                unknown.note(info.name, field)
                continue
            if field in text_fields and isinstance(value, str) and value:  # none: empty
                bases.append(
                    {
                        "entity": info.name,
                        "entity_id": entity_id,
                        "field": field,
                        "text": value,
                        "server_version": wire.version,
                    }
                )
            if field in keep:
                continue
            setattr(local, field, from_wire(column_type, value))
        if "deleted_at" not in keep:
            local.deleted_at = _tombstone(info, wire, local.deleted_at)
        local.server_version = wire.version
    session.flush()
    _store_text_bases(session, bases)
    return applied


def _make_room(session: Session, info: EntityInfo, wire: WireRow, log_: ApplyLog) -> bool:
    """A new row from the office whose unique key (a SKU, an offer number) a local row
    with another id holds. A stale office row gives way; a row typed here stays, the
    office's row waits, and the KAM sees both in a sync issue. True: insert it."""
    for key in info.unique_keys:
        values = {}
        for name in key:
            raw = wire.fields.get(name)
            if raw is None:
                break
            values[name] = from_wire(info.columns[name], raw)
        else:
            holder = session.scalars(
                select(info.cls)
                .where(info.cls.id != wire.entity_id)
                .where(*(getattr(info.cls, name) == value for name, value in values.items()))
                .execution_options(**{INCLUDE_DELETED: True})
            ).first()
            if holder is None:
                continue
            waiting = pending_fields(session, info.name, [holder.id])
            if holder.server_version is not None and not waiting:
                # The office replaced it (its tombstone may come later): drop ours.
                session.execute(
                    delete(info.cls.__table__).where(info.cls.__table__.c.id == holder.id)
                )
                session.expunge(holder)
                continue
            _file_conflict(session, info, wire, holder, values)
            log_.conflicts += 1
            return False
    return True


def _file_conflict(
    session: Session, info: EntityInfo, wire: WireRow, holder: Any, values: dict[str, Any]
) -> None:
    shown = ", ".join(str(value) for value in values.values())
    already = session.scalar(
        select(SyncIssue.id).where(
            SyncIssue.kind == "conflict",
            SyncIssue.entity == info.name,
            SyncIssue.entity_id == wire.entity_id,
            SyncIssue.resolved_at.is_(None),
        )
    )
    if already is not None:
        return
    session.add(
        SyncIssue(
            kind="conflict",
            entity=info.name,
            entity_id=wire.entity_id,
            field=",".join(values),
            local_value={"id": holder.id.hex, **{k: to_json_value(v) for k, v in values.items()}},
            remote_value=wire.fields,
            detail=(
                f"В офисе есть другая запись с тем же значением «{shown}», что и у записи на "
                "этом ноутбуке; офисная запись не принята, пока не решите, какую оставить."
            ),
        )
    )


def _tombstone(info: EntityInfo, wire: WireRow, current: datetime | None) -> datetime | None:
    if not wire.deleted:
        return None
    sent = wire.fields.get("deleted_at")
    if sent is not None and "deleted_at" in info.columns:
        moment: datetime = from_wire(info.columns["deleted_at"], sent)
        return moment
    return current or utcnow()


def _store_text_bases(session: Session, bases: list[dict[str, Any]]) -> None:
    if not bases:
        return
    statement = sqlite_insert(TextBase)
    statement = statement.on_conflict_do_update(
        index_elements=["entity", "entity_id", "field"],
        set_={"text": statement.excluded.text, "server_version": statement.excluded.server_version},
    )
    session.execute(statement, bases)


# --- revoked buckets ----------------------------------------------------------------


def rows_of_account(session: Session, account_id: uuid.UUID) -> dict[str, set[uuid.UUID]]:
    """Every row filed under an account's bucket, by entity (tombstones too)."""
    return rows_under(session, "accounts", account_id)


def rows_under(session: Session, name: str, row_id: uuid.UUID) -> dict[str, set[uuid.UUID]]:
    """A row and every row filed under it, by entity (tombstones too)."""
    found: dict[str, set[uuid.UUID]] = {name: {row_id}}
    names = sorted(
        (name for name, spec in ENTITIES.items() if isinstance(spec.parent, tuple)),
        key=depth,
    )
    for name in names:
        info = entity(name)
        spec = ENTITIES[name].parent
        if info is None or not isinstance(spec, tuple):
            continue
        column, parent = spec
        parent_ids = found.get(parent)
        if not parent_ids:
            continue
        attribute = getattr(info.cls, column)
        ids: set[uuid.UUID] = set()
        parent_list = list(parent_ids)
        for start in range(0, len(parent_list), _CHUNK):
            ids.update(
                session.scalars(
                    select(info.cls.id)
                    .where(attribute.in_(parent_list[start : start + _CHUNK]))
                    .execution_options(**{INCLUDE_DELETED: True})
                )
            )
        if ids:
            found[name] = ids
    return found


def remove_bucket(session: Session, bucket: str, now: datetime) -> list[SyncIssue]:
    """Take a revoked account and everything under it off this laptop. Edits of those
    rows not yet sent become sync issues ("revoked"), never lost; returns them."""
    account_id = bucket_account(bucket)
    if account_id is None:
        log.warning("sync: the office revoked bucket %r; only account buckets are removed", bucket)
        return []
    rows = rows_of_account(session, account_id)
    account_name = _account_name(session, account_id)
    issues = _pending_to_issues(
        session,
        rows,
        "revoked",
        f"Доступ к клиенту «{account_name}» закрыт в офисе; клиент убран с этого ноутбука. "
        "Изменение не было отправлено и сохранено здесь.",
        now,
    )
    _remove_rows(session, rows)
    return issues


def remove_moved(session: Session, moved: RowRef, now: datetime) -> list[SyncIssue]:
    """Take a row the office moved to an account this laptop cannot read (someone merged
    two accounts) off this laptop, with what is filed under it. Edits of those rows not
    yet sent become sync issues ("revoked"), never lost; returns them."""
    if entity(moved.entity) is None:
        return []
    rows = rows_under(session, moved.entity, moved.entity_id)
    issues = _pending_to_issues(
        session,
        rows,
        "revoked",
        "Запись перенесена в офисе к клиенту, который закреплён не за вами, и убрана с "
        "этого ноутбука. Изменение не было отправлено и сохранено здесь.",
        now,
    )
    _remove_rows(session, rows)
    return issues


def _account_name(session: Session, account_id: uuid.UUID) -> str:
    info = entity("accounts")
    assert info is not None
    name = session.scalar(
        select(info.cls.name)
        .where(info.cls.id == account_id)
        .execution_options(**{INCLUDE_DELETED: True})
    )
    return str(name) if name else account_id.hex


def _pending_to_issues(
    session: Session,
    rows: dict[str, set[uuid.UUID]],
    kind: str,
    detail: str,
    now: datetime,
) -> list[SyncIssue]:
    issues: list[SyncIssue] = []
    for name, ids in rows.items():
        id_list = list(ids)
        for start in range(0, len(id_list), _CHUNK):
            entries = session.scalars(
                select(ChangeLogEntry)
                .where(
                    ChangeLogEntry.status == ChangeStatus.PENDING,
                    ChangeLogEntry.entity == name,
                    ChangeLogEntry.entity_id.in_(id_list[start : start + _CHUNK]),
                )
                .order_by(ChangeLogEntry.id)
            )
            for entry in entries:
                entry.status = ChangeStatus.REJECTED
                entry.last_error = detail  # shown with the refused change
                issue = SyncIssue(
                    kind=kind,
                    entity=name,
                    entity_id=entry.entity_id,
                    field=_single_field(entry.changes),
                    local_value=entry.changes,
                    remote_value=None,
                    detail=detail,
                    change_id=entry.change_id,
                    created_at=now,
                )
                session.add(issue)
                issues.append(issue)
    session.flush()
    return issues


def _single_field(changes: dict[str, Any]) -> str:
    return next(iter(changes)) if len(changes) == 1 else ""


def _remove_rows(session: Session, rows: dict[str, set[uuid.UUID]]) -> None:
    order = sorted(rows, key=lambda name: -depth(name))  # children first
    for name in order:
        info = entity(name)
        if info is None:
            continue
        table = info.cls.__table__
        id_list = list(rows[name])
        for start in range(0, len(id_list), _CHUNK):
            chunk = id_list[start : start + _CHUNK]
            session.execute(delete(table).where(table.c.id.in_(chunk)))
            session.execute(
                delete(TextBase).where(TextBase.entity == name, TextBase.entity_id.in_(chunk))
            )
    session.expunge_all()
    # The client list's cache forgets removed accounts (raw ids: archived ones count too).
    session.execute(
        delete(AccountStats).where(
            AccountStats.account_id.not_in(select(text("id")).select_from(text("accounts")))
        )
    )


# --- reset --------------------------------------------------------------------------


def forget_office_rows(session: Session) -> int:
    """A reset: remove every row that came from the office (it has a server version)
    and has no change waiting in the outbox; the outbox stays. Returns how many."""
    removed: dict[str, set[uuid.UUID]] = {}
    for name in ENTITIES:
        info = entity(name)
        if info is None:
            continue
        office_ids = set(
            session.scalars(
                select(info.cls.id)
                .where(info.cls.server_version.is_not(None))
                .execution_options(**{INCLUDE_DELETED: True})
            )
        )
        if not office_ids:
            continue
        waiting = set(
            session.scalars(
                select(ChangeLogEntry.entity_id).where(
                    ChangeLogEntry.status == ChangeStatus.PENDING, ChangeLogEntry.entity == name
                )
            )
        )
        if office_ids - waiting:
            removed[name] = office_ids - waiting
    _remove_rows(session, removed)
    session.execute(delete(TextBase))
    refresh_account_stats(session.connection())
    return sum(len(ids) for ids in removed.values())


def refresh_stats(session: Session) -> None:
    """After removals: recompute the client list's figures of the accounts left."""
    refresh_account_stats(session.connection())
