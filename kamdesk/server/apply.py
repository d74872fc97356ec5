"""Apply one pushed change to the office's rows: bucket, permission, rules, conflicts.

`apply_change` runs inside the push transaction, after the version counter was
bumped (so it alone writes rows at `ctx.version`). It returns the change's outcome;
it never raises for anything the laptop sent (a bad change is an outcome "rejected").
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from kamdesk.server import visibility
from kamdesk.server.batch import Batch, RowState, parent_key
from kamdesk.server.context import Caller
from kamdesk.server.fields import kept_authors, merge_fields
from kamdesk.server.moves import carry_children
from kamdesk.server.rules import (
    NOT_STORED,
    Refusal,
    approval_only,
    approval_refusal,
    new_account_refusal,
    permission_refusal,
    state_refusal,
    storable_copy,
    value_refusal,
)
from kamdesk.server.tables import users
from kamdesk.sync.protocol import (
    ENTITIES,
    OFFICE_BUCKET,
    ChangeOutcome,
    EntitySpec,
    Operation,
    Outcome,
    RejectCode,
    WireChange,
    account_bucket,
)


@dataclass
class PushContext:
    connection: Connection
    caller: Caller
    version: int
    now: datetime
    batch: Batch
    authors: dict[tuple[uuid.UUID | None, uuid.UUID | None], str] = field(default_factory=dict)
    access: dict[str, visibility.Access | None] = field(default_factory=dict)  # by bucket
    managers: dict[uuid.UUID, uuid.UUID | None] = field(default_factory=dict)  # by user
    unclaimed: dict[str, bool] = field(default_factory=dict)  # bucket: no row, no grant


def prepare(ctx: PushContext, changes: list[WireChange]) -> None:
    """Look up, for the whole batch at once, the buckets its changes will need."""
    buckets: set[str] = set()
    new_accounts: set[str] = set()
    for change in changes:
        spec = ENTITIES.get(change.entity)
        if spec is None:
            continue
        row = ctx.batch.rows.get((change.entity, change.entity_id))
        if row is not None:
            buckets.add(row.bucket)
        elif spec.parent is None:
            new_accounts.add(account_bucket(change.entity_id))
        elif spec.parent == "office":
            buckets.add(OFFICE_BUCKET)
        else:
            key = parent_key(change)
            parent = ctx.batch.rows.get(key) if key is not None else None
            if parent is not None:
                buckets.add(parent.bucket)
    ctx.access.update(
        visibility.write_access_many(
            ctx.connection, ctx.caller, buckets | new_accounts, ctx.version
        )
    )
    if ctx.caller.role == "kam":
        asked = {bucket for bucket in new_accounts if ctx.access.get(bucket) is None}
        free = visibility.unclaimed_buckets(ctx.connection, asked)
        ctx.unclaimed.update({bucket: bucket in free for bucket in asked})


def _refused(change: WireChange, refusal: Refusal) -> ChangeOutcome:
    return ChangeOutcome(
        seq=change.seq,
        change_id=change.change_id,
        outcome=Outcome.REJECTED,
        code=refusal.code,
        reason=refusal.reason,
    )


def _invalid(reason: str) -> Refusal:
    return Refusal(RejectCode.INVALID, reason)


def _parent_id(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def _new_bucket(ctx: PushContext, spec: EntitySpec, change: WireChange) -> str | Refusal:
    """The bucket a new row files under, from its parent row on the office."""
    if spec.parent is None:
        return account_bucket(change.entity_id)
    if spec.parent == "office":
        return OFFICE_BUCKET
    column, parent_entity = spec.parent
    parent_id = _parent_id(change.fields.get(column))
    if parent_id is None:
        return _invalid(f"Не указана или неверна ссылка {column}.")
    parent = ctx.batch.row(parent_entity, parent_id)
    if parent is None:
        return _invalid("Запись, к которой это относится, в офисе не найдена.")
    if parent.deleted:
        return Refusal(RejectCode.DELETED, "Запись, к которой это относится, удалена в офисе.")
    return str(parent.bucket)


def _manages_owner(
    ctx: PushContext, current: dict[str, Any] | None, fields: dict[str, Any]
) -> bool:
    owner = _parent_id((current or {}).get("owner_id") or fields.get("owner_id"))
    if owner is None or ctx.caller.role != "manager":
        return False
    if owner not in ctx.managers:
        found = ctx.connection.execute(select(users.c.manager_id).where(users.c.id == owner))
        ctx.managers[owner] = found.scalar_one_or_none()
    return ctx.managers[owner] == ctx.caller.user_id


def author(ctx: PushContext, user_id: uuid.UUID | None, client_id: uuid.UUID | None) -> str:
    """«Иванова А. С., K07»: who made the office's current edit and on which laptop."""
    from kamdesk.server.merge import short_name
    from kamdesk.server.tables import clients

    key = (user_id, client_id)
    if key not in ctx.authors:
        name = ctx.connection.execute(select(users.c.name).where(users.c.id == user_id))
        code = ctx.connection.execute(
            select(clients.c.laptop_code).where(clients.c.id == client_id)
        )
        parts = [short_name(name.scalar_one_or_none() or ""), code.scalar_one_or_none() or ""]
        ctx.authors[key] = ", ".join(part for part in parts if part)
    return ctx.authors[key]


def _check(
    ctx: PushContext, change: WireChange, row: RowState | None, bucket: str
) -> Refusal | None:
    """Permission, then the state machines and the approval rule."""
    caller, connection = ctx.caller, ctx.connection
    if bucket not in ctx.access:
        ctx.access[bucket] = visibility.write_access(connection, caller, bucket, ctx.version)
    access = ctx.access[bucket]
    new_account = row is None and change.entity == "accounts" and caller.role == "kam"
    if access is None and new_account:
        if bucket not in ctx.unclaimed:
            ctx.unclaimed[bucket] = bool(visibility.unclaimed_buckets(connection, [bucket]))
        if ctx.unclaimed[bucket]:  # their new account: granted to them from this version
            ctx.batch.new_grants.append(
                {"user_id": caller.user_id, "bucket": bucket, "granted_version": ctx.version}
            )
            ctx.unclaimed[bucket] = False
            access = ctx.access[bucket] = visibility.Access.FULL
    if access is None and row is None and change.entity == "accounts" and caller.role == "manager":
        return new_account_refusal()  # says who does create clients, not only "no right"
    if access is None or (
        access is visibility.Access.APPROVAL
        and not approval_only(change.operation, change.entity, change.fields)
    ):
        return permission_refusal(change.entity)
    current = None if row is None else dict(row.data)
    refusal = state_refusal(change.entity, change.operation, current, change.fields)
    if refusal is None and change.entity == "offers":
        manages = _manages_owner(ctx, current, change.fields)
        refusal = approval_refusal(caller, current, change.fields, manages)
    return refusal


def apply_change(ctx: PushContext, change: WireChange) -> ChangeOutcome:
    spec = ENTITIES.get(change.entity)
    if spec is None:
        return _refused(
            change, _invalid(f"Неизвестная таблица «{storable_copy(change.entity)[:64]}».")
        )
    bad_value = value_refusal(change.fields, change.base)
    if bad_value is not None:
        return _refused(change, bad_value)
    row = ctx.batch.row(change.entity, change.entity_id)
    moved_to: str | Refusal | None = None
    if row is None:
        if change.operation is not Operation.INSERT:
            return _refused(change, _invalid("Этой записи в офисе нет."))
        bucket = _new_bucket(ctx, spec, change)
        if isinstance(bucket, Refusal):
            return _refused(change, bucket)
    else:
        bucket = str(row.bucket)
        moved_to = _moved_to(ctx, spec, change, row)
        if isinstance(moved_to, Refusal):
            return _refused(change, moved_to)
    refusal = _check(ctx, change, row, bucket)
    edits = change.operation in (Operation.INSERT, Operation.UPDATE)
    if refusal is None and row is not None and row.deleted and edits:
        refusal = Refusal(RejectCode.DELETED, "Запись удалена в офисе; правка сохранена.")
    if refusal is not None:
        return _refused(change, refusal)
    if row is None or not isinstance(moved_to, str):
        return _write(ctx, spec, change, row, bucket)
    outcome = _write(ctx, spec, change, row, moved_to)
    carry_children(ctx.batch, change.entity, change.entity_id, bucket, moved_to, ctx.version)
    return outcome


def _moved_to(
    ctx: PushContext, spec: EntitySpec, change: WireChange, row: RowState
) -> str | Refusal | None:
    """The bucket an edit takes the row to when it gives it a parent in another one (a
    contact moved to the account a duplicate was merged into); None when it stays."""
    if not isinstance(spec.parent, tuple):
        return None
    column = spec.parent[0]
    if column not in change.fields or _parent_id(change.fields[column]) == _parent_id(
        row.data.get(column)
    ):
        return None
    if change.operation is Operation.DELETE:
        return _invalid("Удаление не переносит запись к другому владельцу.")
    moved_to = _new_bucket(ctx, spec, change)
    if isinstance(moved_to, Refusal) or moved_to == row.bucket:
        return moved_to if isinstance(moved_to, Refusal) else None
    if moved_to not in ctx.access:
        ctx.access[moved_to] = visibility.write_access(
            ctx.connection, ctx.caller, moved_to, ctx.version
        )
    if ctx.access[moved_to] is not visibility.Access.FULL:
        return Refusal(
            RejectCode.PERMISSION,
            "Перенести запись можно только к своему клиенту: к этому у вас нет доступа.",
        )
    return moved_to


def _write(
    ctx: PushContext, spec: EntitySpec, change: WireChange, row: RowState | None, bucket: str
) -> ChangeOutcome:
    sent = {name: value for name, value in change.fields.items() if name not in NOT_STORED}
    notes: list[Any] = []
    deleted = False if row is None else bool(row.deleted)
    if row is None:
        data, _, authors = merge_fields(ctx, spec, change, {}, sent, None, fresh=True)
    elif change.operation is Operation.DELETE:
        data, deleted = {**row.data, **sent}, True
        authors = kept_authors(row)  # the deleter wrote no field
    else:
        data, notes, authors = merge_fields(
            ctx, spec, change, dict(row.data), sent, row, fresh=False
        )
        if change.operation is Operation.RESTORE:
            deleted = False
            if "deleted_at" in data:
                data["deleted_at"] = None
    state = RowState(
        bucket=bucket,
        version=ctx.version,
        deleted=deleted,
        data=data,
        field_authors=authors or {},
        updated_by=ctx.caller.user_id,
        updated_by_client=ctx.caller.client_id,
        updated_at=ctx.now,
        stored=row is not None and row.stored,
    )
    ctx.batch.put(change.entity, change.entity_id, state)
    return ChangeOutcome(
        seq=change.seq,
        change_id=change.change_id,
        outcome=Outcome.MERGED if notes else Outcome.APPLIED,
        version=ctx.version,
        notes=notes,
    )
