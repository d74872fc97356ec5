"""What the Visits page does with the selected visit: open its plan or report, brief,
mark held, reschedule, cancel, undo a status change, order the day's route, submit,
export, follow a fix link.

Functions of the page rather than methods, to keep page.py about layout and navigation.
Prompts (reason, new time, confirmation) can be answered by the caller, as tests do.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from kamdesk.services.visits import (
    VisitError,
    VisitRow,
    VisitStatus,
    apply_route,
    brief_content,
    cancel_visit,
    mark_done,
    needs_held_time,
    reschedule_visit,
    submit_reports,
    suggest_route,
    undo_status_change,
)
from kamdesk.ui.changes import Change, announce
from kamdesk.ui.formatting import is_russian
from kamdesk.ui.printed_note import show_printed
from kamdesk.ui.saved_files import ask_save_path, offer_to_open
from kamdesk.ui.visits.cancel_dialog import CancelDialog
from kamdesk.ui.visits.common import (
    local,
    message_text,
    messages_text,
    status_label,
)
from kamdesk.ui.visits.export_dialog import ExportDialog
from kamdesk.ui.visits.free_slot import slot_for_new
from kamdesk.ui.visits.held_dialog import HeldTimeDialog
from kamdesk.ui.visits.plan_dialog import PlanDialog, open_plan_dialog
from kamdesk.ui.visits.report_form import ReportForm, open_report_form
from kamdesk.ui.visits.reschedule_dialog import RescheduleDialog
from kamdesk.ui.visits.route_dialog import RouteDialog
from kamdesk.ui.visits.undo import StatusChange

if TYPE_CHECKING:
    from kamdesk.documents.printed import PrintedFile
    from kamdesk.ui.visits.page import VisitsPage


def _warn(page: VisitsPage, error: VisitError) -> None:
    QMessageBox.warning(
        page, QCoreApplication.translate("VisitsPage", "Visits"), messages_text(error.messages)
    )


def plan_new(
    page: VisitsPage, account_id: uuid.UUID | None = None, start: datetime | None = None
) -> PlanDialog:
    dialog = open_plan_dialog(
        page, page.workspace, page.tasks, account_id, start or slot_for_new(page)
    )
    dialog.saved.connect(lambda visit_id: _saved(page, visit_id))
    return dialog


def edit_plan(page: VisitsPage, visit_id: uuid.UUID, place: str | None = None) -> PlanDialog:
    dialog = open_plan_dialog(page, page.workspace, page.tasks, visit_id=visit_id, place=place)
    dialog.saved.connect(lambda saved_id: _saved(page, saved_id))
    return dialog


def _saved(page: VisitsPage, visit_id: uuid.UUID) -> None:
    page.selected_id = visit_id
    page.reload()


def open_selected(page: VisitsPage) -> PlanDialog | ReportForm | None:
    """The plan of a visit still ahead, the report of one that has begun."""
    row = page.selected()
    if row is None or row.status in (VisitStatus.CANCELLED, VisitStatus.RESCHEDULED):
        return None
    if row.status == VisitStatus.PLANNED and row.starts_at > datetime.now(UTC):
        return edit_plan(page, row.id)
    return open_report(page, row.id)


def open_report(page: VisitsPage, visit_id: uuid.UUID) -> ReportForm:
    form = open_report_form(page, page.workspace, visit_id)

    def saved(_visit_id: object, final: bool) -> None:
        if final:  # the visit became "reported": one more change Undo can take back
            announce(Change.VISIT, form.draft.account_id)  # its card's timeline follows
            page.history.record(
                StatusChange(
                    visit_id, form.draft.account_name, VisitStatus.REPORTED, form.draft.is_call
                )
            )
            page.show_status([visit_id], VisitStatus.REPORTED)
            page.reload()

    form.saved.connect(saved)
    form.finished.connect(lambda _result: page.reload())
    return form


def fix(page: VisitsPage, kind: str, target_id: uuid.UUID, place: str) -> None:
    """A checklist fix link: the visit's own plan here; the card, the product or the
    offer through `page.fix_requested` (wired in kamdesk.ui.pages)."""
    if kind == "visit":
        edit_plan(page, target_id, place)
    else:
        page.fix_requested.emit(kind, target_id, place)


def brief_pdf(page: VisitsPage, target: Path | None = None) -> None:
    """Ask where to save the pre-call brief (unless `target` is given), write it in
    the background, then offer to open it."""
    row = page.selected()
    if row is None or row.status != VisitStatus.PLANNED:
        page.note.setText(
            QCoreApplication.translate("VisitsPage", "Select a planned visit for its brief.")
        )
        return
    from kamdesk.documents.visits.brief_pdf import print_brief

    asked = target is None
    if target is None:
        name = QCoreApplication.translate("VisitsPage", "Brief — {client} — {date}.pdf").format(
            client=row.account_name, date=local(row.starts_at, page.tz).strftime("%d.%m.%Y")
        )
        caption = QCoreApplication.translate("VisitsPage", "Save the brief")
        target = ask_save_path(page, caption, name, "PDF (*.pdf)", kind="brief")
        if target is None:
            return
    store, tz, visit_id, path = page.workspace.store, page.tz, row.id, target
    language = "ru" if is_russian() else "en"
    page.status_message.emit(QCoreApplication.translate("VisitsPage", "Writing the brief…"))

    def work(_progress: object) -> PrintedFile:
        return print_brief(brief_content(store, visit_id, tz), path, language, message_text)

    def done(printed: PrintedFile) -> None:
        written = printed.path
        ready = QCoreApplication.translate("VisitsPage", "Brief ready: %1")
        page.status_message.emit(ready.replace("%1", str(written)))
        page.note.setText("")
        if printed.warnings:  # what the KAM should look at in it, under the buttons
            show_printed(page.note, ready.replace("%1", str(written)), printed)
        page.brief_ready.emit(written)
        if asked:
            title = QCoreApplication.translate("VisitsPage", "Brief ready")
            offer_to_open(page, written, title, really_open=page.open_files)
        elif page.open_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

    page.tasks.run(work, done, owner=page)


def _status_changed(page: VisitsPage, row: VisitRow, status: VisitStatus) -> None:
    page.history.record(StatusChange(row.id, row.account_name, status, row.is_call))
    announce(Change.VISIT, row.account_id)
    page.selected_id = row.id
    page.show_status([row.id], status)
    page.reload()


def mark_held(page: VisitsPage) -> HeldTimeDialog | None:
    """A visit whose time has come is held at once; one planned for later first asks
    when it was held (the dialog is opened and returned, the KAM answers it)."""
    row = page.selected()
    if row is None or row.status != VisitStatus.PLANNED:
        page.status_message.emit(
            QCoreApplication.translate("VisitsPage", "Select a planned visit to mark it held.")
        )
        return None
    if needs_held_time(row.starts_at):
        view = _keyboard_view(page)
        dialog = HeldTimeDialog(page.workspace, row, page, page.tz)
        dialog.held.connect(lambda _id: _status_changed(page, row, VisitStatus.DONE))
        dialog.finished.connect(lambda _result: _give_keyboard_back(page, view))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog
    try:
        mark_done(page.workspace.store, row.id)
    except VisitError as error:
        _warn(page, error)
        page.reload()
        return None
    _status_changed(page, row, VisitStatus.DONE)
    return None


def undo_last(page: VisitsPage) -> bool:
    """Edit ▸ Undo of the page: take back the newest status change made here."""
    change = page.history.last()
    if change is None:
        page.status_message.emit(QCoreApplication.translate("VisitsPage", "Nothing to undo."))
        return False
    return _undo(page, change)


def undo_visit(page: VisitsPage, row: VisitRow) -> bool:
    """The context menu's Undo: take back this visit's last status change."""
    return _undo(page, StatusChange(row.id, row.account_name, row.status, row.is_call))


def _undo(page: VisitsPage, change: StatusChange) -> bool:
    # Forgotten first: a change that cannot be undone now will not become undoable.
    page.history.forget(change.visit_id, change.status)
    try:
        status = undo_status_change(page.workspace.store, change.visit_id, change.status)
    except VisitError as error:
        _warn(page, error)
        page.reload()
        return False
    if change.is_call:
        said = QCoreApplication.translate("VisitsPage", "%1: undone, the call is «%2» again.")
    else:
        said = QCoreApplication.translate("VisitsPage", "%1: undone, the visit is «%2» again.")
    page.status_message.emit(
        said.replace("%1", change.account_name).replace("%2", status_label(status))
    )
    page.selected_id = change.visit_id
    announce(Change.VISIT, None)  # whose it was is not kept: every open card looks
    page.show_status([change.visit_id], status)
    page.reload()
    return True


def _keyboard_view(page: VisitsPage) -> QWidget:
    """Where the page has the keyboard (a view of the calendar, most often), else the
    calendar shown: where it goes back when a prompt closes."""
    focus = QApplication.focusWidget()
    if focus is not None and page.isAncestorOf(focus):
        return focus
    return page.stack.currentWidget() or page


def _give_keyboard_back(page: VisitsPage, view: QWidget) -> None:
    """Once a prompt closed: the page's window active and the keyboard on `view` again,
    so the page's keys work at once, Ctrl+Z first (undo what was just done). Without
    this they waited for a click in the calendar wherever the window manager gives
    the window back neither activation nor focus."""
    if not page.isVisible():
        return
    if not (isValid(view) and view.isVisible() and page.isAncestorOf(view)):
        view = page.stack.currentWidget() or page
    page.activateWindow()
    view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def ask_new_start(page: VisitsPage, row: VisitRow) -> datetime | None:
    """The new start of `row`, asked with the visit named; None when cancelled."""
    view = _keyboard_view(page)
    dialog = RescheduleDialog(row, page.tz, page)
    new_start = dialog.new_start() if dialog.exec() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    _give_keyboard_back(page, view)
    return new_start


def ask_reason(page: VisitsPage, row: VisitRow) -> str | None:
    """Why `row` is cancelled (never empty: the dialog waits for it); None when the
    KAM keeps the visit after all."""
    view = _keyboard_view(page)
    dialog = CancelDialog(row, page)
    reason = dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    _give_keyboard_back(page, view)
    return reason


def reschedule(page: VisitsPage, new_start: datetime | None = None) -> uuid.UUID | None:
    row = page.selected()
    if row is None or row.status != VisitStatus.PLANNED:
        return None
    new_start = new_start or ask_new_start(page, row)
    if new_start is None:
        return None
    try:
        new_id = reschedule_visit(page.workspace.store, row.id, new_start)
    except VisitError as error:
        _warn(page, error)
        return None
    page.history.record(
        StatusChange(row.id, row.account_name, VisitStatus.RESCHEDULED, row.is_call)
    )
    announce(Change.VISIT, row.account_id)
    _saved(page, new_id)
    return new_id


def cancel(page: VisitsPage, reason: str | None = None) -> bool:
    row = page.selected()
    if row is None or row.status != VisitStatus.PLANNED:
        return False
    reason = reason if reason is not None else ask_reason(page, row)
    if reason is None:
        return False
    try:
        cancel_visit(page.workspace.store, row.id, reason)
    except VisitError as error:
        _warn(page, error)
        return False
    _status_changed(page, row, VisitStatus.CANCELLED)
    return True


def order_route(page: VisitsPage) -> RouteDialog | None:
    """Show the shortest order of the selected visit's day (else the day in view); the
    visits move only when the KAM accepts."""
    plan = suggest_route(page.workspace.store, page.route_day(), tz=page.tz)
    if not plan.stops:
        page.status_message.emit(
            QCoreApplication.translate(
                "VisitsPage", "No planned visits with an address on this day."
            )
        )
        return None
    dialog = RouteDialog(plan, page, page.tz)

    def accepted() -> None:
        try:
            apply_route(page.workspace.store, dialog.plan)
        except VisitError as error:
            _warn(page, error)
        page.reload()

    dialog.accepted.connect(accepted)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog


class SubmitTexts(QObject):
    """The submit texts with their counts as Qt numerus forms (Russian: 1 отчёт,
    3 отчёта, 5 отчётов). Through `tr` because lupdate marks a count only there: from
    QCoreApplication.translate it took them as plain texts, or not at all."""

    def question(self, count: int) -> str:
        return self.tr(
            "Submit %n report(s)? They will be sent to the manager at the next sync "
            "and cannot be edited afterwards.",
            "",
            count,
        )

    def submitted(self, count: int) -> str:
        return self.tr(
            "%n report(s) submitted; they will be sent to the manager at the next sync.",
            "",
            count,
        )


def submit(page: VisitsPage, confirm: bool = True) -> int:
    """Hand in the selected completed reports, all or none. Nothing can reach the
    manager before office sync exists, so the words say when they will travel."""
    ready = [r for r in page.selected_rows() if r.status == VisitStatus.REPORTED]
    if not ready:
        page.status_message.emit(
            QCoreApplication.translate(
                "VisitsPage", "Select completed reports (in the list) to submit them."
            )
        )
        return 0
    count = len(ready)
    texts = SubmitTexts()
    question = texts.question(count)
    if confirm and (
        QMessageBox.question(
            page,
            QCoreApplication.translate("VisitsPage", "Submit reports"),
            question,
        )
        != QMessageBox.StandardButton.Yes
    ):
        return 0
    submitted = [r.id for r in ready]
    try:
        submit_reports(page.workspace.store, submitted)
    except VisitError as error:
        _warn(page, error)
        return 0
    # Shown at once; with it Undo forgets these visits (a submitted report is never undone).
    page.show_status(submitted, VisitStatus.SUBMITTED)
    page.status_message.emit(texts.submitted(count))
    page.reload()
    return count


def export(page: VisitsPage) -> ExportDialog:
    # This week so far, Monday to today: the week a KAM reports on Friday.
    first, last = this_week_so_far(page.today)
    dialog = ExportDialog(
        page.workspace, page.tasks, first, last, page, page.tz, open_files=page.open_files
    )
    dialog.status_message.connect(page.status_message)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.show()
    return dialog


def this_week_so_far(today: date) -> tuple[date, date]:
    return today - timedelta(days=today.weekday()), today


def message(error: VisitError) -> str:
    return "\n".join(message_text(m) for m in error.messages.values())
