"""A window restored on restart stays within the screen (window-offer-chart): a saved
geometry whose frame would reach past the available area's bottom is moved in, so the
status bar and the buttons at the bottom are not lost below a 768 px screen's edge."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kamdesk.services.workspace import open_workspace
from kamdesk.ui.main_window import WINDOW_NAME, MainWindow
from kamdesk.ui.pages import default_page_factories
from kamdesk.ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen


def test_a_restored_window_that_would_overflow_is_moved_into_the_screen(
    qtbot: QtBot, window: MainWindow, wait_idle: Callable[[TaskRunner], None]
) -> None:
    # The offscreen screen is 800×800; a frame of 747 px from y=78 ends at 825, past it,
    # as 25 px lower than the 728 px a first run filled goes past a laptop's taskbar.
    window.show()
    qtbot.waitExposed(window)
    window.setGeometry(2, 80, 700, 743)
    qtbot.waitUntil(lambda: window.geometry().top() == 80)
    available = window.screen().availableGeometry()
    assert window.frameGeometry().bottom() > available.bottom()  # what is saved overflows
    window.close()
    assert window.preferences.geometry(WINDOW_NAME) is not None

    again = MainWindow(
        open_workspace(window.workspace.path),
        window.tasks,
        window.preferences,
        page_factories=default_page_factories(),
    )
    qtbot.addWidget(again)
    wait_idle(again.tasks)
    again.show()
    qtbot.waitExposed(again)

    def within_height() -> bool:
        # Only the height: the window's least width is more than the offscreen 800 px.
        frame = again.frameGeometry()
        return available.top() <= frame.top() and frame.bottom() <= available.bottom()

    qtbot.waitUntil(within_height)
    assert again.frameGeometry().height() == 747  # moved up, not squeezed
