"""A translation catalogue rewritten on disk while the window is open (an update copied
over a running install) changes nothing on screen and crashes nothing: the catalogues
are read into memory when the language is applied, not mapped from their files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kamdesk import resource_files
from kamdesk.ui import language
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey


def test_a_catalogue_overwritten_on_disk_keeps_the_texts_loaded(
    qtbot: QtBot,
    window: MainWindow,
    switcher: LanguageSwitcher,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    installed = tmp_path / "translations"
    installed.mkdir()
    catalogue = installed / "kamdesk_ru.qm"
    shutil.copyfile(resource_files.path("translations", "kamdesk_ru.qm"), catalogue)
    monkeypatch.setattr(language.resource_files, "path", lambda *parts: installed / parts[-1])

    switcher.apply(Language.RUSSIAN)
    clients = window.section_button(SectionKey.CLIENTS)
    assert clients.text() == "Клиенты"

    # The update writes other bytes over the file (shorter, then garbage): a mapped
    # catalogue would be read past its new end on the next lookup.
    catalogue.write_bytes(b"\0" * 64)
    catalogue.write_bytes(bytes(range(256)) * 8)

    offers = window.section_button(SectionKey.OFFERS)
    QTest.mouseClick(offers, Qt.MouseButton.LeftButton)
    assert window.current_section() == SectionKey.OFFERS
    QTest.mouseClick(clients, Qt.MouseButton.LeftButton)
    assert window.current_section() == SectionKey.CLIENTS
    assert offers.text() == "КП"
    # A text not looked up before the file changed comes from the catalogue loaded.
    assert QCoreApplication.translate("VisitsPage", "Submit reports") == "Сдать отчёты"
    assert clients.text() == "Клиенты"
