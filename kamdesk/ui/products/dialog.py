"""Editing one product: identity, VAT, key messages and objection → answer pairs."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kamdesk.services.products import CatalogError, ProductCatalog, ProductDetail, ProductInput
from kamdesk.ui.offers.common import messages_text

SEPARATOR = " => "


class ProductDialog(QDialog):
    def __init__(
        self, catalog: ProductCatalog, detail: ProductDetail | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._data = (
            detail.as_input() if detail else ProductInput(sku="", trade_name="", inn_name="")
        )
        self.setWindowTitle(self.tr("Product"))
        self.resize(640, 620)
        d = self._data
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name, label in (
            ("sku", self.tr("SKU")),
            ("trade_name", self.tr("Trade name")),
            ("inn_name", self.tr("INN (МНН)")),
            ("dosage_form", self.tr("Form")),
            ("dosage", self.tr("Dosage")),
            ("pack", self.tr("Pack")),
            ("registration_number", self.tr("Registration number")),
            ("product_group", self.tr("Group")),
        ):
            edit = QLineEdit(getattr(d, name))
            self.fields[name] = edit
            form.addRow(label, edit)
        self.medicine = QCheckBox(self.tr("Medicine"))
        self.medicine.setChecked(d.is_medicine)
        form.addRow("", self.medicine)
        self.vat = QComboBox()
        for rate in ("10", "20", "0"):
            self.vat.addItem(f"{rate} %", Decimal(rate))
        self.vat.setCurrentIndex(max(self.vat.findData(d.vat_rate), 0))
        form.addRow(self.tr("VAT"), self.vat)
        self.messages = QPlainTextEdit("\n".join(d.key_messages))
        self.messages.setPlaceholderText(self.tr("One key message a line"))
        form.addRow(self.tr("Key messages"), self.messages)
        self.objections = QPlainTextEdit("\n".join(f"{o}{SEPARATOR}{a}" for o, a in d.objections))
        self.objections.setPlaceholderText(self.tr("One a line: objection => answer"))
        form.addRow(self.tr("Objections"), self.objections)
        self.errors = QLabel()
        self.errors.setStyleSheet("color: #b3261e;")
        form.addRow(self.errors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        d = self._data
        for name, edit in self.fields.items():
            setattr(d, name, edit.text())
        d.is_medicine = self.medicine.isChecked()
        d.vat_rate = self.vat.currentData()
        d.key_messages = self.messages.toPlainText().splitlines()
        d.objections = [
            (line.partition(SEPARATOR)[0], line.partition(SEPARATOR)[2])
            for line in self.objections.toPlainText().splitlines()
            if line.strip()
        ]
        try:
            self._catalog.save(d)
        except CatalogError as error:
            self.errors.setText(messages_text(error.messages))
            for name, edit in self.fields.items():
                edit.setStyleSheet("border: 1px solid #b3261e;" if name in error.messages else "")
            return
        self.accept()
