"""A real conflict: two laptops type the same contact's phone offline, both sync through a
real office; the second laptop's window shows the issue and «Взять их» settles it for both."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kamdesk.models import Account, AccountKind, Contact
from kamdesk.services.workspace import Workspace
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sync.backend import OfficeBackend
from kamdesk.ui.sync.page import SyncPage
from tests.server.conftest import office_url, postgres_cluster  # noqa: F401 - fixtures
from tests.sync.conftest import Laptop, Office, make_laptop, office  # noqa: F401
from tests.ui.sync.conftest import OFFSCREEN

LEFT = Qt.MouseButton.LeftButton


def _shared_contact(
    the_office: Office, make: Callable[..., Laptop]
) -> tuple[Laptop, Laptop, uuid.UUID]:
    """Two KAMs granted the same client, each on a laptop that has synced it."""
    the_office.user("anna", "Иванова Анна Сергеевна")
    the_office.user("boris", "Петров Борис Ильич")
    a, b = make("a"), make("b")
    a.enrol("anna")
    b.enrol("boris")
    with a.store.transaction() as session:
        account = Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
        session.flush()
        contact = Contact(account_id=account.id, surname="Петров", phone_mobile="+79001112233")
        session.add(contact)
        session.flush()
        account_id, contact_id = account.id, contact.id
    assert a.sync().rejected == 0
    the_office.grant("boris", account_id)
    b.sync()
    return a, b, contact_id


def _set_phone(laptop: Laptop, contact_id: uuid.UUID, phone: str) -> None:
    with laptop.store.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        contact.phone_mobile = phone


def _phone(laptop: Laptop, contact_id: object) -> str:
    with laptop.store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        return contact.phone_mobile


@OFFSCREEN
def test_taking_theirs_in_the_window_settles_a_conflict_for_both_laptops(
    qtbot,
    make_window,
    office: Office,  # noqa: F811 - the fixture
    make_laptop: Callable[..., Laptop],  # noqa: F811
) -> None:
    a, b, contact_id = _shared_contact(office, make_laptop)
    _set_phone(a, contact_id, "+79995554433")
    _set_phone(b, contact_id, "+79990001122")
    a.sync()  # A's value reaches the office first; B's arrives later and wins there

    window = make_window(Workspace(b.store.path, b.store))
    window.sync.use_backend(lambda ws: OfficeBackend(ws, office.http, b.client.credentials))
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(window.section_button(SectionKey.SYNC), LEFT)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.controller.state is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.mouseClick(page.sync_button, LEFT)
    qtbot.waitUntil(lambda: page.issues.model.rowCount() == 1, timeout=15_000)
    panel = page.issues.panel
    assert "Field: Mobile phone" in panel.heading.text()
    assert {panel.mine_line.text(), panel.theirs_line.text()} == {"+79990001122", "+79995554433"}
    theirs = panel.theirs_line.text()

    QTest.mouseClick(panel.take_theirs, LEFT)
    qtbot.waitUntil(lambda: page.issues.model.rowCount() == 0)
    assert _phone(b, contact_id) == theirs
    qtbot.waitUntil(lambda: window.sync.waiting_label.text() == "Waiting to be sent: 1")
    QTest.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.sync.waiting_label.text() == "Waiting to be sent: 0", timeout=15_000
    )
    qtbot.waitUntil(lambda: not window.sync.running)
    a.sync()
    assert _phone(a, contact_id) == theirs
