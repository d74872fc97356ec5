"""A debounce with a maximum delay: save after a pause, and at least this often.

A plain restarting timer ("save 800 ms after the last key") never fires while a
KAM types without a pause, so a crash after a minute of typing loses the
minute. `Debounce` runs its callback after `quiet_ms` without a `poke()`, but
never later than `max_wait_ms` after the first poke that the callback has not
seen yet: what is typed reaches the store within `max_wait_ms` however
continuously it is typed.

The deadline is measured with `clock` (seconds, `time.monotonic` by default);
tests replace it to "type for two seconds" without waiting two seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Debounce(QObject):
    def __init__(
        self,
        parent: QObject | None,
        quiet_ms: int,
        max_wait_ms: int,
        callback: Callable[[], object],
    ) -> None:
        super().__init__(parent)
        if max_wait_ms < quiet_ms:
            raise ValueError("max_wait_ms must not be shorter than quiet_ms")
        self.quiet_ms, self.max_wait_ms = quiet_ms, max_wait_ms
        self._callback = callback
        self.clock: Callable[[], float] = time.monotonic
        self._first_poke: float | None = None  # the oldest change the callback has not seen
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        """A change was poked that the callback has not seen yet."""
        return self._first_poke is not None

    def poke(self) -> None:
        """Something changed: run the callback after a pause, or at the deadline."""
        now = self.clock()
        if self._first_poke is None:
            self._first_poke = now
        # Rounded to a microsecond: a difference of float seconds is 799.99… for 800 ms.
        waited_ms = round((now - self._first_poke) * 1000, 3)
        if waited_ms >= self.max_wait_ms:
            self.flush()  # changes without a pause: do not wait for one any longer
            return
        self.timer.start(int(min(self.quiet_ms, self.max_wait_ms - waited_ms)))

    def flush(self) -> None:
        """Run the callback now (also when nothing is pending: the callback decides)."""
        self.cancel()
        self._callback()

    def cancel(self) -> None:
        """Forget the pending change without running the callback."""
        self.timer.stop()
        self._first_poke = None
