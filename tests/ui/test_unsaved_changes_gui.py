"""Esc, «Отмена» or the window's close never drops what was typed in the visit plan
or the offer editor without asking: «Сохранить изменения?» — save, don't save, or
go back with everything still there. Real key presses and clicks on the question.

QTest types ASCII only, so typed texts are English.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.services.accounts import AccountFilter
from kamdesk.services.offers import OfferBook
from kamdesk.services.visits import load_plan, visits_on_days
from kamdesk.services.workspace import Workspace
from kamdesk.ui.offers.editor import OfferEditor
from kamdesk.ui.visits.plan_dialog import PlanDialog
from tests.documents.offer_data import make_territory
from tests.ui.kam_day.input import LEFT, activate, button, click

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
Answer = QMessageBox.StandardButton


def _question(qtbot: QtBot) -> QMessageBox:
    """The «Save changes?» box that the last key press or click opened."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "unsavedChanges" and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[-1]


def _answer(qtbot: QtBot, answer: QMessageBox.StandardButton) -> None:
    box = _question(qtbot)
    QTest.mouseClick(box.button(answer), LEFT)
    qtbot.waitUntil(lambda: not _open_questions())


def _open_questions() -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _press_escape(dialog: QWidget) -> None:
    """Esc where the KAM types: the focused field (it passes Esc on to its dialog)."""
    focused = QApplication.focusWidget()
    target = focused if focused is not None and dialog.isAncestorOf(focused) else dialog
    QTest.keyClick(target, Qt.Key.Key_Escape)


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)


def _day_of(dialog: PlanDialog) -> date:
    shown = dialog.starts_at.date()
    return date(shown.year(), shown.month(), shown.day())


def _planned_for(workspace: Workspace, day: date) -> list[object]:
    return list(visits_on_days(workspace.store, day - timedelta(days=1), day + timedelta(days=1)))


def test_escape_on_a_changed_plan_asks_and_each_answer_does_what_it_says(
    qtbot, workspace, territory, tasks
) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    _shown(qtbot, dialog)
    day = _day_of(dialog)
    before = len(_planned_for(workspace, day))
    click(dialog.objective)
    QTest.keyClicks(dialog.objective, "Put the product on the tender list")

    _press_escape(dialog)
    assert _question(qtbot).text() == "Save changes?"
    _answer(qtbot, Answer.Cancel)  # «Вернуться»: back, with the text
    assert dialog.isVisible()
    assert dialog.objective.text() == "Put the product on the tender list"

    _press_escape(dialog)
    _answer(qtbot, Answer.Save)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.visit_id is not None
    assert load_plan(workspace.store, dialog.visit_id).objective == (
        "Put the product on the tender list"
    )
    assert len(_planned_for(workspace, day)) == before + 1


def test_cancel_on_a_changed_plan_can_throw_the_changes_away(
    qtbot, workspace, territory, tasks
) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    _shown(qtbot, dialog)
    day = _day_of(dialog)
    before = len(_planned_for(workspace, day))
    click(dialog.agenda)
    QTest.keyClicks(dialog.agenda, "Samples")
    click(button(dialog, "Cancel"))
    _answer(qtbot, Answer.Discard)  # «Не сохранять»
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(_planned_for(workspace, day)) == before


def test_an_unchanged_plan_closes_on_escape_without_a_question(
    qtbot, workspace, territory, tasks
) -> None:
    dialog = PlanDialog(workspace, account_id=territory["hospital"], tasks=tasks)
    _shown(qtbot, dialog)
    _press_escape(dialog)
    assert not dialog.isVisible()
    assert not _open_questions()


@pytest.fixture
def offer_workspace(store) -> Workspace:
    make_territory(store)
    return Workspace(store.path, store)


def test_the_offer_editor_asks_before_dropping_a_line_or_typed_terms(
    qtbot, offer_workspace
) -> None:
    account_id = offer_workspace.accounts.page(AccountFilter())[0].id
    editor = OfferEditor(offer_workspace, account_id=account_id)
    _shown(qtbot, editor)
    _press_escape(editor)  # nothing changed yet: no question
    assert not editor.isVisible() and not _open_questions()

    editor = OfferEditor(offer_workspace, account_id=account_id)
    _shown(qtbot, editor)
    click(button(editor, "Add line"))
    assert editor.lines.rowCount() == 1
    _press_escape(editor)
    _answer(qtbot, Answer.Cancel)
    assert editor.isVisible() and editor.lines.rowCount() == 1

    editor.tabs.setCurrentIndex(2)  # «Benefit and terms»
    click(editor.benefit)
    QTest.keyClicks(editor.benefit, "Saves the budget")
    editor.close()  # the close event the window's close button sends: the same question
    _answer(qtbot, Answer.Discard)  # «Не сохранять»
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert OfferBook(offer_workspace.store).list() == []

    editor = OfferEditor(offer_workspace, account_id=account_id)
    _shown(qtbot, editor)
    click(button(editor, "Add line"))
    _press_escape(editor)
    _answer(qtbot, Answer.Save)
    qtbot.waitUntil(lambda: not editor.isVisible())
    (saved,) = OfferBook(offer_workspace.store).list()
    assert saved.account_id == account_id and saved.lines_count == 1
