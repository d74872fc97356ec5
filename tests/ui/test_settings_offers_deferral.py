"""Settings ▸ КП: the envelope's payment deferral by ABC class, typed by a user and saved
for the offers to check against (a class left at «—» takes «any class»)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from kamdesk.services.offers import OfferSettings, load_offer_settings, save_offer_settings
from kamdesk.store import Store
from kamdesk.ui.settings_offers import OffersSettingsTab
from tests.documents.offer_data import SUPPLIER, make_territory
from tests.ui.kam_day.input import OFFSCREEN_NOTICES, click, shortcut

pytestmark = OFFSCREEN_NOTICES


def _type(spin: QSpinBox, text: str) -> None:
    click(spin)
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, text)
    shortcut(spin, Qt.Key.Key_Tab)


def test_the_deferral_by_class_is_typed_and_saved(qtbot: QtBot, store: Store) -> None:
    make_territory(store, with_supplier=False)
    save_offer_settings(
        store,
        OfferSettings(supplier=SUPPLIER, envelope={"default": {"*": "5"}}),
    )
    tab = OffersSettingsTab(store)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    days = tab.deferral.days
    assert days["A"].text() == "—" and days["*"].value() == 0  # the envelope had none
    _type(days["A"], "60")
    _type(days["*"], "30")
    assert tab.save()
    saved = load_offer_settings(store)
    assert saved.envelope["deferral_days"] == {"A": 60, "*": 30}
    assert saved.envelope["default"] == {"*": "5"}  # the discounts stay
    assert (saved.max_deferral("A"), saved.max_deferral("B"), saved.max_deferral(None)) == (
        60,
        30,
        30,
    )
