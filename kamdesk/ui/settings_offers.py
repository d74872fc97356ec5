"""The «КП» tab of Settings: the supplier's requisites, validity and the discount envelope.

Everything is checked before anything is saved: a problem is shown under its
field (or under the envelope table) and the settings stay as they were. The
logo is checked when it is chosen: Qt reads its header (kind and size, nothing
decoded yet), then kamdesk.documents.logo draws it the way an offer will, so a
logo that is accepted prints. It is copied beside the store so the PDF still
finds it after the original file moves. There is no "manager override" here: an
offer above the envelope is approved by the manager through the office
(kamdesk.services.offers.approvals); nobody approves their own discount.

The requisites, validity, envelope and tax system are office data
(kamdesk.services.offers.office): on a laptop enrolled as a KAM they are shown
read-only with a line saying who changes them; the logo stays the laptop's own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.documents.logo import logo_problem, size_problem
from kamdesk.i18n import Message
from kamdesk.services.offers import (
    OfferSettings,
    OfferSettingsError,
    OfficeSettingsReadOnly,
    Supplier,
    check_offer_settings,
    envelope_from_rows,
    envelope_rows,
    keep_logo,
    load_offer_settings,
    office_settings_editable,
    save_offer_settings,
)
from kamdesk.services.offers.office import READ_ONLY_NOTE
from kamdesk.services.offers.settings import DEFERRAL
from kamdesk.services.products import ProductCatalog
from kamdesk.services.products.vat import VatRegime
from kamdesk.ui.file_dialogs import get_open_file_name
from kamdesk.ui.item_data import index_of_data
from kamdesk.ui.line_text import show_start
from kamdesk.ui.offers.common import message_text
from kamdesk.ui.sentence import as_sentence
from kamdesk.ui.settings_envelope import EnvelopeTable
from kamdesk.ui.settings_offers_deferral import DeferralLimits

ERROR_STYLE = "color: #b3261e;"
LOGO_FORMATS = (b"png", b"jpeg")
SUPPLIER_FIELDS = (
    "name",
    "inn",
    "kpp",
    "address",
    "phone",
    "email",
    "bank_name",
    "bik",
    "account",
    "corr_account",
    "signer_name",
    "signer_title",
)


def _look_read_only(widget: QWidget) -> None:
    """Filled with the window's colour, not the white of a field to type in."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    widget.setPalette(palette)


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class OffersSettingsTab(QWidget):
    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offersSettings")
        self._store = store
        self._saved = load_offer_settings(store)
        self.editable = office_settings_editable(store)
        self.logo_path = self._saved.supplier.logo_path
        self.errors: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}

        self.fields: dict[str, QLineEdit] = {}
        self._supplier_box = QGroupBox(self)
        supplier_form = QFormLayout(self._supplier_box)
        for name in SUPPLIER_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"supplier_{name}")
            # «Генеральный директор Иванов И. И.» from its start, not «…ректор Иванов И. И.»
            show_start(edit, getattr(self._saved.supplier, name))
            self.fields[name] = edit
            self._add_row(supplier_form, name, edit)
        self.logo_preview = QLabel(self)
        self.logo_preview.setFixedSize(64, 64)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #c5cad1;")
        self.choose_logo = QPushButton(self)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.clear_logo = QPushButton(self)
        self.clear_logo.clicked.connect(lambda: self.set_logo(""))
        logo_row = QWidget(self)
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_preview)
        logo_layout.addWidget(self.choose_logo)
        logo_layout.addWidget(self.clear_logo)
        logo_layout.addStretch(1)
        self._add_row(supplier_form, "logo_path", logo_row)

        self._offer_box = QGroupBox(self)
        offer_form = QFormLayout(self._offer_box)
        self.validity = QSpinBox(self)
        self.validity.setRange(1, 365)
        self.validity.setMaximumWidth(120)
        self.validity.setValue(self._saved.validity_days)
        self._add_row(offer_form, "validity_days", self.validity)
        self.vat_regime = QComboBox(self)
        self.vat_regime.setObjectName("vatRegime")
        for regime in VatRegime:
            self.vat_regime.addItem("", regime.value)
        self.vat_regime.setCurrentIndex(
            max(index_of_data(self.vat_regime, self._saved.regime.value), 0)
        )
        self._add_row(offer_form, "vat_regime", self.vat_regime)

        self._envelope_box = QGroupBox(self)
        self.envelope = EnvelopeTable(self)
        catalog = ProductCatalog(store).list()
        self.envelope.known_groups = {r.product_group for r in catalog if r.product_group}
        self.envelope.known_skus = {r.sku for r in catalog}
        self.envelope.set_rows(envelope_rows(self._saved.envelope))
        envelope_layout = QVBoxLayout(self._envelope_box)
        envelope_layout.addWidget(self.envelope)
        self.errors["envelope"] = _error_label(self)
        envelope_layout.addWidget(self.errors["envelope"])
        self.deferral = DeferralLimits(self._saved.envelope, self)

        self.office_note = QLabel(self)
        self.office_note.setObjectName("officeNote")
        self.office_note.setWordWrap(True)
        self.office_note.setVisible(not self.editable)
        right = QVBoxLayout()
        right.addWidget(self._offer_box)
        right.addWidget(self._envelope_box, 1)
        right.addWidget(self.deferral)
        columns = QHBoxLayout()
        columns.addWidget(self._supplier_box, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.office_note)
        layout.addLayout(columns, 1)
        if not self.editable:
            self._read_only()
        self.set_logo(self.logo_path)
        self._retranslate()

    def _read_only(self) -> None:
        """A KAM's laptop: the office's settings are shown, not edited (the logo is local)."""
        for edit in self.fields.values():
            edit.setReadOnly(True)
            _look_read_only(edit)
        self.validity.setReadOnly(True)
        # No arrows and the window's colour: a read-only spin box looked editable.
        self.validity.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        _look_read_only(self.validity)
        self.vat_regime.setEnabled(False)
        self.envelope.set_read_only(True)
        self.deferral.set_read_only(True)

    def _add_row(self, form: QFormLayout, name: str, editor: QWidget) -> None:
        """`editor` with its caption, and an error label under it shown when it is wrong."""
        caption = QLabel(self)
        self._captions[name] = caption
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        self.errors[name] = _error_label(self)
        column.addWidget(self.errors[name])
        form.addRow(caption, cell)

    # --- what the user entered ----------------------------------------------------

    def entered(self) -> OfferSettings:
        if not self.editable:  # only the laptop's own part can change here
            return replace(
                self._saved, supplier=replace(self._saved.supplier, logo_path=self.logo_path)
            )
        supplier = Supplier(
            **{name: edit.text().strip() for name, edit in self.fields.items()},
            logo_path=self.logo_path,
        )
        settings = replace(
            self._saved,
            supplier=supplier,
            validity_days=self.validity.value(),
            envelope={
                **envelope_from_rows(self.envelope.rows()),
                DEFERRAL: self.deferral.limits(),
            },
            vat_regime=str(self.vat_regime.currentData()),
        )
        return settings

    def problems(self) -> dict[str, Message]:
        if not self.editable:  # the office's values are the office's to correct
            return {}
        return check_offer_settings(
            self.entered(),
            self.envelope.rows(),
            self.envelope.known_groups,
            self.envelope.known_skus,
        )

    def show_problems(self, problems: dict[str, Message]) -> None:
        for name, label in self.errors.items():
            problem = problems.get(name)
            label.setVisible(problem is not None)
            label.setText(as_sentence(message_text(problem)) if problem else "")
        for name, edit in self.fields.items():
            edit.setStyleSheet("border: 1px solid #b3261e;" if name in problems else "")

    def save(self) -> bool:
        """Save everything, or nothing and show why; True when saved (or unchanged)."""
        problems = self.problems()
        self.show_problems(problems)
        if problems:
            return False
        entered = self.entered()
        if entered != self._saved:
            try:
                save_offer_settings(self._store, entered)
            except OfficeSettingsReadOnly:  # enrolled as a KAM since the tab was opened
                self.office_note.show()
                return False
            self._saved = entered
        return True

    # --- logo ---------------------------------------------------------------------

    def _choose_logo(self) -> None:
        path = get_open_file_name(
            self, self.tr("Choose the logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.use_logo_file(Path(path))

    def use_logo_file(self, source: Path) -> bool:
        """Copy `source` beside the store and show it; False (and why) if it cannot print."""
        refusal = self._logo_refusal(source)
        if refusal:
            self.errors["logo_path"].setText(refusal)
            self.errors["logo_path"].show()
            return False
        try:
            kept = keep_logo(self._store, source)
        except OfferSettingsError as error:
            self.show_problems(error.messages)
            return False
        except OSError as error:
            self.errors["logo_path"].setText(
                self.tr("The logo could not be copied: %1").replace("%1", str(error))
            )
            self.errors["logo_path"].show()
            return False
        self.errors["logo_path"].hide()
        self.set_logo(kept)
        return True

    def _logo_refusal(self, source: Path) -> str:
        """Why `source` cannot be the logo, in words for the user; "" when it can."""
        reader = QImageReader(str(source))
        if not reader.canRead() or bytes(reader.format().data()) not in LOGO_FORMATS:
            return self.tr("This file is not a PNG or JPEG image.")
        try:
            byte_count = source.stat().st_size
        except OSError as error:
            return self.tr("The logo could not be read: %1").replace("%1", str(error))
        pixels = (reader.size().width(), reader.size().height())
        # The sizes first, from the header alone: a huge image is never decoded here.
        problem = size_problem(byte_count, pixels) or logo_problem(source)
        return as_sentence(message_text(problem)) if problem else ""

    def set_logo(self, path: str) -> None:
        self.logo_path = path
        broken = logo_problem(path) if path else None
        if broken is not None:  # saved by an older version, or damaged since
            self.errors["logo_path"].setText(
                self.tr("The saved logo cannot be printed: %1").replace("%1", message_text(broken))
            )
            self.errors["logo_path"].show()
        else:
            self.errors["logo_path"].hide()
        pixmap = QPixmap(path) if path and broken is None else QPixmap()
        if pixmap.isNull():
            self.logo_preview.clear()
            self.logo_preview.setText("—")
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    60,
                    60,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.clear_logo.setEnabled(bool(path))

    # --- texts --------------------------------------------------------------------

    def _retranslate(self) -> None:
        self._supplier_box.setTitle(self.tr("Supplier: letterhead and requisites"))
        self._offer_box.setTitle(self.tr("Offers"))
        self._envelope_box.setTitle(self.tr("Discount envelope"))
        captions = {
            "name": self.tr("Company name"),
            "inn": self.tr("INN"),
            "kpp": self.tr("KPP"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "bank_name": self.tr("Bank"),
            "bik": self.tr("BIK"),
            "account": self.tr("Settlement account"),
            "corr_account": self.tr("Correspondent account"),
            "signer_name": self.tr("Signed by"),
            "signer_title": self.tr("Signer's position"),
            "logo_path": self.tr("Logo"),
            "validity_days": self.tr("Valid for"),
            "vat_regime": self.tr("Tax system"),
        }
        for name, text in captions.items():
            self._captions[name].setText(text)
        self.validity.setSuffix(self.tr(" days"))
        regimes = {
            VatRegime.GENERAL.value: self.tr("General system (VAT 22 %, 10 %, 0 %)"),
            VatRegime.SIMPLIFIED_5.value: self.tr("Simplified system (USN), VAT 5 %"),
            VatRegime.SIMPLIFIED_7.value: self.tr("Simplified system (USN), VAT 7 %"),
        }
        for index in range(self.vat_regime.count()):
            self.vat_regime.setItemText(index, regimes[self.vat_regime.itemData(index)])
        self.office_note.setText(QCoreApplication.translate("Offers", READ_ONLY_NOTE))
        self.choose_logo.setText(self.tr("Choose…"))
        self.clear_logo.setText(self.tr("Remove"))
        if any(label.isVisible() for label in self.errors.values()):
            self.show_problems(self.problems())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
