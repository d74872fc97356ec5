"""Plain objects the offer editor, the list, the CLI and the PDF work with."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from kamdesk.models import DmuRole, OfferStatus
from kamdesk.services.offers.money import (
    LineFigures,
    Totals,
    line_figures,
    reply_figures,
    totals,
)
from kamdesk.vocabulary import OfferPurpose

__all__ = [
    "AddresseeInput",
    "AnnexInput",
    "DmuRole",
    "LineInput",
    "OfferDraft",
    "OfferPurpose",
    "OfferRow",
    "OfferStatus",
    "OfferView",
    "StatusEvent",
    "TeamMemberInput",
    "VatChange",
]


@dataclass
class LineInput:
    product_id: uuid.UUID
    quantity: int
    unit_price: Decimal | None  # without VAT; None: the product has no price yet
    discount_pct: Decimal = Decimal(0)
    # The rate in force on the offer's date: OfferBook sets it from the product's VAT
    # (`apply_vat`, and on every save). None: exempt («без НДС»).
    vat_rate: Decimal | None = Decimal(10)
    # Filled when read back, for display only.
    title: str = ""
    sku: str = ""
    registration_number: str = ""  # the product's РУ (a price reply prints it)
    max_discount: Decimal | None = None

    def figures(self, price_reply: bool = False) -> LineFigures:
        if price_reply:  # the unit price with VAT times the quantity (money.py)
            return reply_figures(self.quantity, self.unit_price or Decimal(0), self.vat_rate)
        return line_figures(
            self.quantity, self.unit_price or Decimal(0), self.discount_pct, self.vat_rate
        )


@dataclass
class AddresseeInput:
    contact_id: uuid.UUID
    arguments: str = ""
    # Filled when read back.
    full_name: str = ""
    position: str = ""
    form_of_address: str = ""
    dmu_role: DmuRole | None = None


@dataclass
class TeamMemberInput:
    full_name: str
    job_title: str = ""
    contacts: str = ""


@dataclass
class AnnexInput:
    title: str
    path: str  # a PDF to copy into the store's attachments, or the stored file when read back
    sha256: str = ""


@dataclass
class OfferDraft:
    """The editor's state. `id` None: a new offer; an id of a sent offer: a new edition."""

    account_id: uuid.UUID
    offer_date: date
    valid_until: date
    lines: list[LineInput] = field(default_factory=list)
    addressees: list[AddresseeInput] = field(default_factory=list)
    team: list[TeamMemberInput] = field(default_factory=list)
    annexes: list[AnnexInput] = field(default_factory=list)
    delivery_terms: str = ""
    payment_terms: str = ""
    benefit: str = ""
    exclusivity: str = ""
    id: uuid.UUID | None = None
    # Days of payment deferral, checked against the envelope like a discount; None: none.
    payment_deferral_days: int | None = None
    # A reply to a state customer's price request (44-ФЗ, НМЦК): its number and date.
    purpose: OfferPurpose = OfferPurpose.COMMERCIAL
    price_request_number: str = ""
    price_request_date: date | None = None

    @property
    def is_price_reply(self) -> bool:
        return self.purpose == OfferPurpose.PRICE_REPLY

    def totals(self) -> Totals:
        return totals(line.figures(self.is_price_reply) for line in self.lines)


@dataclass(frozen=True)
class StatusEvent:
    changed_at: datetime
    from_status: OfferStatus | None
    to_status: OfferStatus
    note: str


@dataclass(frozen=True)
class OfferRow:
    id: uuid.UUID
    number: str
    edition: int
    account_id: uuid.UUID
    account_name: str
    offer_date: date
    valid_until: date
    status: OfferStatus
    total: Decimal
    needs_approval: bool
    approved: bool
    lines_count: int
    approval_status: str = ""  # "", requested, approved, rejected (through the office)


@dataclass(frozen=True)
class VatChange:
    """A product whose VAT differs from the previous edition's."""

    title: str
    old_rate: Decimal | None  # None: exempt
    new_rate: Decimal | None
    # The day the new rate came into force (01.01.2026 for 20 % → 22 %); None when the
    # catalogue changed how the product is taxed rather than the law.
    since: date | None


@dataclass(frozen=True)
class OfferView:
    row: OfferRow
    draft: OfferDraft
    approved_by: str
    approved_at: datetime | None
    history: list[StatusEvent]
    editions: list[tuple[uuid.UUID, int, OfferStatus]]  # every edition of the number
    is_latest: bool
    # Against the previous edition (its number and date): where the VAT changed.
    vat_changes: tuple[VatChange, ...] = ()
    previous_edition: tuple[int, date] | None = None

    @property
    def blocked_by_approval(self) -> bool:
        return self.row.needs_approval and not self.row.approved
