"""Why a sync stopped, in words a KAM can act on (translated like the store's errors).

Each error carries a `Message` (QT_TRANSLATE_NOOP, context "Sync"): the window shows
it through `QCoreApplication.translate`, the command line through the catalogue.
Nothing is lost when one is raised: the outbox keeps every change not yet
acknowledged, and the next sync starts where this one stopped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from kamdesk.sync.client import SyncReport

CONTEXT = "Sync"


class SyncError(Exception):
    """A sync that could not go on; `report` holds what was done before it stopped."""

    text = QT_TRANSLATE_NOOP("Sync", "Sync stopped: {detail}")

    def __init__(self, detail: str = "", report: SyncReport | None = None, **params: Any) -> None:
        self.message = Message(CONTEXT, self.text, {"detail": detail, **params})
        self.detail = detail
        self.report = report
        super().__init__(str(self.message))


class OfficeUnreachableError(SyncError):
    """No answer, a network error or a 5xx: try again later; everything is kept."""

    text = QT_TRANSLATE_NOOP(
        "Sync",
        "The office server does not answer ({detail}). Your changes are kept on this laptop "
        "and will be sent at the next sync; check the network or try again later.",
    )


class NotEnrolledError(SyncError):
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "This laptop is not connected to an office server yet: give the server address, "
        "your login and password (kamdesk sync --server URL --login LOGIN).",
    )


class LoginRefusedError(SyncError):
    """A wrong login or password, a disabled user, too many attempts (enrolment)."""

    text = QT_TRANSLATE_NOOP("Sync", "The office refused the login: {detail}")


class TokenRefusedError(SyncError):
    """The office no longer accepts this laptop's token (revoked, or a restored office)."""

    text = QT_TRANSLATE_NOOP(
        "Sync",
        "The office no longer accepts this laptop ({detail}). Log in again: "
        "kamdesk sync --login LOGIN. Your changes are kept.",
    )


class ClientTooOldError(SyncError):
    """The office accepts only newer laptops (protocol or data version): update KAMdesk.
    `detail` (the office's own words, with what it accepts) goes to the log only."""

    text = QT_TRANSLATE_NOOP(
        "Sync",
        "This version of KAMdesk is older than the office server accepts: update KAMdesk. "
        "Your changes are kept on this laptop and will be sent after the update.",
    )


class OfficeTooOldError(SyncError):
    """The laptop is newer than anything the office accepts: the server needs updating."""

    text = QT_TRANSLATE_NOOP(
        "Sync",
        "The office server is older than this version of KAMdesk: ask your administrator "
        "to update the server. Your changes are kept on this laptop.",
    )


def version_refusal(what: str, detail: str) -> SyncError:
    """The office refused this laptop's protocol or data version (`what`: "protocol" or
    "schema"); which side is older is read from what the office says it accepts
    («… (принимает 0003, 0004) …»)."""
    import re

    from kamdesk.schema_version import SCHEMA_HEAD
    from kamdesk.sync.protocol import PROTOCOL_VERSION

    ours = str(PROTOCOL_VERSION) if what == "protocol" else SCHEMA_HEAD
    found = re.search(r"принимает ([\d, ]+)", detail)
    accepted = [int(v) for v in re.findall(r"\d+", found.group(1))] if found else []
    if what in ("protocol", "schema") and accepted and int(ours) > max(accepted):
        return OfficeTooOldError(detail)
    return ClientTooOldError(detail)


class OfficeRefusedError(SyncError):
    """A 4xx the laptop cannot fix by retrying (the request itself was refused)."""

    text = QT_TRANSLATE_NOOP(
        "Sync", "The office server refused the request: {detail}. Your changes are kept."
    )
