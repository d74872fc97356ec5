"""Quitting while background work runs is quiet: the window's runner and a dialog's
own runner have slow tasks under way, the dialog is deleted and a timer still asks
its runner for work, and the KAM quits (File ▸ Quit). Nothing reaches sys.excepthook or
stderr ("QThreadPool already deleted", "Signal source has been deleted") and the
application quits. Run in a process of its own: only there does the app really quit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

_SCRIPT = r"""
import sys, threading
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog
from kamdesk.services.workspace import open_workspace
from kamdesk.ui.app import build_window, create_application
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.store_opening import OpenedStore
from kamdesk.ui.tasks import TaskRunner

hooked = []
sys.excepthook = lambda *info: hooked.append(info)
app = create_application(["kamdesk"])
window = build_window(OpenedStore(open_workspace(Path(sys.argv[1]))), Preferences(),
                      LanguageSwitcher(app))
window.show()
dialog = QDialog(window)
dialog_tasks = TaskRunner(parent=dialog)  # as BackgroundSave makes one without the window's

# Each piece of work ends only when the dialog is gone or the KAM quits, however slowly
# this machine builds the window: a result delivered before then would be legitimate.
# (Deleting the dialog waits for its runner's running work, so that one ends first.)
dialog_gone = threading.Event()
quitting = threading.Event()
dialog.destroyed.connect(lambda: dialog_gone.set())

def until(event):
    def slow(_progress):
        event.wait(30)
        return 1
    return slow

late = []
dialog_tasks.run(until(dialog_gone), late.append)
window.tasks.run(until(quitting), late.append)
# The dialog is closed and deleted (WA_DeleteOnClose) while its save runs, a timer
# outliving it still asks its runner for work, then the KAM quits.
QTimer.singleShot(50, dialog.deleteLater)
QTimer.singleShot(80, lambda: dialog_tasks.run(until(quitting), late.append))
# File ▸ Quit (QTest.keyClick of Ctrl+Q crashes inside QTest once the window closes).
def quit_now():
    quitting.set()
    window.quit_action.trigger()

QTimer.singleShot(100, quit_now)
code = app.exec()
print("quit", code, "hooked", len(hooked), "late", late, flush=True)
import traceback
for info in hooked:
    traceback.print_exception(*info)
"""


def test_quitting_during_background_work_is_quiet(tmp_path: Path, migrated_template: Path) -> None:
    store = tmp_path / "kamdesk.sqlite"
    shutil.copyfile(migrated_template, store)
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(store)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "quit 0 hooked 0 late []" in result.stdout, result.stdout + result.stderr
    for trouble in ("Traceback", "RuntimeError", "already deleted", "has been deleted"):
        assert trouble not in result.stderr, result.stderr
