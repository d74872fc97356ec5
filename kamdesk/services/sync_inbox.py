"""The sync issues inbox: what the office could not take as it was, and its resolution.

A sync issue (`SyncIssue`) keeps both sides of a field the office and this laptop
disagreed on: the value typed here (mine) and the office's (theirs). The inbox
shows each with the record it belongs to and the client it files under;
resolving it writes the chosen value as an ordinary local edit (so it reaches
the office with the next sync, through the change log) and marks the issue
resolved. Nothing is deleted: a resolved issue stays in the table with its date.

Also here: the changes the office refused (`rejected_changes`) and whether a
submitted visit report has reached the office (`delivered_visits`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import (
    Account,
    ChangeLogEntry,
    ChangeStatus,
    Syncable,
    SyncIssue,
    utcnow,
)
from kamdesk.services.sync_records import readable_values
from kamdesk.services.sync_records import record as _row
from kamdesk.services.sync_records import title as _title
from kamdesk.services.sync_status import SyncOverview, sync_overview
from kamdesk.store import Store
from kamdesk.sync.protocol import ENTITIES

Choice = Literal["mine", "theirs", "merged"]
CHOICES: tuple[Choice, ...] = ("mine", "theirs", "merged")
_PARENT_DEPTH = 4


class SyncIssueError(ValueError):
    """The issue cannot be resolved this way; `message` says why, for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text)
        self.message = message


def _msg(text: str, **params: object) -> Message:
    return Message("SyncInbox", text, params)


@dataclass(frozen=True)
class IssueView:
    """One line of the inbox, with what the UI needs to show and resolve it."""

    id: uuid.UUID
    kind: str  # conflict, rejected, revoked, …
    entity: str  # the table («contacts»); the UI names it in words
    entity_id: uuid.UUID
    field: str  # the column («phone_mobile»); "" for the whole record
    record_title: str  # «Семёнов Пётр Сергеевич», «КП-2026-0042»
    account_id: uuid.UUID | None
    account_name: str  # the client the record files under; "" for office data
    mine: Any  # JSON values as stored
    theirs: Any
    current: Any  # what this laptop holds now
    detail: str  # the office's words about it
    is_text: bool  # a long text: the inbox offers a merged text
    created_at: datetime
    resolved_at: datetime | None
    # What a person reads of each side (`readable_values`): for the list and the panel.
    mine_shown: tuple[Any, ...] = ()
    theirs_shown: tuple[Any, ...] = ()

    @property
    def merged(self) -> str:
        """The text both sides' words are kept in, as a starting point to edit."""
        return merged_text(_text(self.mine), _text(self.theirs), _text(self.current))


@dataclass(frozen=True)
class RejectedChange:
    """A change of this laptop the office refused for good, and why."""

    seq: int
    entity: str
    entity_id: uuid.UUID
    operation: str  # insert, update, delete, restore
    fields: tuple[str, ...]
    record_title: str
    account_name: str
    reason: str
    changed_at: datetime


def merged_text(mine: str, theirs: str, current: str = "") -> str:
    """Both sides' words in one text, each sentence once: the office's merge when it
    already holds both, else mine followed by the sentences of theirs that mine lacks."""
    mine, theirs, current = mine.strip(), theirs.strip(), current.strip()
    if current and mine in current and theirs in current:
        return current
    if theirs in mine:
        return mine
    if mine in theirs:
        return theirs
    known = {_folded(piece) for piece in _SENTENCE.split(mine)}
    missing = [piece for piece in _SENTENCE.split(theirs) if _folded(piece) not in known]
    return f"{mine}\n\n{' '.join(piece.strip() for piece in missing)}" if missing else mine


_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def _folded(piece: str) -> str:
    return " ".join(piece.split()).casefold()


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


# --- reading -------------------------------------------------------------------------


def list_issues(session: Session, include_resolved: bool = False) -> list[IssueView]:
    """Open issues, oldest first (with `include_resolved`, resolved ones too)."""
    query = select(SyncIssue).order_by(SyncIssue.created_at, SyncIssue.id)
    if not include_resolved:
        query = query.where(SyncIssue.resolved_at.is_(None))
    return [_view(session, issue) for issue in session.scalars(query)]


def open_issue_count(session: Session) -> int:
    return session.scalar(select(func.count()).where(SyncIssue.resolved_at.is_(None))) or 0


def rejected_changes(session: Session, limit: int = 200) -> list[RejectedChange]:
    """The changes the office refused, newest first, with its reason."""
    entries = session.scalars(
        select(ChangeLogEntry)
        .where(ChangeLogEntry.status == ChangeStatus.REJECTED)
        .order_by(ChangeLogEntry.id.desc())
        .limit(limit)
    )
    result = []
    for entry in entries:
        row = _row(session, entry.entity, entry.entity_id)
        account = _account_of(session, entry.entity, row)
        result.append(
            RejectedChange(
                seq=entry.id,
                entity=entry.entity,
                entity_id=entry.entity_id,
                operation=entry.operation.value,
                fields=tuple(entry.changes),
                record_title=_title(row),
                account_name=account.name if account else "",
                reason=entry.last_error,
                changed_at=entry.changed_at,
            )
        )
    return result


def delivered_visits(session: Session, visit_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """The visits among `visit_ids` whose submitted report the office acknowledged.

    A report submitted here is delivered once the change that set the visit to
    «submitted» was acknowledged; one that came from the office (a manager's view of
    the team, a rebuilt store) was delivered by definition."""
    ids = list(visit_ids)
    if not ids:
        return set()
    entries = session.execute(
        select(ChangeLogEntry.entity_id, ChangeLogEntry.status, ChangeLogEntry.changes).where(
            ChangeLogEntry.entity == "visits", ChangeLogEntry.entity_id.in_(ids)
        )
    ).all()
    submitted_here: dict[uuid.UUID, bool] = {}
    for entity_id, status, changes in entries:
        if (changes or {}).get("status") == "submitted":
            acknowledged = status == ChangeStatus.ACKNOWLEDGED
            submitted_here[entity_id] = submitted_here.get(entity_id, False) or acknowledged
    from kamdesk.models import Visit

    from_office = set(
        session.scalars(
            select(Visit.id).where(
                Visit.id.in_([i for i in ids if i not in submitted_here]),
                Visit.server_version.is_not(None),
            )
        )
    )
    return {i for i, acknowledged in submitted_here.items() if acknowledged} | from_office


# --- resolving -----------------------------------------------------------------------


def resolve_issue(
    session: Session, issue_id: uuid.UUID, choice: Choice, text: str | None = None
) -> None:
    """Keep mine, take theirs, or (for a text) keep `text`, the merged words; then mark
    the issue resolved. The value is written as an ordinary edit of the record, so the
    change log sends it to the office. Call inside a transaction."""
    if choice not in CHOICES:
        raise ValueError(f"unknown choice {choice!r}")
    issue = session.get(SyncIssue, issue_id)
    if issue is None:
        raise SyncIssueError(_msg(QT_TRANSLATE_NOOP("SyncInbox", "This issue is no longer here")))
    if issue.resolved_at is not None:
        raise SyncIssueError(
            _msg(QT_TRANSLATE_NOOP("SyncInbox", "This issue was already resolved"))
        )
    if choice == "merged" and text is None:
        raise ValueError("a merged text is needed")
    values = _chosen_values(issue, choice, text)
    row = _row(session, issue.entity, issue.entity_id)
    if row is None:
        if choice != "theirs":
            raise SyncIssueError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "SyncInbox",
                        "The record is no longer on this laptop: only the office's "
                        "version can be taken",
                    )
                )
            )
    elif values:
        columns = _columns(row)
        for name, value in values.items():
            if name in columns and name not in Syncable.SYNC_BOOKKEEPING and name != "id":
                _set(row, name, value)
        if choice != "theirs" and isinstance(row, Syncable) and row.deleted_at is not None:
            row.deleted_at = None  # keeping my edit of a deleted record restores it
    issue.resolved_at = utcnow()


# --- helpers -------------------------------------------------------------------------


def _chosen_values(issue: SyncIssue, choice: Choice, text: str | None) -> dict[str, Any]:
    """The fields to write for `choice`: {} when there is nothing to write here (the
    office's side of a refused change is what the office already holds)."""
    fields = [name for name in issue.field.split(",") if name]
    if text is not None:
        if len(fields) != 1:
            raise ValueError("a text is for an issue about one field")
        return {fields[0]: text}
    raw = issue.local_value if choice == "mine" else issue.remote_value
    if isinstance(raw, dict):  # a refused or revoked change: the fields it carried
        if len(fields) > 1 and choice == "theirs":
            raise SyncIssueError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "SyncInbox",
                        "Two records share a value the office keeps unique: change it in "
                        "the card, then keep yours here",
                    )
                )
            )
        if len(fields) > 1:
            return {}  # keep mine: the record on this laptop stays as it is
        wanted = [fields[0]] if fields and fields[0] in raw else list(raw)
        return {name: raw[name] for name in wanted}
    if raw is None and choice == "theirs" and issue.kind not in _NOTES:
        return {}
    if len(fields) != 1:
        return {}
    return {fields[0]: raw}


# Issues about one field the office merged (FieldNote kinds): both values are real.
_NOTES = frozenset({"conflict", "text_conflict", "value_replaced", "value_lost"})


def _view(session: Session, issue: SyncIssue) -> IssueView:
    row = _row(session, issue.entity, issue.entity_id)
    account = _account_of(session, issue.entity, row)
    spec = ENTITIES.get(issue.entity)
    mine = _side(issue.local_value, issue.field)
    theirs = _side(issue.remote_value, issue.field)
    is_text = bool(spec and issue.field in spec.text_fields) or (
        isinstance(mine, str) and "\n" in mine
    )
    current = _json(getattr(row, issue.field)) if row is not None and issue.field else None
    return IssueView(
        id=issue.id,
        kind=issue.kind,
        entity=issue.entity,
        entity_id=issue.entity_id,
        field=issue.field,
        record_title=_title(row),
        account_id=account.id if account else None,
        account_name=account.name if account else "",
        mine=mine,
        theirs=theirs,
        current=current,
        detail=issue.detail,
        is_text=is_text,
        created_at=issue.created_at,
        resolved_at=issue.resolved_at,
        mine_shown=readable_values(session, issue.entity, issue.field, mine),
        theirs_shown=readable_values(session, issue.entity, issue.field, theirs),
    )


def _side(value: Any, field: str) -> Any:
    """One side's value of the issue's field: a refused change keeps every field it
    carried ({field: value}); the inbox shows the one the issue is about."""
    if isinstance(value, dict) and field and "," not in field and field in value:
        return value[field]
    return value


def _account_of(session: Session, entity: str, row: Any) -> Account | None:
    """The account a record files under (its bucket), following parents upwards."""
    for _ in range(_PARENT_DEPTH):
        if row is None:
            return None
        if isinstance(row, Account):
            return row
        spec = ENTITIES.get(entity)
        if spec is None or not isinstance(spec.parent, tuple):
            return None
        column, entity = spec.parent
        row = _row(session, entity, getattr(row, column, None))
    return row if isinstance(row, Account) else None


def _columns(row: Any) -> dict[str, Any]:
    return {attr.key: attr.columns[0] for attr in inspect(type(row)).column_attrs}


def _set(row: Any, name: str, value: Any) -> None:
    column = _columns(row).get(name)
    if column is None:
        raise SyncIssueError(
            _msg(QT_TRANSLATE_NOOP("SyncInbox", "The record has no field {field}"), field=name)
        )
    if value is None and not column.nullable:
        if not isinstance(getattr(row, name), str):
            return  # nothing the column can hold: leave the value as it is
        value = ""
    setattr(row, name, _from_json(column, value))


def _from_json(column: Any, value: Any) -> Any:
    """A change-log JSON value back in the column's Python type."""
    if value is None:
        return None
    enum_class = getattr(column.type, "enum_class", None)
    if enum_class is not None:
        return enum_class(value)
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return value
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is uuid.UUID:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if kind is Decimal:
        return Decimal(str(value))
    if kind is datetime:
        return value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if kind is date:
        return value if isinstance(value, date) else date.fromisoformat(value)
    if kind is bool:
        return bool(value)
    if kind is int:
        return int(value)
    return value


def _json(value: Any) -> Any:
    from kamdesk.store.values import to_json_value

    return to_json_value(value)


# --- what the Sync section shows ---------------------------------------------------------


@dataclass(frozen=True)
class InboxState:
    """Everything the Sync section shows, read in one session."""

    overview: SyncOverview
    issues: list[IssueView]
    rejected: list[RejectedChange]


def load_inbox(store: Store) -> InboxState:
    with store.session() as session:
        return InboxState(sync_overview(session), list_issues(session), rejected_changes(session))


def resolve(store: Store, issue_id: uuid.UUID, choice: Choice, text: str | None = None) -> None:
    """`resolve_issue` in a transaction of its own."""
    with store.transaction() as session:
        resolve_issue(session, issue_id, choice, text)


def watch_local_changes(store: Store, callback: Callable[[], None]) -> None:
    """Call `callback()` after each commit that queued changes for the office (on the
    committing thread): the status bar's count of changes waiting follows edits."""

    def flushed(session: Session, _context: Any) -> None:
        if session.info.get(_WATCHED) or not any(
            isinstance(row, ChangeLogEntry) for row in session.new
        ):
            return
        session.info[_WATCHED] = True

        def committed(done: Session) -> None:
            done.info.pop(_WATCHED, None)
            callback()

        def rolled_back(done: Session) -> None:
            done.info.pop(_WATCHED, None)

        event.listen(session, "after_commit", committed, once=True)
        event.listen(session, "after_soft_rollback", rolled_back, once=True)

    store.add_flush_listener(flushed)


_WATCHED = "kamdesk.sync_inbox.watched"
