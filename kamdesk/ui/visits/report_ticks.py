"""The report form's plan-versus-actual box: what was asked, discussed, who came, what was
heard, with lines to add what happened without being planned.

Texts keep the report form's translation context ("ReportForm").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QGroupBox, QLineEdit, QWidget

from kamdesk.services.visits import (
    AttendeeTick,
    ObjectionTick,
    ProductTick,
    QuestionTick,
    ReportDraft,
)
from kamdesk.textfold import fold
from kamdesk.ui.input_guard import refuse_wheel
from kamdesk.ui.visits.report_parts import TickList

PICKED = Qt.ItemDataRole.UserRole + 2


class AddPicker(QComboBox):
    """Type part of a name and press Enter (or pick from the list) to add it.

    An option added leaves the list, so nothing is added twice.
    """

    picked = Signal(object)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        refuse_wheel(self)  # a wheel notch would add a product the KAM never chose
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(placeholder)
        line.setClearButtonEnabled(True)
        self.activated.connect(self._take)
        line.returnPressed.connect(self._take_typed)
        self.setCurrentIndex(-1)
        # One Enter in the suggestions reaches the combo twice (the completer, then the
        # combo's own Enter on the list emptied by the first): after one take, nothing
        # more is taken until that key press is over, or the list's first item was added.
        self._just_took = False

    def add_option(self, text: str, payload: Any) -> None:
        self.addItem(text)
        self.setItemData(self.count() - 1, payload, PICKED)
        self.setCurrentIndex(-1)

    def options(self) -> list[str]:
        return [self.itemText(i) for i in range(self.count())]

    def _take_typed(self) -> None:
        """Enter: the option named exactly, else the only one containing the text."""
        typed = fold(self.currentText())
        if not typed:
            return
        texts = [fold(t) for t in self.options()]
        matches = [i for i, t in enumerate(texts) if t == typed] or [
            i for i, t in enumerate(texts) if typed in t
        ]
        if len(matches) == 1:
            self._take(matches[0])

    def _take(self, index: int) -> None:
        if self._just_took:  # the same Enter again: the field stays empty
            self.setCurrentIndex(-1)
            self.clearEditText()
            return
        if not 0 <= index < self.count():
            return
        self._just_took = True
        QTimer.singleShot(0, self, self._take_again)
        payload = self.itemData(index, PICKED)
        self.removeItem(index)
        self.setCurrentIndex(-1)
        self.clearEditText()
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        self.picked.emit(payload)

    def _take_again(self) -> None:
        self._just_took = False
        # The completer may have written its (now shifted) suggestion back into the field.
        self.setCurrentIndex(-1)
        self.clearEditText()


class PlanVersusActual(QGroupBox):
    changed = Signal()

    def __init__(self, draft: ReportDraft, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ReportForm", "Plan versus actual (Space ticks)"), parent
        )
        self.questions = TickList()
        self.new_question = QLineEdit(
            placeholderText=QCoreApplication.translate(
                "ReportForm", "Another question asked, Enter adds it"
            )
        )
        self.products = TickList()
        self.add_product = AddPicker(
            QCoreApplication.translate(
                "ReportForm", "Another product discussed: type its name, Enter adds it"
            )
        )
        self.add_product.setObjectName("addProduct")
        self.attendees = TickList()
        self.add_attendee = AddPicker(
            QCoreApplication.translate(
                "ReportForm", "Someone else who took part: type the name, Enter adds them"
            )
        )
        self.add_attendee.setObjectName("addAttendee")
        self.objections = TickList()
        self.new_objection = QLineEdit(
            placeholderText=QCoreApplication.translate(
                "ReportForm", "Another objection heard, Enter adds it"
            )
        )
        self.new_question.returnPressed.connect(
            lambda: self._add_line(self.new_question, self.questions)
        )
        self.new_objection.returnPressed.connect(
            lambda: self._add_line(self.new_objection, self.objections)
        )
        self.add_product.picked.connect(self._add_product)
        self.add_attendee.picked.connect(self._add_attendee)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("ReportForm", "Questions asked"), self.questions)
        form.addRow("", self.new_question)
        form.addRow(QCoreApplication.translate("ReportForm", "Products discussed"), self.products)
        form.addRow("", self.add_product)
        form.addRow(QCoreApplication.translate("ReportForm", "Attendees present"), self.attendees)
        form.addRow("", self.add_attendee)
        form.addRow(QCoreApplication.translate("ReportForm", "Objections heard"), self.objections)
        form.addRow("", self.new_objection)
        for ticks in (self.questions, self.products, self.attendees, self.objections):
            ticks.changed.connect(self.changed)
        self._load(draft)

    def _unplanned(self) -> str:
        return " " + QCoreApplication.translate("ReportForm", "(not planned)")

    def _load(self, draft: ReportDraft) -> None:
        report = draft.input
        unplanned = self._unplanned()
        for q in report.questions:
            self.questions.add_tick(q.text + ("" if q.planned else unplanned), q.asked, q)
        for p in report.products:
            self.products.add_tick(p.name + ("" if p.planned else unplanned), p.discussed, p)
        for a in report.attendees:
            self.attendees.add_tick(_person(a) + ("" if a.planned else unplanned), a.attended, a)
        for o in report.objections:
            self.objections.add_tick(o.text, o.heard, o, o.prepared_answer)
        for p in draft.other_products:
            self.add_product.add_option(p.name, p)
        for a in draft.other_contacts:
            self.add_attendee.add_option(_person(a), a)

    def _add_line(self, edit: QLineEdit, ticks: TickList) -> None:
        text = edit.text().strip()
        if not text:
            return
        payload = (
            QuestionTick(text, planned=False, asked=True)
            if ticks is self.questions
            else ObjectionTick(text, heard=True)
        )
        ticks.add_tick(text, True, payload)
        edit.clear()
        self.changed.emit()

    def _add_product(self, tick: ProductTick) -> None:
        self.products.add_tick(tick.name + self._unplanned(), True, tick)
        self.products.setCurrentRow(self.products.count() - 1)
        self.changed.emit()

    def _add_attendee(self, tick: AttendeeTick) -> None:
        self.attendees.add_tick(_person(tick) + self._unplanned(), True, tick)
        self.attendees.setCurrentRow(self.attendees.count() - 1)
        self.changed.emit()

    def inputs(
        self,
    ) -> tuple[list[QuestionTick], list[ProductTick], list[AttendeeTick], list[ObjectionTick]]:
        return (
            [QuestionTick(q.text, q.planned, on) for q, on in self.questions.ticks()],
            [ProductTick(p.product_id, p.name, p.planned, on) for p, on in self.products.ticks()],
            [
                AttendeeTick(a.contact_id, a.full_name, a.position, a.planned, on)
                for a, on in self.attendees.ticks()
            ],
            [ObjectionTick(o.text, o.prepared_answer, on) for o, on in self.objections.ticks()],
        )

    def set_locked(self, locked: bool) -> None:
        for widget in (
            self.questions, self.new_question, self.products, self.add_product,
            self.attendees, self.add_attendee, self.objections, self.new_objection,
        ):  # fmt: skip
            widget.setEnabled(not locked)


def _person(tick: AttendeeTick) -> str:
    return ", ".join(part for part in (tick.full_name, tick.position) if part)
