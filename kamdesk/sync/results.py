"""What a sync and an enrolment report back: to the window, the command line and tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Phase = Literal["push", "pull"]


@dataclass(frozen=True)
class SyncProgress:
    phase: Phase
    done: int
    total: int  # 0 when not known yet (pull: the office does not say how many rows wait)


@dataclass
class SyncReport:
    pushed: int = 0  # changes the office answered for (applied + merged + rejected)
    applied: int = 0
    merged: int = 0
    rejected: int = 0
    pulled_rows: int = 0
    removed_buckets: int = 0
    new_issues: int = 0
    finished_at: datetime | None = None
    stopped: bool = False  # should_stop asked to end early; the rest waits for next time
    requeued: int = 0  # changes sent again because the office had lost them (restored)
    reset: bool = False  # the office asked for a fresh copy (another epoch)

    @property
    def ok(self) -> bool:
        """Nothing refused: the CLI's exit status and the window's green tick."""
        return self.rejected == 0


@dataclass(frozen=True)
class EnrolledLaptop:
    server_url: str
    client_id: uuid.UUID
    laptop_code: str
    login: str
    user_id: uuid.UUID
    user_name: str
    role: str
    server_epoch: str
    # True when the office gave this store a new client id: the store file had been
    # copied from a laptop enrolled before (both would otherwise share one outbox).
    new_client_id: bool = False
    requeued: int = 0  # changes the office did not have (restored), queued again
