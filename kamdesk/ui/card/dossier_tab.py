"""The Dossier tab: the guide's four sections (§3) as fields and notes, all bound."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.accounts import AccountKind, RelationshipEventKind, TenderResult
from kamdesk.services.card import CardData, CompetitorCard, Entity, EventCard
from kamdesk.ui import labels
from kamdesk.ui.card.binder import FieldBinder
from kamdesk.ui.card.forms import BoundForm, align_captions
from kamdesk.ui.card.rows_editor import RowsEditor
from kamdesk.ui.card.widgets import DateField, error_label
from kamdesk.ui.formatting import format_date


def searchable(combo: QComboBox) -> QComboBox:
    """A combo whose list is found by typing any part of a name."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    assert completer is not None  # an editable combo has one
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return combo


class DossierTab(QScrollArea):
    add_event_requested = Signal(object, object, str)  # kind, date text, subject
    add_competitor_requested = Signal(str)
    remove_requested = Signal(object, object)  # Entity, row id

    def __init__(self, data: CardData, binder: FieldBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._binder = binder
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(self._general(data))
        layout.addWidget(self._history(data))
        layout.addWidget(self._dmu(data))
        layout.addWidget(self._competitors(data))
        layout.addStretch(1)
        self.setWidget(content)

    def _general(self, data: CardData) -> QGroupBox:
        box = QGroupBox(self.tr("1. General information"))
        row = QHBoxLayout(box)
        details = BoundForm(self._binder, Entity.ACCOUNT, data.id, data.account)
        details.line("name", self.tr("Name"))
        details.line("short_name", self.tr("Short name"))
        details.choice("kind", self.tr("Kind"), AccountKind)
        if data.kind == AccountKind.PHARMACY:  # the KAM negotiates with the chain
            chains = [("—", None)] + [(name, chain_id) for chain_id, name in data.chains]
            searchable(details.items("parent_id", self.tr("Pharmacy chain"), chains))
        details.line("inn", self.tr("INN"))
        details.line("kpp", self.tr("KPP"))
        details.line("region", self.tr("Region"))
        details.line("city", self.tr("City"))
        details.line("address", self.tr("Address"))
        details.line("phone", self.tr("Phone"), "+7 …")
        details.line("email", self.tr("E-mail"))
        details.line("website", self.tr("Website"))
        # The dossier's numbers under the requisites, its texts beside them: the two
        # columns end about level instead of a long column beside an empty one.
        figures = BoundForm(self._binder, Entity.DOSSIER, data.id, data.dossier)
        figures.line("employees", self.tr("Employees"))
        figures.line("beds", self.tr("Beds"))
        figures.line("annual_budget", self.tr("Annual budget, ₽"))
        facts = BoundForm(self._binder, Entity.DOSSIER, data.id, data.dossier)
        facts.notes("activity", self.tr("What it does"))
        facts.notes("structure", self.tr("Structure and staff"))
        facts.notes("history", self.tr("History"))
        facts.notes("environment", self.tr("Environment (parent, partners)"))
        facts.notes("financials", self.tr("Financial indicators"))
        facts.notes("needs", self.tr("Needs"))
        facts.notes("plans", self.tr("Development plans"))
        facts.notes("worries", self.tr("Current worries"))
        facts.notes("general_notes", self.tr("Notes"), lines=4)
        align_captions(details, figures)
        self.details, self.figures, self.facts = details, figures, facts
        left = QVBoxLayout()
        left.addWidget(details)
        left.addWidget(figures)
        left.addStretch(1)
        row.addLayout(left, 2)
        row.addWidget(facts, 3)
        return box

    def _history(self, data: CardData) -> QGroupBox:
        box = QGroupBox(self.tr("2. Relationship history"))
        column = QVBoxLayout(box)
        form = BoundForm(self._binder, Entity.DOSSIER, data.id, data.dossier)
        form.line("relationship_stage", self.tr("Stage now"))
        form.notes("relationship_outlook", self.tr("Outlook"))
        form.notes("history_notes", self.tr("Notes"))
        column.addWidget(form)

        add = QWidget()
        line = QHBoxLayout(add)
        line.setContentsMargins(0, 0, 0, 0)
        kind = QComboBox()
        for member, text in labels.choices(RelationshipEventKind):
            kind.addItem(text, str(member))
        picker = DateField()
        picker.setObjectName("newEventDate")
        when = picker.line
        when.setText(date.today().strftime("%d.%m.%Y"))
        subject = QLineEdit()
        subject.setPlaceholderText(self.tr("What happened: delivery, tender, agreement, complaint"))
        button = QPushButton(self.tr("Add event"))
        button.setObjectName("addEventButton")
        self.add_event_button = button
        self.event_error = error_label()
        button.clicked.connect(
            lambda: self.add_event_requested.emit(kind.currentData(), when.text(), subject.text())
        )
        for widget in (kind, picker, subject, button):
            line.addWidget(widget)
        line.setStretch(2, 1)
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(add)
        stack.addWidget(self.event_error)
        self.new_event = (kind, when, subject)

        def caption(event: EventCard) -> str:
            result = f" — {labels.label(event.tender_result)}" if event.tender_result else ""
            text = f"{format_date(event.occurred_on)} · {labels.label(event.kind)}: {event.subject}"
            return text + result

        self.events = RowsEditor(
            data.events, caption, lambda e: self._event_form(data, e), holder,
            before_switch=self._binder.commit_within,
        )  # fmt: skip
        self.events.remove_requested.connect(
            lambda row_id: self.remove_requested.emit(Entity.EVENT, row_id)
        )
        column.addWidget(self.events)
        return box

    def _event_form(self, data: CardData, event: EventCard) -> QWidget:
        values = {name: getattr(event, name) for name in EventCard.__dataclass_fields__}
        form = BoundForm(self._binder, Entity.EVENT, event.id, values)
        form.choice("kind", self.tr("Kind"), RelationshipEventKind)
        form.date("occurred_on", self.tr("Date"))
        form.line("subject", self.tr("Subject"))
        form.notes("description", self.tr("Details"))
        form.line("amount", self.tr("Amount, ₽"))
        form.line("tender_number", self.tr("Tender number"))
        form.choice("tender_result", self.tr("Result"), TenderResult)
        form.notes("result_reason", self.tr("Why we won or lost"))
        form.notes("resolution", self.tr("How a complaint was resolved"))
        form.date("resolved_on", self.tr("Resolved on"))
        return form

    def _dmu(self, data: CardData) -> QGroupBox:
        box = QGroupBox(self.tr("3. Decision-making scheme"))
        form = BoundForm(self._binder, Entity.DOSSIER, data.id, data.dossier)
        form.note(
            self.tr("The people, their roles and influence are on the Contacts tab and the map.")
        )
        form.notes("dmu_notes", self.tr("How decisions are made"), lines=4)
        column = QVBoxLayout(box)
        column.addWidget(form)
        return box

    def _competitors(self, data: CardData) -> QGroupBox:
        box = QGroupBox(self.tr("4. Competitors"))
        column = QVBoxLayout(box)
        add = QWidget()
        line = QHBoxLayout(add)
        line.setContentsMargins(0, 0, 0, 0)
        company = QLineEdit()
        company.setPlaceholderText(self.tr("Company"))
        button = QPushButton(self.tr("Add competitor"))
        button.setObjectName("addCompetitorButton")
        self.add_competitor_button = button
        button.clicked.connect(lambda: self.add_competitor_requested.emit(company.text()))
        line.addWidget(company, 1)
        line.addWidget(button)
        self.new_competitor = company
        self.competitors = RowsEditor(
            data.competitors, lambda c: c.company, self._competitor_form, add,
            before_switch=self._binder.commit_within,
        )  # fmt: skip
        self.competitors.remove_requested.connect(
            lambda row_id: self.remove_requested.emit(Entity.COMPETITOR, row_id)
        )
        column.addWidget(self.competitors)
        form = BoundForm(self._binder, Entity.DOSSIER, data.id, data.dossier)
        form.notes("competitors_notes", self.tr("Notes"))
        column.addWidget(form)
        return box

    def _competitor_form(self, competitor: CompetitorCard) -> QWidget:
        values = {name: getattr(competitor, name) for name in CompetitorCard.__dataclass_fields__}
        form = BoundForm(self._binder, Entity.COMPETITOR, competitor.id, values)
        form.line("company", self.tr("Company"))
        form.notes("products", self.tr("Products"))
        form.notes("terms", self.tr("Terms"))
        form.notes("strength", self.tr("Strength"))
        form.notes("notes", self.tr("Notes"))
        return form
