"""Commercial offers of the day: one from the dispensary's card, one from the Offers
section for a client chosen there. Each must be saved for, and printed to, that client.

«Новое КП…» in a card used to open locked to another account, and the PDF went
to that other account. What the KAM would notice is collected and reported
together at the end, so one wrong thing does not hide the next.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kamdesk.services.offers import OfferBook
from kamdesk.services.workspace import Workspace
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.offers import OfferEditor, OffersPage
from kamdesk.ui.offers.lines_model import QUANTITY
from kamdesk.ui.sections import SectionKey
from tests.ui.kam_day.input import (
    OFFSCREEN_NOTICES,
    activate,
    click,
    click_button,
    click_row,
    click_tab,
    double_click_row,
    pick_in_combo,
    shortcut,
    snapshot,
    wait_for_window,
)
from tests.ui.kam_day.steps import CTRL, DISPENSARY, find_and_open, pdf_text
from tests.ui.save_dialog import open_the_saved_file, save_in_the_file_dialog

pytestmark = OFFSCREEN_NOTICES
PRODUCT = "Риварокс-ВФ"  # an anticoagulant for the cardiology dispensary


def fill_and_save(qtbot: QtBot, editor: OfferEditor, quantity: str) -> None:
    """One line of the product with a typed quantity, the first reader ticked, Save."""
    click_tab(editor.tabs, "Lines")
    pick_in_combo(qtbot, editor.product, PRODUCT)
    click_button(editor, "Add line")
    assert editor.lines.rowCount() == 1
    cell = edit_quantity(editor, quantity)
    shortcut(cell, Qt.Key.Key_Tab)  # Tab stores the cell and moves on (Enter: see below)
    assert editor.lines.lines()[0].quantity == int(quantity)
    click_tab(editor.tabs, "Readers")
    assert editor.readers.rowCount() > 0, "the client's people are offered as readers"
    click_row(editor.readers_view, editor.readers.index(0, 0))
    shortcut(editor.readers_view, Qt.Key.Key_Space)
    snapshot(editor, "offer")
    click_button(editor, "Save")  # stored on a worker; the editor then deletes itself
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())


def edit_quantity(editor: OfferEditor, quantity: str) -> QWidget:
    """Double-click the first line's quantity and type over it; the cell's editor."""
    index = editor.lines.index(0, QUANTITY)
    double_click_row(editor.lines_view, index)
    cell = editor.lines_view.indexWidget(index)
    assert cell is not None and cell.hasFocus(), "the quantity is being edited"
    QTest.keyClicks(cell, quantity)  # the editor opens with its text selected
    return cell


def new_offer_ids(workspace: Workspace, before: set[uuid.UUID]) -> list[uuid.UUID]:
    return [row.id for row in OfferBook(workspace.store).list() if row.id not in before]


def saved_for(workspace: Workspace, offer_id: uuid.UUID, problems: list[str]) -> None:
    """The offer as stored: the dispensary's, with the line and the reader given."""
    view = OfferBook(workspace.store).get(offer_id)
    assert view is not None
    if view.row.account_name != DISPENSARY:
        problems.append(f"the offer was saved for {view.row.account_name!r}, not the dispensary")
    assert [line.quantity for line in view.draft.lines] == [24]
    assert PRODUCT in view.draft.lines[0].title
    assert len(view.draft.addressees) == 1


def test_an_offer_from_the_card_is_the_card_s_client_s(
    qtbot: QtBot, shown: MainWindow, workspace: Workspace
) -> None:
    problems: list[str] = []
    before = {row.id for row in OfferBook(workspace.store).list()}
    card = find_and_open(qtbot, shown, shown.tasks, "кардиол")
    click_tab(card.tabs, "Overview")
    click(card.overview.new_offer)
    editor = wait_for_window(qtbot, OfferEditor)
    if editor.account.currentText() != DISPENSARY:
        problems.append(f"«New offer» in the card names {editor.account.currentText()!r}")
    assert not editor.account.isEnabled(), "an offer made in a card is for its client"
    fill_and_save(qtbot, editor, "24")
    created = new_offer_ids(workspace, before)
    assert len(created) == 1, "one offer is saved"
    saved_for(workspace, created[0], problems)
    assert not problems, "\n".join(problems)


def test_an_offer_from_the_offers_section_goes_to_the_client_chosen_and_prints_so(
    qtbot: QtBot,
    shown: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    opened: list[QUrl] = []  # the system's PDF viewer is not started by a test
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    problems: list[str] = []
    before = {row.id for row in OfferBook(workspace.store).list()}
    shortcut(shown, Qt.Key.Key_3, CTRL)
    page = shown.section_page(SectionKey.OFFERS)
    assert isinstance(page, OffersPage)
    qtbot.waitUntil(page.isVisible)
    click_button(page, "New offer")
    editor = wait_for_window(qtbot, OfferEditor)
    if editor.account.isEnabled():
        pick_in_combo(qtbot, editor.account, DISPENSARY)
    else:
        problems.append(
            f"«New offer» in Offers is locked to {editor.account.currentText()!r}: "
            "the client cannot be chosen"
        )
    fill_and_save(qtbot, editor, "24")
    created = new_offer_ids(workspace, before)
    assert len(created) == 1, "one offer is saved"
    saved_for(workspace, created[0], problems)

    activate(qtbot, shown)
    view = OfferBook(workspace.store).get(created[0])
    assert view is not None
    listed = page.proxy
    rows = [r for r in range(listed.rowCount()) if listed.index(r, 0).data() == view.row.number]
    assert rows, "the new offer is listed"
    click_row(page.table, listed.index(rows[0], 0))
    snapshot(page, "offers")
    proposed: list[str] = []
    save_in_the_file_dialog(tmp_path / "offer.pdf", proposed)  # where the KAM keeps it
    with qtbot.waitSignal(page.pdf_ready, timeout=30_000) as ready:
        click_button(page, "PDF")
    path = Path(ready.args[0])
    try:
        assert view.row.number in Path(proposed[0]).name, "the offer's number is proposed"
        assert path == tmp_path / "offer.pdf"
        assert str(path) in shown.statusBar().currentMessage(), "the status bar says where"
        open_the_saved_file(page)
        assert [url.toLocalFile() for url in opened] == [str(path)], "the PDF is opened"
        text = pdf_text(path)
        if DISPENSARY not in text:
            problems.append("the PDF is not addressed to the dispensary")
        assert view.row.number in text
    finally:
        path.unlink(missing_ok=True)
    assert not problems, "\n".join(problems)


def test_enter_after_typing_a_quantity_keeps_it_and_does_not_save_the_offer(
    qtbot: QtBot, shown: MainWindow, workspace: Workspace
) -> None:
    """Enter ends the cell's edit, as in every table; it must not reach the dialog's
    default button (Save), which would store the offer with the quantity from
    before the edit."""
    before = {row.id for row in OfferBook(workspace.store).list()}
    card = find_and_open(qtbot, shown, shown.tasks, "кардиол")
    click_tab(card.tabs, "Overview")
    click(card.overview.new_offer)
    editor = wait_for_window(qtbot, OfferEditor)
    pick_in_combo(qtbot, editor.product, PRODUCT)
    click_button(editor, "Add line")
    cell = edit_quantity(editor, "24")
    shortcut(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.lines_view.indexWidget(editor.lines.index(0, QUANTITY)) is None)
    assert editor.isVisible(), "the offer is still being edited"
    assert editor.lines.lines()[0].quantity == 24
    assert new_offer_ids(workspace, before) == [], "nothing is saved before Save"
    click_button(editor, "Cancel")
