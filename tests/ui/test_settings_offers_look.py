"""Settings ▸ КП as it looks: the envelope table's headers are whole in Russian at the
dialog's own size, and on a KAM's laptop the read-only validity looks read-only."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from kamdesk.models import SyncState
from kamdesk.store import Store
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language, Preferences
from kamdesk.ui.settings_dialog import SettingsDialog
from tests.documents.offer_data import make_territory

OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")


def _shown(qtbot: QtBot, store: Store, preferences: Preferences, switcher: LanguageSwitcher):
    switcher.apply(Language.RUSSIAN)
    dialog = SettingsDialog(preferences, switcher, store)
    qtbot.addWidget(dialog)
    assert dialog.offers is not None
    dialog.tabs.setCurrentWidget(dialog.offers)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@OFFSCREEN
def test_the_envelope_headers_are_not_cut(
    qtbot: QtBot, store: Store, preferences: Preferences, switcher: LanguageSwitcher
) -> None:
    make_territory(store)
    dialog = _shown(qtbot, store, preferences, switcher)
    table = dialog.offers.envelope.table
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        caption = table.horizontalHeaderItem(column).text()
        needed = header.fontMetrics().horizontalAdvance(caption)
        assert header.sectionSize(column) >= needed, caption
    assert table.horizontalHeaderItem(1).text() == "Группа или артикул"
    assert dialog.width() <= 1366 and dialog.height() <= 768


@OFFSCREEN
def test_on_a_kams_laptop_the_validity_looks_read_only(
    qtbot: QtBot, store: Store, preferences: Preferences, switcher: LanguageSwitcher
) -> None:
    make_territory(store)  # the office's settings, then the laptop is a KAM's
    with store.transaction() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        state.user_role, state.login, state.server_url = "kam", "sokolova", "http://office"
    dialog = _shown(qtbot, store, preferences, switcher)
    validity = dialog.offers.validity
    assert validity.isReadOnly()
    assert validity.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons
    palette = validity.palette()
    assert palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)
