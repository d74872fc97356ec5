"""The visit report (field guide §6, "After"): plan versus actual as ticks, then the
outcome, agreements, objections heard and next steps with their dates.

Made for the keyboard: Tab walks the form top to bottom, Space ticks, Ctrl+Enter
saves the final report, Esc closes and keeps the draft. Every change is saved
as a draft shortly after typing stops, and at least every AUTOSAVE_MAX_WAIT_MS
while typing goes on without a pause, so a crash loses nothing. Saving never
waits for another program's lock on the store (that would freeze the window):
a busy store refuses at once, the text stays in the form, the form says so and
tries again every RETRY_MS. A submitted
report (it travels to the manager with the next sync) is read-only; corrections
go into dated addenda.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.store_wait import is_busy, without_waiting
from kamdesk.services.visits import (
    DEFAULT_TIME_ZONE,
    ReportInput,
    Sentiment,
    VisitError,
    VisitStatus,
    add_addendum,
    report_draft,
    save_report,
)
from kamdesk.services.workspace import Workspace
from kamdesk.ui.debounce import Debounce
from kamdesk.ui.elided_label import ElidedLabel
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.visits.common import (
    format_moment,
    from_qdatetime,
    message_text,
    messages_text,
    sentiment_label,
    to_qdatetime,
)
from kamdesk.ui.visits.report_parts import NextStepsEditor
from kamdesk.ui.visits.report_ticks import PlanVersusActual

AUTOSAVE_DELAY_MS = 500  # a pause this long saves the draft (not on every key)
AUTOSAVE_MAX_WAIT_MS = 800  # typing without a pause saves it at least this often
RETRY_MS = 1000  # a store busy with another program: try the draft again this often
BUSY_STYLE = "color: #b26a00;"


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


class ReportForm(QDialog):
    saved = Signal(object, bool)  # visit id, final

    def __init__(
        self,
        workspace: Workspace,
        visit_id: uuid.UUID,
        parent: QWidget | None = None,
        tz: str = DEFAULT_TIME_ZONE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportForm")
        self._store = workspace.store
        self._tz = tz
        self.visit_id = visit_id
        self.draft = report_draft(self._store, visit_id, tz)
        self.dirty = False
        title = self.tr("Call report: %1") if self.draft.is_call else self.tr("Visit report: %1")
        self.setWindowTitle(title.replace("%1", self.draft.account_name))
        self.resize(820, 680)  # 1366×768 less a title bar and a taskbar
        self.autosave = Debounce(self, AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, self.save_draft)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.save_draft)
        self._build()
        self._load()
        self._connect_changes()
        self._visit_start_changed()  # the steps loaded are checked against the visit
        self.set_read_only(self.draft.locked)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        d = self.draft
        planned = (
            self.tr("Planned %1, %2 min")
            .replace("%1", format_moment(d.planned_start, self._tz))
            .replace("%2", str(d.planned_duration_min))
        )
        # The client on one line, a long name elided (its tooltip gives it whole): a name
        # with no place to break made the report wider than the screen, «×» cut off.
        self.client_name = ElidedLabel(mode=Qt.TextElideMode.ElideRight)
        self.client_name.setText(d.account_name)  # and its tooltip
        self.client_name.setObjectName("reportClient")
        bold = self.client_name.font()
        bold.setBold(True)
        self.client_name.setFont(bold)
        lines = [planned]
        if d.objective:
            lines.append(self.tr("Objective: %1").replace("%1", d.objective))
        heading = QLabel("\n".join(lines))
        heading.setWordWrap(True)
        heading.setToolTip(heading.text())
        self.actual_start = QDateTimeEdit()
        self.actual_start.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.actual_start.setCalendarPopup(True)
        self.duration = QSpinBox(minimum=1, maximum=720, singleStep=5)
        self.duration.setSuffix(" " + self.tr("min"))
        self.objective_reached = QComboBox()
        for text, value in (
            (self.tr("— choose —"), None),
            (self.tr("Yes"), True),
            (self.tr("No"), False),
        ):
            self.objective_reached.addItem(text, value)
        self.sentiment = QComboBox()
        self.sentiment.addItem(self.tr("— choose —"), None)
        for mood in Sentiment:
            self.sentiment.addItem(sentiment_label(mood), mood)
        self.ticks = PlanVersusActual(d)
        # The box's parts, as the form's own (tests and shortcuts reach them here).
        self.questions, self.new_question = self.ticks.questions, self.ticks.new_question
        self.products, self.add_product = self.ticks.products, self.ticks.add_product
        self.attendees, self.add_attendee = self.ticks.attendees, self.ticks.add_attendee
        self.objections, self.new_objection = self.ticks.objections, self.ticks.new_objection
        self.outcome = _text_edit()
        self.agreements = _text_edit()
        self.next_steps = NextStepsEditor(d.default_next_step_due)
        self.notes = _text_edit(50)

        form = QFormLayout()
        form.addRow(self.tr("Actual start"), self.actual_start)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Objective reached"), self.objective_reached)
        form.addRow(self.tr("Client's mood"), self.sentiment)
        after = QFormLayout()
        after.addRow(self.tr("Outcome"), self.outcome)
        after.addRow(self.tr("Agreements"), self.agreements)
        after.addRow(self.tr("Next steps"), self.next_steps)
        after.addRow(self.tr("Notes"), self.notes)

        # The sentence in a wrapped label, not the box's title: a title never wraps, and
        # in Russian it made the report wider than a 1366×768 screen (a sideways scroll).
        self.addendum_box = QGroupBox(self.tr("Submitted report"))
        self.addendum_note = QLabel(
            self.tr(
                "Submitted; it will be sent to the manager at the next sync. "
                "Corrections: a dated addendum"
            )
        )
        self.addendum_note.setWordWrap(True)
        self.addenda = QLabel()
        self.addenda.setWordWrap(True)
        self.addendum = _text_edit(60)
        self.add_addendum_button = QPushButton(self.tr("Add addendum"))
        self.add_addendum_button.clicked.connect(self.add_addendum)
        box = QVBoxLayout(self.addendum_box)
        box.addWidget(self.addendum_note)
        box.addWidget(self.addenda)
        box.addWidget(self.addendum)
        box.addWidget(self.add_addendum_button, 0, Qt.AlignmentFlag.AlignRight)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.client_name)
        column.addWidget(heading)
        column.addLayout(form)
        column.addWidget(self.ticks)
        column.addLayout(after)
        column.addWidget(self.addendum_box)
        column.addStretch(1)
        self.body_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.problems = QLabel()
        self.problems.setObjectName("reportProblems")
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.setWordWrap(True)
        self.draft_state = QLabel()
        self.draft_state.setObjectName("draftState")
        self.save_button = QPushButton(self.tr("Save report (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save_final)
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_state, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_final)
        # Enter in a line (adding a question heard) must not press a button of the dialog.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        # Text boxes take Ctrl+Enter as a line break before shortcuts see it; catch it first.
        for edit in self.findChildren(QPlainTextEdit):
            edit.installEventFilter(self)

    def _load(self) -> None:
        report = self.draft.input
        start = report.actual_start or self.draft.planned_start
        self.actual_start.setDateTime(to_qdatetime(start, self._tz))
        self.duration.setValue(report.actual_duration_min or self.draft.planned_duration_min)
        self.objective_reached.setCurrentIndex(
            index_of_data(self.objective_reached, report.objective_reached)
        )
        self.sentiment.setCurrentIndex(max(0, index_of_data(self.sentiment, report.sentiment)))
        self.outcome.setPlainText(report.outcome)
        self.agreements.setPlainText(report.agreements)
        self.notes.setPlainText(report.notes)
        for step in report.next_steps:
            self.next_steps.add_step(step)
        self._show_addenda()

    def _connect_changes(self) -> None:
        for edit in (self.outcome, self.agreements, self.notes):
            edit.textChanged.connect(self._changed)
        self.ticks.changed.connect(self._changed)
        self.next_steps.changed.connect(self._changed)
        self.actual_start.dateTimeChanged.connect(self._changed)
        self.actual_start.dateTimeChanged.connect(lambda _: self._visit_start_changed())
        self.duration.valueChanged.connect(self._changed)
        self.objective_reached.currentIndexChanged.connect(self._changed)
        self.sentiment.currentIndexChanged.connect(self._changed)

    def _visit_start_changed(self) -> None:
        start = from_qdatetime(self.actual_start.dateTime(), self._tz)
        self.next_steps.set_visit_start(start, self._tz)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save_final()
            return True
        return super().eventFilter(watched, event)

    # Reading the form ---------------------------------------------------------------------

    def current_input(self) -> ReportInput:
        questions, products, attendees, objections = self.ticks.inputs()
        return ReportInput(
            actual_start=from_qdatetime(self.actual_start.dateTime(), self._tz),
            actual_duration_min=self.duration.value(),
            objective_reached=self.objective_reached.currentData(),
            outcome=self.outcome.toPlainText(),
            agreements=self.agreements.toPlainText(),
            sentiment=self.sentiment.currentData(),
            notes=self.notes.toPlainText(),
            questions=questions,
            products=products,
            attendees=attendees,
            objections=objections,
            next_steps=self.next_steps.steps(),
        )

    # Saving -------------------------------------------------------------------------------

    def _changed(self) -> None:
        if self.draft.locked:
            return
        self.dirty = True
        self.autosave.poke()

    def can_save(self) -> bool:
        """A report needs a visit that has begun (the service refuses one in the future)."""
        return not self.draft.locked and (
            self.draft.status != VisitStatus.PLANNED
            or self.draft.planned_start <= datetime.now(UTC)
        )

    def save_draft(self) -> bool:
        """Keep what is typed so far. On the UI thread: a draft saves in a few
        milliseconds, and doing it here means no save can overtake the final one.
        It never waits for the store's lock: a busy store is tried again later."""
        self.autosave.cancel()
        self._retry.stop()
        if not self.dirty or not self.can_save():
            return False
        try:
            with without_waiting(self._store):
                result = save_report(self._store, self.visit_id, self.current_input(), final=False)
        except VisitError as error:
            self.problems.setText(messages_text(error.messages))
            return False
        except Exception as error:
            if not is_busy(error):
                raise
            self._show_busy()
            self._retry.start()
            return False
        if result.saved:
            self.dirty = False
            self.draft_state.setStyleSheet("")
            self.draft_state.setText(
                self.tr("Draft saved at %1").replace("%1", datetime.now().strftime("%H:%M:%S"))
            )
            self.saved.emit(self.visit_id, False)
        return result.saved

    def _show_busy(self) -> None:
        self.draft_state.setStyleSheet(BUSY_STYLE)
        self.draft_state.setText(
            self.tr(
                "The database is busy with another program — the report stays here and "
                "will be saved as soon as it is free."
            )
        )

    def save_final(self) -> bool:
        self.autosave.cancel()
        if self.draft.locked:
            return False
        try:
            with without_waiting(self._store):
                result = save_report(self._store, self.visit_id, self.current_input(), final=True)
        except VisitError as error:
            self.problems.setText(messages_text(error.messages))
            return False
        except Exception as error:
            if not is_busy(error):
                raise
            self._show_busy()
            self.problems.setText(
                self.tr("Not submitted yet: the database is busy. Try again in a moment.")
            )
            return False
        if not result.saved:
            self.problems.setText("\n".join(message_text(m) for m in result.problems.values()))
            self.save_draft()  # refused as final, what is typed is still kept as the draft
            return False
        self.dirty = False
        self.saved.emit(self.visit_id, True)
        self.accept()
        return True

    def reject(self) -> None:
        """Esc or the window's close: the draft is kept, not thrown away. While the
        store is busy the form stays open (it says why): closing would drop the text."""
        self.save_draft()
        if self.dirty and self._retry.isActive():
            return
        super().reject()

    # Locked reports -----------------------------------------------------------------------

    def set_read_only(self, locked: bool) -> None:
        for widget in (self.actual_start, self.duration, self.objective_reached, self.sentiment):
            widget.setEnabled(not locked)
        self.ticks.set_locked(locked)
        for edit in (self.outcome, self.agreements, self.notes):
            edit.setReadOnly(locked)
        self.next_steps.set_read_only(locked)
        self.save_button.setVisible(not locked)
        self.addendum_box.setVisible(locked)
        if locked and self.draft.submitted_at:
            sentence = (
                self.tr("Submitted %1; delivered to the manager")
                if self.draft.delivered
                else self.tr("Submitted %1; it will be sent to the manager at the next sync")
            )
            self.draft_state.setText(sentence.replace("%1", format_moment(self.draft.submitted_at)))

    def _show_addenda(self) -> None:
        self.addenda.setText(
            "<br>".join(
                f"<b>{format_moment(a.written_at)}</b>: {a.text}" for a in self.draft.addenda
            )
        )

    def add_addendum(self) -> bool:
        try:
            written = add_addendum(self._store, self.visit_id, self.addendum.toPlainText())
        except VisitError as error:
            self.problems.setText(messages_text(error.messages))
            return False
        self.draft.addenda.append(written)
        self.addendum.clear()
        self.problems.clear()
        self._show_addenda()
        return True


def open_report_form(
    parent: QWidget | None, workspace: Workspace, visit_id: uuid.UUID
) -> ReportForm:
    form = ReportForm(workspace, visit_id, parent)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.show()
    return form
