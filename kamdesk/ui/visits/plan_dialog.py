"""The plan of a visit: who, when, where, why, what to ask and show, and for a commercial
visit the negotiation plan (field guide §6: "Before").

Open it with `open_plan_dialog(parent, workspace, tasks, account_id=..., start=...)`
for a new visit (the client card does; without `account_id` no client is chosen and
Save waits for one), or with `visit_id=...` to edit one; `place`
puts the cursor on the field a failing checklist item asks to fix. The service's
objections are shown under the fields they concern; nothing is saved until fixed.

Saving runs on a worker of the window's TaskRunner: while another program holds
the store's write lock the save waits there (up to the store's busy timeout),
not on the UI thread, so the window stays responsive. Save shows «Saving…»
meanwhile; a save that fails leaves every field as typed and says why under the
buttons. Esc, «Cancel» or closing the window with changes asks whether to save.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import Message
from kamdesk.services.visits import (
    DEFAULT_TIME_ZONE,
    PlanInput,
    PlanningOptions,
    VisitChannel,
    VisitError,
    load_plan,
    plan_defaults,
    plan_visit,
    planning_options,
    update_plan,
)
from kamdesk.services.visits.model import CALL_DURATION_MIN
from kamdesk.services.visits.settings import load_visit_settings
from kamdesk.services.workspace import Workspace
from kamdesk.ui.background_save import BackgroundSave
from kamdesk.ui.changes import Change, announce
from kamdesk.ui.enter_guard import keep_enter_in_editors
from kamdesk.ui.formatting import format_date
from kamdesk.ui.item_data import select_data
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.unsaved_changes import UnsavedChanges
from kamdesk.ui.visits import plan_client as client
from kamdesk.ui.visits import plan_fields as fields
from kamdesk.ui.visits.common import from_qdatetime, to_qdatetime
from kamdesk.ui.visits.datetime_field import (
    DateTimeField,
    agree_to_past_start,
    show_start_problem,
)
from kamdesk.ui.visits.plan_fields import next_slot as _next_slot

ID_ROLE = client.ID_ROLE
ERROR_STYLE = "color: #b3261e;"


class PlanDialog(QDialog):
    saved = Signal(object)  # the visit id

    def __init__(
        self,
        workspace: Workspace,
        account_id: uuid.UUID | None = None,
        start: datetime | None = None,
        visit_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        tz: str = DEFAULT_TIME_ZONE,
        tasks: TaskRunner | None = None,
        channel: VisitChannel = VisitChannel.VISIT,  # of a new plan
    ) -> None:
        super().__init__(parent)
        keep_enter_in_editors(self)  # Enter in a choice or a number never saves
        self._channel = channel
        self.setObjectName("planDialog")
        self._tasks = tasks
        self._store = workspace.store
        self._workspace = workspace
        self._tz = tz
        self.visit_id = visit_id
        self._plan: PlanInput | None = load_plan(self._store, visit_id) if visit_id else None
        self._start = start
        self._kept_start = self._plan.starts_at if self._plan else None  # not «past» as it was
        call = (self._plan.channel if self._plan else channel) == VisitChannel.CALL
        self.setWindowTitle(fields.plan_title(editing=visit_id is not None, call=call))
        self.resize(760, 640)
        self._errors: dict[str, QLabel] = {}
        self._build(fixed_account=visit_id is not None or account_id is not None)
        chosen = self._plan.account_id if self._plan else account_id
        # Opened without a client, the fields typed before one is chosen are kept then.
        self._typed_first = chosen is None
        client.choose(self.account, workspace, chosen)
        client.keep_choice_honest(self.account)
        self.account.currentIndexChanged.connect(lambda _: self._account_changed())
        if chosen is None:
            self._fill_unchosen()
        self._account_changed(self._plan)
        self.unsaved = UnsavedChanges(self, self._shown_plan, self.save)

    # Building -----------------------------------------------------------------------------

    def _error_label(self, key: str) -> QLabel:
        self._errors[key] = error = client.error_label(key, ERROR_STYLE)
        return error

    def _row(
        self, form: QFormLayout, text: str, widget: QWidget, key: str | None = None
    ) -> QWidget:
        error = self._error_label(key) if key is not None else None
        return client.form_row(form, text, widget, error)

    def _build(self, fixed_account: bool) -> None:
        self.account = client.client_combo(self._workspace, fixed_account)
        self.client_note = client.note_label()
        self.starts_at = DateTimeField()  # what is typed is kept, or refused under it
        self.duration = QSpinBox(minimum=5, maximum=720, singleStep=15)
        self.duration.setSuffix(" " + self.tr("min"))
        self.place = QLineEdit()
        self.coordinates = fields.CoordinatesField()
        self.travel_known = QCheckBox(self.tr("I know the travel time:"))
        self.travel = QSpinBox(minimum=0, maximum=720, singleStep=5)
        self.travel.setSuffix(" " + self.tr("min"))
        self.travel.setEnabled(False)
        self.travel_known.toggled.connect(self.travel.setEnabled)
        travel_row = fields.pair_row(self.travel_known, self.travel)
        self.attendees = fields.attendee_list()
        self.objective = QLineEdit()
        self.agenda = fields.text_box(70)
        self.questions = fields.text_box(None, self.tr("One open question per line"))
        self.channel = fields.channel_combo()
        main = QWidget()
        self._form = form = QFormLayout(main)
        client_box = self._row(form, self.tr("Client"), self.account, "account_id")
        client_box.layout().addWidget(self.client_note)  # type: ignore[union-attr]
        self._row(form, self.tr("Kind"), self.channel)
        self._row(form, self.tr("Start"), self.starts_at, "starts_at")
        self.starts_at.editingFinished.connect(self._check_start)
        self.starts_at.textChanged.connect(lambda _: self._check_start(typing=True))
        self._row(form, self.tr("Duration"), self.duration, "duration_min")
        self._going = (  # the rows a call has not: it is made from anywhere
            self._row(form, self.tr("Place"), self.place),
            self._row(form, self.tr("Coordinates"), self.coordinates, "latitude"),
            self._row(form, self.tr("Travel"), travel_row, "travel_override_min"),
        )
        self.channel.currentIndexChanged.connect(lambda _: self._channel_changed(True))
        self._row(form, self.tr("Attendees"), self.attendees, "attendee_ids")
        self._row(form, self.tr("Objective"), self.objective)
        self._row(form, self.tr("Agenda"), self.agenda)
        self._row(form, self.tr("Questions"), self.questions)

        self.product_filter = QLineEdit(placeholderText=self.tr("Filter products"))
        self.products = QListWidget()
        self.product_filter.textChanged.connect(
            lambda text: client.filter_items(self.products, text)
        )
        self.offer_row = fields.OfferRow()
        self.offer_row.new_offer_requested.connect(self._new_offer)
        self.offer = self.offer_row.combo
        self.materials = fields.text_box(60)
        self.commercial = QCheckBox(self.tr("Commercial visit (a negotiation)"))
        self.target_result = QLineEdit()
        self.walk_away = QLineEdit()
        self.concessions = fields.text_box(
            70, self.tr("One per line, in the order you may make them")
        )
        self.commercial.toggled.connect(self._commercial_toggled)
        content = QWidget()
        extra = QFormLayout(content)
        self._row(extra, self.tr("Products to discuss"), self.product_filter)
        self._row(extra, "", self.products, "product_ids")
        self._row(extra, self.tr("Offer to hand over"), self.offer_row, "offer_id")
        self._row(extra, self.tr("Materials"), self.materials)
        extra.addRow(self.commercial)
        self._row(extra, self.tr("Target result"), self.target_result)
        self._row(extra, self.tr("Walk-away point"), self.walk_away)
        self._row(extra, self.tr("Concessions"), self.concessions)

        self.tabs = QTabWidget()
        self.tabs.addTab(main, "")  # «Visit» or «Call»: see _channel_changed
        self.tabs.addTab(content, self.tr("Products and negotiation"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        self._saving = BackgroundSave(
            self,
            buttons,
            lambda: self.tr(
                "Not saved: the database is busy with another program. Your plan is "
                "still here; press Save again in a moment."
            ),
            self._tasks,
        )
        self.save_button = self._saving.save_button
        self.cancel_button = self._saving.cancel_button
        # Why the last save failed (a busy store), under the buttons where the KAM looks.
        self.save_note = self._saving.note
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._error_label(""))
        layout.addWidget(buttons)
        note_row = QHBoxLayout()
        note_row.addStretch(1)
        note_row.addWidget(self.save_note, 3)
        layout.addLayout(note_row)

    # Loading ------------------------------------------------------------------------------

    def _account_changed(self, plan: PlanInput | None = None) -> None:
        account_id = self.account.currentData()
        self._show_client_needed()
        if account_id is None:
            self._forget_client()
            return
        options = planning_options(self._store, account_id)
        if plan is None:
            plan = self._defaults_for(account_id)
        self._plan = plan
        self.attendees.clear()
        for contact in options.contacts:
            text = client.attendee_text(
                contact.full_name, contact.position, contact.dmu_role, contact.phone
            )
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(ID_ROLE, contact.id)
            item.setCheckState(
                Qt.CheckState.Checked
                if contact.id in plan.attendee_ids
                else Qt.CheckState.Unchecked
            )
            self.attendees.addItem(item)
        self.products.clear()
        for product in options.products:
            item = QListWidgetItem(" ".join(p for p in (product.trade_name, product.dosage) if p))
            item.setData(ID_ROLE, product.id)
            checked = product.id in plan.product_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.products.addItem(item)
        self._fill_offers(options, plan.offer_id)
        self._fill(plan)

    def _forget_client(self) -> None:
        """The client un-chosen: what belonged to it goes (what was typed stays)."""
        self.attendees.clear()
        self.place.clear()
        self.coordinates.set_value(None, None)
        self.offer.clear()
        self.offer.addItem(self.tr("No offer"), None)

    def _new_offer(self) -> None:
        """«New offer…»: the editor for this client; the saved offer is the one to hand over."""
        account_id = self.account.currentData()
        if account_id is not None:
            fields.open_new_offer(
                self, self._workspace, self._tasks, account_id, self._offer_created
            )

    def _offer_created(self, offer_id: uuid.UUID) -> None:
        self._fill_offers(planning_options(self._store, self.account.currentData()), offer_id)

    def _fill_offers(self, options: PlanningOptions, chosen: uuid.UUID | None) -> None:
        self.offer.clear()
        self.offer.addItem(self.tr("No offer"), None)
        for offer in options.offers:
            until = self.tr("valid until %1").replace("%1", format_date(offer.valid_until))
            self.offer.addItem(f"{offer.number}/{offer.edition}, {until}", offer.id)
        select_data(self.offer, chosen)

    def _defaults_for(self, account_id: uuid.UUID) -> PlanInput:
        """A new plan at the client's address; switching client keeps what was typed
        except what belongs to the old client (place, people, offer)."""
        if self._plan is None and not self._typed_first:
            return plan_defaults(self._store, account_id, self._first_start(), self._channel)
        typed = self.current_plan()
        defaults = plan_defaults(self._store, account_id, typed.starts_at, typed.channel)
        typed.account_id = account_id
        typed.place, typed.latitude, typed.longitude = (
            defaults.place,
            defaults.latitude,
            defaults.longitude,
        )
        typed.attendee_ids, typed.offer_id = [], None
        return typed

    def _first_start(self) -> datetime:
        return self._start or _next_slot(datetime.now().astimezone())

    def _fill_unchosen(self) -> None:
        """No client yet: the kind, start and usual duration, as the client's plan has."""
        select_data(self.channel, self._channel)
        self._channel_changed()
        call = self._channel == VisitChannel.CALL
        usual = load_visit_settings(self._store).default_duration_min
        self.duration.setValue(CALL_DURATION_MIN if call else usual)
        self.starts_at.setDateTime(to_qdatetime(self._first_start(), self._tz))

    def _show_client_needed(self) -> None:
        """Save waits for a client, and says so where the KAM looks."""
        missing = self.account.currentData() is None
        why = client.client_missing_text(self.channel.currentData() == VisitChannel.CALL)
        client.show_missing(self.client_note, self.save_button, why if missing else "")
        self.save_button.setEnabled(not missing and not self.saving)

    def _check_start(self, typing: bool = False) -> bool:
        error, field = self._errors["starts_at"], self.starts_at
        return show_start_problem(error, field, self._tz, self._kept_start, typing)

    def _fill(self, plan: PlanInput) -> None:
        select_data(self.channel, plan.channel)
        self._channel_changed()
        self.starts_at.setDateTime(to_qdatetime(plan.starts_at, self._tz))
        self.duration.setValue(plan.duration_min)
        self.place.setText(plan.place)
        self.coordinates.set_value(plan.latitude, plan.longitude)
        self.travel_known.setChecked(plan.travel_override_min is not None)
        self.travel.setValue(plan.travel_override_min or 0)
        self.objective.setText(plan.objective)
        self.agenda.setPlainText(plan.agenda)
        self.questions.setPlainText("\n".join(plan.questions))
        self.materials.setPlainText(plan.materials)
        self.commercial.setChecked(plan.is_commercial)
        self.target_result.setText(plan.target_result)
        self.walk_away.setText(plan.walk_away_point)
        self.concessions.setPlainText("\n".join(plan.concessions))
        self._commercial_toggled(plan.is_commercial)

    def _channel_changed(self, chosen: bool = False) -> None:
        """A call hides the place, coordinates and travel; choosing it makes it 15 min."""
        usual = (lambda: load_visit_settings(self._store).default_duration_min) if chosen else None
        fields.show_channel(self._form, self._going, self.channel, self.duration, usual)
        tab, hint = client.channel_words(self.channel.currentData() == VisitChannel.CALL)
        self.tabs.setTabText(0, tab)
        self.objective.setPlaceholderText(hint)
        self._show_client_needed()  # its words follow the kind too
        account_id, going = self.account.currentData(), self.channel.currentData()
        if chosen and account_id and going == VisitChannel.VISIT and not self.place.text():
            # A call planned first has no place: the visit goes to the client's address.
            start = from_qdatetime(self.starts_at.dateTime(), self._tz)
            defaults = plan_defaults(self._store, account_id, start, VisitChannel.VISIT)
            self.place.setText(defaults.place)
            self.coordinates.set_value(defaults.latitude, defaults.longitude)

    def _commercial_toggled(self, on: bool) -> None:
        for widget in (self.target_result, self.walk_away, self.concessions):
            widget.setEnabled(on)

    # Saving -------------------------------------------------------------------------------

    def current_plan(self) -> PlanInput:
        latitude, longitude = self.coordinates.value()
        return PlanInput(
            account_id=self.account.currentData(),
            starts_at=from_qdatetime(self.starts_at.dateTime(), self._tz),
            duration_min=self.duration.value(),
            place=self.place.text(),
            latitude=latitude,
            longitude=longitude,
            is_commercial=self.commercial.isChecked(),
            objective=self.objective.text(),
            agenda=self.agenda.toPlainText(),
            questions=fields.plan_lines(self.questions.toPlainText()),
            materials=self.materials.toPlainText(),
            target_result=self.target_result.text() if self.commercial.isChecked() else "",
            walk_away_point=self.walk_away.text() if self.commercial.isChecked() else "",
            concessions=fields.plan_lines(self.concessions.toPlainText())
            if self.commercial.isChecked()
            else [],
            offer_id=self.offer.currentData(),
            attendee_ids=client.checked_ids(self.attendees),
            product_ids=client.checked_ids(self.products),
            travel_override_min=self.travel.value() if self.travel_known.isChecked() else None,
            channel=self.channel.currentData(),
        )

    def _shown_plan(self) -> tuple[PlanInput, str]:  # as typed, a client chosen or not yet
        return self.current_plan(), self.starts_at.text()

    @property
    def saving(self) -> bool:
        """A save is under way (its result decides whether the dialog closes)."""
        return self._saving.under_way

    def save(self) -> bool:
        """Start saving the plan as it is now (True: started). The dialog closes
        when it is stored, and stays with everything typed when it is not."""
        if self.saving or self._plan is None:
            return False
        if self.account.currentData() is None:  # e.g. Ctrl+S right after retyping the client
            self._show_client_needed()
            self.account.setFocus()
            return False
        if not self._check_start() and not agree_to_past_start(self, self.starts_at):
            self.tabs.setCurrentIndex(0)
            self.starts_at.setFocus()
            return False
        if not self.coordinates.is_valid():
            error = self._errors["latitude"]
            error.setText(self.tr("Type the latitude and the longitude, e.g. 56.8587, 35.9176"))
            error.show()
            self.tabs.setCurrentIndex(0)
            self.coordinates.setFocus()
            return False
        plan, visit_id, store = self.current_plan(), self.visit_id, self._store

        def work() -> uuid.UUID:
            if visit_id is None:
                return plan_visit(store, plan)
            update_plan(store, visit_id, plan)
            return visit_id

        return self._saving.start(work, self._stored, VisitError, self.show_problems)

    def _stored(self, visit_id: uuid.UUID) -> None:
        self.visit_id = visit_id
        self.unsaved.mark_unchanged()
        announce(Change.VISIT, self.account.currentData())  # its card, the lists follow
        self.saved.emit(visit_id)
        self.accept()

    def reject(self) -> None:
        """Esc, Cancel or the window's close: changes are not dropped without asking;
        while a save is under way its result decides."""
        if not self.saving:
            self.unsaved.ask()

    def show_problems(self, messages: dict[str, Message]) -> None:
        client.show_problems(self._errors, messages)
        tab = 1 if any(key in messages for key in ("product_ids", "offer_id")) else 0
        self.tabs.setCurrentIndex(tab)

    def focus_place(self, place: str) -> None:
        """Put the cursor where a checklist item says the plan falls short."""
        widgets: dict[str, tuple[int, QWidget]] = {
            "time": (0, self.starts_at),
            "travel": (0, self.travel_known),
            "attendees": (0, self.attendees),
            "objective": (0, self.objective),
            "agenda": (0, self.agenda),
            "questions": (0, self.questions),
            "products": (1, self.product_filter),
            "offer": (1, self.offer if self.offer_row.has_offers() else self.offer_row.new_offer),
            "materials": (1, self.materials),
            "negotiation": (1, self.target_result),
        }
        if place == "travel" and self.coordinates.value()[0] is None:
            widgets["travel"] = (0, self.coordinates)  # coordinates first, else the time
        tab, widget = widgets.get(place, (0, self.objective))
        self.tabs.setCurrentIndex(tab)
        if place == "negotiation" and not self.commercial.isChecked():
            untouched = not self.unsaved.changed()
            self.commercial.setChecked(True)  # opens the fields to fill; not a change yet
            if untouched:
                self.unsaved.mark_unchanged()
        widget.setFocus()


def open_plan_dialog(
    parent: QWidget | None,
    workspace: Workspace,
    tasks: TaskRunner | None = None,
    account_id: uuid.UUID | None = None,
    start: datetime | None = None,
    *,
    visit_id: uuid.UUID | None = None,
    place: str | None = None,
    channel: VisitChannel = VisitChannel.VISIT,
) -> PlanDialog:
    """Show the plan dialog (not modal); connect to its `saved(visit_id)` signal.

    `tasks` is the window's runner, which saves the plan off the UI thread."""
    dialog = PlanDialog(
        workspace, account_id, start, visit_id, parent, tasks=tasks, channel=channel
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    if place:
        dialog.focus_place(place)
    return dialog
