"""Another program holding the store's write lock, and a check that the window lives on
meanwhile: shared by the tests of saving while the store is busy."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from kamdesk.store import Store, crypto


class WriteLock:
    """Another program's write transaction on the store file."""

    def __init__(self, store: Store) -> None:
        self._connection = crypto.connect(store.path, isolation_level=None)
        self._connection.execute("BEGIN IMMEDIATE")
        self.held = True

    def release(self) -> None:
        if self.held:
            self._connection.execute("ROLLBACK")
            self.held = False
        self._connection.close()


def ticks_while(qtbot, condition) -> int:
    """Wait until a 10 ms timer has fired five times; `condition` must hold all along."""
    ticks: list[bool] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(condition()))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    timer.stop()
    assert all(ticks)
    return len(ticks)
