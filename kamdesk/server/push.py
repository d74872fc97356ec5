"""POST /sync/v1/push: a laptop's ordered changes, each applied at most once.

One transaction per request (the caller of `apply_push` owns it). Its first
statement bumps `server_state.version` with `UPDATE ... RETURNING`: on PostgreSQL
the row lock makes pushes run one after another, so every version up to the
committed counter is committed and a pull never skips a push that commits late;
on SQLite the same statement takes the write lock. Every outcome is stored in
`applied_changes` (a rejected change with its payload), and `clients.last_seq`
advances past rejections too, so the laptop's queue never jams.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from kamdesk.server.apply import PushContext, apply_change, prepare
from kamdesk.server.batch import SEQ_MAX, Batch
from kamdesk.server.context import Caller
from kamdesk.server.rules import storable_copy
from kamdesk.server.tables import clients, server_state
from kamdesk.sync.protocol import (
    ChangeOutcome,
    Outcome,
    PushGap,
    PushRequest,
    PushResponse,
    RejectCode,
    WireChange,
)


class PushGapError(Exception):
    """previous_seq is ahead of the office (restored from a backup): HTTP 409."""

    def __init__(self, last_seq: int, epoch: str) -> None:
        super().__init__(f"gap: the office applied up to {last_seq}")
        self.body = PushGap(last_seq=last_seq, server_epoch=epoch)


class PushRefused(Exception):
    """The request as a whole is not this caller's to make (another laptop's id)."""

    def __init__(self, error: str, detail: str) -> None:
        super().__init__(f"{error}: {detail}")
        self.error = error
        self.detail = detail


def bump_version(connection: Connection) -> tuple[int, str]:
    """The next office version and the epoch; locks the counter until commit."""
    bumped = connection.execute(
        server_state.update()
        .where(server_state.c.id == 1)
        .values(version=server_state.c.version + 1)
        .returning(server_state.c.version, server_state.c.epoch)
    ).one_or_none()
    if bumped is None:
        raise RuntimeError("the office database has no server_state row (run `server init`)")
    return int(bumped.version), str(bumped.epoch)


def _payload(change: WireChange) -> dict[str, Any]:
    """The change as received (its values as sent, NaN and NUL made storable)."""
    payload = change.model_dump(mode="json", exclude={"fields", "base"})
    copied: dict[str, Any] = storable_copy(
        {**payload, "fields": change.fields, "base": change.base}
    )
    return copied


def _record(ctx: PushContext, change: WireChange, outcome: ChangeOutcome) -> None:
    rejected = outcome.outcome is Outcome.REJECTED
    # Without the change's own seq and id, and without defaults: {"outcome": "applied",
    # "version": 7} for most changes (a replay fills them in again).
    stored = outcome.model_dump(mode="json", exclude_defaults=True, exclude={"seq", "change_id"})
    if rejected:  # an applied change's values passed value_refusal: storable already
        stored = storable_copy(stored)
    ctx.batch.new_changes.append(
        {
            "change_id": change.change_id,
            "client_id": ctx.caller.client_id,
            "seq": change.seq,
            "user_id": ctx.caller.user_id,
            "entity": storable_copy(change.entity)[:64],
            "entity_id": change.entity_id,
            "outcome": stored,
            "payload": _payload(change) if rejected else None,
            "received_at": ctx.now,
        }
    )
    ctx.batch.outcomes[change.change_id] = stored
    ctx.batch.seqs.add(change.seq)


def apply_push(
    connection: Connection, caller: Caller, request: PushRequest, now: datetime | None = None
) -> PushResponse:
    """Apply a push inside the caller's transaction; raises PushGapError / PushRefused."""
    if request.client_id != caller.client_id:
        raise PushRefused("client", "Этот ключ выдан другому ноутбуку.")
    version, epoch = bump_version(connection)
    last_seq = connection.execute(
        select(clients.c.last_seq).where(clients.c.id == caller.client_id)
    ).scalar_one_or_none()
    if last_seq is None:
        raise PushRefused("client", "Ноутбук не зарегистрирован в офисе.")
    if request.previous_seq > last_seq:
        raise PushGapError(int(last_seq), epoch)
    batch = Batch(connection)
    batch.prefetch(caller.client_id, request.changes)
    ctx = PushContext(connection, caller, version, now or datetime.now(UTC), batch)
    prepare(ctx, request.changes)
    outcomes: list[ChangeOutcome] = []
    for change in request.changes:
        stored = batch.outcomes.get(change.change_id)
        if stored is not None:
            outcome = ChangeOutcome.model_validate(
                {**stored, "seq": change.seq, "change_id": change.change_id}
            )
        elif change.seq in batch.seqs or change.seq > SEQ_MAX:
            outcome = ChangeOutcome(  # not recorded: (client, seq) is taken or unstorable
                seq=change.seq,
                change_id=change.change_id,
                outcome=Outcome.REJECTED,
                code=RejectCode.INVALID,
                reason="Номер изменения уже занят другим изменением этого ноутбука или неверен.",
            )
            outcomes.append(outcome)
            continue
        else:
            outcome = apply_change(ctx, change)
            _record(ctx, change, outcome)
        last_seq = max(int(last_seq), change.seq)
        outcomes.append(outcome)
    batch.flush()
    connection.execute(
        clients.update()
        .where(clients.c.id == caller.client_id)
        .values(last_seq=last_seq, last_seen_at=ctx.now)
    )
    return PushResponse(last_seq=int(last_seq), outcomes=outcomes)
