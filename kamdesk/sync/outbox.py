"""The push side: outbox entries to wire changes, and the office's answers back.

An entry changes state only once the office has answered, all entries of a
batch in one local transaction. Rejected changes and merges that lost or
joined someone's words become sync issues with what this laptop sent: nothing
typed is dropped.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from kamdesk.models import ChangeLogEntry, ChangeStatus, SyncIssue
from kamdesk.store import INCLUDE_DELETED
from kamdesk.store.values import to_json_value
from kamdesk.sync.entities import entity, from_wire
from kamdesk.sync.protocol import (
    ChangeOutcome,
    FieldNote,
    Operation,
    Outcome,
    PushResponse,
    RejectCode,
    WireChange,
)

# Why the office refused, for a KAM, when the office gave no reason of its own.
REJECT_REASONS: dict[RejectCode | None, str] = {
    RejectCode.PERMISSION: "Офис не принял изменение: нет прав на эту запись.",
    RejectCode.DELETED: "Запись удалена в офисе; изменение не применено.",
    RejectCode.STATE: "Изменение недопустимо в текущем состоянии записи.",
    RejectCode.INVALID: "Офис не принял изменение: неверные данные.",
    RejectCode.OWN_APPROVAL: "Нельзя согласовать собственную скидку.",
    None: "Офис не принял изменение.",
}


def rejection_reason(outcome: ChangeOutcome) -> str:
    return outcome.reason or REJECT_REASONS.get(outcome.code, REJECT_REASONS[None])


def pending_entries(session: Session, limit: int) -> list[ChangeLogEntry]:
    return list(
        session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.status == ChangeStatus.PENDING)
            .order_by(ChangeLogEntry.id)
            .limit(limit)
        )
    )


def pending_count(session: Session) -> int:
    from sqlalchemy import func

    return int(
        session.scalar(
            select(func.count())
            .select_from(ChangeLogEntry)
            .where(ChangeLogEntry.status == ChangeStatus.PENDING)
        )
        or 0
    )


def to_wire(entry: ChangeLogEntry) -> WireChange:
    return WireChange(
        seq=entry.id,
        change_id=entry.change_id,
        entity=entry.entity,
        entity_id=entry.entity_id,
        operation=Operation(entry.operation.value),
        fields=entry.changes,
        base=entry.base,
        revision=entry.revision,
        changed_at=entry.changed_at,
    )


@dataclass
class BatchResult:
    applied: int = 0
    merged: int = 0
    rejected: int = 0
    issues: int = 0


def record_response(
    session: Session, entries: list[ChangeLogEntry], response: PushResponse, now: datetime
) -> BatchResult:
    """Mark the batch's entries by the office's outcomes (in the caller's transaction)."""
    result = BatchResult()
    versions: dict[str, list[dict[str, Any]]] = {}
    refused: list[ChangeLogEntry] = []
    by_change = {entry.change_id: entry for entry in entries}
    for outcome in response.outcomes:
        entry = by_change.get(outcome.change_id)
        if entry is None:
            continue
        entry.attempts += 1
        entry.acknowledged_at = now
        entry.last_error = ""
        if outcome.outcome == Outcome.REJECTED:
            entry.status = ChangeStatus.REJECTED
            entry.last_error = rejection_reason(outcome)  # shown with the refused change
            result.rejected += 1
            result.issues += _issue_for_rejection(session, entry, outcome, now)
            refused.append(entry)
            continue
        entry.status = ChangeStatus.ACKNOWLEDGED
        if outcome.outcome == Outcome.MERGED:
            result.merged += 1
        else:
            result.applied += 1
        for note in outcome.notes:
            result.issues += _issue_for_note(session, entry, note, now)
        if outcome.version is not None:
            versions.setdefault(entry.entity, []).append(
                {"row_id": entry.entity_id, "version": outcome.version}
            )
    for name, stamps in versions.items():
        _stamp_versions(session, name, stamps)
    # Newest first: of two refused edits of one field, the later one puts back the value
    # from before both (see _office_value).
    for entry in sorted(refused, key=lambda refused_entry: -refused_entry.id):
        _undo_locally(session, entry)
    return result


def record_failure(session: Session, entries: list[ChangeLogEntry], error: str) -> None:
    """A batch the office did not answer: count the attempt, keep the entry pending."""
    ids = [entry.id for entry in entries]
    session.execute(
        update(ChangeLogEntry)
        .where(ChangeLogEntry.id.in_(ids), ChangeLogEntry.status == ChangeStatus.PENDING)
        .values(attempts=ChangeLogEntry.attempts + 1, last_error=error[:2000])
    )


def requeue_after(session: Session, seq: int) -> int:
    """The office lost what came after `seq` (restored from a backup): send it again.
    The office recognises changes it already has by their change id."""
    result = session.execute(
        update(ChangeLogEntry)
        .where(
            ChangeLogEntry.id > seq,
            ChangeLogEntry.status != ChangeStatus.PENDING,
            # Never sent: the client was taken off this laptop (a "revoked" sync issue).
            ChangeLogEntry.change_id.not_in(
                select(SyncIssue.change_id).where(
                    SyncIssue.kind == "revoked", SyncIssue.change_id.is_not(None)
                )
            ),
        )
        .values(status=ChangeStatus.PENDING, acknowledged_at=None)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _has_issue(session: Session, change_id: uuid.UUID, kind: str, field: str) -> bool:
    """A change sent again after an office restore must not file the same issue twice."""
    return (
        session.scalar(
            select(SyncIssue.id).where(
                SyncIssue.change_id == change_id, SyncIssue.kind == kind, SyncIssue.field == field
            )
        )
        is not None
    )


def _issue_for_rejection(
    session: Session, entry: ChangeLogEntry, outcome: ChangeOutcome, now: datetime
) -> int:
    field = next(iter(entry.changes)) if len(entry.changes) == 1 else ""
    if _has_issue(session, entry.change_id, "rejected", field):
        return 0
    session.add(
        SyncIssue(
            kind="rejected",
            entity=entry.entity,
            entity_id=entry.entity_id,
            field=field,
            local_value=entry.changes,
            remote_value=None,
            detail=rejection_reason(outcome),
            change_id=entry.change_id,
            created_at=now,
        )
    )
    return 1


def _issue_for_note(session: Session, entry: ChangeLogEntry, note: FieldNote, now: datetime) -> int:
    if _has_issue(session, entry.change_id, note.kind, note.field):
        return 0
    session.add(
        SyncIssue(
            kind=note.kind,
            entity=entry.entity,
            entity_id=entry.entity_id,
            field=note.field,
            local_value=note.mine,
            remote_value=note.theirs,
            detail=note_detail(note),
            change_id=entry.change_id,
            created_at=now,
            # A clean merge kept both sides' words: on record, nothing to resolve.
            resolved_at=now if note.kind == "text_merged" else None,
        )
    )
    return 1


def note_detail(note: FieldNote) -> str:
    """What the office did with a field, in Russian, for the sync issues inbox."""
    who = note.by or "другой пользователь"
    when = f", {note.at:%d.%m.%Y %H:%M} UTC" if note.at else ""
    if note.kind == "text_merged":
        return f"Текст объединён с другой правкой ({who}{when}): сохранены слова обоих."
    if note.kind == "text_conflict":
        return (
            f"Текст одновременно изменён в другом месте ({who}{when}); правки не удалось "
            "объединить, другая версия добавлена в текст отмеченным блоком."
        )
    if note.kind == "value_replaced":
        return f"Ваше значение заменило значение, внесённое раньше ({who}{when})."
    return f"Ваше значение не сохранилось: в офисе осталось другое значение ({who}{when})."


def _stamp_versions(session: Session, name: str, stamps: list[dict[str, Any]]) -> None:
    """The office version each acknowledged row now has (one statement per entity)."""
    info = entity(name)
    if info is None:
        return
    table = info.cls.__table__
    statement = (
        update(table)
        .where(
            table.c.id == bindparam("row_id", type_=table.c.id.type),
            (table.c.server_version.is_(None)) | (table.c.server_version < bindparam("version")),
        )
        .values(server_version=bindparam("version"))
    )
    session.connection().execute(statement, stamps)


def _undo_locally(session: Session, entry: ChangeLogEntry) -> None:
    """Put back the office's values of a refused edit, where nothing newer was typed since.

    The refused values are in the sync issue; an insert the office refused stays
    here as it was typed (the issue says why)."""
    if entry.operation.value == Operation.INSERT.value:
        return
    info = entity(entry.entity)
    if info is None:
        return
    row: Any = session.scalars(
        select(info.cls)
        .where(info.cls.id == entry.entity_id)
        .execution_options(**{INCLUDE_DELETED: True})
    ).one_or_none()
    if row is None:
        return
    earlier: list[ChangeLogEntry] | None = None
    for field, sent in entry.changes.items():
        column_type = info.columns.get(field)
        if column_type is None or field not in entry.base:
            continue
        if to_json_value(getattr(row, field)) != sent:
            continue  # typed again since (or an earlier refusal whose value is gone)
        if earlier is None:
            earlier = list(
                session.scalars(
                    select(ChangeLogEntry)
                    .where(
                        ChangeLogEntry.entity == entry.entity,
                        ChangeLogEntry.entity_id == entry.entity_id,
                        ChangeLogEntry.id < entry.id,
                    )
                    .order_by(ChangeLogEntry.id.desc())
                )
            )
        setattr(row, field, from_wire(column_type, _office_value(entry, field, earlier)))


def _office_value(entry: ChangeLogEntry, field: str, earlier: list[ChangeLogEntry]) -> Any:
    """The value the office holds for a field whose edit it refused: the edit's base,
    unless that base was itself a refused edit's value (two refused edits in a row:
    then the base from before both), newest first."""
    value = entry.base[field]
    for previous in earlier:
        if field not in previous.changes:
            continue
        if previous.status != ChangeStatus.REJECTED or previous.changes[field] != value:
            break
        if field not in previous.base:
            break
        value = previous.base[field]
    return value
