"""Settings ▸ КП on a KAM's laptop: the office's requisites, envelope and tax system are
shown read-only (a KAM cannot widen their own envelope); a manager's laptop edits them,
the tax system included, and the change waits in the outbox for the office."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import ChangeLogEntry, ChangeStatus, SyncState
from kamdesk.services.offers import load_offer_settings
from kamdesk.store import Store
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.settings_dialog import SettingsDialog
from kamdesk.ui.settings_offers import OffersSettingsTab
from tests.documents.offer_data import make_territory

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def enrol_as(store: Store, role: str) -> None:
    with store.transaction() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.server_url, state.login, state.user_role = "https://office", "user", role


def office_changes(store: Store) -> list[ChangeLogEntry]:
    with store.session() as session:
        return list(
            session.scalars(
                select(ChangeLogEntry).where(
                    ChangeLogEntry.entity == "office_settings",
                    ChangeLogEntry.status == ChangeStatus.PENDING,
                )
            )
        )


def open_offers_tab(
    qtbot: QtBot, store: Store, preferences: Preferences, switcher: LanguageSwitcher
) -> tuple[SettingsDialog, OffersSettingsTab]:
    dialog = SettingsDialog(preferences, switcher, store)
    qtbot.addWidget(dialog)
    assert dialog.offers is not None
    dialog.tabs.setCurrentWidget(dialog.offers)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, dialog.offers


def double_click_cell(tab: OffersSettingsTab, row: int, column: int) -> None:
    table = tab.envelope.table
    item = table.item(row, column)
    assert item is not None
    center = table.visualItemRect(item).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)


def test_a_kams_laptop_shows_the_envelope_and_requisites_but_cannot_change_them(
    qtbot: QtBot, store: Store, preferences: Preferences, switcher: LanguageSwitcher
) -> None:
    make_territory(store)  # the letterhead, typed before the laptop was enrolled
    before = load_offer_settings(store)
    queued = len(office_changes(store))
    enrol_as(store, "kam")
    dialog, tab = open_offers_tab(qtbot, store, preferences, switcher)

    assert tab.office_note.isVisible()
    assert "set by the office" in tab.office_note.text()
    assert "manager" in tab.office_note.text()
    QTest.keyClicks(tab.fields["name"], " and partners")
    assert tab.fields["name"].text() == before.supplier.name
    tab.validity.setFocus()
    QTest.keyClick(tab.validity, Qt.Key.Key_Up)
    assert tab.validity.value() == before.validity_days
    double_click_cell(tab, 0, 2)  # the default envelope, class A
    assert tab.envelope.table.state() != tab.envelope.table.State.EditingState
    QTest.keyClicks(tab.envelope.table, "90")
    assert tab.envelope.table.item(0, 2).text() == "10"  # type: ignore[union-attr]
    assert not tab.envelope.add_group.isEnabled() and not tab.envelope.add_sku.isEnabled()
    assert not tab.vat_regime.isEnabled()

    QTest.mouseClick(tab.envelope.add_group, Qt.MouseButton.LeftButton)
    dialog.accept()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert load_offer_settings(store) == before
    assert len(office_changes(store)) == queued  # nothing new for the office


def test_a_managers_laptop_edits_the_tax_system_and_requisites_for_the_office(
    qtbot: QtBot, store: Store, preferences: Preferences, switcher: LanguageSwitcher
) -> None:
    make_territory(store)
    enrol_as(store, "manager")
    dialog, tab = open_offers_tab(qtbot, store, preferences, switcher)
    assert not tab.office_note.isVisible()
    assert tab.vat_regime.currentText().startswith("General system")

    tab.vat_regime.setFocus()
    QTest.keyClick(tab.vat_regime, Qt.Key.Key_Down)
    QTest.keyClick(tab.vat_regime, Qt.Key.Key_Down)
    assert "7 %" in tab.vat_regime.currentText()
    double_click_cell(tab, 0, 2)
    assert tab.envelope.table.state() == tab.envelope.table.State.EditingState
    editors = [e for e in tab.envelope.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1  # the cell's editor opened
    editor = editors[0]
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "12")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    cell = tab.envelope.table.item(0, 2)
    assert cell is not None
    qtbot.waitUntil(lambda: cell.text() == "12")  # the delegate commits on the next turn
    before = len(office_changes(store))
    dialog.accept()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = load_offer_settings(store)
    assert saved.vat_regime == "simplified_7"
    assert saved.envelope["default"]["A"] == "12"
    assert len(office_changes(store)) == before + 2  # the envelope and the tax system
