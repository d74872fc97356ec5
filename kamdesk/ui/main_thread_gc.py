"""Python's cycle collector runs on the UI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a
generation's threshold is passed: often a TaskRunner worker building query results.
If a reference cycle holding a Qt object (a closed dialog with its timers, a page
whose lambdas refer to it) is collected there, the C++ object is destroyed on the
worker thread; Qt then unregisters its timers from the wrong thread and the UI
thread crashes later in QTimerInfoList::activateTimers (seen as a segmentation
fault while the Analytics page loaded). So automatic collection is switched off and
a timer on the UI thread collects each generation when its threshold is passed, as
the interpreter would have. Reference counting, which frees almost everything, is
unaffected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # how often the UI thread looks whether a generation is due


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold, if any."""
        counts = gc.get_count()
        due = [
            generation
            for generation, (count, threshold) in enumerate(
                zip(counts, self._thresholds, strict=True)
            )
            if threshold and count > threshold
        ]
        if due:
            gc.collect(max(due))


def collect_on_main_thread(app: QObject) -> MainThreadCollector:
    """Install the collector once per application (again: the one already there)."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
