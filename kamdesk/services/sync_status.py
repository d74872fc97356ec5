"""What the window and the command line say about office sync: plain reads, no network.

`sync_overview` is the Sync section's header and the status bar's count;
the messages below are the lines `kamdesk sync` prints (and the window may show),
marked for translation like every message from code without Qt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import ChangeLogEntry, ChangeStatus, SyncIssue, SyncState, User

if TYPE_CHECKING:
    from kamdesk.store import Store

CONTEXT = "SyncStatus"


@dataclass(frozen=True)
class SyncOverview:
    enrolled: bool  # the laptop has logged in to an office
    server_url: str
    login: str
    user_name: str
    role: str  # kam | manager | admin ("" before enrolment)
    last_sync_at: datetime | None  # the last sync that went through to the end
    waiting: int  # changes in the outbox not yet acknowledged by the office
    rejected: int  # refused changes whose sync issue is still open
    open_issues: int  # every open sync issue (refused, conflicts, revoked clients)
    laptop_code: str = ""


def waiting_count(session: Session) -> int:
    """Changes typed on this laptop that the office has not acknowledged yet."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(ChangeLogEntry)
            .where(ChangeLogEntry.status == ChangeStatus.PENDING)
        )
        or 0
    )


def sync_overview(session: Session) -> SyncOverview:
    state = session.scalar(select(SyncState).where(SyncState.id == 1))
    issues = dict(
        session.execute(
            select(SyncIssue.kind, func.count())
            .where(SyncIssue.resolved_at.is_(None))
            .group_by(SyncIssue.kind)
        ).all()  # Result.tuples() is deprecated in SQLAlchemy 2.1 (a warning is an error)
    )
    return SyncOverview(
        enrolled=bool(state and state.server_url and state.login),
        server_url=state.server_url if state else "",
        login=state.login if state else "",
        user_name=state.user_name if state else "",
        role=state.user_role if state else "",
        last_sync_at=state.last_sync_at if state else None,
        waiting=waiting_count(session),
        rejected=int(issues.get("rejected", 0)),
        open_issues=int(sum(issues.values())),
        laptop_code=state.laptop_code if state else "",
    )


def read_overview(store: Store) -> SyncOverview:
    """`sync_overview` in a session of its own (for a worker thread)."""
    with store.session() as session:
        return sync_overview(session)


# --- what `kamdesk sync` prints ------------------------------------------------------


def enrolled_user_id(store: Store) -> uuid.UUID | None:
    """The user this laptop is enrolled as, once the office has sent their row; None before."""
    with store.session() as session:
        user_id = session.scalar(select(SyncState.user_id).where(SyncState.id == 1))
        if user_id is None or session.get(User, user_id) is None:
            return None
        return user_id


def enrolled_message(
    server_url: str, user_name: str, login: str, laptop_code: str, new_client_id: bool
) -> list[Message]:
    lines = [
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "SyncStatus",
                "Connected to the office {server} as {name} ({login}); laptop code {code}",
            ),
            {"server": server_url, "name": user_name, "login": login, "code": laptop_code},
        )
    ]
    if new_client_id:
        lines.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "SyncStatus",
                    "The office gave this store a laptop id of its own (a new login, or a "
                    "store copied from another laptop); its unsent changes go to the office once",
                ),
            )
        )
    return lines


def report_messages(report: Any) -> list[Message]:
    """One line per phase of a finished sync (a `kamdesk.sync.client.SyncReport`)."""
    lines = [
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "SyncStatus",
                "Sent to the office: {pushed} changes (applied {applied}, merged {merged}, "
                "refused {rejected})",
            ),
            {
                "pushed": report.pushed,
                "applied": report.applied,
                "merged": report.merged,
                "rejected": report.rejected,
            },
        ),
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "SyncStatus",
                "Received from the office: {rows} rows; clients taken off this laptop: {removed}",
            ),
            {"rows": report.pulled_rows, "removed": report.removed_buckets},
        ),
    ]
    if report.new_issues:
        lines.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "SyncStatus",
                    "New sync issues: {count}; see them in the Sync section of the window",
                ),
                {"count": report.new_issues},
            )
        )
    if report.stopped:
        lines.append(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "SyncStatus", "Sync stopped early; the rest follows at the next sync"
                ),
            )
        )
    return lines


def waiting_message(waiting: int) -> Message:
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP("SyncStatus", "Waiting to be sent: {count} changes"),
        {"count": waiting},
    )


REFUSED_HINT = Message(
    CONTEXT,
    QT_TRANSLATE_NOOP(
        "SyncStatus",
        "The office refused {count} changes; what you typed is kept in the sync issues "
        "(the Sync section of the window)",
    ),
)


def refused_message(count: int) -> Message:
    return Message(REFUSED_HINT.context, REFUSED_HINT.text, {"count": count})
