"""The laptop's sync client: enrol once, then push the outbox and pull the office's rows.

No Qt here: the window runs `SyncClient.sync` on a worker and shows its
`SyncProgress`; the command line (`kamdesk sync`) calls it directly. The HTTP
client is passed in (tests pass a `starlette.testclient.TestClient` of the
office app), or made from the stored server address.

Nothing is lost on any failure: an outbox entry changes state only after the
office answered, in one local transaction per batch; a pulled page and its
cursor commit together; a stop (network, 5xx) keeps everything for the next
sync, which waits a little longer after each failure (`next_attempt_at`).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel
from sqlalchemy import select

from kamdesk.models import SyncState, utcnow
from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.store import Store
from kamdesk.store.changelog import CLIENT_ID
from kamdesk.sync import outbox, transport
from kamdesk.sync.apply import (
    ApplyLog,
    apply_rows,
    forget_office_rows,
    refresh_stats,
    remote_session,
    remove_bucket,
    remove_moved,
)
from kamdesk.sync.credentials import Credentials
from kamdesk.sync.errors import (
    ClientTooOldError,
    NotEnrolledError,
    OfficeRefusedError,
    OfficeTooOldError,
    OfficeUnreachableError,
    SyncError,
)
from kamdesk.sync.protocol import (
    PROTOCOL_VERSION,
    PULL_PAGE_MAX,
    PUSH_BATCH_MAX,
    EnrolRequest,
    EnrolResponse,
    PullRequest,
    PullResponse,
    PushGap,
    PushRequest,
    PushResponse,
    ServerInfo,
)
from kamdesk.sync.results import EnrolledLaptop, SyncProgress, SyncReport

log = logging.getLogger(__name__)
_M = TypeVar("_M", bound=BaseModel)

# After a failed sync: wait 30 s, then twice as long each time, at most 15 minutes.
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(minutes=15)
# An office restored twice within one sync is not something to loop on.
_MAX_GAPS = 3
_MAX_RESETS = 2


@dataclass
class _Stop:
    should_stop: Callable[[], bool] | None = None

    def __call__(self) -> bool:
        return bool(self.should_stop and self.should_stop())


@dataclass
class _State:
    client_id: uuid.UUID
    server_url: str
    server_epoch: str
    pull_cursor: str
    last_ack: int
    login: str
    user_id: uuid.UUID | None
    extra: dict[str, Any] = field(default_factory=dict)


class SyncClient:
    """Sync one store with its office. Thread-safe: one sync at a time."""

    def __init__(
        self,
        store: Store,
        http: httpx.Client | None = None,
        *,
        credentials: Credentials | None = None,
        timeout: float = 60.0,
        page_size: int = PULL_PAGE_MAX,
        batch_size: int = PUSH_BATCH_MAX,
    ) -> None:
        self.store = store
        self._http = http
        self._own_http = http is None
        self._timeout = timeout
        self.credentials = credentials or Credentials()
        self.page_size = min(page_size, PULL_PAGE_MAX)
        self.batch_size = min(batch_size, PUSH_BATCH_MAX)
        self._lock = threading.Lock()
        self.failures = 0
        self.next_attempt_at: datetime | None = None
        self.last_error: SyncError | None = None

    # --- enrolment --------------------------------------------------------------------

    def enrol(
        self, server_url: str, login: str, password: str, device_name: str = ""
    ) -> EnrolledLaptop:
        """Log in on this laptop: the office gives it a token (kept by `credentials`),
        its laptop code and, for a copied store, a client id of its own."""
        server_url = server_url.strip().rstrip("/")
        with self._lock:
            state = self._read_state()
            info = self._parse(self._request("GET", server_url, "/info"), ServerInfo)
            if PROTOCOL_VERSION not in info.protocols:
                if info.protocols and max(info.protocols) < PROTOCOL_VERSION:
                    raise OfficeTooOldError(
                        f"protocol {PROTOCOL_VERSION}; the office accepts "
                        f"{', '.join(map(str, info.protocols))}"
                    )
                raise ClientTooOldError(
                    f"protocol {PROTOCOL_VERSION}; the office accepts "
                    f"{', '.join(map(str, info.protocols))}"
                )
            request = EnrolRequest(
                login=login,
                password=password,
                client_id=state.client_id,
                device_name=device_name[:200],
                schema_version=SCHEMA_HEAD,
            )
            response = self._request("POST", server_url, "/enrol", request, enrolling=True)
            answer = self._parse(response, EnrolResponse)
            laptop = self._store_enrolment(server_url, state, answer, device_name)
            self.credentials.save(answer.client_id.hex, answer.token)
            if laptop.new_client_id:
                self.credentials.forget(state.client_id.hex)
            self.failures = 0
            self.next_attempt_at = None
            return laptop

    def _store_enrolment(
        self, server_url: str, state: _State, answer: EnrolResponse, device_name: str
    ) -> EnrolledLaptop:
        new_id = answer.client_id != state.client_id
        other_user = state.user_id is not None and state.user_id != answer.user.id
        requeued = 0
        with remote_session(self.store) as session:
            row = session.get(SyncState, 1)
            assert row is not None
            if new_id:
                # A copy: the office has seen nothing from this id; what the original
                # laptop had acknowledged stays acknowledged, the rest is sent anew.
                row.last_acknowledged_change = answer.last_seq
            elif answer.last_seq < row.last_acknowledged_change:
                requeued = outbox.requeue_after(session, answer.last_seq)
                row.last_acknowledged_change = answer.last_seq
            if other_user or (state.server_url and state.server_url != server_url):
                # Another person's or another office's rows must not stay on this laptop.
                # (An office restored from a backup says so at the next pull: a reset.)
                forget_office_rows(session)
                row.pull_cursor = ""
                row.server_epoch = answer.server_epoch
            row.client_id = answer.client_id
            row.server_url = server_url
            row.user_id = answer.user.id
            row.login = answer.user.login
            row.user_name = answer.user.name
            row.user_role = answer.user.role
            row.laptop_code = answer.laptop_code
            row.device_name = device_name[:200]
        if new_id:
            self._adopt_client_id(answer.client_id)
        return EnrolledLaptop(
            server_url=server_url,
            client_id=answer.client_id,
            laptop_code=answer.laptop_code,
            login=answer.user.login,
            user_id=answer.user.id,
            user_name=answer.user.name,
            role=answer.user.role,
            server_epoch=answer.server_epoch,
            new_client_id=new_id,
            requeued=requeued,
        )

    def _adopt_client_id(self, client_id: uuid.UUID) -> None:
        """New outbox entries carry the new id from now on."""
        # The store names its client id in its sessions' info (kamdesk.store.store).
        self.store.client_id = client_id
        factory: Any = self.store._sessions  # no public setter yet
        factory.kw["info"] = {**factory.kw["info"], CLIENT_ID: client_id}

    # --- sync -------------------------------------------------------------------------

    def is_enrolled(self) -> bool:
        state = self._read_state()
        return bool(state.server_url) and self.credentials.load(state.client_id.hex) is not None

    def sync(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SyncReport:
        """Push the outbox, then pull until the office has nothing more.

        Raises a SyncError (with `report` of what was done) when it cannot go on;
        everything not yet acknowledged stays in the outbox."""
        with self._lock:
            report = SyncReport()
            stop = _Stop(should_stop)
            try:
                state = self._read_state()
                token = self.credentials.load(state.client_id.hex) if state.server_url else None
                if not state.server_url or token is None:
                    raise NotEnrolledError()
                self._push(state, token, report, progress, stop)
                if not report.stopped:

                    def resend_what_the_office_lost() -> None:
                        self._push(state, token, report, progress, stop, probe=True)

                    self._pull(state, token, report, progress, stop, resend_what_the_office_lost)
            except SyncError as error:
                report.finished_at = utcnow()
                error.report = report
                self._failed(error)
                raise
            report.finished_at = utcnow()
            if not report.stopped:
                with remote_session(self.store, defer_foreign_keys=False) as session:
                    row = session.get(SyncState, 1)
                    assert row is not None
                    row.last_sync_at = report.finished_at
            self.failures = 0
            self.next_attempt_at = None
            self.last_error = None
            return report

    def retry_delay(self) -> timedelta:
        """How long the background sync waits after the failures so far."""
        if self.failures == 0:
            return timedelta(0)
        return min(FIRST_RETRY * (2 ** (self.failures - 1)), LONGEST_RETRY)

    def _failed(self, error: SyncError) -> None:
        self.last_error = error
        if isinstance(error, OfficeUnreachableError):
            self.failures += 1
            self.next_attempt_at = utcnow() + self.retry_delay()

    def _push(
        self,
        state: _State,
        token: str,
        report: SyncReport,
        progress: Callable[[SyncProgress], None] | None,
        stop: _Stop,
        *,
        probe: bool = False,
    ) -> None:
        """Send the outbox in batches. With `probe`, an empty outbox still asks once
        whether the office has everything acknowledged (after a restore it has not)."""
        with self.store.session() as session:
            total = outbox.pending_count(session)
        done = 0
        gaps = 0
        if progress is not None:
            progress(SyncProgress("push", 0, total))
        while True:
            if stop():
                report.stopped = True
                return
            with self.store.session() as session:
                entries = outbox.pending_entries(session, self.batch_size)
            if not entries and not probe:
                return
            probe = False
            request = PushRequest(
                schema_version=SCHEMA_HEAD,
                client_id=state.client_id,
                previous_seq=state.last_ack,
                changes=[outbox.to_wire(entry) for entry in entries],
            )
            try:
                response = self._request("POST", state.server_url, "/push", request, token=token)
            except OfficeUnreachableError as error:
                with self.store.transaction() as session:
                    outbox.record_failure(session, entries, error.detail)
                raise
            if response.status_code == 409:
                gap = self._parse(response, PushGap)
                gaps += 1
                if gaps > _MAX_GAPS:
                    raise OfficeRefusedError("the office keeps reporting lost changes")
                with remote_session(self.store, defer_foreign_keys=False) as session:
                    report.requeued += outbox.requeue_after(session, gap.last_seq)
                    row = session.get(SyncState, 1)
                    assert row is not None
                    row.last_acknowledged_change = gap.last_seq
                state.last_ack = gap.last_seq
                with self.store.session() as session:
                    total = done + outbox.pending_count(session)
                continue
            answer = self._parse(response, PushResponse)
            now = utcnow()
            with remote_session(self.store, defer_foreign_keys=False) as session:
                batch = list(
                    session.scalars(
                        select(outbox.ChangeLogEntry).where(
                            outbox.ChangeLogEntry.id.in_([entry.id for entry in entries])
                        )
                    )
                )
                result = outbox.record_response(session, batch, answer, now)
                row = session.get(SyncState, 1)
                assert row is not None
                row.last_acknowledged_change = answer.last_seq
            state.last_ack = answer.last_seq
            answered = result.applied + result.merged + result.rejected
            report.pushed += answered
            report.applied += result.applied
            report.merged += result.merged
            report.rejected += result.rejected
            report.new_issues += result.issues
            done += answered
            if progress is not None:
                progress(SyncProgress("push", done, max(total, done)))
            if not entries:
                return
            if answered == 0:  # the office answered for none of them: do not spin
                raise OfficeRefusedError("the office answered for none of the changes sent")

    def _pull(
        self,
        state: _State,
        token: str,
        report: SyncReport,
        progress: Callable[[SyncProgress], None] | None,
        stop: _Stop,
        before_reset: Callable[[], None] | None = None,
    ) -> None:
        cursor = state.pull_cursor
        resets = 0
        unknown = ApplyLog()
        if progress is not None:
            progress(SyncProgress("pull", 0, 0))
        while True:
            if stop():
                report.stopped = True
                break
            request = PullRequest(
                schema_version=SCHEMA_HEAD,
                client_id=state.client_id,
                cursor=cursor,
                limit=self.page_size,
            )
            response = self._request("POST", state.server_url, "/pull", request, token=token)
            page = self._parse(response, PullResponse)
            if page.reset:
                resets += 1
                if resets > _MAX_RESETS:
                    raise OfficeRefusedError("the office keeps asking for a fresh copy")
                if before_reset is not None and resets == 1:
                    # A restored office lacks some acknowledged changes: send them again
                    # first, so the fresh copy below already holds them.
                    before_reset()
                with remote_session(self.store) as session:
                    forget_office_rows(session)
                    row = session.get(SyncState, 1)
                    assert row is not None
                    row.pull_cursor = ""
                    row.server_epoch = page.server_epoch
                cursor = ""
                report.reset = True
                continue
            now = utcnow()
            with remote_session(self.store) as session:
                for bucket in page.revoked_buckets:
                    report.new_issues += len(remove_bucket(session, bucket, now))
                    report.removed_buckets += 1
                conflicts_before = unknown.conflicts
                report.pulled_rows += apply_rows(session, page.rows, unknown)
                report.new_issues += unknown.conflicts - conflicts_before
                for moved in page.moved_away:
                    report.new_issues += len(remove_moved(session, moved, now))
                if page.revoked_buckets or page.moved_away:
                    refresh_stats(session)
                row = session.get(SyncState, 1)
                assert row is not None
                row.pull_cursor = page.cursor
                row.server_epoch = page.server_epoch
            cursor = page.cursor
            if progress is not None:
                progress(SyncProgress("pull", report.pulled_rows, 0))
            if not page.more:
                break
        state.pull_cursor = cursor
        self._check_foreign_keys()

    def _check_foreign_keys(self) -> None:
        """After a whole pull every child has its parent; say so in the log if not."""
        with self.store.engine.connect() as connection:
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(20)
        for table, rowid, parent, _ in problems:
            log.warning("sync: %s row %s points to a missing %s row", table, rowid, parent)

    # --- HTTP -------------------------------------------------------------------------

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(timeout=httpx.Timeout(self._timeout, connect=15.0))
        return self._http

    def close(self) -> None:
        if self._own_http and self._http is not None:
            self._http.close()
            self._http = None

    def _request(
        self,
        method: str,
        server_url: str,
        path: str,
        body: BaseModel | None = None,
        *,
        token: str | None = None,
        enrolling: bool = False,
    ) -> httpx.Response:
        return transport.request(
            self._client(), method, server_url, path, body, token=token, enrolling=enrolling
        )

    _parse = staticmethod(transport.parse)

    # --- state ------------------------------------------------------------------------

    def _read_state(self) -> _State:
        with self.store.session() as session:
            row = session.scalar(select(SyncState).where(SyncState.id == 1))
            assert row is not None
            return _State(
                client_id=row.client_id,
                server_url=row.server_url,
                server_epoch=row.server_epoch,
                pull_cursor=str(row.pull_cursor or ""),
                last_ack=row.last_acknowledged_change,
                login=row.login,
                user_id=row.user_id,
            )


__all__ = [
    "EnrolledLaptop",
    "SyncClient",
    "SyncError",
    "SyncProgress",
    "SyncReport",
]
