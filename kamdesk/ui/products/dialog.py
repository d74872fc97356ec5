"""Editing one product: identity and VAT, arguments (key messages, objections), competitors."""

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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.products import CatalogError, ProductCatalog, ProductDetail, ProductInput
from kamdesk.ui.item_data import select_data
from kamdesk.ui.offers.common import messages_text
from kamdesk.ui.products.comparisons import ComparisonsEditor

SEPARATOR = " => "
ERROR_BORDER = "border: 1px solid #b3261e;"


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
        self.resize(720, 560)
        d = self._data
        self.tabs = QTabWidget(self)

        identity = QWidget(self)
        form = QFormLayout(identity)
        self.fields: dict[str, QLineEdit] = {}
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
        select_data(self.vat, d.vat_rate, f"{d.vat_rate} %")
        form.addRow(self.tr("VAT"), self.vat)
        self.tabs.addTab(identity, self.tr("Product"))

        arguments = QWidget(self)
        arguments_form = QFormLayout(arguments)
        self.messages = QPlainTextEdit("\n".join(d.key_messages))
        self.messages.setPlaceholderText(self.tr("One key message a line"))
        arguments_form.addRow(self.tr("Key messages"), self.messages)
        self.objections = QPlainTextEdit("\n".join(f"{o}{SEPARATOR}{a}" for o, a in d.objections))
        self.objections.setPlaceholderText(self.tr("One a line: objection => answer"))
        arguments_form.addRow(self.tr("Objections"), self.objections)
        self.tabs.addTab(arguments, self.tr("Arguments"))

        self.comparisons = ComparisonsEditor(d.comparisons, self)
        self.tabs.addTab(self.comparisons, self.tr("Competitors"))

        self.errors = QLabel()
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

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
            d.comparisons = self.comparisons.comparisons()
        except ValueError as error:
            self.errors.setText(
                self.tr("Competitor row %1: the price is not a number.").replace(
                    "%1", str(error.args[0])
                )
            )
            self.tabs.setCurrentWidget(self.comparisons)
            return
        try:
            self._catalog.save(d)
        except CatalogError as error:
            self.errors.setText(messages_text(error.messages))
            for name, edit in self.fields.items():
                edit.setStyleSheet(ERROR_BORDER if name in error.messages else "")
            if "comparisons" in error.messages and len(error.messages) == 1:
                self.tabs.setCurrentWidget(self.comparisons)
            elif error.messages.keys() & self.fields.keys():
                self.tabs.setCurrentIndex(0)
            return
        self.accept()
