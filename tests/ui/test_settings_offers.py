"""The «КП» tab of Settings: requisites, envelope, logo and the manager override."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QLineEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from kamdesk.documents.logo import MAX_LOGO_BYTES
from kamdesk.services.offers import load_offer_settings, save_offer_settings
from kamdesk.store import Store
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.settings_dialog import SettingsDialog
from kamdesk.ui.settings_offers import OffersSettingsTab
from tests.documents.offer_data import make_territory

VALID = {
    "name": "ООО «Тверьфарм»",
    "inn": "7707083893",
    "kpp": "770701001",
    "address": "170100, г. Тверь, ул. Советская, д. 1",
    "phone": "+7 4822 55-01-02",
    "email": "office@tverpharm.ru",
    "bank_name": "ПАО Сбербанк",
    "bik": "044525225",
    "account": "40702810900000000001",
    "corr_account": "30101810400000000225",
    "signer_name": "Орлова Е. В.",
    "signer_title": "Менеджер по работе с ключевыми клиентами",
}


@pytest.fixture
def dialog(
    qtbot: QtBot, store: Store, preferences: Preferences, switcher: LanguageSwitcher
) -> SettingsDialog:
    make_territory(store, with_supplier=False)
    shown = SettingsDialog(preferences, switcher, store)
    qtbot.addWidget(shown)
    assert shown.offers is not None
    return shown


def _fill(dialog: SettingsDialog, **values: str) -> None:
    assert dialog.offers is not None
    for name, value in values.items():
        dialog.offers.fields[name].setText(value)


def test_supplier_and_envelope_are_saved(dialog: SettingsDialog, store: Store) -> None:
    tab = dialog.offers
    assert tab is not None
    _fill(dialog, **VALID)
    tab.validity.setValue(45)
    envelope = tab.envelope
    table = envelope.table
    table.item(0, 2).setText("12")  # default, class A
    row = envelope.add_row("groups")
    table.item(row, 1).setText("Кардиология")
    table.item(row, 3).setText("8,5")  # class B
    row = envelope.add_row("products")
    table.item(row, 1).setText("KM-75-100")
    table.item(row, 5).setText("3")  # any class

    dialog.accept()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = load_offer_settings(store)
    assert saved.supplier.inn == "7707083893" and saved.supplier.bik == "044525225"
    assert saved.supplier.signer_name == "Орлова Е. В."
    assert saved.validity_days == 45
    assert saved.max_discount("XX", "Прочее", "A") == Decimal("12")
    assert saved.max_discount("XX", "Кардиология", "B") == Decimal("8.5")
    assert saved.max_discount("KM-75-100", "Кардиология", "B") == Decimal("3")
    assert saved.supplier.missing() == []


def test_a_wrong_inn_is_explained_and_nothing_is_saved(
    dialog: SettingsDialog, store: Store
) -> None:
    tab = dialog.offers
    assert tab is not None
    before = load_offer_settings(store)
    _fill(dialog, **{**VALID, "inn": "7707083894"})  # last digit mistyped
    tab.validity.setValue(10)
    tab.envelope.table.item(0, 2).setText("20")

    dialog.accept()

    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "check digit" in tab.errors["inn"].text()
    assert not tab.errors["inn"].isHidden()
    assert tab.errors["kpp"].isHidden()
    assert dialog.tabs.currentWidget() is tab
    assert load_offer_settings(store) == before


def test_a_bad_envelope_row_is_refused(dialog: SettingsDialog, store: Store) -> None:
    tab = dialog.offers
    assert tab is not None
    before = load_offer_settings(store)
    row = tab.envelope.add_row("products")
    tab.envelope.table.item(row, 1).setText("NO-SUCH-SKU")
    dialog.accept()
    assert "no product with SKU NO-SUCH-SKU" in tab.errors["envelope"].text()
    tab.envelope.table.item(row, 1).setText("KM-75-100")
    tab.envelope.table.item(row, 2).setText("150")
    dialog.accept()
    assert "from 0 to 100" in tab.errors["envelope"].text()
    assert load_offer_settings(store) == before


def test_settings_have_no_manager_override(dialog: SettingsDialog) -> None:
    """Nobody approves their own discount: approval comes from the manager via the office."""
    tab = dialog.offers
    assert tab is not None
    assert not hasattr(tab, "override_on") and not hasattr(tab, "manager")
    texts = [box.title() for box in tab.findChildren(QGroupBox)]
    texts += [w.text() for w in tab.findChildren(QCheckBox)]
    assert not any("approv" in text.lower() for text in texts), texts


# Showing windows on the offscreen platform: notices about what it cannot do, not faults.
OFFSCREEN_NOTICES = pytest.mark.qt_log_ignore("This plugin does not support")


def _choose_in_file_dialog(button: QPushButton, path: Path) -> None:
    """Click `button`, then paste `path` into the file dialog it opens and press Enter.

    Pasted, not typed: typed a character at a time, Qt's dialog completes and
    selects every folder on the way, as it does for a person typing."""
    tries = 0

    def paste_path() -> None:
        nonlocal tries
        tries += 1
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and
             w.isVisible()),
            None,
        )  # fmt: skip
        if dialog is None:
            if tries < 200:  # the dialog is not up yet: look again shortly
                QTimer.singleShot(25, paste_path)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        if name is None:  # not Qt's own dialog: close it rather than hang, the test fails
            dialog.reject()
            return
        QApplication.clipboard().setText(str(path))
        QTest.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, paste_path)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # returns when the dialog has closed
    assert tries < 200, "no file dialog appeared"


def _image(path: Path, width: int = 40, height: int = 20) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d5fa8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


def _shown(dialog: SettingsDialog, qtbot: QtBot) -> OffersSettingsTab:
    tab = dialog.offers
    assert tab is not None
    dialog.show()
    dialog.tabs.setCurrentWidget(tab)
    qtbot.waitExposed(dialog)
    return tab


@OFFSCREEN_NOTICES
def test_the_chosen_logo_is_copied_beside_the_store(
    dialog: SettingsDialog, store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    tab = _shown(dialog, qtbot)
    source = _image(tmp_path / "incoming" / "logo.png")

    _choose_in_file_dialog(tab.choose_logo, source)

    assert tab.errors["logo_path"].isHidden()
    assert not tab.logo_preview.pixmap().isNull()
    _fill(dialog, **VALID)
    dialog.accept()
    kept = Path(load_offer_settings(store).supplier.logo_path)
    assert kept.is_file() and kept != source and kept.parent.parent.name == "attachments"
    source.unlink()  # the original may go; the PDF still has its copy
    assert kept.is_file()


@OFFSCREEN_NOTICES
@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("text", "This file is not a PNG or JPEG image."),
        ("broken_jpeg", "not an image that can be printed"),  # Qt would show it; PDFs fail
        ("wide", "5000 × 10 pixels"),
        ("huge_file", "at most 10 MB"),
    ],
)
def test_a_logo_that_would_not_print_is_refused_with_the_reason(
    dialog: SettingsDialog, store: Store, tmp_path: Path, qtbot: QtBot, kind: str, says: str
) -> None:
    tab = _shown(dialog, qtbot)
    folder = tmp_path / "incoming"
    if kind == "text":
        source = folder / "notes.png"
        folder.mkdir()
        source.write_text("hello")
    elif kind == "broken_jpeg":
        whole = _image(folder / "whole.jpg", 300, 200).read_bytes()
        source = folder / "logo.jpg"
        source.write_bytes(whole[: len(whole) // 2])
    elif kind == "wide":
        source = _image(folder / "banner.png", 5000, 10)
    else:
        source = _image(folder / "heavy.png", 40, 20)
        with source.open("ab") as file:  # a valid image with 10 MB of trailing bytes
            file.truncate(source.stat().st_size + MAX_LOGO_BYTES)

    _choose_in_file_dialog(tab.choose_logo, source)

    assert not tab.errors["logo_path"].isHidden()
    assert says in tab.errors["logo_path"].text()
    assert tab.logo_path == ""
    assert tab.logo_preview.text() == "—"
    _fill(dialog, **VALID)
    dialog.accept()
    assert load_offer_settings(store).supplier.logo_path == ""
    assert not (store.path.parent / "attachments").exists()


def test_a_saved_logo_that_broke_is_pointed_out(
    qtbot: QtBot,
    store: Store,
    preferences: Preferences,
    switcher: LanguageSwitcher,
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    make_territory(store, with_supplier=True)
    settings = load_offer_settings(store)
    broken = tmp_path / "old-logo.png"
    broken.write_text("not a picture any more")
    save_offer_settings(
        store, replace(settings, supplier=replace(settings.supplier, logo_path=str(broken)))
    )
    dialog = SettingsDialog(preferences, switcher, store)
    qtbot.addWidget(dialog)
    tab = dialog.offers
    assert tab is not None
    assert "The saved logo cannot be printed" in tab.errors["logo_path"].text()
    assert not tab.errors["logo_path"].isHidden()
    QTest.mouseClick(tab.clear_logo, Qt.MouseButton.LeftButton)
    assert tab.errors["logo_path"].isHidden() and tab.logo_path == ""
