"""The main window: six sections, honest "coming" pages, shortcuts, status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kamdesk.services.workspace import Workspace
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.coming_page import ComingPage
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import WINDOW_NAME, MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.sections import SECTIONS, SectionKey
from kamdesk.ui.tasks import TaskRunner


def test_window_opens_with_six_sections(window: MainWindow) -> None:
    titles = [window.section_button(key).text() for key in SECTIONS]
    assert titles == ["Clients", "Visits", "Offers", "Products", "Analytics", "Sync"]
    assert window.current_section() == SectionKey.CLIENTS
    assert isinstance(window.section_page(SectionKey.CLIENTS), ClientsPage)


def test_unbuilt_sections_say_what_is_coming(
    qtbot: QtBot,
    workspace: Workspace,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
) -> None:
    factories = default_page_factories()
    del factories[SectionKey.ANALYTICS]  # a section without its page yet
    window = MainWindow(workspace, tasks, preferences, switcher, factories)
    qtbot.addWidget(window)
    page = window.section_page(SectionKey.ANALYTICS)
    assert isinstance(page, ComingPage)
    text = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Coming in a later version" in text
    assert "ABC" in text  # what the section will hold, in the KAM's terms


def test_ctrl_number_switches_sections(window: MainWindow) -> None:
    for number, key in enumerate(SECTIONS, start=1):
        action = window.section_actions[key]
        assert action.shortcut() == QKeySequence(f"Ctrl+{number}")
        action.trigger()
        assert window.current_section() == key
        assert window.section_button(key).isChecked()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_ctrl_f_focuses_the_client_search(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.show_section(SectionKey.ANALYTICS)
    assert window.search_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.search_action.trigger()
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    assert window.current_section() == SectionKey.CLIENTS
    qtbot.waitUntil(page.filters.search.hasFocus)


def test_a_later_issue_can_replace_a_section_page(window: MainWindow) -> None:
    window.show_section(SectionKey.VISITS)
    planner = QLabel("visit planner")
    window.set_section_page(SectionKey.VISITS, planner)
    assert window.section_page(SectionKey.VISITS) is planner
    assert window.current_section() == SectionKey.VISITS

    built = []

    def factory(context):  # type: ignore[no-untyped-def]
        built.append(context.workspace)
        return QLabel("products")

    window.set_page_factory(SectionKey.PRODUCTS, factory)
    assert built == [], "a section not shown yet is built when it is first shown"
    window.show_section(SectionKey.PRODUCTS)
    assert built == [window.workspace]
    assert window.section_page(SectionKey.PRODUCTS).text() == "products"


def test_status_bar_names_the_database_and_says_offline(window: MainWindow) -> None:
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert str(window.workspace.path) in texts
    assert "Not connected to the office" in texts


def test_menus(window: MainWindow) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Clients", "&Settings…", "&Help"]
    # (File ▸ Encrypt database… is there only for a plain store: tests/ui/test_encrypt_database.py)
    file_items = [a.text() for a in window.file_menu.actions() if a.isVisible()]
    file_items = [text for text in file_items if text]  # separators
    assert file_items == [
        "&New account…",  # Ctrl+N: "new" of the section shown (Clients at start)
        "&Open database…",
        "&New database…",
        "Create &backup",
        "&Restore from backup…",
        "Return &unsent changes from a copy…",
        "&Quit",
    ]


def test_a_first_window_is_never_larger_than_the_screen(window: MainWindow) -> None:
    # The offscreen screen (800×800) is smaller than the default 1400×850, as a
    # 1366×768 laptop is: the window must fit, or its status bar and buttons are lost.
    available = window.screen().availableGeometry()
    assert window.width() <= available.width()
    assert window.height() <= available.height()


def test_geometry_is_remembered(
    qtbot: QtBot, window: MainWindow, wait_idle: Callable[[TaskRunner], None]
) -> None:
    window.resize(720, 540)  # within the offscreen screen (800×800)
    window.close()
    assert window.preferences.geometry(WINDOW_NAME) is not None

    from kamdesk.services.workspace import open_workspace

    again = MainWindow(
        open_workspace(window.workspace.path),
        window.tasks,
        window.preferences,
        page_factories=default_page_factories(),
    )
    qtbot.addWidget(again)
    wait_idle(again.tasks)
    assert (again.width(), again.height()) == (720, 540)


def test_background_refresh_reloads_the_list(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        window.start_refresh()
    qtbot.waitUntil(window.tasks.is_idle)
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    assert page.model.rowCount() == 6


def test_the_window_starts_without_loading_sqlalchemy() -> None:
    """The first page is painted from the stdlib sqlite3 path; SQLAlchemy (≈0.3 s to
    import) loads in the background afterwards, so nothing the window imports may
    pull it in (a quit guard importing the card package once did)."""
    import subprocess
    import sys

    probe = (
        "import sys; import kamdesk.ui.app, kamdesk.ui.main_window; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')[:3])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]", result.stdout


def test_building_the_window_leaves_sqlalchemy_to_the_background(
    tmp_path: Path, migrated_template: Path
) -> None:
    """Building the main window imported the New account dialog (for a manager's «you
    may not create clients» hint), and with it the card, the ORM and SQLAlchemy: half
    a second on the UI thread between the first page and the window a KAM can use. The
    window is built, in a fresh process, without them; they load in the background."""
    import os
    import shutil
    import subprocess
    import sys

    path = tmp_path / "store.sqlite"
    shutil.copyfile(migrated_template, path)
    probe = (
        "import sys; from pathlib import Path\n"
        "from kamdesk.ui.app import create_application, build_window\n"
        "from kamdesk.ui.language import LanguageSwitcher\n"
        "from kamdesk.ui.preferences import Preferences\n"
        "from kamdesk.ui.store_opening import OpenedStore\n"
        "from kamdesk.services.workspace import open_workspace\n"
        "app = create_application(sys.argv[:1])\n"
        "preferences = Preferences()\n"
        f"opened = OpenedStore(open_workspace(Path({str(path)!r})))\n"
        "window = build_window(opened, preferences, LanguageSwitcher(app))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')[:3])\n"
        "import os; os._exit(0)\n"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=environment,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_window_closed_as_its_list_came_starts_no_sync(
    qtbot: QtBot,
    workspace: Workspace,
    tasks: TaskRunner,
    preferences: Preferences,
    switcher: LanguageSwitcher,
) -> None:
    """The sync starts once the client list has its first page, from the event loop; a
    KAM who quits at that very moment must not have it start afterwards on the closed
    store (the quit-during-background-work check caught it now and then)."""
    window = MainWindow(workspace, tasks, preferences, switcher, default_page_factories())
    qtbot.addWidget(window)
    clients = window.section_page(SectionKey.CLIENTS)
    assert isinstance(clients, ClientsPage) and clients.model.is_loading()
    window.show()
    closed: list[bool] = []

    def quit_now(loading: bool) -> None:  # File ▸ Quit as the first page arrives
        if not loading and not closed:
            closed.append(window.close())

    clients.model.loading_changed.connect(quit_now)
    qtbot.waitUntil(lambda: bool(closed))
    assert closed == [True]
    qtbot.wait(50)  # the event loop runs: a start asked for before the close would run now
    assert not window.sync.timer.isActive() and window.sync.state is None
