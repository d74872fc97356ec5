"""Editing one product: identity, kind and VAT, arguments (key messages, objections),
competitors. The VAT is how the product is taxed; the rate follows from the date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
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

from kamdesk.services.products import (
    CatalogError,
    ProductCatalog,
    ProductDetail,
    ProductInput,
    ProductKind,
    VatKind,
    format_vat_rate,
    rate_period,
)
from kamdesk.services.products.vat import default_vat_kind
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
        self.kind = QComboBox()
        for kind, label in (
            (ProductKind.MEDICINE, self.tr("Medicine")),
            (ProductKind.MEDICAL_DEVICE, self.tr("Medical device")),
            (ProductKind.OTHER, self.tr("Other goods")),
        ):
            self.kind.addItem(label, kind.value)
        select_data(self.kind, ProductKind(d.kind).value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Kind"), self.kind)
        for name, label in (
            ("sku", self.tr("SKU")),
            ("code_1c", self.tr("1C code")),
            ("trade_name", self.tr("Trade name")),
            ("inn_name", self.tr("INN (МНН), for a medicine")),
            ("dosage_form", self.tr("Form")),
            ("dosage", self.tr("Dosage")),
            ("pack", self.tr("Pack")),
            ("registration_number", self.tr("Registration number")),
            ("product_group", self.tr("Group")),
        ):
            edit = QLineEdit(getattr(d, name))
            self.fields[name] = edit
            form.addRow(label, edit)
        self.vat = QComboBox()
        for vat_kind, label in self._vat_choices():
            self.vat.addItem(label, vat_kind.value)
        select_data(self.vat, VatKind(d.vat_kind).value)
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

    def _vat_choices(self) -> list[tuple[VatKind, str]]:
        standard = rate_period(VatKind.STANDARD, date.today())
        return [
            (VatKind.REDUCED, self.tr("10 % (medicines, medical goods)")),
            (
                VatKind.STANDARD,
                self.tr("standard rate: %1 from %2")
                .replace("%1", format_vat_rate(standard.rate))
                .replace("%2", f"{standard.valid_from:%d.%m.%Y}"),
            ),
            (VatKind.ZERO, self.tr("0 %")),
            (VatKind.EXEMPT, self.tr("exempt (без НДС), not 0 %")),
        ]

    def _kind_changed(self) -> None:
        """A new product takes its kind's usual VAT; a stored one keeps what it has."""
        if self._data.id is None:
            usual = default_vat_kind(ProductKind(self.kind.currentData()))
            select_data(self.vat, usual.value)

    def save(self) -> None:
        d = self._data
        for name, edit in self.fields.items():
            setattr(d, name, edit.text())
        d.kind = ProductKind(self.kind.currentData())
        d.vat_kind = VatKind(self.vat.currentData())
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
