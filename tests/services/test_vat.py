"""VAT as dated data: the rate a product carries on a given day, by how it is taxed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kamdesk.services.products.vat import (
    ProductKind,
    VatKind,
    VatRegime,
    format_vat_rate,
    kind_for_rate,
    rate_period,
    rates_in_force,
    vat_rate,
)

D = Decimal
LAST_DAY_OF_20 = date(2025, 12, 31)
FIRST_DAY_OF_22 = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("kind", "on", "rate"),
    [
        (VatKind.STANDARD, date(2018, 12, 31), D(18)),
        (VatKind.STANDARD, date(2019, 1, 1), D(20)),
        (VatKind.STANDARD, LAST_DAY_OF_20, D(20)),
        (VatKind.STANDARD, FIRST_DAY_OF_22, D(22)),
        (VatKind.STANDARD, date(2026, 12, 3), D(22)),
        (VatKind.REDUCED, LAST_DAY_OF_20, D(10)),
        (VatKind.REDUCED, FIRST_DAY_OF_22, D(10)),
        (VatKind.ZERO, FIRST_DAY_OF_22, D(0)),
        (VatKind.EXEMPT, FIRST_DAY_OF_22, None),  # no VAT at all, not 0 %
    ],
)
def test_the_rate_of_a_day(kind: VatKind, on: date, rate: Decimal | None) -> None:
    assert vat_rate(kind, on) == rate


def test_the_standard_rate_says_since_when() -> None:
    period = rate_period(VatKind.STANDARD, date(2026, 6, 15))
    assert (period.rate, period.valid_from) == (D(22), FIRST_DAY_OF_22)


def test_a_simplified_tax_supplier_charges_its_special_rate_from_2025() -> None:
    five, seven = VatRegime.SIMPLIFIED_5, VatRegime.SIMPLIFIED_7
    assert vat_rate(VatKind.STANDARD, FIRST_DAY_OF_22, five) == D(5)
    assert vat_rate(VatKind.REDUCED, FIRST_DAY_OF_22, five) == D(5)  # instead of 10 % too
    assert vat_rate(VatKind.STANDARD, FIRST_DAY_OF_22, seven) == D(7)
    assert vat_rate(VatKind.ZERO, FIRST_DAY_OF_22, five) == D(0)
    assert vat_rate(VatKind.EXEMPT, FIRST_DAY_OF_22, five) is None
    assert vat_rate(VatKind.STANDARD, date(2024, 12, 31), five) is None  # УСН paid no VAT


def test_the_rates_a_document_may_carry() -> None:
    assert rates_in_force(LAST_DAY_OF_20) == (D(0), D(10), D(20))
    assert rates_in_force(FIRST_DAY_OF_22) == (D(0), D(10), D(22))
    assert rates_in_force(FIRST_DAY_OF_22, VatRegime.SIMPLIFIED_7) == (D(0), D(7))


def test_a_stated_rate_is_read_at_the_lists_date() -> None:
    assert kind_for_rate(D(22), FIRST_DAY_OF_22) == VatKind.STANDARD
    assert kind_for_rate(D(20), LAST_DAY_OF_20) == VatKind.STANDARD
    assert kind_for_rate(D(20), FIRST_DAY_OF_22) is None  # not a rate of 2026
    assert kind_for_rate(D(22), LAST_DAY_OF_20) is None
    assert kind_for_rate(D(10), FIRST_DAY_OF_22) == VatKind.REDUCED
    assert kind_for_rate(D(0), FIRST_DAY_OF_22) == VatKind.ZERO
    assert kind_for_rate(None, FIRST_DAY_OF_22) == VatKind.EXEMPT
    assert kind_for_rate(D(5), FIRST_DAY_OF_22) is None  # only for УСН
    five = VatRegime.SIMPLIFIED_5
    assert kind_for_rate(D(5), FIRST_DAY_OF_22, five, ProductKind.MEDICINE) == VatKind.REDUCED
    assert kind_for_rate(D(5), FIRST_DAY_OF_22, five, ProductKind.OTHER) == VatKind.STANDARD


def test_rates_print_as_russian_documents_write_them() -> None:
    assert [format_vat_rate(r) for r in (D(22), D("10.00"), D(0), None)] == [
        "22 %",
        "10 %",
        "0 %",
        "без НДС",
    ]
