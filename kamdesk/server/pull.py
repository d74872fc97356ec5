"""POST /sync/v1/pull: the rows a caller may read, changed since their cursor, in pages.

A pull series starts by reading the committed counter (`upper`): pushes run one
after another (see push.py), so every version up to it is committed, and a row
changed later moves above it and comes with the next series. Within a series:

1. buckets revoked since the cursor's version are listed (first page only);
2. buckets granted since then come as snapshots: their rows at or below the cursor's
   version (newer ones come with step 3), keyset (bucket, entity, entity_id);
3. every readable row with cursor version < version <= upper, keyset
   (version, entity, entity_id);
4. on the last page, the rows moved since the cursor out of a bucket the caller reads
   into one they do not (moves.py), to be removed from the laptop.

The cursor is base64 of a small JSON: the epoch, the version fully delivered, and,
mid-series, `upper`, the phase and the keyset position. A cursor of another epoch
(the office was restored from a backup) answers `reset`, and so does one below the
tombstone horizon (horizon.py): it may have missed a deletion the office has purged.
The horizon is read again after the page, so a purge that committed while the page
was read (PostgreSQL reads each statement afresh) cannot drop a tombstone unseen.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Row, select, tuple_

from kamdesk.server.context import Caller
from kamdesk.server.horizon import office_horizon
from kamdesk.server.moves import moved_away
from kamdesk.server.tables import rows, server_state
from kamdesk.server.visibility import bucket_changes, readable_filter
from kamdesk.sync.protocol import PullRequest, PullResponse, RowRef, WireRow

SNAPSHOT_CHUNK = 500  # new buckets asked for in one query


@dataclass(frozen=True)
class Cursor:
    epoch: str
    version: int  # every readable row up to this version was delivered
    upper: int | None = None  # mid-series: the committed counter the series runs to
    phase: str = "snapshot"  # or "delta"
    key: tuple[Any, ...] | None = None  # the last row delivered in this phase

    def encode(self) -> str:
        body: dict[str, Any] = {"e": self.epoch, "v": self.version}
        if self.upper is not None:
            body.update(u=self.upper, p=self.phase, k=list(self.key) if self.key else None)
        raw = json.dumps(body, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor | None:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            body = json.loads(raw)
            key = body.get("k")
            phase = str(body.get("p", "snapshot"))
            if key and not _valid_key(phase, key):
                return None  # not a cursor this office made: start again
            return cls(
                epoch=str(body["e"]),
                version=int(body["v"]),
                upper=None if body.get("u") is None else int(body["u"]),
                phase=phase,
                key=tuple(key) if key else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
            return None


def _valid_key(phase: str, key: Any) -> bool:
    """A keyset position as `encode` writes it: (bucket or version, entity, 32 hex)."""
    if not isinstance(key, list) or len(key) != 3 or not isinstance(key[1], str):
        return False
    first = str if phase == "snapshot" else int
    if phase not in ("snapshot", "delta") or type(key[0]) is not first:
        return False
    uuid.UUID(str(key[2]))  # ValueError: not a position either
    return True


def _wire(row: Row[Any]) -> WireRow:
    return WireRow(
        entity=row.entity,
        entity_id=row.entity_id,
        bucket=row.bucket,
        version=row.version,
        deleted=row.deleted,
        fields=dict(row.data),
    )


def _snapshot_page(
    connection: Connection, new_buckets: list[str], cursor: Cursor, limit: int
) -> list[Row[Any]]:
    """Rows at or below the cursor's version of buckets granted since it."""
    found: list[Row[Any]] = []
    key = cursor.key
    waiting = [bucket for bucket in new_buckets if key is None or bucket >= key[0]]
    while waiting and len(found) < limit:
        chunk, waiting = waiting[:SNAPSHOT_CHUNK], waiting[SNAPSHOT_CHUNK:]
        query = select(rows).where(rows.c.bucket.in_(chunk), rows.c.version <= cursor.version)
        if key is not None:
            position = (key[0], key[1], uuid.UUID(key[2]))
            query = query.where(
                rows.c.bucket >= position[0],
                tuple_(rows.c.bucket, rows.c.entity, rows.c.entity_id) > position,
            )
        query = query.order_by(rows.c.bucket, rows.c.entity, rows.c.entity_id)
        found.extend(connection.execute(query.limit(limit - len(found))).all())
    return found


def _delta_page(
    connection: Connection, caller: Caller, cursor: Cursor, upper: int, limit: int
) -> list[Row[Any]]:
    query = select(rows).where(
        rows.c.version > cursor.version,
        rows.c.version <= upper,
        readable_filter(connection, caller, upper),
    )
    if cursor.phase == "delta" and cursor.key is not None:
        position = (cursor.key[0], cursor.key[1], uuid.UUID(cursor.key[2]))
        query = query.where(
            rows.c.version >= position[0],  # lets SQLite start the index scan there
            tuple_(rows.c.version, rows.c.entity, rows.c.entity_id) > position,
        )
    query = query.order_by(rows.c.version, rows.c.entity, rows.c.entity_id).limit(limit)
    return list(connection.execute(query).all())


def _below_horizon(cursor: Cursor, horizon: int) -> bool:
    # A cursor at 0 holds no office rows yet: a purged tombstone is nothing it misses.
    return 0 < cursor.version < horizon


def _reset(epoch: str) -> PullResponse:
    return PullResponse(rows=[], cursor="", more=True, reset=True, server_epoch=epoch)


def apply_pull(connection: Connection, caller: Caller, request: PullRequest) -> PullResponse:
    """One page of the caller's changes after `request.cursor`."""
    state = connection.execute(
        select(server_state.c.epoch, server_state.c.version, server_state.c.horizon).where(
            server_state.c.id == 1
        )
    ).one()
    epoch, committed = str(state.epoch), int(state.version)
    if request.cursor:
        cursor = Cursor.decode(request.cursor)
        if (
            cursor is None
            or cursor.epoch != epoch
            or max(cursor.version, cursor.upper or 0) > committed
            or _below_horizon(cursor, int(state.horizon))
        ):
            return _reset(epoch)
    else:
        cursor = Cursor(epoch, 0)
    answer = _page(connection, caller, request, cursor, committed, epoch)
    if _below_horizon(cursor, office_horizon(connection)):
        return _reset(epoch)  # purged while this page was read
    return answer


def _page(
    connection: Connection,
    caller: Caller,
    request: PullRequest,
    cursor: Cursor,
    committed: int,
    epoch: str,
) -> PullResponse:
    revoked: list[str] = []
    if cursor.upper is None:  # a new series: run it up to the committed counter
        cursor = replace(cursor, upper=committed, phase="snapshot", key=None)
    upper = cursor.upper
    assert upper is not None
    page: list[Row[Any]] = []
    if cursor.phase == "snapshot":
        if cursor.version > 0:
            gained, lost = bucket_changes(connection, caller, cursor.version, upper)
            if cursor.key is None:
                revoked = sorted(lost)
            page = _snapshot_page(connection, sorted(gained), cursor, request.limit)
        elif cursor.key is None:
            # No cursor yet, but the laptop may hold its own new accounts, pushed and
            # taken away before this first pull: it is told to remove them.
            revoked = sorted(bucket_changes(connection, caller, 0, upper)[1])
        if len(page) == request.limit:
            last = page[-1]
            key = (last.bucket, last.entity, last.entity_id.hex)
            next_cursor = replace(cursor, key=key)
            return _answer(page, revoked, next_cursor, True, epoch)
        cursor = replace(cursor, phase="delta", key=None)
    delta = _delta_page(connection, caller, cursor, upper, request.limit - len(page))
    page.extend(delta)
    if len(page) == request.limit and delta:
        last = delta[-1]
        next_cursor = replace(cursor, key=(last.version, last.entity, last.entity_id.hex))
        return _answer(page, revoked, next_cursor, True, epoch)
    away = moved_away(connection, caller, cursor.version, upper)
    return _answer(page, revoked, Cursor(epoch, upper), False, epoch, away)


def _answer(
    page: list[Row[Any]],
    revoked: list[str],
    cursor: Cursor,
    more: bool,
    epoch: str,
    away: list[RowRef] | None = None,
) -> PullResponse:
    return PullResponse(
        rows=[_wire(row) for row in page],
        revoked_buckets=revoked,
        moved_away=away or [],
        cursor=cursor.encode(),
        more=more,
        server_epoch=epoch,
    )
