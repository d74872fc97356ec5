"""Everything printed on an offer, as plain values: the renderer computes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class DocSupplier:
    name: str
    inn: str
    kpp: str
    address: str
    phone: str = ""
    email: str = ""
    bank_name: str = ""
    bik: str = ""
    account: str = ""
    corr_account: str = ""
    logo_path: str = ""
    signer_name: str = ""
    signer_title: str = ""


@dataclass(frozen=True)
class DocLine:
    position: int
    title: str
    sku: str
    quantity: int
    unit_price: Decimal
    discount_pct: Decimal
    discounted_price: Decimal
    net: Decimal
    vat_rate: Decimal | None  # None: exempt, printed «без НДС»
    vat: Decimal
    total: Decimal
    registration_number: str = ""  # РУ, printed in a reply to a price request


@dataclass(frozen=True)
class DocReader:
    full_name: str
    position: str
    form_of_address: str  # «Андрей Петрович»
    arguments: str
    female: bool = False


@dataclass(frozen=True)
class DocTeamMember:
    full_name: str
    job_title: str
    contacts: str


@dataclass(frozen=True)
class DocAnnex:
    title: str
    path: Path


@dataclass(frozen=True)
class DocTotals:
    before_discount: Decimal
    discount: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal
    vat_by_rate: tuple[tuple[Decimal, Decimal], ...]  # exempt lines are not in it
    in_words: str


@dataclass(frozen=True)
class OfferDocument:
    number: str
    edition: int
    offer_date: date
    valid_until: date
    supplier: DocSupplier
    client_name: str
    client_address: str
    lines: list[DocLine]
    totals: DocTotals
    readers: list[DocReader] = field(default_factory=list)
    benefit: str = ""
    exclusivity: str = ""
    delivery_terms: str = ""
    payment_terms: str = ""
    team: list[DocTeamMember] = field(default_factory=list)
    annexes: list[DocAnnex] = field(default_factory=list)
    draft: bool = False  # carries the «ПРОЕКТ» watermark
    qr_payload: str = ""
    vat_note: str = ""  # a new edition: where the VAT rate changed since the previous one
    payment_deferral_days: int | None = None  # «Отсрочка платежа: 45 календарных дней»
    # A reply to a state customer's price request (44-ФЗ, НМЦК) instead of a КП.
    price_reply: bool = False
    price_request_number: str = ""
    price_request_date: date | None = None

    @property
    def without_vat(self) -> bool:
        """Every line is exempt: the offer carries no VAT at all."""
        return bool(self.lines) and all(line.vat_rate is None for line in self.lines)

    @property
    def deferral_text(self) -> str:
        """«45 календарных дней» ("" without a deferral)."""
        from kamdesk.services.offers.money import plural_form

        days = self.payment_deferral_days
        if days is None:
            return ""
        forms = ("календарный день", "календарных дня", "календарных дней")
        return f"{days} {plural_form(days, forms)}"

    @property
    def reference(self) -> str:
        """«КП-2026-7FK-0042, ред. 2» — what the footer and the QR caption show."""
        return f"{self.number}, ред. {self.edition}"
