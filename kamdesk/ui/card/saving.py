"""What a card has to write, kept in order until the store takes it.

The card's writes (drafts while typing, commits when a field is left, undo and
redo) go through one `PendingWrites` per account. Each is tried at once on the
UI thread without waiting for the store's lock (`without_waiting`): a free store
takes it in a millisecond or two, so the card sees the result at once (the
stored value, or why it was refused). When another program holds the lock the
store refuses at once instead of freezing the window for its busy timeout: the
write stays here, `waiting` turns on (the card says so), and everything pending
is tried again every RETRY_MS, in the order it was made, until it is stored.
While waiting, new writes only join the queue; once the store is free the queue
is written a slice of DRAIN_SLICE_MS at a time, so that a long backlog does not
become a freeze of its own.

The queue of an account outlives the card that filled it: closing the card, or
the card rebuilding itself, does not drop what is still to be written, and the
new card shows the pending text again (`pending_value`).

These writes run no SQLite checkpoint themselves (see kamdesk.services.store_wait);
every CHECKPOINT_EVERY stored writes a checkpoint runs on a worker thread instead.
"""

from __future__ import annotations

import enum
import time
import uuid
import weakref
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kamdesk.services import card as service
from kamdesk.services.card import CardError, Entity
from kamdesk.services.store_wait import checkpoint, is_busy, without_waiting
from kamdesk.ui.tasks import TaskRunner

RETRY_MS = 1000
DRAIN_SLICE_MS = 20  # the UI thread's share of one event-loop turn while catching up
CHECKPOINT_EVERY = 50  # stored writes (a draft is a few pages; SQLite's own default is 1000)
Key = tuple[Entity, uuid.UUID, str]


class WriteKind(enum.Enum):
    DRAFT = "draft"  # the text as typed, kept locally (never synced)
    DISCARD = "discard"  # the field is back to its stored text: drop its draft
    COMMIT = "commit"  # store the value in its row (one change-log entry)


@dataclass(eq=False)
class Write:
    key: Key
    kind: WriteKind
    value: Any = None  # the text of a draft, the raw input of a commit
    undoable: bool = True  # False for the writes of undo and redo themselves
    keep_as_draft: bool = False  # a text commit the card refuses stays as a draft


class PendingWrites(QObject):
    """The ordered writes of one account's card; see the module docstring."""

    stored = Signal(object, object)  # Write, the value as stored (commits) or None
    refused = Signal(object, object)  # Write, the CardError saying why
    waiting_changed = Signal(bool)  # True while the store is busy and writes wait

    def __init__(self, store: Any, account_id: uuid.UUID) -> None:
        super().__init__()
        self._store = weakref.ref(store)
        self.account_id = account_id
        self._writes: list[Write] = []
        self._flushing = False
        self.waiting = False
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._catch_up)

    # --- what is pending ---------------------------------------------------------

    def submit(self, write: Write) -> None:
        """Queue `write` after every earlier one and write it now, unless the queue
        waits for a busy store (then it is written, in order, when the store is free)."""
        if self.waiting and write.kind is WriteKind.COMMIT:
            entity, _row, name = write.key
            try:  # what can be checked without the store is said at once, as usual
                service.parse(entity, name, write.value)
            except CardError as error:
                if write.keep_as_draft:
                    self.submit(Write(write.key, WriteKind.DRAFT, write.value))
                self.refused.emit(write, error)
                return
        self._supersede(write)
        self._writes.append(write)
        if not self.waiting:
            self.flush()

    def pending_value(self, key: Key) -> tuple[bool, Any]:
        """(True, the newest text or value of `key` not stored yet), else (False, None)."""
        for write in reversed(self._writes):
            if write.key == key and write.kind is not WriteKind.DISCARD:
                return True, write.value
            if write.key == key:
                return False, None
        return False, None

    def pending_keys(self) -> set[Key]:
        return {write.key for write in self._writes}

    def has_pending_commit(self, key: Key) -> bool:
        return any(w.key == key and w.kind is WriteKind.COMMIT for w in self._writes)

    def is_empty(self) -> bool:
        return not self._writes

    def count(self) -> int:
        return len(self._writes)

    def drop(self) -> None:
        """Forget every pending write (the KAM chose to quit without them)."""
        self._writes.clear()
        self._retry.stop()
        self.waiting = False

    def _supersede(self, write: Write) -> None:
        """Drop earlier writes of the same field that `write` makes pointless: any
        later write replaces a draft; a commit replaces everything before it (it
        stores the newest value and drops the draft itself)."""
        replaced = set(WriteKind) if write.kind is WriteKind.COMMIT else {WriteKind.DRAFT}
        self._writes = [w for w in self._writes if not (w.key == write.key and w.kind in replaced)]

    # --- writing ----------------------------------------------------------------

    def _catch_up(self) -> None:
        self.flush(budget_ms=DRAIN_SLICE_MS)

    def flush(self, budget_ms: float | None = None) -> None:
        """Write what is pending, in order, stopping at the first "busy"; with
        `budget_ms`, also once that long was spent (the rest follows next turn)."""
        if self._flushing:
            return  # a write's signal handler queued more: the running loop takes it
        store = self._store()
        if store is None:  # the store was closed and dropped (another one was opened)
            self._writes.clear()
            return
        self._flushing = True
        started = time.perf_counter()
        try:
            while self._writes:
                spent_ms = (time.perf_counter() - started) * 1000
                if budget_ms is not None and spent_ms >= budget_ms:
                    QTimer.singleShot(0, self, self._catch_up)  # the window breathes first
                    return
                write = self._writes[0]
                try:
                    with without_waiting(store):
                        stored = self._write(store, write)
                except CardError as error:
                    self._writes.pop(0)
                    if write.keep_as_draft:
                        self._writes.insert(0, Write(write.key, WriteKind.DRAFT, write.value))
                    self.refused.emit(write, error)
                    continue
                except Exception as error:
                    if is_busy(error):
                        self._set_waiting(True)
                        self._retry.start()
                        return
                    self._writes.pop(0)  # not the store's lock: the one error path reports it
                    raise
                self._writes.pop(0)
                _count_write(store)
                self.stored.emit(write, stored)
            self._set_waiting(False)
        finally:
            self._flushing = False

    def _write(self, store: Any, write: Write) -> Any:
        entity, row_key, name = write.key
        if write.kind is WriteKind.DRAFT:
            service.save_draft(store, self.account_id, entity, row_key, name, write.value)
            return None
        if write.kind is WriteKind.DISCARD:
            service.discard_draft(store, entity, row_key, name)
            return None
        return service.set_field(store, entity, row_key, name, write.value)

    def _set_waiting(self, waiting: bool) -> None:
        if waiting != self.waiting:
            self.waiting = waiting
            self.waiting_changed.emit(waiting)


# One queue per store and account. Keyed weakly by the store, and a queue holds its
# store weakly too: a store that is closed and dropped takes its queues with it.
_QUEUES: weakref.WeakKeyDictionary[Any, dict[uuid.UUID, PendingWrites]] = (
    weakref.WeakKeyDictionary()
)


def pending_writes(store: Any, account_id: uuid.UUID) -> PendingWrites:
    """The queue of `account_id` on `store` (made on first use)."""
    queues = _QUEUES.setdefault(store, {})
    queue = queues.get(account_id)
    if queue is None:
        queue = queues[account_id] = PendingWrites(store, account_id)
    return queue


def waiting_writes(store: Any, try_now: bool = True) -> int:
    """How many card writes to `store` are not stored yet (quitting asks about them);
    with `try_now` each queue first tries once more, without waiting for the lock."""
    total = 0
    for queue in list(_QUEUES.get(store, {}).values()):
        if try_now and not queue.is_empty():
            queue.flush()
        total += queue.count()
    return total


def drop_waiting_writes(store: Any) -> None:
    """Forget what is still to be written to `store`: its window quits without it."""
    for queue in _QUEUES.pop(store, {}).values():
        queue.drop()


_WRITES_SINCE_CHECKPOINT: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
_housekeeping: list[TaskRunner] = []  # made on first use: a QObject needs the application


def _count_write(store: Any) -> None:
    count = _WRITES_SINCE_CHECKPOINT.get(store, 0) + 1
    if count < CHECKPOINT_EVERY:
        _WRITES_SINCE_CHECKPOINT[store] = count
        return
    _WRITES_SINCE_CHECKPOINT[store] = 0
    if not _housekeeping:
        _housekeeping.append(TaskRunner())
    # Housekeeping: a checkpoint that fails (the store closed meanwhile) is simply
    # tried again after the next CHECKPOINT_EVERY writes.
    _housekeeping[0].run(
        lambda _progress: checkpoint(store), on_failure=lambda _error: None, key="checkpoint"
    )
