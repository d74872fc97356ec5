"""Offers compute with the VAT of their date, say when a new edition's rate changed,
print exemption as such, and hold one line a product. Figures are checked by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from kamdesk.documents.stored_offer import build_document
from kamdesk.services.offers import (
    OfferBook,
    OfferError,
    VatChange,
    load_offer_settings,
    mark_sent,
    save_offer_settings,
)
from kamdesk.services.products import ProductCatalog, VatKind
from kamdesk.store import Store
from tests.documents.offer_data import TODAY, Territory, make_territory

D = Decimal
MASK_TITLE = "Маска медицинская, изделие, №50"


def _save(store: Store, territory: Territory, on: date) -> OfferBook:
    """10 × Кардиомагнил at 123,45 (10 %) and 3 × medical masks at 310,00 (standard)."""
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=on)
    draft.lines = [territory.line("KM-75-100", 10), territory.line("MASK-50", 3)]
    book.save(draft, today=on)
    return book


def _set_vat(store: Store, territory: Territory, sku: str, vat_kind: VatKind) -> None:
    catalog = ProductCatalog(store)
    detail = catalog.detail(territory.products[sku])
    assert detail is not None
    catalog.save(replace(detail.as_input(), vat_kind=vat_kind))


def test_an_offer_of_31_december_2025_charges_20_and_one_of_1_january_2026_charges_22(
    store: Store,
) -> None:
    territory = make_territory(store)
    book = _save(store, territory, date(2025, 12, 31))
    _save(store, territory, date(2026, 1, 1))
    rows = {row.offer_date: row for row in book.list()}
    before = book.get(rows[date(2025, 12, 31)].id)
    after = book.get(rows[date(2026, 1, 1)].id)
    assert before is not None and after is not None
    assert [line.vat_rate for line in before.draft.lines] == [D(10), D(20)]
    assert [line.vat_rate for line in after.draft.lines] == [D(10), D(22)]
    # 10 × 123,45 = 1234,50 + 10 % = 123,45; 3 × 310,00 = 930,00 + 20 % = 186,00
    assert before.draft.totals().vat == D("309.45")
    assert before.row.total == D("2473.95")
    # the masks in 2026: 930,00 + 22 % = 204,60
    assert after.draft.totals().vat_by_rate == ((D(10), D("123.45")), (D(22), D("204.60")))
    assert after.row.total == D("2492.55")


def test_an_exempt_line_has_no_vat_and_is_not_a_zero_rate(store: Store) -> None:
    territory = make_territory(store)
    _set_vat(store, territory, "MASK-50", VatKind.EXEMPT)
    book = _save(store, territory, TODAY)
    (row,) = book.list()
    view = book.get(row.id)
    assert view is not None
    assert [line.vat_rate for line in view.draft.lines] == [D(10), None]
    totals = view.draft.totals()
    # 1234,50 + 123,45 VAT, and 930,00 without VAT: 2287,95
    assert (totals.vat, totals.total, totals.exempt_net) == (D("123.45"), D("2287.95"), D(930))
    assert totals.vat_by_rate == ((D(10), D("123.45")),)  # no «НДС 0 %» row for exemption
    document = build_document(store, row.id, TODAY)
    assert [line.vat_rate for line in document.lines] == [D(10), None]
    assert not document.without_vat

    _set_vat(store, territory, "MASK-50", VatKind.ZERO)
    book = _save(store, territory, TODAY)
    zero = next(r for r in book.list() if r.id != row.id)
    zero_view = book.get(zero.id)
    assert zero_view is not None
    assert zero_view.draft.totals().vat_by_rate == ((D(0), D("0.00")), (D(10), D("123.45")))
    assert zero_view.draft.totals().exempt_net == D(0)


def test_a_new_edition_after_new_year_says_when_the_rate_changed(store: Store) -> None:
    territory = make_territory(store)
    sent_on = date(2025, 12, 25)
    book = _save(store, territory, sent_on)
    (row,) = book.list()
    mark_sent(store, row.id, today=sent_on)
    view = book.get(row.id)
    assert view is not None
    draft = view.draft
    draft.offer_date, draft.valid_until = date(2026, 1, 12), date(2026, 2, 11)
    new_id = book.save(draft, today=date(2026, 1, 12))

    old, new = book.get(row.id), book.get(new_id)
    assert old is not None and new is not None
    assert [line.vat_rate for line in old.draft.lines] == [D(10), D(20)]  # as it was sent
    assert [line.vat_rate for line in new.draft.lines] == [D(10), D(22)]
    assert new.vat_changes == (VatChange(MASK_TITLE, D(20), D(22), date(2026, 1, 1)),)
    assert new.previous_edition == (1, sent_on)
    said = f"С 01.01.2026 ставка НДС — 22 % (в редакции 1 от 25.12.2025 — 20 %): {MASK_TITLE}."
    assert new.history[0].note == f"редакция 2. {said}"
    assert build_document(store, new_id, date(2026, 1, 12)).vat_note == said
    assert build_document(store, row.id, date(2025, 12, 25)).vat_note == ""


def test_a_new_edition_says_when_the_catalogue_changed_the_vat(store: Store) -> None:
    territory = make_territory(store)
    book = _save(store, territory, TODAY)
    (row,) = book.list()
    mark_sent(store, row.id, today=TODAY)
    _set_vat(store, territory, "MASK-50", VatKind.EXEMPT)  # registered: art. 149
    view = book.get(row.id)
    assert view is not None
    new = book.get(book.save(view.draft, today=TODAY))
    assert new is not None
    assert new.vat_changes == (VatChange(MASK_TITLE, D(22), None, None),)
    assert "Теперь без НДС (в редакции 1 от 02.03.2026 — 22 %)" in new.history[0].note


def test_a_supplier_on_the_simplified_system_charges_5_percent(store: Store) -> None:
    territory = make_territory(store)
    settings = load_offer_settings(store)
    save_offer_settings(store, replace(settings, vat_regime="simplified_5"))
    book = _save(store, territory, TODAY)
    (row,) = book.list()
    view = book.get(row.id)
    assert view is not None
    assert [line.vat_rate for line in view.draft.lines] == [D(5), D(5)]
    # 1234,50 × 5 % = 61,725 → 61,73 (half up); 930,00 × 5 % = 46,50
    assert view.draft.totals().vat == D("108.23")


def test_an_offer_has_one_line_a_product(store: Store) -> None:
    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [
        territory.line("KM-75-100", 10, "3"),
        territory.line("AM-5-30", 5),
        territory.line("KM-75-100", 20, "4"),  # КП-2026-DEM-0004 had this
    ]
    with pytest.raises(OfferError) as refused:
        book.save(draft, today=TODAY)
    assert set(refused.value.messages) == {"lines.3.product"}
    said = str(refused.value.messages["lines.3.product"])
    assert "line 3: Кардиомагнил (KM-75-100) is already in line 1" in said
    assert book.list() == []
    draft.lines[0].quantity += draft.lines.pop().quantity
    book.save(draft, today=TODAY)
    (row,) = book.list()
    assert row.lines_count == 2


def test_the_rates_follow_the_date_before_saving(store: Store) -> None:
    """What the editor shows while the date changes is what saving will store."""
    territory = make_territory(store)
    book = OfferBook(store)
    lines = [territory.line("KM-75-100", 1), territory.line("MASK-50", 1)]
    book.apply_vat(lines, date(2026, 1, 1) - timedelta(days=1))
    assert [line.vat_rate for line in lines] == [D(10), D(20)]
    book.apply_vat(lines, date(2026, 1, 1))
    assert [line.vat_rate for line in lines] == [D(10), D(22)]
