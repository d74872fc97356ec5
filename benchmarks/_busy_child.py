"""The measured window of bench_busy_store.py; prints one JSON line. Not a test.

    python benchmarks/_busy_child.py STORE PRICES.csv KAMDESK_PYTHONPATH

Opens KAMdesk's window on STORE, opens the first account's card and types into
two dossier fields (a key every 60 ms, leaving the field every 40 keys, which
commits it) while another process runs `kamdesk import products PRICES.csv` on
the same store. A 10 ms timer records how late the event loop comes round to it;
the longest gap is the longest the window was frozen.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

KEY_EVERY_MS = 60
LEAVE_FIELD_EVERY = 40  # keys
TICK_MS = 10
TYPE_ON_AFTER_IMPORT_S = 3.0
SAVE_WAIT_S = 20.0
BUSY_WORDS = ("busy with another program", "занята другой программой")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    store_path, prices, importer_path = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLabel, QWidget

    from kamdesk.ui.app import build_window, create_application
    from kamdesk.ui.language import LanguageSwitcher
    from kamdesk.ui.preferences import Preferences
    from kamdesk.ui.store_dialogs import DialogPrompts
    from kamdesk.ui.store_opening import open_interactively

    app = create_application(sys.argv[:1])
    language = LanguageSwitcher(app)
    opened = open_interactively(store_path, DialogPrompts(at_startup=True), explicit=True)
    assert opened is not None
    window = build_window(opened, Preferences(), language)
    window.resize(1400, 900)
    window.show()
    clients = window.section_page(window.current_section())

    def spin(seconds: float, until=lambda: False) -> None:  # type: ignore[no-untyped-def]
        end = time.time() + seconds
        while time.time() < end and not until():
            app.processEvents()
            time.sleep(0.002)

    spin(60, lambda: clients.model.rowCount() > 0 and window.tasks.is_idle())
    account_id = clients.model.account_id(clients.model.index(0, 0))
    clients.open_account(account_id)
    card = clients.account_tab(account_id)
    spin(30, lambda: getattr(card, "bundle", None) is not None and window.tasks.is_idle())
    card.tabs.setCurrentWidget(card.dossier)
    window.activateWindow()
    fields = [card.findChild(QWidget, f"field_dossier_{name}") for name in ("needs", "plans")]
    typed = {0: "", 1: ""}
    state = {"field": 0, "keys": 0}
    fields[0].setFocus()
    spin(0.5)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    def busy_note_shown() -> bool:
        return any(
            label.isVisible() and any(word in label.text() for word in BUSY_WORDS)
            for label in card.findChildren(QLabel)
        )

    seen = {"busy_note": False}

    def key() -> None:
        letter = "abcdefghijklmnopqrstuvwxyz"[state["keys"] % 26]
        QTest.keyClick(fields[state["field"]], letter)
        typed[state["field"]] += letter
        state["keys"] += 1
        if state["keys"] % LEAVE_FIELD_EVERY == 0:  # leave the field: it is committed
            state["field"] = 1 - state["field"]
            QTest.mouseClick(fields[state["field"]], Qt.MouseButton.LeftButton)
            fields[state["field"]].moveCursor(fields[state["field"]].textCursor().MoveOperation.End)
        seen["busy_note"] = seen["busy_note"] or busy_note_shown()

    ticker = QTimer(interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)
    typist = QTimer(interval=KEY_EVERY_MS)
    typist.timeout.connect(key)

    env = {**os.environ, "PYTHONPATH": importer_path}
    started = time.time()
    importer = subprocess.Popen(
        [sys.executable, "-m", "kamdesk", "--db", str(store_path), "import", "products",
         str(prices)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )  # fmt: skip
    last[0] = time.perf_counter()
    ticker.start()
    typist.start()
    spin(3600, lambda: importer.poll() is not None)
    import_seconds = time.time() - started
    spin(TYPE_ON_AFTER_IMPORT_S)
    typist.stop()
    QTest.mouseClick(fields[1 - state["field"]], Qt.MouseButton.LeftButton)  # commit the last
    ended = time.time()
    ticker.stop()

    def saved() -> bool:
        """Both fields are stored as they show now (nothing typed was lost)."""
        from kamdesk.services.card import load_card

        data = load_card(opened.workspace.store, account_id)
        return data is not None and all(
            (data.dossier.get(name) or "") == field.plain_text()
            for name, field in zip(("needs", "plans"), fields, strict=True)
        )

    spin(SAVE_WAIT_S, saved)
    result = {
        "import_s": round(import_seconds, 1),
        "importer_exit": importer.returncode,
        "importer_error": (importer.stderr.read().decode()[-300:] if importer.stderr else ""),
        "keys": state["keys"],
        "ticks": len(gaps),
        "max_gap_ms": round(max(gaps), 1),
        "p99_gap_ms": round(statistics.quantiles(gaps, n=100)[98], 1),
        "gaps_over_100ms": sum(1 for gap in gaps if gap > 100),
        "busy_note_seen": seen["busy_note"],
        "all_saved": saved(),
        "saved_after_typing_s": round(time.time() - ended, 1),
    }
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # skip teardown: only the figures matter here


if __name__ == "__main__":
    main()
