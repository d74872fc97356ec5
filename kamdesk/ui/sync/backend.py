"""The office as the sync screens see it: enrol, sync, and what a failure means.

`OfficeBackend` wraps the laptop's sync client (`kamdesk.sync.client.SyncClient`);
its methods run on a worker of the TaskRunner, never on the UI thread. Tests
hand the controller another backend with the same three methods.
`failure_text` turns whatever went wrong into a sentence for the KAM: the office
unreachable, a wrong password, too many attempts, an update needed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication

from kamdesk.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kamdesk.services.workspace import Workspace

CONTEXT = "SyncFailure"
CONNECT_TIMEOUT = 10.0  # seconds to reach the office before it counts as unreachable


def _never() -> bool:
    return False


class EnrolAbandoned(Exception):
    """The KAM closed the dialog while the office was asked: the attempt stops unstored."""


class Backend(Protocol):
    def enrol(
        self,
        server_url: str,
        login: str,
        password: str,
        device_name: str,
        abandoned: Callable[[], bool] = _never,
    ) -> Any: ...

    def sync(self, progress: Callable[[Any], None], should_stop: Callable[[], bool]) -> Any: ...

    def close(self) -> None: ...


BackendFactory = Callable[["Workspace"], Backend]


class OfficeBackend:
    """The real office, through one sync client on the workspace's store (it keeps the
    retry delay after failures). `http` and `credentials` are for tests: an office
    reached through Starlette's TestClient, tokens in a folder."""

    def __init__(self, workspace: Workspace, http: Any = None, credentials: Any = None) -> None:
        self._workspace = workspace
        self._http = http
        self._own_http = http is None
        self._credentials = credentials
        self._client: Any = None
        self.last_status: int | None = None  # of the office's last answer
        self._attempt = threading.local()  # the enrolment running on this worker thread

    def _sync_client(self) -> Any:
        if self._client is None:
            import httpx

            from kamdesk.sync.client import SyncClient

            if self._http is None:
                # A sync may wait a minute for a big answer; connecting must not.
                self._http = httpx.Client(timeout=httpx.Timeout(60.0, connect=CONNECT_TIMEOUT))
            self._http.event_hooks["request"].append(self._asking)
            self._http.event_hooks["response"].append(self._answered)
            self._client = SyncClient(
                self._workspace.store, self._http, credentials=self._credentials
            )
        return self._client

    def _asking(self, _request: Any) -> None:
        self._stop_if_abandoned()

    def _answered(self, response: Any) -> None:
        self.last_status = response.status_code
        # The client stores the enrolment right after the office's answer: an attempt
        # the KAM cancelled stops here, before a token or an office is written down.
        self._stop_if_abandoned()

    def _stop_if_abandoned(self) -> None:
        abandoned = getattr(self._attempt, "abandoned", None)
        if abandoned is not None and abandoned():
            raise EnrolAbandoned

    def enrol(
        self,
        server_url: str,
        login: str,
        password: str,
        device_name: str,
        abandoned: Callable[[], bool] = _never,
    ) -> Any:
        self.last_status = None
        self._attempt.abandoned = abandoned
        try:
            return self._sync_client().enrol(server_url, login, password, device_name)
        except Exception as error:
            error.status_code = self.last_status  # type: ignore[attr-defined]
            raise
        finally:
            self._attempt.abandoned = None

    def sync(self, progress: Callable[[Any], None], should_stop: Callable[[], bool]) -> Any:
        return self._sync_client().sync(progress, should_stop)

    def due(self) -> bool:
        """False while the client waits after failures (30 s, doubling, at most 15 min)."""
        client = self._client
        when = getattr(client, "next_attempt_at", None) if client is not None else None
        if when is None:
            return True
        from datetime import UTC, datetime

        return bool(datetime.now(UTC) >= when)

    def close(self) -> None:
        if self._own_http and self._http is not None:
            self._http.close()
        self._http = None if self._own_http else self._http
        self._client = None


class Failure(StrEnum):
    UNREACHABLE = "unreachable"
    WRONG_PASSWORD = "wrong_password"
    TOO_MANY = "too_many"
    UPDATE = "update"
    OFFICE_OLD = "office_old"  # the laptop is newer than the office accepts
    LOG_IN_AGAIN = "log_in_again"
    NOT_ENROLLED = "not_enrolled"
    REFUSED = "refused"
    OTHER = "other"


_TEXTS = {
    Failure.UNREACHABLE: QT_TRANSLATE_NOOP(
        "SyncFailure",
        "The office server does not answer. Check the address and the connection; "
        "your changes are kept on this laptop and will be sent later.",
    ),
    Failure.WRONG_PASSWORD: QT_TRANSLATE_NOOP(
        "SyncFailure", "Wrong login or password. Check them and try again."
    ),
    Failure.TOO_MANY: QT_TRANSLATE_NOOP(
        "SyncFailure", "Too many attempts to log in. Wait a few minutes, then try again."
    ),
    Failure.UPDATE: QT_TRANSLATE_NOOP(
        "SyncFailure",
        "The office server needs another version of KAMdesk. Update the program; your "
        "changes are kept and will be sent after the update.",
    ),
    Failure.OFFICE_OLD: QT_TRANSLATE_NOOP(
        "SyncFailure",
        "The office server is older than this version of KAMdesk: ask your administrator "
        "to update the server. Your changes are kept on this laptop.",
    ),
    Failure.LOG_IN_AGAIN: QT_TRANSLATE_NOOP(
        "SyncFailure",
        "The office no longer accepts this laptop. Connect to the office again with your "
        "login and password; your changes are kept.",
    ),
    Failure.NOT_ENROLLED: QT_TRANSLATE_NOOP(
        "SyncFailure", "This laptop is not connected to the office yet."
    ),
}

_BY_NAME = {
    "OfficeUnreachableError": Failure.UNREACHABLE,
    "ClientTooOldError": Failure.UPDATE,
    "OfficeTooOldError": Failure.OFFICE_OLD,
    "TokenRefusedError": Failure.LOG_IN_AGAIN,
    "NotEnrolledError": Failure.NOT_ENROLLED,
    "OfficeRefusedError": Failure.REFUSED,
    "LoginRefusedError": Failure.WRONG_PASSWORD,
    "ConnectError": Failure.UNREACHABLE,
    "TimeoutException": Failure.UNREACHABLE,
    "NetworkError": Failure.UNREACHABLE,
}


def classify(error: BaseException) -> Failure:
    """What kind of failure `error` is: the sync client's error class, and for a refused
    login the office's status (429: too many attempts)."""
    status = getattr(error, "status_code", None)
    if status == 429:
        return Failure.TOO_MANY
    for cls in type(error).__mro__:
        found = _BY_NAME.get(cls.__name__)
        if found is not None:
            return found
    if isinstance(error, OSError | TimeoutError):
        return Failure.UNREACHABLE
    return Failure.OTHER


def failure_text(error: BaseException) -> str:
    """The sentence for the KAM: ours for the common cases, else the error's own
    (translated) message."""
    kind = classify(error)
    own = _TEXTS.get(kind)
    if own is not None:
        return QCoreApplication.translate(CONTEXT, own)
    message = getattr(error, "message", None)
    if message is not None and hasattr(message, "context"):
        return message.format(QCoreApplication.translate(message.context, message.text))
    return QCoreApplication.translate(
        CONTEXT, QT_TRANSLATE_NOOP("SyncFailure", "Sync failed: %1")
    ).replace("%1", str(error) or type(error).__name__)
