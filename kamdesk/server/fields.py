"""Field-level conflict rules for one pushed change (see docs/sync.md, Conflicts).

- A scalar field whose office value equals the change's base is applied; otherwise the
  later arrival wins and the value it replaced goes back in a note ("value_replaced").
- A long text is stored in `text_revisions` first, then merged three-way (base, the
  office's text, the laptop's text); a collision keeps the office's text and appends
  the laptop's as a marked block, so both sides' words stay. An empty text sent where
  the office's was empty too (a new row's blank fields, most of them) is not stored:
  a field's history starts empty, so that revision is implied.
- Device clocks order nothing: `changed_at` is never read here.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kamdesk.server.merge import as_text, resolve_text, short_name
from kamdesk.server.rules import BOOKKEEPING
from kamdesk.sync.protocol import EntitySpec, FieldNote, Operation, WireChange

if TYPE_CHECKING:
    from kamdesk.server.apply import PushContext
    from kamdesk.server.batch import RowState

EMPTY: tuple[Any, ...] = (None, "", [], {})
OTHERS = "*"  # in rows.field_authors: who wrote the fields without a record of their own


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)  # SQLite keeps no zone; the office writes UTC
    return moment


def _record_text(ctx: PushContext, change: WireChange, name: str, text: str) -> None:
    ctx.batch.new_texts.append(
        {
            "entity": change.entity,
            "entity_id": change.entity_id,
            "field": name,
            "version": ctx.version,
            "text": text,
            "user_id": ctx.caller.user_id,
            "client_id": ctx.caller.client_id,
            "received_at": ctx.now,
        }
    )


def merge_fields(
    ctx: PushContext,
    spec: EntitySpec,
    change: WireChange,
    current: dict[str, Any],
    sent: dict[str, Any],
    row: RowState | None,
    *,
    fresh: bool,
) -> tuple[dict[str, Any], list[FieldNote], dict[str, Any]]:
    """The row's new data, the notes for the laptop's sync-issues inbox, field authors.

    `fresh`: the row is new on the office, every sent value is taken. An insert of a
    row the office already has (a one-per-parent row two laptops created) is merged
    like an update on an empty base, and its empty defaults never wipe a value.
    """
    insert_merge = change.operation is Operation.INSERT and not fresh
    data = dict(current)
    notes: list[FieldNote] = []
    authors: dict[str, Any] = {} if row is None else kept_authors(row)
    me = {"user": ctx.caller.user_id.hex, "client": ctx.caller.client_id.hex}
    me["at"] = ctx.now.isoformat()
    if fresh:  # a new row on the office: every sent value is taken as it is
        for name, mine in sent.items():
            if name in spec.text_fields and as_text(mine):
                _record_text(ctx, change, name, as_text(mine))
        return dict(sent), notes, {}  # every field's author is the row's: the caller
    for name, mine in sent.items():
        theirs = current.get(name)
        if name in spec.text_fields and (as_text(mine) or as_text(theirs)):
            _record_text(ctx, change, name, as_text(mine))
        if mine == theirs or name not in current:
            data[name] = mine
            authors[name] = me
            continue
        if name in BOOKKEEPING:
            if not (insert_merge and name == "created_at"):
                data[name] = mine
            continue
        if insert_merge and mine in EMPTY:
            continue
        base = None if insert_merge else change.base.get(name)
        written = authors.get(name) or authors.get(OTHERS)  # named only in a note
        authors[name] = me
        if name in spec.text_fields:
            text, kind = resolve_text(
                as_text(base),
                as_text(theirs),
                as_text(mine),
                short_name(ctx.caller.name),
                ctx.caller.laptop_code,
                ctx.now,
            )
            if text == as_text(theirs):  # nothing of this laptop's made it in
                authors[name] = (row.field_authors or {}).get(name) if row is not None else None
            data[name] = text
            if kind is not None:
                by, at = _who(ctx, row, written)
                notes.append(
                    FieldNote(
                        field=name, kind=kind, mine=mine, theirs=theirs, result=text, by=by, at=at
                    )
                )
            continue
        data[name] = mine
        if theirs != base:
            by, at = _who(ctx, row, written)
            notes.append(
                FieldNote(
                    field=name,
                    kind="value_replaced",
                    mine=mine,
                    theirs=theirs,
                    result=mine,
                    by=by,
                    at=at,
                )
            )
    kept = {name: who for name, who in authors.items() if who and name not in BOOKKEEPING}
    return data, notes, kept


def _writer(row: RowState) -> dict[str, Any] | None:
    """The row's last writer as a field record."""
    if row.updated_by is None or row.updated_by_client is None:
        return None
    moment = _aware(row.updated_at)
    return {
        "user": row.updated_by.hex,
        "client": row.updated_by_client.hex,
        "at": moment.isoformat() if moment is not None else None,
    }


def kept_authors(row: RowState) -> dict[str, Any]:
    """The row's field records as they stand, before someone else writes the row.

    A field without a record of its own was written by `field_authors["*"]`, or when
    there is none by the row's last writer (`updated_by`, `updated_by_client`,
    `updated_at`): a new row stores no records at all. The last writer changes with
    this write, so it is made explicit under "*" first.
    """
    kept = {
        name: who
        for name, who in (row.field_authors or {}).items()
        if who and name not in BOOKKEEPING
    }
    if OTHERS not in kept:
        previous = _writer(row)
        if previous is not None:
            kept[OTHERS] = previous
    return kept


def _who(
    ctx: PushContext, row: RowState | None, written: dict[str, str] | None
) -> tuple[str, datetime | None]:
    """Who wrote the office's value of a field, and when (the row's last writer when
    neither the field nor "*" has a record)."""
    from kamdesk.server.apply import author

    if written:
        user, client = uuid.UUID(written["user"]), uuid.UUID(written["client"])
        at = written.get("at")
        return author(ctx, user, client), datetime.fromisoformat(at) if at else None
    if row is None:
        return "", None
    return author(ctx, row.updated_by, row.updated_by_client), _aware(row.updated_at)
