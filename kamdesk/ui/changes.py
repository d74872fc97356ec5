"""One change notification for the window: what was stored, for which account.

A dialog or page that stored something another view shows (a visit planned, a
report written, an offer saved, a visit's status changed) says so once with
`announce(Change.VISIT, account_id)`; every open view that shows that account
(its card, the Visits page, the client list) listens to `changes().changed` and
brings itself up to date, so nothing waits for the card to be reopened.

The bus is one per application and lives with it; its signal is delivered on
the UI thread (announce from the UI thread, e.g. in a task's `on_done`).
"""

from __future__ import annotations

import uuid
from enum import StrEnum

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal


class Change(StrEnum):
    VISIT = "visit"  # planned, re-planned, held, reported, cancelled, rescheduled
    OFFER = "offer"  # saved, sent, a new edition
    ACCOUNT = "account"  # the card's own fields or rows


class ChangeBus(QObject):
    changed = Signal(str, object)  # the Change, the account's uuid (None: unknown)


_bus: ChangeBus | None = None


def changes() -> ChangeBus:
    """The application's bus (made on first use, a child of the application)."""
    global _bus
    if _bus is None or not shiboken6.isValid(_bus):
        _bus = ChangeBus(QCoreApplication.instance())
    return _bus


def announce(what: Change, account_id: uuid.UUID | None) -> None:
    changes().changed.emit(str(what), account_id)
