"""The main window: a sidebar of six sections, their pages, menus and status bar.

A section gets its page in one of two ways:
- `window.set_page_factory(SectionKey.VISITS, factory)`: `factory(context)`
  builds the page from a `PageContext` now and again whenever another store is
  opened (File ▸ Open), so the page always works on the open store;
- `window.set_section_page(SectionKey.VISITS, widget)`: put a ready widget in
  place (it is replaced by a "coming" page again only if its factory is reset).
A page may define `reload()` (after the data changed), `focus_search()` (Ctrl+F),
`save_state()` (on close) and its "new" command (Ctrl+N, kamdesk.ui.shortcuts).
The default factories live in `kamdesk.ui.pages`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.workspace import Workspace
from kamdesk.ui import database_commands, encryption_commands, error_reporting, sections
from kamdesk.ui.about import first_window_size, keep_on_screen, show_about
from kamdesk.ui.clients.who_creates import creation_refusal
from kamdesk.ui.coming_page import ComingPage
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.quit_guard import QuitGuard
from kamdesk.ui.salvage_command import SalvageCommand
from kamdesk.ui.sections import ALL_SECTIONS, MANAGER_SECTIONS, SectionKey
from kamdesk.ui.shortcuts import NEW_DATABASE_KEYS, NewItemAction
from kamdesk.ui.sync.controller import SyncController
from kamdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kamdesk.ui.language import LanguageSwitcher

WINDOW_NAME = "main_window"
DEMO_ACCOUNTS = 300


@dataclass(frozen=True)
class PageContext:
    """What a section page may use: the open store's services and the app's helpers."""

    workspace: Workspace
    tasks: TaskRunner
    preferences: Preferences
    window: MainWindow


PageFactory = Callable[[PageContext], QWidget]


class MainWindow(QMainWindow):
    workspace_changed = Signal()
    refreshed = Signal()  # derived figures were brought up to date and pages reloaded

    def __init__(
        self,
        workspace: Workspace,
        tasks: TaskRunner,
        preferences: Preferences,
        language: LanguageSwitcher | None = None,
        page_factories: Mapping[SectionKey, PageFactory] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(sections.app_icon())
        self._workspace = workspace
        self.tasks = tasks
        self.preferences = preferences
        self._language = language
        self._factories: dict[SectionKey, PageFactory] = dict(page_factories or {})
        self._pages: dict[SectionKey, QWidget] = {}
        self._buttons: dict[SectionKey, QToolButton] = {}
        self._quit_guard = QuitGuard(self, lambda: self._workspace.opened_store)
        # The application's reporter when `run_gui` installed one, else the window's own.
        self.errors = error_reporting.installed() or error_reporting.ErrorReporter(self)
        self.errors.suppressed.connect(self._error_repeated)
        tasks.set_error_reporter(self.show_error)

        self._stack = QStackedWidget(self)
        self._sidebar = self._build_sidebar()
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._sidebar)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self._unbuilt: set[SectionKey] = set()
        for key in ALL_SECTIONS:
            self._install_page(key, self._build_page(key, lazily=key != SectionKey.CLIENTS))

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        # Background office sync: status bar count and state, F9, every 5 minutes.
        self.sync = SyncController(workspace, tasks, self.statusBar(), self)
        self.sync.data_arrived.connect(self.reload_pages)
        self.sync.state_changed.connect(self._role_known)  # «Команда» for a manager only
        self._role_known(None)
        self.addAction(self.sync.action)
        self.show_section(SectionKey.CLIENTS)
        self._restore_geometry()
        self._retranslate()
        self._workspace_opened()
        self.encryption = encryption_commands.EncryptionCommands(self)  # File ▸ Encrypt…
        self.salvage = SalvageCommand(self)  # File ▸ Return unsent changes…
        self._start_sync_once_listed()

    # --- public API -----------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def section_page(self, key: SectionKey) -> QWidget:
        self._ensure_built(key)
        return self._pages[key]

    def set_section_page(self, key: SectionKey, page: QWidget) -> None:
        """Show `page` for section `key` in place of the current one (which is deleted)."""
        self._unbuilt.discard(key)
        self._install_page(key, page)

    def set_page_factory(self, key: SectionKey, factory: PageFactory) -> None:
        """Build section `key`'s page with `factory` when it is first shown, and again
        whenever another store is opened."""
        self._factories[key] = factory
        self._install_page(key, self._build_page(key, lazily=key in self._unbuilt))

    def current_section(self) -> SectionKey:
        for key, page in self._pages.items():
            if page is self._stack.currentWidget():
                return key
        return SectionKey.CLIENTS

    def show_section(self, key: SectionKey) -> None:
        self._ensure_built(key)
        self._stack.setCurrentWidget(self._pages[key])
        self._buttons[key].setChecked(True)

    def section_button(self, key: SectionKey) -> QToolButton:
        return self._buttons[key]

    def focus_search(self) -> None:
        """Ctrl+F: the current page's search, or the client search."""
        focus = getattr(self._stack.currentWidget(), "focus_search", None)
        if focus is None:
            self.show_section(SectionKey.CLIENTS)
            focus = getattr(self._pages[SectionKey.CLIENTS], "focus_search", None)
        if callable(focus):
            focus()

    def reload_pages(self) -> None:
        for page in self._pages.values():
            reload = getattr(page, "reload", None)
            if callable(reload):
                reload()

    def start_refresh(self) -> None:
        """Recompute next visits and, if stale, ABC/XYZ in the background, then reload."""
        self.statusBar().showMessage(self.tr("Updating next visits and ABC/XYZ classes…"))
        workspace = self._workspace
        self.tasks.run(
            lambda _progress: workspace.refresh(), lambda _result: self._refreshed(), owner=self
        )

    def start_reclassification(self) -> None:
        """After the thresholds changed: classify every account again."""
        from kamdesk.services import classification

        store = self._workspace.store
        self.statusBar().showMessage(self.tr("Reclassifying clients with the new thresholds…"))
        self.tasks.run(
            lambda _progress: classification.recompute(store),
            lambda _count: self._refreshed(),
            owner=self,
        )

    def load_demo(self, accounts: int = DEMO_ACCOUNTS) -> None:
        """Fill the (new, empty) store with the demo territory, showing progress."""
        database_commands.load_demo(self, accounts)

    def set_workspace(self, workspace: Workspace, then: Callable[[], None] | None = None) -> None:
        """Switch to another store: rebuild the pages on it and close the old one, then
        call `then`. Card edits still waiting for a busy store are asked about first, as
        on quitting; the switch (and `then`) follows the answer, maybe later."""
        self._save_page_states()  # open cards hand what is typed to their write queues
        if not self._quit_guard.may_leave(lambda: self.set_workspace(workspace, then)):
            return
        self.sync.stop()  # a running sync ends at its next step before the store closes
        self.tasks.discard_pending()
        old = self._workspace
        self._workspace = workspace
        shown = self.current_section()
        for key in ALL_SECTIONS:
            if key in self._factories:
                lazily = key not in (SectionKey.CLIENTS, shown)
                self._install_page(key, self._build_page(key, lazily=lazily))
        old.close()
        self._workspace_opened()
        self.sync.set_workspace(workspace)
        self.workspace_changed.emit()
        if then is not None:
            then()

    def may_leave_store(self, leave: Callable[[], None]) -> bool:
        """Before the open store is replaced under the window (a restored backup): open
        cards hand what is typed to their write queues, and edits still waiting for a
        busy store are asked about as on File ▸ Open. False: `leave()` is called later,
        once answered (or once the edits are stored)."""
        self._save_page_states()
        return self._quit_guard.may_leave(leave)

    def show_error(self, error: BaseException, trace: str = "") -> None:
        """Hand a failure to the one error path (`kamdesk.ui.error_reporting`): it is
        logged and shown in a dialog; background work that failed ends here."""
        self.statusBar().clearMessage()  # "Updating…" is not true any more
        self.errors.report(error, trace, parent=self)

    def _role_known(self, state: object) -> None:
        """Show the manager's sections only on a laptop enrolled with the manager role;
        there «New account» is off: the office takes new clients from KAMs only."""
        role = getattr(getattr(state, "overview", None), "role", "")
        manager, refusal = role == "manager", creation_refusal(role)
        clients = self.section_page(SectionKey.CLIENTS)
        for command in (self.new_account_action, getattr(clients, "new_button", None)):
            if command is not None:  # the office would refuse a client made here
                command.setEnabled(not refusal)
                command.setToolTip(refusal)
        for key in MANAGER_SECTIONS:
            self._buttons[key].setVisible(manager)
            self.section_actions[key].setEnabled(manager)
            if not manager and self.current_section() == key:
                self.show_section(SectionKey.CLIENTS)

    def _start_sync_once_listed(self) -> None:
        """Start the sync controller once the list has its first page and the window is
        painted: reading the sync state imports SQLAlchemy, the ORM and the protocol in a
        worker, half a second of Python holding the interpreter the UI thread waits for."""
        model = getattr(self.section_page(SectionKey.CLIENTS), "model", None)
        if model is None:
            self.sync.start()
        else:  # after the hand-over, which shows and paints the window at that moment
            model.after_loading(self.sync.start_soon)

    def _error_repeated(self, _error: object) -> None:
        self.statusBar().showMessage(
            self.tr("The error happened again; it was written to the log."), 10_000
        )

    # --- pages ----------------------------------------------------------------------

    def _build_page(self, key: SectionKey, lazily: bool = False) -> QWidget:
        """The section's page; with `lazily`, a blank stand-in until the section is first
        shown, so start-up does not pay for sections (and their imports) not yet opened."""
        factory = self._factories.get(key)
        if factory is None:
            self._unbuilt.discard(key)
            return ComingPage(key)
        if lazily:
            self._unbuilt.add(key)
            return QWidget()
        self._unbuilt.discard(key)
        page = factory(PageContext(self._workspace, self.tasks, self.preferences, self))
        message = getattr(page, "status_message", None)
        if message is not None:
            message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        return page

    def _ensure_built(self, key: SectionKey) -> None:
        if key in self._unbuilt:
            self._install_page(key, self._build_page(key))

    def _install_page(self, key: SectionKey, page: QWidget) -> None:
        old = self._pages.get(key)
        was_current = old is not None and self._stack.currentWidget() is old
        index = self._stack.indexOf(old) if old is not None else self._stack.count()
        self._stack.insertWidget(index, page)
        self._pages[key] = page
        if old is not None:
            self._stack.removeWidget(old)
            old.deleteLater()
        if was_current:
            self._stack.setCurrentWidget(page)

    def _save_page_states(self) -> None:
        for page in self._pages.values():
            save_state = getattr(page, "save_state", None)
            if callable(save_state):
                save_state()

    def _workspace_opened(self) -> None:
        self._db_label.setText(str(self._workspace.path))
        self._db_label.setToolTip(str(self._workspace.path))
        self.setWindowFilePath(str(self._workspace.path))
        self.reload_pages()
        backup = self._workspace.migrated_from_backup
        if backup is not None:
            self.statusBar().showMessage(
                self.tr(
                    "The database was upgraded to this version; a copy of the old one "
                    "is kept at {path}"
                ).format(path=backup)
            )

    def _refreshed(self) -> None:
        self.statusBar().clearMessage()
        self.reload_pages()
        self.refreshed.emit()

    # --- building -------------------------------------------------------------------

    def _build_sidebar(self) -> QFrame:
        sidebar = QFrame(self)
        sidebar.setObjectName("sidebar")
        layout = QVBoxLayout(sidebar)
        layout.setContentsMargins(8, 12, 8, 12)
        layout.setSpacing(2)
        group = QButtonGroup(sidebar)
        group.setExclusive(True)
        for number, key in enumerate(ALL_SECTIONS, start=1):
            button = QToolButton(sidebar)
            button.setObjectName(f"section_{key.value}")
            button.setProperty("sectionButton", True)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(sections.icon(key))
            button.setIconSize(QSize(22, 22))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, key=key: self.show_section(key))
            button.setProperty("shortcutNumber", number)
            group.addButton(button)
            layout.addWidget(button)
            self._buttons[key] = button
        layout.addStretch(1)
        sidebar.setFixedWidth(190)
        return sidebar

    def _build_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(lambda: database_commands.open_database(self))
        self.new_action = QAction(self)
        self.new_action.setShortcut(NEW_DATABASE_KEYS)  # Ctrl+N: the section's "new"
        self.new_item = NewItemAction(self, self._stack, self.current_section)
        self.new_action.triggered.connect(lambda: database_commands.new_database(self))
        self.backup_action = QAction(self)
        self.backup_action.setObjectName("createBackup")
        self.backup_action.triggered.connect(lambda: database_commands.create_backup(self))
        self.restore_action = QAction(self)
        self.restore_action.setObjectName("restoreFromBackup")
        self.restore_action.triggered.connect(lambda: database_commands.restore_backup(self))
        self.quit_action = QAction(self)
        # Windows has no standard Quit key: Ctrl+Q there too, as KAMs expect.
        self.quit_action.setShortcut(
            QKeySequence(QKeySequence.StandardKey.Quit)
            if QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
            else QKeySequence("Ctrl+Q")
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(lambda: show_about(self, self._workspace.path))
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_search)
        self.addAction(self.search_action)
        self.section_actions: dict[SectionKey, QAction] = {}
        for number, key in enumerate(ALL_SECTIONS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=key: self.show_section(key))
            self.addAction(action)
            self.section_actions[key] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_item.action)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.clients_menu = bar.addMenu("")
        self.new_account_action = self.clients_menu.addAction("")
        self.new_account_action.triggered.connect(lambda: self._clients_command("new_account"))
        self.merge_action = self.clients_menu.addAction("")
        self.merge_action.triggered.connect(lambda: self._clients_command("merge_selected"))
        bar.addAction(self.settings_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.new_item.shortcuts_action)
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        from kamdesk.ui.elided_label import ElidedLabel  # a long path must not widen the window

        self._db_label = ElidedLabel(parent=self)
        self._db_label.setObjectName("databasePath")
        self.statusBar().addPermanentWidget(self._db_label)

    # --- menu commands ------------------------------------------------------------

    def _clients_command(self, name: str) -> None:
        """New account / merge: the Clients page opens the dialog."""
        self.show_section(SectionKey.CLIENTS)
        command = getattr(self.section_page(SectionKey.CLIENTS), name, None)
        if callable(command):
            command()

    def open_settings(self) -> None:
        from kamdesk.ui.settings_dialog import SettingsDialog

        if self._language is None:
            return
        store = self._workspace.store_at_once()
        if store is None:  # the store's check runs on: no waiting for it on this thread
            self.statusBar().showMessage(self.tr("Checking the database… try again in a moment."))
            return
        dialog = SettingsDialog(self.preferences, self._language, store, self)
        dialog.analytics_changed.connect(self.start_reclassification)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- window state and language ----------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.preferences.geometry(WINDOW_NAME)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_window_size(self))
        else:
            keep_on_screen(self)  # saved on a larger screen, or above a smaller taskbar

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_page_states()  # open cards hand what is typed to their write queues
        if not self._quit_guard.may_close():  # edits wait for a busy store: asked first
            event.ignore()
            return
        self.preferences.set_geometry(WINDOW_NAME, self.saveGeometry())
        self.preferences.sync()
        self.sync.stop()
        self.tasks.discard_pending()
        self.sync.close_backend()
        self._workspace.close()
        super().closeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("KAMdesk"))
        for key, button in self._buttons.items():
            button.setText(sections.title(key))
            number = button.property("shortcutNumber")
            button.setToolTip(f"{sections.title(key)} (Ctrl+{number})")
        self.open_action.setText(self.tr("&Open database…"))
        self.new_action.setText(self.tr("&New database…"))
        self.backup_action.setText(self.tr("Create &backup"))
        self.restore_action.setText(self.tr("&Restore from backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.about_action.setText(self.tr("&About KAMdesk"))
        self.search_action.setText(self.tr("Find"))
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.clients_menu.setTitle(self.tr("&Clients"))
        self.new_account_action.setText(self.tr("&New account…"))
        self.merge_action.setText(self.tr("&Merge accounts…"))
        self.new_item.retranslate()
        self.sync.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
