"""`run_gui`: the application from start to exit.

Start-up order matters for a fast first paint: the language is installed
before any window exists (so nothing shows in English first), the first page
of clients is painted read-only (kamdesk.ui.first_page) before the window's
own modules are imported, the store is opened with the user's help if it is
missing or damaged, the window takes the first page's place, and only then do
the slow jobs start in the background (filling the demo territory, refreshing
next visits and ABC/XYZ). `kamdesk gui` started fetching the key and checking
the file before Qt was imported (kamdesk.services.workspace.prepare_opening).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kamdesk import __version__, resource_files
from kamdesk.logs import logging_to_file
from kamdesk.paths import APP_NAME
from kamdesk.ui import error_reporting, first_page, input_guard, sections, store_lock
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_thread_gc import collect_on_main_thread
from kamdesk.ui.preferences import Preferences

# The window's own modules are imported once the first page is on screen.
if TYPE_CHECKING:
    from kamdesk.ui.main_window import MainWindow
    from kamdesk.ui.store_opening import OpenedStore

ORGANIZATION = "KAMdesk"
STYLE_SHEET = ("styles", "kamdesk.qss")  # in kamdesk.resources

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with KAMdesk's names, icon and look (reused if one exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(sections.app_icon())
    app.setStyle("Fusion")  # the same look on every system the KAMs use
    apply_style_sheet(app)
    collect_on_main_thread(app)  # Qt objects in cycles die on the UI thread, not a worker's
    # The wheel guard (a Python filter of every event) is installed by `build_window`:
    # before the first page, it made building and painting that page twice as slow.
    return app


def apply_style_sheet(app: QApplication) -> None:
    try:
        app.setStyleSheet(resource_files.read_text(*STYLE_SHEET))
    except OSError as error:
        log.warning("style sheet not loaded: %s", error)


def initial_store_path(db_path: Path, db_explicit: bool, preferences: Preferences) -> Path:
    """The store named on the command line, else the one opened last, else the default."""
    if db_explicit:
        return db_path
    last = preferences.last_store
    if last is not None and last.exists() and last.stat().st_size > 0:
        return last
    return db_path


def start_window(
    path: Path, explicit: bool, preferences: Preferences, language: LanguageSwitcher
) -> tuple[MainWindow, OpenedStore] | None:
    """The window on the store at `path`: the first page of clients painted at once,
    read-only, then the store opened (asking the user when it cannot be), the window
    built and shown in the first page's place. None when the user gave up."""
    first = first_page.show_first_page(path, preferences)
    from kamdesk.services.workspace import start_up_done
    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.store_dialogs import DialogPrompts
    from kamdesk.ui.store_opening import open_interactively

    prompts = first_page.ClosingPrompts(DialogPrompts(at_startup=True), first)
    try:
        try:
            opened = open_interactively(path, prompts, explicit=explicit)
        finally:
            start_up_done()
        if opened is None:
            return None
        window = build_window(opened, preferences, language)
    except BaseException:
        prompts.close_first_page()
        raise
    clients = window.section_page(SectionKey.CLIENTS)
    first_page.hand_over(prompts.first_page, window, getattr(clients, "model", None))
    return window, opened


def build_window(
    opened: OpenedStore, preferences: Preferences, language: LanguageSwitcher
) -> MainWindow:
    from kamdesk.ui.main_window import MainWindow
    from kamdesk.ui.pages import default_page_factories
    from kamdesk.ui.tasks import TaskRunner

    window = MainWindow(
        opened.workspace, TaskRunner(), preferences, language, default_page_factories()
    )
    if opened.moved_aside is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "App", "The damaged database was kept as {path}; a new one was created."
            ).format(path=opened.moved_aside)
        )
    # The wheel edits only a focused editor; installed once the window's widgets exist
    # (it fixes those it finds), so their building is not filtered event by event.
    input_guard.install_wheel_guard(QApplication.instance())  # type: ignore[arg-type]
    return window


def begin(
    window: MainWindow,
    opened: OpenedStore,
    preferences: Preferences,
    language: LanguageSwitcher,
    give_up: Callable[[], None] | None = None,
) -> None:
    """The window is on screen: once the store's quick check has passed (it may still
    run, kamdesk.store.probe.take_started_check), start the background work; if the
    check finds the store damaged, the damaged-store questions are asked as at
    start-up (nothing was written to it meanwhile: the store opens for writing only
    after the check) and the window is replaced by one on the store chosen then;
    `give_up` is called when the user quits there."""
    preferences.last_store = opened.workspace.path
    start_reminders_after_refresh(window)
    start_daily_backup_after_refresh(window)
    workspace = opened.workspace
    if not workspace.checking:
        try:
            workspace.wait_for_check()  # over already (or none): its answer at once
        except Exception as error:  # the damaged-store path below
            _check_failed(window, opened.workspace.path, error, preferences, language, give_up)
            return
        start_background_work(window, opened)
        return
    window.tasks.run(
        lambda _progress: workspace.wait_for_check(),
        lambda _result: start_background_work(window, opened),
        lambda error: _check_failed(window, workspace.path, error, preferences, language, give_up),
        owner=window,
    )


def _check_failed(
    window: MainWindow,
    path: Path,
    error: BaseException,
    preferences: Preferences,
    language: LanguageSwitcher,
    give_up: Callable[[], None] | None,
) -> None:
    from kamdesk.services.workspace import StoreError
    from kamdesk.ui.store_dialogs import DialogPrompts
    from kamdesk.ui.store_opening import open_interactively

    if not isinstance(error, StoreError):
        window.tasks.report(error)
        return
    log.warning("the store's check after start-up failed: %s", error)
    # The store was never opened for writing: its file is free once the window's
    # read-only connections are closed, and nothing waits to be written.
    window.sync.stop()
    window.tasks.discard_pending()
    window.workspace.close()
    opened = open_interactively(path, DialogPrompts(window, at_startup=True), explicit=True)
    if opened is None or opened.workspace.path != path:
        store_lock.release(path)
    window.hide()  # not closed: closing would ask the store for edits it never took
    window.deleteLater()
    if opened is None:
        if give_up is not None:
            give_up()
        return
    replacement = build_window(opened, preferences, language)
    replacement.show()
    begin(replacement, opened, preferences, language, give_up)


def start_background_work(window: MainWindow, opened: OpenedStore) -> None:
    """Start the slow jobs once the first page of clients is on screen: they import
    SQLAlchemy and would otherwise compete with the first paint for the GIL."""

    def start(_busy: bool = False) -> None:
        if opened.load_demo:
            window.load_demo()
        else:
            window.start_refresh()

    if window.tasks.is_idle():
        start()
    else:
        window.tasks.busy_changed.connect(start, Qt.ConnectionType.SingleShotConnection)
    # Once the first refresh has loaded SQLAlchemy and friends, everything allocated so
    # far lives as long as the app: take it out of the garbage collector's sweeps, which
    # otherwise paused typing in the search box by 50–100 ms now and then.
    window.refreshed.connect(gc.freeze, Qt.ConnectionType.SingleShotConnection)


def start_reminders_after_refresh(window: MainWindow) -> None:
    """Departure reminders need the visits services (and SQLAlchemy): start them once
    the first background refresh has loaded those, not during the first paint."""

    def install() -> None:
        from kamdesk.ui.visits.reminders import install_departure_reminders

        install_departure_reminders(window)

    window.refreshed.connect(install, Qt.ConnectionType.SingleShotConnection)


def start_daily_backup_after_refresh(window: MainWindow) -> None:
    """The automatic daily backup reads its setting through the SQLAlchemy store: it
    starts once the first background refresh has loaded that (see `start_reminders…`)."""
    from kamdesk.ui.database_commands import start_daily_backup

    window.refreshed.connect(
        lambda: start_daily_backup(window), Qt.ConnectionType.SingleShotConnection
    )


def _exit_failed() -> None:
    QCoreApplication.exit(1)


def run_gui(db_path: Path, db_explicit: bool) -> int:
    """Run the application; returns the exit code (1 when no store could be opened)."""
    app = create_application()
    with logging_to_file():
        reporter = error_reporting.install(app)
        try:
            return _run(app, db_path, db_explicit, reporter)
        finally:
            reporter.uninstall()


def _run(
    app: QApplication, db_path: Path, db_explicit: bool, reporter: error_reporting.ErrorReporter
) -> int:
    try:
        preferences = Preferences()
        language = LanguageSwitcher(app)
        language.apply(preferences.language)

        path = initial_store_path(db_path, db_explicit, preferences)
        started = start_window(path, db_explicit, preferences, language)
        if started is None:
            _release_store_locks()
            return 1
        # Quitting at the damaged-store question: once the event loop runs, exit(1).
        begin(*started, preferences, language, lambda: QTimer.singleShot(0, _exit_failed))
    except Exception as error:  # before the event loop runs, the hooks would be too late
        reporter.show_and_wait(error)
        _release_store_locks()
        return 1
    app.aboutToQuit.connect(_release_store_locks)
    try:
        return app.exec()
    finally:
        _release_store_locks()


def _release_store_locks() -> None:
    """Quitting: another KAMdesk window may open the stores now (kamdesk.ui.store_lock)."""
    store_lock.release_all()
