"""The offer editor: lines, readers and their arguments, terms, team, annexes.

Open it with `open_offer_editor(parent, workspace, account_id=...)` from a card, or with
`offer_id=...` to edit (a sent offer becomes a new edition when saved). Problems are shown
under the form and on their fields; nothing is saved until they are fixed. The save runs on
a worker (a busy store never freezes the window). Approval: kamdesk.ui.sync.offer_approval.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.offers import (
    AddresseeInput,
    AnnexInput,
    LineInput,
    OfferBook,
    OfferDraft,
    OfferError,
)
from kamdesk.services.products import ProductCatalog
from kamdesk.services.workspace import Workspace
from kamdesk.ui.background_save import BackgroundSave
from kamdesk.ui.changes import Change, announce
from kamdesk.ui.enter_guard import keep_enter_in_editors
from kamdesk.ui.file_dialogs import get_open_file_names
from kamdesk.ui.item_data import index_of_data, select_data
from kamdesk.ui.offers.account_choice import account_combo
from kamdesk.ui.offers.approval_note import editor_note
from kamdesk.ui.offers.common import pydate, qdate, team_from_text, totals_text
from kamdesk.ui.offers.lines_model import QUANTITY, LinesModel
from kamdesk.ui.offers.lines_view import LinesView
from kamdesk.ui.offers.problems import ShownProblems
from kamdesk.ui.offers.suggest import suggest_for
from kamdesk.ui.offers.terms_fields import OfferTermsFields
from kamdesk.ui.offers.vat_note import vat_note_text
from kamdesk.ui.sync.offer_approval import attach_approval
from kamdesk.ui.tasks import TaskRunner
from kamdesk.ui.unsaved_changes import UnsavedChanges

CONTACT_ID = Qt.ItemDataRole.UserRole + 1
ROLE = Qt.ItemDataRole.UserRole + 2
POSITION = Qt.ItemDataRole.UserRole + 3


class OfferEditor(QDialog):
    saved = Signal(object)  # the offer id

    def __init__(
        self,
        workspace: Workspace,
        account_id: uuid.UUID | None = None,
        offer_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        for given in (account_id, offer_id):  # e.g. clicked(bool) passed on as an id
            if given is not None and not isinstance(given, uuid.UUID):
                raise TypeError(f"an account or offer id must be a UUID, not {given!r}")
        self._workspace = self.workspace = workspace
        self.tasks = tasks
        self._book = self.book = OfferBook(workspace.store)
        self._catalog = ProductCatalog(workspace.store)
        self.saved_offer_id: uuid.UUID | None = None
        self._arguments: dict[uuid.UUID, str] = {}
        self._current_reader: uuid.UUID | None = None
        view = self._book.get(offer_id) if offer_id else None
        # The VAT of the edition opened, to say what a new date changes (20 % → 22 %).
        self._opened = (
            ([replace(line) for line in view.draft.lines], view.draft.offer_date) if view else None
        )
        self._vat_note = vat_note_text(view.vat_changes) if view else ""
        self._draft: OfferDraft
        if view is not None:
            self._draft = view.draft
            edition = self.tr("edition %1").replace("%1", str(view.row.edition))
            number = f"{view.row.number}, {edition}"
        else:
            # No account given (Offers ▸ Ctrl+N): the KAM chooses one, none is guessed.
            self._draft = self._book.new_draft(account_id)  # type: ignore[arg-type]
            number = self.tr("assigned when saved")
        self.setWindowTitle(self.tr("Commercial offer"))
        self.resize(980, 680)
        self._build(number, fixed_account=account_id is not None or view is not None)
        self.problems = ShownProblems(self)  # Save's refusals, each gone once fixed
        self.saving = BackgroundSave(
            self,
            self.buttons,
            lambda: self.tr(
                "Not saved: the database is busy with another program. Your offer "
                "is still here; press Save again in a moment."
            ),
            tasks,
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # the one `_build` made
        layout.addWidget(self.saving.note)  # why the last save failed, under the buttons
        self.approval = attach_approval(self, workspace, offer_id, tasks)  # the manager's answer
        self.approval.state_shown.connect(self._update_totals)  # «approved»: no «ПРОЕКТ»
        if self._draft is not None:
            self._load(self._draft)
        self.unsaved = UnsavedChanges(self, self.current_draft, self.save)
        keep_enter_in_editors(self)  # Enter picking a product never saves the offer

    # Building -----------------------------------------------------------------------------

    def _build(self, number: str, fixed_account: bool) -> None:
        self.account = account_combo(self._workspace, fixed_account, self._account_changed)
        self.number = QLabel(number)
        self.offer_date = QDateEdit()
        self.valid_until = QDateEdit()
        for edit in (self.offer_date, self.valid_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.offer_date.dateChanged.connect(self._date_changed)
        form = QFormLayout()
        form.addRow(self.tr("Account"), self.account.row)  # with «Select … from the list»
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Date"), self.offer_date)
        form.addRow(self.tr("Valid until"), self.valid_until)
        self.terms_fields = OfferTermsFields(self, form)  # purpose, price request, deferral
        tabs = QTabWidget()
        tabs.addTab(self._lines_tab(), self.tr("Lines"))
        tabs.addTab(self._readers_tab(), self.tr("Readers and arguments"))
        tabs.addTab(self._terms_tab(), self.tr("Benefit and terms"))
        tabs.addTab(self._team_tab(), self.tr("Team and annexes"))
        self.tabs = tabs
        self.errors = QLabel(wordWrap=True)
        self.errors.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.errors)
        self.errors.hide()
        layout.addWidget(buttons)

    def _lines_tab(self) -> QWidget:
        self.product = QComboBox()
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for row in self._catalog.list():
            self.product.addItem(row.title, row)
        add = QPushButton(self.tr("Add line"))
        add.clicked.connect(self.add_current_product)
        remove = QPushButton(self.tr("Remove line"))
        remove.clicked.connect(self._remove_line)
        picker = QHBoxLayout()
        picker.addWidget(self.product, 1)
        picker.addWidget(add)
        picker.addWidget(remove)
        self.lines = LinesModel(self)
        self.lines.dataChanged.connect(self._update_totals)
        self.lines.rowsInserted.connect(self._update_totals)
        self.lines.rowsRemoved.connect(self._update_totals)
        self.lines_view = LinesView(self.lines)
        self.totals = QLabel()
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The approval sentence is long: on one line it widened the whole editor.
        self.totals.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(picker)
        layout.addWidget(self.lines_view, 1)
        layout.addWidget(self.lines_view.note)  # «Discount no more than 100 %»
        layout.addWidget(self.totals)
        return page

    def _readers_tab(self) -> QWidget:
        self.readers = QStandardItemModel(self)
        self.readers_view = QListView()
        self.readers_view.setModel(self.readers)
        self.readers_view.selectionModel().currentChanged.connect(self._reader_selected)
        self.argument = QPlainTextEdit()
        self.argument.setPlaceholderText(
            self.tr("Check a reader, then write what this person wants to read about")
        )
        self.argument.textChanged.connect(self._argument_edited)
        suggest = QPushButton(self.tr("Suggest the emphasis for this role"))
        suggest.clicked.connect(self.suggest_current)
        right = QVBoxLayout()
        right.addWidget(self.argument, 1)
        right.addWidget(suggest)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(self.readers_view, 2)
        layout.addLayout(right, 3)
        return page

    def _terms_tab(self) -> QWidget:
        self.benefit = QPlainTextEdit()
        self.exclusivity = QPlainTextEdit()
        self.delivery = QPlainTextEdit()
        self.payment = QPlainTextEdit()
        self.benefit.setPlaceholderText(self.tr("Lead with the benefit of working together"))
        self.exclusivity.setPlaceholderText(self.tr("What only this client gets in this offer"))
        page = QWidget()
        form = self.terms_form = QFormLayout(page)
        form.addRow(self.tr("Benefit"), self.benefit)
        form.addRow(self.tr("Exclusive"), self.exclusivity)
        form.addRow(self.tr("Delivery terms"), self.delivery)
        form.addRow(self.tr("Payment terms"), self.payment)
        form.addRow(self.tr("Payment deferral, days"), self.terms_fields.deferral)
        return page

    def _team_tab(self) -> QWidget:
        self.team = QPlainTextEdit()
        self.team.setPlaceholderText(self.tr("One person a line: name; position; phone, e-mail"))
        self.annexes = QStringListModel(self)
        self._annex_inputs: list[AnnexInput] = []
        annex_view = QListView()
        annex_view.setModel(self.annexes)
        self.annex_view = annex_view
        attach = QPushButton(self.tr("Attach PDF…"))
        attach.clicked.connect(self._attach)
        detach = QPushButton(self.tr("Remove annex"))
        detach.clicked.connect(self._detach)
        row = QHBoxLayout()
        row.addWidget(attach)
        row.addWidget(detach)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("The team that prepared the offer")))
        layout.addWidget(self.team, 1)
        layout.addWidget(QLabel(self.tr("Annexes, appended to the PDF in this order")))
        layout.addWidget(annex_view, 1)
        layout.addLayout(row)
        return page

    # Loading ------------------------------------------------------------------------------

    def _load(self, draft: OfferDraft) -> None:
        if draft.account_id is not None:  # else «Select a client»
            self.account.blockSignals(True)
            select_data(self.account, draft.account_id, self._account_name(draft.account_id))
            self.account.blockSignals(False)
        self.offer_date.blockSignals(True)
        self.offer_date.setDate(qdate(draft.offer_date))
        self.offer_date.blockSignals(False)
        self.valid_until.setDate(qdate(draft.valid_until))
        self.lines.set_lines(draft.lines)
        self._arguments = {a.contact_id: a.arguments for a in draft.addressees}
        if draft.account_id is not None:
            self._load_contacts(draft.account_id, {a.contact_id for a in draft.addressees})
        self.benefit.setPlainText(draft.benefit)
        self.exclusivity.setPlainText(draft.exclusivity)
        self.delivery.setPlainText(draft.delivery_terms)
        self.payment.setPlainText(draft.payment_terms)
        self.team.setPlainText(
            "\n".join(f"{m.full_name}; {m.job_title}; {m.contacts}" for m in draft.team)
        )
        self._annex_inputs = list(draft.annexes)
        self.annexes.setStringList([a.title for a in self._annex_inputs])
        self.terms_fields.load(draft)
        self._refresh_envelope()
        self._update_totals()

    def _account_name(self, account_id: uuid.UUID) -> str | None:
        """The name to show for an account the list lacks (archived, beyond its limit)."""
        if index_of_data(self.account, account_id) >= 0:
            return None
        summary = self._workspace.accounts.summary(account_id)
        return summary.name if summary is not None else None

    def _load_contacts(self, account_id: uuid.UUID, checked: set[uuid.UUID]) -> None:
        self.readers.clear()
        summary = self._workspace.accounts.summary(account_id)
        for contact in summary.contacts if summary else []:
            text = contact.full_name + (f" — {contact.position}" if contact.position else "")
            item = QStandardItem(text)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if contact.id in checked else Qt.CheckState.Unchecked
            )
            item.setData(contact.id, CONTACT_ID)
            item.setData(contact.dmu_role, ROLE)
            item.setData(contact.position, POSITION)
            self.readers.appendRow(item)

    def _account_changed(self) -> None:
        account_id = self.account.currentData()
        if account_id is None:
            return
        self._arguments.clear()
        self._current_reader = None
        self._load_contacts(account_id, set())
        self._refresh_envelope()

    # Editing ------------------------------------------------------------------------------

    def add_current_product(self) -> None:
        row = self.product.currentData()
        if row is None:
            return
        existing = self.lines.row_of_product(row.id)
        if existing >= 0:
            # One line a product: take the KAM to its quantity instead of a second line.
            self.errors.setText(
                self.tr("%1 is already in line %2: change its quantity there.")
                .replace("%1", row.title)
                .replace("%2", str(existing + 1))
            )
            self.errors.show()
            quantity = self.lines.index(existing, QUANTITY)
            self.lines_view.setCurrentIndex(quantity)
            self.lines_view.edit(quantity)
            return
        line = LineInput(
            product_id=row.id, quantity=1, unit_price=row.price, title=row.title, sku=row.sku
        )
        self._book.apply_vat([line], pydate(self.offer_date.date()))
        self.lines.append(line)
        self._refresh_envelope()

    def _date_changed(self) -> None:
        """The VAT of the new date on every line (20 % before 2026, 22 % from it)."""
        on = pydate(self.offer_date.date())
        self._book.apply_vat(self.lines.lines(), on)
        if self._opened is not None:
            lines, opened_on = self._opened
            changes = self._book.vat_changes(lines, opened_on, self.lines.lines(), on)
            self._vat_note = vat_note_text(changes)
        self.lines.figures_changed()
        self._update_totals()

    def _remove_line(self) -> None:
        self.lines.remove(self.lines_view.currentIndex().row())

    def _refresh_envelope(self) -> None:
        account_id = self.account.currentData()
        if account_id is None:
            return
        ids = [line.product_id for line in self.lines.lines()]
        self.lines.max_discounts = self._book.max_discounts(account_id, ids)
        self.terms_fields.refresh(self._book, self._workspace, account_id)

    def _update_totals(self, *args: Any) -> None:
        note = editor_note(self)  # approved, or save to send for approval
        text = totals_text(self.lines.lines(), self.lines.max_discounts, self._vat_note, note)
        deferral = self.terms_fields.deferral_note()
        self.totals.setText(f"{text}\n{deferral}" if deferral else text)

    def _checked_readers(self) -> list[QStandardItem]:
        items = [self.readers.item(row) for row in range(self.readers.rowCount())]
        return [item for item in items if item.checkState() == Qt.CheckState.Checked]

    def _reader_selected(self, current: Any, previous: Any) -> None:
        item = self.readers.itemFromIndex(current)
        self._current_reader = item.data(CONTACT_ID) if item else None
        self.argument.blockSignals(True)
        reader = self._current_reader
        self.argument.setPlainText(self._arguments.get(reader, "") if reader else "")
        self.argument.blockSignals(False)

    def _argument_edited(self) -> None:
        if self._current_reader is not None:
            self._arguments[self._current_reader] = self.argument.toPlainText()

    def suggest_current(self) -> None:
        """Fill the selected reader's arguments with the emphasis their role wants."""
        item = self.readers.itemFromIndex(self.readers_view.currentIndex())
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked)
            suggest_for(self, item.index(), (CONTACT_ID, ROLE, POSITION))

    def set_arguments_of(self, reader: uuid.UUID, text: str) -> None:
        self._arguments[reader] = text
        if reader == self._current_reader:
            self.argument.setPlainText(text)

    def _attach(self) -> None:
        paths = get_open_file_names(
            self, self.tr("Attach PDF annexes"), "", self.tr("PDF files (*.pdf)")
        )
        for path in paths:
            self.attach_file(path)

    def attach_file(self, path: str, title: str = "") -> None:
        self._annex_inputs.append(AnnexInput(title or Path(path).stem, path))
        self.annexes.setStringList([a.title for a in self._annex_inputs])

    def _detach(self) -> None:
        row = self.annex_view.currentIndex().row()
        if 0 <= row < len(self._annex_inputs):
            del self._annex_inputs[row]
            self.annexes.setStringList([a.title for a in self._annex_inputs])

    # Saving -------------------------------------------------------------------------------

    def current_draft(self) -> OfferDraft:
        draft = OfferDraft(
            id=self._draft.id if self._draft else None,
            account_id=self.account.currentData(),
            offer_date=pydate(self.offer_date.date()),
            valid_until=pydate(self.valid_until.date()),
            lines=self.lines.lines(),
            addressees=[
                AddresseeInput(
                    item.data(CONTACT_ID), self._arguments.get(item.data(CONTACT_ID), "")
                )
                for item in self._checked_readers()
            ],
            team=team_from_text(self.team.toPlainText()),
            annexes=list(self._annex_inputs),
            delivery_terms=self.delivery.toPlainText(),
            payment_terms=self.payment.toPlainText(),
            benefit=self.benefit.toPlainText(),
            exclusivity=self.exclusivity.toPlainText(),
        )
        return self.terms_fields.fill(draft)

    def reject(self) -> None:
        """Esc, Cancel, close: ask before dropping changes (a running save decides)."""
        if not self.saving.under_way:
            self.unsaved.ask()

    def save(self) -> bool:
        """Check the offer here, then store it on a worker (True: started). The editor
        closes when it is stored and keeps everything typed when it is not."""
        if self.saving.under_way:
            return False
        draft = self.current_draft()
        problems = self._book.validate(draft)
        if problems:
            self._show_problems(problems)
            return False
        # The worker's own copy: the service sets VAT while the table may read the lines.
        book, mine = self._book, copy.deepcopy(draft)
        return self.saving.start(
            lambda: book.save(mine), self._stored, OfferError, self._show_problems
        )

    def _stored(self, offer_id: uuid.UUID) -> None:
        self.saved_offer_id = offer_id
        self.unsaved.mark_unchanged()
        announce(Change.OFFER, self.account.currentData())  # its card shows it at once
        self.saved.emit(offer_id)
        self.accept()

    def _show_problems(self, messages: dict[str, Any]) -> None:
        self.problems.show(messages)


def open_offer_editor(
    parent: QWidget | None,
    workspace: Workspace,
    account_id: uuid.UUID | None = None,
    offer_id: uuid.UUID | None = None,
    tasks: TaskRunner | None = None,
) -> OfferEditor:
    """Show the editor (not modal) for a new offer to `account_id` or for `offer_id`;
    `tasks` is the window's runner, which saves the offer off the UI thread."""
    editor = OfferEditor(workspace, account_id, offer_id, parent, tasks)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    return editor
