"""The Contacts tab: every field of every person, personal details behind consent."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.accounts import Attitude, DmuRole, Psychotype
from kamdesk.services.card import CONSENT_NEEDED, CardData, ContactCard, Entity
from kamdesk.ui import labels
from kamdesk.ui.card.binder import FieldBinder, Key, translate
from kamdesk.ui.card.contact_delegate import ROLE_ROLE, ContactDelegate
from kamdesk.ui.card.forms import BoundForm
from kamdesk.ui.card.hints import psychotype_tips
from kamdesk.ui.card.widgets import NotesEdit, muted

ROW_ID_ROLE = Qt.ItemDataRole.UserRole
_ENUMS: dict[str, type[DmuRole] | type[Attitude] | type[Psychotype]] = {
    "dmu_role": DmuRole,
    "attitude": Attitude,
    "psychotype": Psychotype,
}


def contact_caption(contact: ContactCard) -> str:
    """The list entry's second line: the role in the decision, else the position."""
    return (labels.label(contact.dmu_role) or contact.position or "").strip()


def _show(item: QListWidgetItem, contact: ContactCard) -> None:
    item.setText(contact.full_name)
    role = contact_caption(contact)
    item.setData(ROLE_ROLE, role)
    item.setToolTip(f"{contact.full_name}\n{role}" if role else contact.full_name)


class ContactsTab(QSplitter):
    add_requested = Signal(str)  # the name typed: a surname, or the full name
    remove_requested = Signal(object)  # contact id
    erase_requested = Signal(object)  # contact id: erase the personal details (152-ФЗ)

    def __init__(self, data: CardData, binder: FieldBinder, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._data = data
        self._binder = binder
        self._contacts = {c.id: c for c in data.contacts}

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(12, 12, 6, 12)
        add = QHBoxLayout()
        self.new_surname = QLineEdit()
        self.new_surname.setPlaceholderText(self.tr("Full name of a new contact"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.new_surname.text()))
        self.new_surname.returnPressed.connect(self.add_button.click)
        add.addWidget(self.new_surname, 1)
        add.addWidget(self.add_button)
        column.addLayout(add)
        self.list = QListWidget()
        self.list.setObjectName("contactList")
        # One drawn entry per person (name bold, role under it, a rule below): two plain
        # lines each read as twice as many contacts.
        self.list.setItemDelegate(ContactDelegate(self.list))
        for contact in data.contacts:
            item = QListWidgetItem()
            _show(item, contact)
            item.setData(ROW_ID_ROLE, contact.id)
            self.list.addItem(item)
        column.addWidget(self.list, 1)
        self.remove = QPushButton(self.tr("Remove contact"))
        self.remove.clicked.connect(self._remove)
        column.addWidget(self.remove)
        if not data.contacts:
            column.addWidget(muted(self.tr("No contacts yet: add the people who decide.")))
        left.setMinimumWidth(320)  # full names with patronymic must fit
        self.addWidget(left)

        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        self.editor_area.setFrameShape(QFrame.Shape.NoFrame)
        self.addWidget(self.editor_area)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 3)
        self.list.currentItemChanged.connect(self._selected)
        # A stored field (surname, name, role…) shows in the list at once, and the
        # contact's editor, made again on selection, shows what was stored.
        binder.committed.connect(self._stored)
        if data.contacts:
            self.list.setCurrentRow(0)

    def select(self, contact_id: object) -> None:
        for index in range(self.list.count()):
            if self.list.item(index).data(ROW_ID_ROLE) == contact_id:
                self.list.setCurrentRow(index)

    def _stored(self, key: Key) -> None:
        entity, contact_id, name = key
        contact = self._contacts.get(contact_id)
        binding = self._binder.binding(key)
        if contact is None or binding is None:
            return
        if entity is Entity.CONTACT and name in ContactCard.__dataclass_fields__:
            value = binding.value
            if name in _ENUMS and isinstance(value, str) and value:
                value = _ENUMS[name](value)
            contact = dataclasses.replace(contact, **{name: value})
        elif entity is Entity.PERSONAL:
            contact = dataclasses.replace(
                contact, personal={**contact.personal, name: binding.value}
            )
        else:
            return
        self._contacts[contact_id] = contact
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(ROW_ID_ROLE) == contact_id:
                _show(item, contact)

    def editor(self) -> QWidget | None:
        return self.editor_area.widget()

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(ROW_ID_ROLE))

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        old = self.editor_area.widget()
        if old is not None:
            self._binder.commit_within(old)
            self.editor_area.takeWidget()
            old.hide()
            old.deleteLater()
        self.editor_area.setWidget(self._editor(self._contacts[item.data(ROW_ID_ROLE)]))

    def _editor(self, contact: ContactCard) -> QWidget:
        values = {name: getattr(contact, name) for name in ContactCard.__dataclass_fields__}
        page = QWidget()
        page.setObjectName("contactEditor")
        column = QVBoxLayout(page)
        column.setContentsMargins(6, 12, 16, 12)

        who = QGroupBox(self.tr("Who"))
        form = BoundForm(self._binder, Entity.CONTACT, contact.id, values)
        form.line("surname", self.tr("Surname"))
        form.line("name", self.tr("First name"))
        form.line("patronymic", self.tr("Patronymic"))
        form.line("form_of_address", self.tr("How to address"), self.tr("e.g. Пётр Сергеевич"))
        form.line("position", self.tr("Position"))
        form.line("department", self.tr("Department"))
        form.line("phone_work", self.tr("Work phone"), "+7 …")
        form.line("phone_mobile", self.tr("Mobile phone"), "+7 …")
        form.line("email", self.tr("E-mail"))
        QVBoxLayout(who).addWidget(form)
        column.addWidget(who)

        dmu = QGroupBox(self.tr("Role in the decision"))
        form = BoundForm(self._binder, Entity.CONTACT, contact.id, values)
        form.choice("dmu_role", self.tr("DMU role"), DmuRole)
        influence = [("—", None)] + [(f"{n} — {'●' * n}{'○' * (5 - n)}", n) for n in range(1, 6)]
        form.items("influence", self.tr("Influence"), influence)
        form.choice("attitude", self.tr("Attitude to us"), Attitude)
        psychotype = form.choice("psychotype", self.tr("Psychotype"), Psychotype)
        tips = muted(psychotype_tips(contact.psychotype))
        tips.setObjectName("psychotypeTips")
        form.form.addRow("", tips)
        psychotype.currentIndexChanged.connect(
            lambda _i: tips.setText(
                psychotype_tips(
                    Psychotype(psychotype.currentData()) if psychotype.currentData() else None
                )
            )
        )
        form.check("is_kol", self.tr("Opinion leader"), self.tr("Key opinion leader (KOL)"))
        bosses = [("—", None)] + [
            (c.full_name, c.id) for c in self._contacts.values() if c.id != contact.id
        ]
        form.items("reports_to_id", self.tr("Reports to"), bosses)
        QVBoxLayout(dmu).addWidget(form)
        column.addWidget(dmu)

        consent_box = QGroupBox(self.tr("Personal data"))
        consent_column = QVBoxLayout(consent_box)
        consent = BoundForm(self._binder, Entity.CONTACT, contact.id, values)
        given = consent.check(
            "consent_given", self.tr("Consent"), self.tr("Consented to personal-data processing")
        )
        consent.date("consent_date", self.tr("Consent given on"))
        consent_column.addWidget(consent)
        reason = QLabel(translate(CONSENT_NEEDED))
        reason.setObjectName("consentReason")
        reason.setWordWrap(True)
        reason.setStyleSheet("color: #b26a00;")
        consent_column.addWidget(reason)
        withdrawn = QLabel(
            self.tr(
                "Consent is not given but personal details are kept: the law (152-FZ) wants "
                "them erased within 30 days of a withdrawal."
            )
        )
        withdrawn.setObjectName("consentWithdrawnNote")
        withdrawn.setWordWrap(True)
        withdrawn.setStyleSheet("color: #c62828;")
        consent_column.addWidget(withdrawn)
        erase = QPushButton(self.tr("Erase personal details…"))
        erase.setObjectName("erasePersonalDetails")
        erase.clicked.connect(lambda: self.erase_requested.emit(contact.id))
        consent_column.addWidget(erase, 0, Qt.AlignmentFlag.AlignLeft)
        personal = BoundForm(self._binder, Entity.PERSONAL, contact.id, contact.personal)
        personal.date("birthday", self.tr("Birthday"))
        personal.notes("education", self.tr("Education"))
        personal.notes("previous_jobs", self.tr("Previous jobs"))
        personal.notes("military_service", self.tr("Military service"))
        personal.notes("family", self.tr("Family"))
        personal.notes("hobbies", self.tr("Hobbies and sports"))
        personal.notes("current_concerns", self.tr("What concerns them now"))
        personal.line("smoking", self.tr("Smoking"))
        personal.line("alcohol", self.tr("Alcohol"))
        personal.line("food_preferences", self.tr("Food preferences"))
        personal.notes("topics_to_avoid", self.tr("Topics to avoid"))
        personal.notes("notes", self.tr("Notes"))
        personal.setObjectName("personalDetails")
        consent_column.addWidget(personal)

        def consent_changed(on: bool) -> None:
            kept = not on and _shows_details(personal)
            personal.setEnabled(on)
            reason.setVisible(not on and not kept)
            withdrawn.setVisible(kept)
            erase.setVisible(kept)

        given.toggled.connect(consent_changed)
        consent_changed(contact.consent_given)
        column.addWidget(consent_box)

        notes = BoundForm(self._binder, Entity.CONTACT, contact.id, values)
        notes.notes("notes", self.tr("Notes"))
        column.addWidget(notes)
        column.addStretch(1)
        return page


def _shows_details(form: BoundForm) -> bool:
    """Whether any personal field shows something (stored, or typed and not yet stored)."""
    for widget in form.inputs.values():
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        if isinstance(widget, NotesEdit):
            text = widget.plain_text()
        if text.strip():
            return True
    return False
