"""Switching the language relabels what is on screen; settings are remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountKind, AccountStatus, ClientType, DmuRole
from kamdesk.services.settings import load_analytics
from kamdesk.ui import labels
from kamdesk.ui.clients.model import Column
from kamdesk.ui.clients.page import ClientsPage
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language, Preferences
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.settings_dialog import SettingsDialog


def test_switching_the_language_relabels_the_window(
    window: MainWindow, switcher: LanguageSwitcher
) -> None:
    clients = window.section_button(SectionKey.CLIENTS)
    page = window.section_page(SectionKey.CLIENTS)
    assert isinstance(page, ClientsPage)
    assert clients.text() == "Clients"

    switcher.apply(Language.RUSSIAN)
    assert clients.text() == "Клиенты"
    assert window.section_button(SectionKey.OFFERS).text() == "КП"
    assert window.file_menu.title() == "&Файл"
    # Short enough to be whole at 1366 px; the header's tooltip says it in full.
    assert page.model.headerData(Column.NEXT_VISIT, Qt.Orientation.Horizontal) == "След. визит"
    tip = page.model.headerData(
        Column.NEXT_VISIT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "Следующий запланированный визит"
    assert page.filters.search.placeholderText() == "Название, город, ИНН, фамилия или телефон"
    assert page.count_label.text() == "6 из 6 клиентов"

    switcher.apply(Language.ENGLISH)
    assert clients.text() == "Clients"
    assert page.count_label.text() == "6 of 6 accounts"


def test_labels_in_russian(switcher: LanguageSwitcher) -> None:
    switcher.apply(Language.RUSSIAN)
    assert labels.label(AccountKind.HOSPITAL) == "ЛПУ / больница"
    assert labels.label(ClientType.BREADWINNER) == "Кормилец"
    assert labels.label(ClientType.IMAGE_MAKER) == "Имиджмейкер"
    assert labels.label(AccountStatus.AT_RISK) == "Под угрозой"
    assert labels.label(DmuRole.DECISION_MAKER).startswith("ЛПР")
    assert labels.label(None) == ""


def test_every_vocabulary_value_has_a_label() -> None:
    for enum_cls in (AccountKind, ClientType, AccountStatus, DmuRole):
        for member, text in labels.choices(enum_cls):
            assert text, member


def _choose_language(qtbot: QtBot, dialog: SettingsDialog, language: Language) -> None:
    """Pick `language` in the combo with the keyboard, as a KAM would."""
    combo = dialog.language_combo
    combo.setFocus()
    target = combo.findData(language)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        QTest.keyClick(combo, key)


def _click(dialog: SettingsDialog, button: QDialogButtonBox.StandardButton) -> None:
    pressed = dialog.buttons.button(button)
    assert pressed is not None
    QTest.mouseClick(pressed, Qt.MouseButton.LeftButton)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_language_choice_applies_at_once_and_is_remembered_on_ok(
    qtbot: QtBot, window: MainWindow, switcher: LanguageSwitcher, preferences: Preferences
) -> None:
    dialog = SettingsDialog(preferences, switcher, window.workspace.store, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Settings"
    _choose_language(qtbot, dialog, Language.RUSSIAN)
    assert dialog.windowTitle() == "Настройки"  # seen at once, before OK
    assert window.section_button(SectionKey.CLIENTS).text() == "Клиенты"
    _click(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert Preferences().language == Language.RUSSIAN  # read back from the INI file
    assert window.section_button(SectionKey.CLIENTS).text() == "Клиенты"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_cancel_puts_the_language_back(
    qtbot: QtBot, window: MainWindow, switcher: LanguageSwitcher, preferences: Preferences
) -> None:
    """A tester chose English, then pressed «Отмена»: the window stayed English and
    Settings said English the next time."""
    switcher.apply(Language.RUSSIAN)
    preferences.language = Language.RUSSIAN
    dialog = SettingsDialog(preferences, switcher, window.workspace.store, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _choose_language(qtbot, dialog, Language.ENGLISH)
    assert window.section_button(SectionKey.CLIENTS).text() == "Clients"
    _click(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert window.section_button(SectionKey.CLIENTS).text() == "Клиенты"
    assert Preferences().language == Language.RUSSIAN
    again = SettingsDialog(preferences, switcher, window.workspace.store, window)
    qtbot.addWidget(again)
    assert again.language_combo.currentData() == Language.RUSSIAN


def test_analytics_thresholds_are_saved_in_the_store(
    qtbot: QtBot, window: MainWindow, switcher: LanguageSwitcher, preferences: Preferences
) -> None:
    store = window.workspace.store
    dialog = SettingsDialog(preferences, switcher, store, window)
    qtbot.addWidget(dialog)
    assert dialog.abc_a.value() == 80
    dialog.abc_a.setValue(70)
    dialog.lost_days.setValue(150)
    dialog.analytics_changed.connect(window.start_reclassification)
    with qtbot.waitSignal(window.refreshed, timeout=20_000):  # classes recomputed, list reloaded
        dialog.accept()
    saved = load_analytics(store)
    assert (saved.abc_a_share, saved.lost_days) == (0.7, 150)
    qtbot.waitUntil(window.tasks.is_idle)


def test_inconsistent_thresholds_are_explained_not_saved(
    qtbot: QtBot, window: MainWindow, switcher: LanguageSwitcher, preferences: Preferences
) -> None:
    store = window.workspace.store
    dialog = SettingsDialog(preferences, switcher, store, window)
    qtbot.addWidget(dialog)
    dialog.at_risk_days.setValue(200)  # later than "lost" (120)
    dialog.accept()
    assert dialog.error_label.text() == "A client must be at risk before it counts as lost."
    assert load_analytics(store).at_risk_days == 60
