"""Errors reach the user: one dialog in plain words and a line in the log file,
whether the error came from a clicked button, a background task, Qt or a thread.

pytest-qt catches exceptions raised in Qt callbacks itself (and fails the test);
the tests of the real hooks switch that off with `qt_no_exception_capture`, so
the hook the application installs is the one that sees them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, qCritical
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.errors import CorruptStoreError, StoreUnavailableError
from kamdesk.logs import logging_to_file
from kamdesk.services.workspace import Workspace
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.error_dialog import ErrorDialog
from kamdesk.ui.error_reporting import QUIET_SECONDS, ErrorReporter
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner

# The offscreen platform's note about every dialog it shows; not KAMdesk's doing.
OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTE)


@pytest.fixture
def log_file(kamdesk_home: Path) -> Iterator[Path]:
    with logging_to_file() as path:
        assert path is not None
        assert path.is_relative_to(kamdesk_home / "data")
        yield path


@pytest.fixture
def installed(qapp: QApplication, log_file: Path) -> Iterator[ErrorReporter]:
    """The hooks as `run_gui` installs them."""
    reporter = ErrorReporter()
    reporter.install()
    yield reporter
    reporter.uninstall()
    reporter.deleteLater()


def open_error_dialogs() -> list[ErrorDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()
    ]


def wait_for_error_dialog(qtbot: QtBot) -> ErrorDialog:
    qtbot.waitUntil(lambda: len(open_error_dialogs()) == 1)
    return open_error_dialogs()[0]


def close_by_clicking(dialog: ErrorDialog) -> None:
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    QTest.mouseClick(close, Qt.MouseButton.LeftButton)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert open_error_dialogs() == []


def log_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_clicked_button_opens_a_dialog_with_details_and_is_logged(
    qtbot: QtBot, installed: ErrorReporter, log_file: Path
) -> None:
    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.show()

    def save() -> None:
        raise ValueError("the visit lost its account")

    button.clicked.connect(save)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = wait_for_error_dialog(qtbot)
    assert dialog.headline.text() == "Something went wrong"
    assert "safe" in dialog.safety.text()
    assert str(log_file) in dialog.log_label.text()
    # The traceback is there for whoever fixes it, but only when asked for.
    assert dialog.details_button.isVisible()
    assert not dialog.details.isVisible()
    QTest.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()
    details = dialog.details.toPlainText()
    assert "ValueError: the visit lost its account" in details
    assert "in save" in details
    close_by_clicking(dialog)

    logged = log_text(log_file)
    assert "ERROR kamdesk.ui.error_reporting: unexpected error" in logged
    assert "ValueError: the visit lost its account" in logged
    assert 'in save\n    raise ValueError("the visit lost its account")' in logged


def test_a_failing_search_in_the_window_opens_one_dialog_however_often_it_fails(
    qtbot: QtBot, window: MainWindow, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_page(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("the query builder forgot a bracket")

    monkeypatch.setattr(window.workspace.accounts, "page", broken_page)
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    QTest.keyClicks(page.filters.search, "okb")  # each key starts a query that fails

    dialog = wait_for_error_dialog(qtbot)
    qtbot.waitUntil(window.tasks.is_idle)
    assert dialog.parent() is window
    assert dialog.headline.text() == "Something went wrong"
    assert "RuntimeError: the query builder forgot a bracket" in dialog.details.toPlainText()
    assert len(open_error_dialogs()) == 1
    close_by_clicking(dialog)
    assert "RuntimeError: the query builder forgot a bracket" in log_text(log_file)


def test_a_busy_store_in_background_work_is_explained_without_a_traceback(
    qtbot: QtBot, window: MainWindow, log_file: Path
) -> None:
    def save(_progress: object) -> None:
        raise StoreUnavailableError("Another program is writing to the database; try again.")

    window.tasks.run(save)

    dialog = wait_for_error_dialog(qtbot)
    assert dialog.headline.text() == "The database cannot be used right now"
    assert dialog.explanation.text() == "Another program is writing to the database; try again."
    assert "the change that failed was not saved" in dialog.safety.text()
    assert not dialog.details_button.isVisibleTo(dialog)
    assert dialog.details.toPlainText() == ""
    close_by_clicking(dialog)
    assert "WARNING kamdesk.ui.error_reporting: store problem shown to the user" in log_text(
        log_file
    )


def test_a_damaged_store_says_to_keep_the_file(
    qtbot: QtBot, window: MainWindow, log_file: Path
) -> None:
    damaged = CorruptStoreError(window.workspace.path, "database disk image is malformed")

    def read(_progress: object) -> None:
        raise damaged

    window.tasks.run(read)
    dialog = wait_for_error_dialog(qtbot)
    assert dialog.headline.text() == "The database is damaged"
    assert str(window.workspace.path) in dialog.explanation.text()
    assert "Keep the damaged file" in dialog.safety.text()
    # SQLite's words for whoever helps, but no traceback: the program did nothing wrong.
    assert dialog.details_button.isVisibleTo(dialog)
    assert dialog.details.toPlainText() == "database disk image is malformed"
    close_by_clicking(dialog)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_repeating_error_opens_one_dialog_and_counts_the_rest(
    qtbot: QtBot, log_file: Path
) -> None:
    clock = FakeClock()
    reporter = ErrorReporter(clock=clock)
    runner = TaskRunner(report_error=reporter.report)

    def refresh(_progress: object) -> None:
        raise KeyError("next_visit")

    for _ in range(5):
        runner.run(refresh)
    qtbot.waitUntil(runner.is_idle)
    dialog = wait_for_error_dialog(qtbot)
    qtbot.waitUntil(lambda: dialog.repeats == 4)
    assert dialog.repeats_label.text() == "Errors since this one: 4 (they are in the log)"
    close_by_clicking(dialog)

    # Shown a moment ago: now it goes to the log (and the status bar) only.
    with qtbot.waitSignal(reporter.suppressed):
        runner.run(refresh)
    assert open_error_dialogs() == []
    assert "the same error again: KeyError" in log_text(log_file)

    # After a quiet minute the same error is worth a dialog again.
    clock.now += QUIET_SECONDS + 1
    runner.run(refresh)
    close_by_clicking(wait_for_error_dialog(qtbot))
    qtbot.waitUntil(runner.is_idle)


def test_the_main_window_says_in_its_status_bar_that_an_error_repeated(
    qtbot: QtBot, window: MainWindow, log_file: Path
) -> None:
    def sync(_progress: object) -> None:
        raise OSError("network unreachable")

    window.tasks.run(sync)
    close_by_clicking(wait_for_error_dialog(qtbot))
    with qtbot.waitSignal(window.errors.suppressed):
        window.tasks.run(sync)
    assert window.statusBar().currentMessage() == (
        "The error happened again; it was written to the log."
    )
    assert open_error_dialogs() == []


@pytest.mark.qt_log_ignore(OFFSCREEN_NOTE, "already has a layout")
def test_qt_warnings_go_to_the_log(
    qtbot: QtBot, installed: ErrorReporter, log_file: Path, qtlog: object
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    QVBoxLayout(widget)
    QVBoxLayout(widget)  # Qt warns: the widget already has a layout

    logged = log_text(log_file)
    assert "WARNING kamdesk.qt: QLayout: Attempting to add QLayout" in logged
    assert "already has a layout" in logged
    assert open_error_dialogs() == []  # a warning is not worth interrupting the KAM


@pytest.mark.qt_log_ignore(OFFSCREEN_NOTE, "the printer vanished")
def test_a_qt_critical_message_is_logged_and_shown(
    qtbot: QtBot, installed: ErrorReporter, log_file: Path
) -> None:
    qCritical("the printer vanished")
    dialog = wait_for_error_dialog(qtbot)
    assert dialog.headline.text() == "Something went wrong"
    assert "the printer vanished" in dialog.details.toPlainText()
    close_by_clicking(dialog)
    assert "ERROR kamdesk.qt: the printer vanished" in log_text(log_file)


# pytest's own thread hook (which ours passes the error on to) turns it into a warning.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_an_error_in_a_python_thread_reaches_the_dialog_on_the_ui_thread(
    qtbot: QtBot, installed: ErrorReporter, log_file: Path
) -> None:
    def export() -> None:
        raise ZeroDivisionError("no visits in the period")

    thread = threading.Thread(target=export, name="export")
    thread.start()
    thread.join()

    dialog = wait_for_error_dialog(qtbot)
    assert "ZeroDivisionError: no visits in the period" in dialog.details.toPlainText()
    assert "thread export" in dialog.details.toPlainText()
    close_by_clicking(dialog)
    assert "ZeroDivisionError: no visits in the period" in log_text(log_file)


def test_a_bug_while_the_window_is_built_is_shown_and_the_app_exits_with_1(
    qtbot: QtBot,
    qapp: QApplication,
    workspace: Workspace,
    kamdesk_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kamdesk.ui import app as app_module

    def broken_window(*_args: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'owner'")

    # The test's QApplication as it is: no style sheet or filters left behind for others.
    monkeypatch.setattr(app_module, "create_application", lambda: qapp)
    monkeypatch.setattr(app_module, "build_window", broken_window)
    seen: list[str] = []

    def close_when_shown() -> None:
        dialogs = open_error_dialogs()
        if dialogs:
            seen.append(dialogs[0].headline.text())
            seen.append(dialogs[0].details.toPlainText())
            close_by_clicking(dialogs[0])
        else:
            QTimer.singleShot(20, close_when_shown)

    QTimer.singleShot(0, close_when_shown)
    hooks_before = (sys.excepthook, threading.excepthook)
    assert app_module.run_gui(workspace.path, db_explicit=True) == 1

    assert seen[0] == "Something went wrong"
    assert "'NoneType' object has no attribute 'owner'" in seen[1]
    log = log_text(kamdesk_home / "data" / "logs" / "kamdesk.log")
    assert "in broken_window" in log
    assert (sys.excepthook, threading.excepthook) == hooks_before  # all undone on exit
