"""«Отмена» and Esc close the connect dialog at once, even while the office is asked, and
an abandoned attempt leaves nothing behind: no token, no office in the store."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from kamdesk.services.sync_status import read_overview
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.sync.credentials import Credentials
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sync.backend import OfficeBackend
from kamdesk.ui.sync.enrol_dialog import EnrolDialog
from kamdesk.ui.sync.page import SyncPage
from kamdesk.ui.tasks import TaskRunner
from tests.ui.sync.conftest import OFFSCREEN, PASSWORD, SERVER, Office

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers (until the test ends)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.05)  # closing does not wake a blocked accept(); a stop flag does
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    listener.close()
    for connection in held:  # the abandoned request ends now, not at its timeout
        connection.close()


def _open_dialog(qtbot, make_window, store: Store, http: httpx.Client | None, tokens: Credentials):
    window = make_window(Workspace(store.path, store))
    window.sync.use_backend(lambda ws: OfficeBackend(ws, http, tokens))
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.section_button(SectionKey.SYNC), LEFT)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.controller.state is not None)
    QTest.mouseClick(page.enrol_button, LEFT)
    dialog = page.findChild(EnrolDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return window, dialog


def _connect(dialog: EnrolDialog, server: str) -> None:
    for edit, text in (
        (dialog.server, server),
        (dialog.login, "sokolova"),
        (dialog.password, PASSWORD),
    ):
        edit.clear()
        QTest.keyClicks(edit, text)
    QTest.mouseClick(dialog.connect_button, LEFT)
    assert dialog.connect_button.text() == "Connecting…"


def _nothing_stored(store: Store, tokens_dir: Path) -> None:
    assert not read_overview(store).enrolled
    assert read_overview(store).server_url == ""
    assert not tokens_dir.exists() or not any(tokens_dir.iterdir())


@OFFSCREEN
def test_cancel_closes_the_dialog_while_a_silent_office_is_asked(
    qtbot, make_window, store: Store, tmp_path: Path, silent_server: str
) -> None:
    tokens = Credentials(tmp_path / "tokens", use_keyring=False)
    _window, dialog = _open_dialog(qtbot, make_window, store, None, tokens)
    _connect(dialog, silent_server)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    QTest.mouseClick(cancel, LEFT)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    _nothing_stored(store, tmp_path / "tokens")


@OFFSCREEN
def test_esc_abandons_an_enrolment_the_office_answers_later(
    qtbot,
    make_window,
    store: Store,
    office: Office,
    tmp_path: Path,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    office.user("sokolova", "Соколова Анна Игоревна")
    asked, gate = threading.Event(), threading.Event()

    def slow_office(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/enrol"):
            asked.set()
            gate.wait(10)
        answer = office.http.request(
            request.method, str(request.url), content=request.content, headers=request.headers
        )
        headers = {k: v for k, v in answer.headers.items() if k.lower() == "content-type"}
        return httpx.Response(answer.status_code, headers=headers, content=answer.content)

    http = httpx.Client(transport=httpx.MockTransport(slow_office))
    tokens = Credentials(tmp_path / "tokens", use_keyring=False)
    window, dialog = _open_dialog(qtbot, make_window, store, http, tokens)
    _connect(dialog, SERVER)
    qtbot.waitUntil(asked.is_set)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())

    gate.set()  # the office's welcome arrives after the KAM gave up
    wait_idle(tasks)
    _nothing_stored(store, tmp_path / "tokens")
    page = window.section_page(SectionKey.SYNC)
    assert page.connection.text() == "Not connected: this laptop works on its own"
    http.close()
