"""The Visits section offscreen: plan through the dialog, the checklist turning green,
a report typed from the keyboard, a locked report, the export.

QTest types ASCII only (it aborts on other characters), so typed texts are English.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kamdesk.services.visits import (
    Readiness,
    Sentiment,
    VisitStatus,
    follow_ups,
    load_plan,
    report_draft,
    save_report,
    submit_reports,
    update_plan,
    visit_checklist,
)
from kamdesk.services.visits.workdays import add_working_days
from kamdesk.ui.visits import VisitsPage, actions
from kamdesk.ui.visits.checklist_view import ChecklistView
from kamdesk.ui.visits.common import at, local
from kamdesk.ui.visits.export_dialog import ExportDialog
from kamdesk.ui.visits.report_form import ReportForm
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit
from tests.ui.save_dialog import open_the_saved_file, save_in_the_file_dialog

# Showing a dialog on the offscreen platform logs this harmless notice.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def page(qtbot, workspace, tasks, wait_idle):
    view = VisitsPage(workspace, tasks, open_files=False)
    qtbot.addWidget(view)
    wait_idle(tasks)
    return view


def test_plan_a_visit_in_the_dialog_and_see_it_in_the_week(
    qtbot, page, territory, tasks, wait_idle, qtmodeltester
):
    start = at(page.current_day, time(16, 30), page.tz)
    dialog = actions.plan_new(page, territory["hospital"], start)  # deletes itself once saved
    assert not dialog.account.isEnabled()  # planned for this client
    assert dialog.attendees.count() == 2  # the hospital's two contacts
    dialog.attendees.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.objective.setText("Включить препарат в заявку")
    dialog.questions.setPlainText("Какие закупки планируете?\nЧто важно в КП?")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        assert dialog.save()  # saved off the UI thread; the week reloads when it is stored
    wait_idle(tasks)
    planned = [r for r in page.week.rows if r.starts_at == start]
    assert len(planned) == 1 and planned[0].objective == "Включить препарат в заявку"
    assert planned[0].readiness is not None  # the readiness colour is drawn on the block
    assert page.selected_id == planned[0].id
    plan = load_plan(page.workspace.store, planned[0].id)
    assert len(plan.attendee_ids) == 1 and len(plan.questions) == 2
    page.set_mode(0)
    assert page.day_model.row_of(planned[0].id) is not None
    qtmodeltester.check(page.day_model)
    page.set_mode(2)
    qtmodeltester.check(page.list_model)
    qtmodeltester.check(page.overdue.model_)


def test_keyboard_moves_through_days_and_weeks(page, tasks, wait_idle):
    today = page.today
    QTest.keyClick(page.week, Qt.Key.Key_PageDown)
    wait_idle(tasks)
    assert page.current_day == today + timedelta(days=7)
    QTest.keyClick(page.week, Qt.Key.Key_Left)
    assert page.current_day == today + timedelta(days=6)
    QTest.keyClick(page.week, Qt.Key.Key_T)
    wait_idle(tasks)
    assert page.current_day == today


def test_the_checklist_turns_green_as_the_plan_is_completed(qtbot, workspace, store):
    account = add_account(store, "ГБУЗ «Городская больница № 3»")
    contact = add_contact(store, account, psychotype=None)
    product = add_product(store)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    visit = add_visit(store, account, start)
    view = ChecklistView(workspace)
    qtbot.addWidget(view)
    view.show_visit(visit)
    before = view.checklist.summary
    assert before.level == Readiness.RED
    # Nobody knows when to leave (no coordinates of home): red, and the summary says why.
    assert "No travel time" in view.summary.text()
    failing = {item.key for item in view.checklist.failing}
    assert {"preparation.objective", "preparation.agenda"} <= failing
    # The fix link of a plan item asks for the plan at that field.
    with qtbot.waitSignal(view.fix_requested) as fix:
        assert view.request_fix("preparation.objective")
    assert fix.args[1:] == [visit, "objective"]

    plan = load_plan(store, visit)
    plan.objective, plan.agenda, plan.materials = "Ввод в формуляр", "1. Итоги. 2. КП", "Буклеты"
    plan.questions = ["Как вы выбираете?", "Что мешает?", "Какие планы на год?"]
    plan.attendee_ids, plan.product_ids, plan.travel_override_min = [contact], [product], 20
    update_plan(store, visit, plan)
    view.refresh()
    middle = view.checklist.summary
    assert middle.score > before.score
    # The contact's psychotype is missing: a fix link for the card, not the plan.
    psychotype = view.checklist.items_by_key[f"interrupting.psychotype:{contact}"]
    assert not psychotype.passed and psychotype.fix.kind == "contact"

    for item in view.checklist.failing:
        if item.kind.value == "reminder":
            view.confirm(item.key, True)
    after = view.checklist.summary
    assert after.score > middle.score
    # What is left is typed elsewhere (the contact's psychotype on the card): nearly ready.
    assert view.checklist is not None
    left = [item.key for item in view.checklist.failing]
    assert f"interrupting.psychotype:{contact}" in left and after.level == Readiness.AMBER
    items = "item" if len(left) == 1 else "items"
    assert f"nearly ready: {len(left)} {items} left" in view.summary.text()
    assert after == visit_checklist(store, visit).summary


def _past_visit(store):
    account = add_account(store, "Аптечная сеть «Здоровье»")
    contact = add_contact(store, account)
    product = add_product(store)
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    visit = add_visit(
        store,
        account,
        start,
        questions=["Какие объёмы?", "Когда тендер?"],
        attendee_ids=[contact],
        product_ids=[product],
        objective="Обсудить матрицу",
    )
    return account, visit


def test_a_report_typed_from_the_keyboard_is_stored_with_its_follow_ups(qtbot, workspace, store):
    account, visit = _past_visit(store)
    form = ReportForm(workspace, visit)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):  # shortcuts (Ctrl+Enter) go to the active window
        form.show()
        form.activateWindow()
    assert form.questions.count() == 2 and form.attendees.count() == 1
    # Space ticks the current line of a tick list.
    form.questions.setFocus()
    QTest.keyClick(form.questions, Qt.Key.Key_Space)
    form.attendees.setFocus()
    QTest.keyClick(form.attendees, Qt.Key.Key_Space)
    form.objective_reached.setFocus()
    QTest.keyClick(form.objective_reached, Qt.Key.Key_Down)  # "Yes"
    form.sentiment.setFocus()
    QTest.keyClick(form.sentiment, Qt.Key.Key_Down)  # the first mood: positive
    form.outcome.setFocus()
    QTest.keyClicks(form.outcome, "Pilot agreed in 5 pharmacies")
    form.new_objection.setFocus()
    QTest.keyClicks(form.new_objection, "No budget")
    QTest.keyClick(form.new_objection, Qt.Key.Key_Return)
    form.next_steps.add_button.setFocus()
    QTest.keyClick(form.next_steps.add_button, Qt.Key.Key_Space)
    QTest.keyClicks(form.next_steps.rows[0].title, "Send the offer")
    # The draft is kept while typing (the autosave's own timer calls this).
    assert form.save_draft()
    assert report_draft(store, visit).input.outcome == "Pilot agreed in 5 pharmacies"
    with qtbot.waitSignal(form.saved, raising=False) as saved:  # checked below
        QTest.keyClick(form.outcome, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [visit, True], form.problems.text()

    stored = report_draft(store, visit)
    assert stored.status == VisitStatus.REPORTED
    assert [q.asked for q in stored.input.questions] == [True, False]
    assert stored.input.attendees[0].attended
    assert stored.input.objective_reached is True
    assert any(o.text == "No budget" and o.heard for o in stored.input.objections)
    tasks = follow_ups(store, date.today(), account_id=account)
    assert [t.title for t in tasks] == ["Send the offer"]
    # A new step starts five working days after the visit (production calendar).
    assert tasks[0].due_on == add_working_days(local(stored.planned_start).date(), 5)


# The completer's popup on the offscreen platform logs these harmless notices too.
@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
def test_an_unplanned_product_and_attendee_are_added_from_the_keyboard(qtbot, workspace, store):
    account, visit = _past_visit(store)
    add_product(store, "Meropenem-KAM")
    add_contact(store, account, "Petrova", "Anna", "", position="Pharmacologist")
    form = ReportForm(workspace, visit)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    assert form.products.count() == 1 and form.attendees.count() == 1
    # Part of the name and Enter: the one product that matches is added, ticked.
    form.add_product.setFocus()
    QTest.keyClicks(form.add_product.lineEdit(), "merop")
    QTest.keyClick(form.add_product.lineEdit(), Qt.Key.Key_Return)
    assert form.products.count() == 2
    assert form.products.item(1).text() == "Meropenem-KAM (not planned)"
    assert form.products.item(1).checkState() == Qt.CheckState.Checked
    assert "Meropenem-KAM" not in form.add_product.options()  # not offered twice
    assert form.add_product.currentText() == ""
    form.add_attendee.setFocus()
    QTest.keyClicks(form.add_attendee.lineEdit(), "petrova")
    QTest.keyClick(form.add_attendee.lineEdit(), Qt.Key.Key_Return)
    assert form.attendees.count() == 2
    assert form.dirty  # the autosave will keep them
    assert form.save_draft()

    stored = report_draft(store, visit).input
    assert [(p.name, p.planned, p.discussed) for p in stored.products][1:] == [
        ("Meropenem-KAM", False, True)
    ]
    assert [(a.full_name, a.planned, a.attended) for a in stored.attendees][1:] == [
        ("Petrova Anna", False, True)
    ]


def test_escape_keeps_the_draft(qtbot, workspace, store):
    _account, visit = _past_visit(store)
    form = ReportForm(workspace, visit)
    qtbot.addWidget(form)
    QTest.keyClicks(form.agreements, "Call on Friday")
    QTest.keyClick(form, Qt.Key.Key_Escape)
    draft = report_draft(store, visit)
    assert draft.saved and draft.input.agreements == "Call on Friday"
    assert draft.status == VisitStatus.DONE  # a draft does not complete the report


def test_a_submitted_report_is_read_only_but_takes_addenda(qtbot, workspace, store):
    _account, visit = _past_visit(store)
    form = ReportForm(workspace, visit)
    qtbot.addWidget(form)
    form.objective_reached.setCurrentIndex(1)
    form.sentiment.setCurrentIndex(2)
    form.outcome.setPlainText("Договорились")
    assert form.save_final(), form.problems.text()
    submit_reports(store, [visit])
    locked = ReportForm(workspace, visit)
    qtbot.addWidget(locked)
    assert locked.draft.locked
    assert locked.outcome.isReadOnly() and not locked.questions.isEnabled()
    assert locked.save_button.isHidden() and not locked.addendum_box.isHidden()
    assert not locked.save_final()
    locked.addendum.setPlainText("Клиент перенёс пилот на март")
    assert locked.add_addendum()
    assert "пилот на март" in locked.addenda.text()
    assert report_draft(store, visit).input.outcome == "Договорились"


def test_the_export_dialog_writes_an_xlsx(qtbot, workspace, store, tasks, tmp_path: Path):
    _account, visit = _past_visit(store)
    report = report_draft(store, visit).input
    report.objective_reached, report.outcome = True, "Договорились"
    report.sentiment = Sentiment.POSITIVE
    assert save_report(store, visit, report, final=True).saved
    submit_reports(store, [visit])
    day = local(datetime.now(UTC)).date()
    dialog = ExportDialog(workspace, tasks, day - timedelta(days=7), day, open_files=False)
    qtbot.addWidget(dialog)
    target = tmp_path / "visits.xlsx"
    assert dialog.format.currentData() == "xlsx"
    with qtbot.waitSignal(dialog.written, timeout=20_000) as written:
        assert dialog.start_export(target)
    assert written.args[0] == target
    from openpyxl import load_workbook

    book = load_workbook(target)
    text = " ".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell
    )
    assert "Аптечная сеть «Здоровье»" in text
    # Submitted is handed in, not sent: nothing reaches the manager before office sync.
    assert "отчёт сдан" in text and "Отчёт сдан" in text
    folded = text.casefold()
    assert "отправлен руководителю" not in folded and "отчёт отправлен" not in folded
    assert "отчёты отправлены" not in folded


def test_the_brief_button_says_which_characters_the_brief_lacks(
    qtbot, workspace, store, tasks, wait_idle, monkeypatch: pytest.MonkeyPatch, tmp_path
):
    """A client named with an emoji: «Brief PDF» asks where to save the brief (its
    name proposed), writes it, offers to open it, and the page says under «Brief
    ready» that the emoji is printed as «?», without a dialog."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication

    from tests.ui.kam_day.input import snapshot

    opened: list[QUrl] = []  # the system's PDF viewer is not started by a test
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    account = add_account(store, "Клиника «Улыбка 😀»")
    today = local(datetime.now(UTC)).date()
    visit = add_visit(store, account, at(today, time(12, 0)), objective="Формуляр")
    page = VisitsPage(workspace, tasks, open_files=True)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(tasks)
    QTest.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=_block_centre(page, visit))
    assert page.selected_id == visit
    proposed: list[str] = []
    save_in_the_file_dialog(tmp_path / "brief.pdf", proposed)
    with qtbot.waitSignal(page.brief_ready, timeout=30_000) as ready:
        QTest.mouseClick(page.buttons["brief"], Qt.MouseButton.LeftButton)

    path = Path(ready.args[0])
    try:
        assert path == tmp_path / "brief.pdf"
        assert Path(proposed[0]).name == f"Brief — Клиника «Улыбка 😀» — {today:%d.%m.%Y}.pdf"
        assert path.read_bytes().startswith(b"%PDF")
        assert opened == [], "opened only when asked"
        open_the_saved_file(page)
        assert [url.toLocalFile() for url in opened] == [str(path)], "the brief is opened"
        note = page.note
        assert note.isVisible() and note.visibleRegion().boundingRect().width() > 0
        assert str(path) in note.text()
        assert "😀" in note.text() and "«?»" in note.text(), "the missing character is named"
        # A long warning wraps: the window keeps its width and every button stays in view.
        QApplication.processEvents()  # the layout's pending resize
        assert page.width() == 1280 and page.minimumSizeHint().width() < 1280
        snapshot(page, "brief-warnings")
    finally:
        path.unlink(missing_ok=True)


def _block_centre(page: VisitsPage, visit_id):
    rect = page.week.block_rect(visit_id)
    assert rect is not None, "the visit is not in the week shown"
    return rect.center().toPoint()


# A dialog and a combo's popup on the offscreen platform log these harmless notices.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_managers_pdf_says_which_characters_it_lacks(
    qtbot, workspace, store, tasks, tmp_path: Path
):
    """An outcome typed with an emoji: the manager's PDF is written and «Written» is
    followed by the warning that the emoji is printed as «?»."""
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.ui.kam_day.input import pick_in_combo

    _account, visit = _past_visit(store)
    report = report_draft(store, visit).input
    report.objective_reached, report.outcome = True, "Договорились 👍🏽"
    report.sentiment = Sentiment.POSITIVE
    assert save_report(store, visit, report, final=True).saved
    day = local(datetime.now(UTC)).date()
    dialog = ExportDialog(workspace, tasks, day - timedelta(days=7), day, open_files=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pick_in_combo(qtbot, dialog.format, "PDF")
    target = tmp_path / "visits.pdf"
    save_in_the_file_dialog(target)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.written, timeout=20_000) as written:
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)

    assert written.args[0] == target and target.read_bytes().startswith(b"%PDF")
    assert dialog.note.isVisible()
    assert str(target) in dialog.note.text()
    assert "👍🏽" in dialog.note.text() and "«?»" in dialog.note.text()


def test_switching_the_language_relabels_the_page(page, switcher):
    from kamdesk.ui.language import Language

    switcher.apply(Language.RUSSIAN)
    assert page.buttons["new"].text() == "Новый визит (N)"
    assert page.side.tabText(0) == "Чек-лист"
    switcher.apply(Language.ENGLISH)
    assert page.buttons["new"].text() == "New visit (N)"
    assert page.side.tabText(0) == "Checklist"
