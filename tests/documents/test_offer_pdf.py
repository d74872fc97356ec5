"""The offer PDF: valid, fonts embedded, text and totals read back, annexes numbered through."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamdesk.documents.stored_offer import build_document, render_pdf
from kamdesk.services.offers import (
    AddresseeInput,
    AnnexInput,
    OfferBook,
    OfferError,
    TeamMemberInput,
    amount_in_words,
    format_money,
    load_offer_settings,
    save_offer_settings,
)
from tests.documents.offer_data import (
    EXTRA_SKUS,
    PRODUCTS,
    TODAY,
    add_extra_products,
    make_territory,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed: apt-get install poppler-utils",
)
SKUS = [p[0] for p in PRODUCTS]
POOL = SKUS + list(EXTRA_SKUS[:36])
GROUPED = re.compile(r"(?<![\d,])\d{1,3}(?: \d{3})+,\d\d(?!\d)")
ROW = re.compile(
    r"^\s*(\d+)\s+\S.*?\s(\d{1,3}(?: \d{3})*)"  # the quantity, in groups: «1 234»
    r"\s+([\d]+,\d\d)\s+(—|[\d,]+)\s+([\d]+,\d\d)\s+([\d]+,\d\d)"
    r"\s+(\d+)\s+([\d]+,\d\d)\s+([\d]+,\d\d)\s*$"
)


def pdf_text(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Thousands are grouped with no-break spaces, which come back as single spaces.
    return GROUPED.sub(lambda m: m.group(0).replace(" ", ""), text.replace("\u00a0", " "))


def money(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def make_annex(path: Path, pages: int) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    from kamdesk.documents.fonts import register_fonts

    family = register_fonts()  # an annex with embedded fonts, so the check below is ours
    canvas = Canvas(str(path), initialFontName=family)
    for page in range(pages):
        canvas.setFont(family, 12)
        canvas.drawString(100, 700, f"Registration certificate, page {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


def _offer(store, territory, lines, tmp_path: Path | None = None, annex_pages=()):
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = lines
    draft.benefit = "Экономия бюджета стационара и гарантированные поставки."
    draft.exclusivity = "Фиксированная цена на 12 месяцев."
    draft.delivery_terms = "Доставка за счёт поставщика."
    draft.payment_terms = "Отсрочка 60 дней."
    draft.addressees = [
        AddresseeInput(territory.contacts["director"], "Статус и эксклюзивность."),
        AddresseeInput(territory.contacts["finance"], "Цифры и экономия."),
    ]
    draft.team = [TeamMemberInput("Орлова Елена Викторовна", "КАМ", "+7 916 123-45-67")]
    for index, pages in enumerate(annex_pages):
        assert tmp_path is not None
        annex = make_annex(tmp_path / f"annex{index}.pdf", pages)
        draft.annexes.append(AnnexInput(f"Регистрационное удостоверение {index + 1}", str(annex)))
    return book.save(draft, TODAY)


@needs_poppler
def test_multi_page_offer_with_annexes(store, tmp_path):
    territory = make_territory(store)
    skus = add_extra_products(store, territory)  # one line a product: 70 of them
    lines = [territory.line(skus[i], i + 1, "3" if i % 2 else "0") for i in range(70)]
    offer_id = _offer(store, territory, lines, tmp_path, annex_pages=(2, 1))
    target = tmp_path / "offer.pdf"
    pages = render_pdf(store, offer_id, target, TODAY).pages
    assert pages >= 5
    check = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    if shutil.which("qpdf"):
        assert check.returncode == 0, check.stdout + check.stderr
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    font_rows = fonts.splitlines()[2:]
    assert font_rows and all(row.split()[-5] == "yes" for row in font_rows), fonts
    text = pdf_text(target)
    document = build_document(store, offer_id, TODAY)
    assert f"КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ № {document.number}" in text
    assert "ГБУЗ «Городская клиническая больница № 7»" in text
    assert "Уважаемые Андрей Петрович и Ольга Игоревна!" in text
    assert "Предложение действительно до 01.04.2026." in text
    assert "ИНН 7701234560 / КПП 770101001" in text
    assert amount_in_words(document.totals.total) in " ".join(text.split())
    assert f"Итого с НДС, ₽: {format_money(document.totals.total, '')}" in " ".join(text.split())
    for page in range(1, pages + 1):
        assert f"Страница {page} из {pages}" in text
    table_pages = [page for page in text.split("\f") if any(map(ROW.match, page.splitlines()))]
    assert len(table_pages) >= 2
    assert all("Наименование" in page for page in table_pages)  # the header repeats
    assert "Registration certificate, page 2" in text
    rows = [m for m in map(ROW.match, text.splitlines()) if m]
    assert [int(m.group(1)) for m in rows] == list(range(1, 71))
    assert sum(money(m.group(9)) for m in rows) == document.totals.total


@needs_poppler
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(POOL),
            st.integers(1, 5000),
            st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
            st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2),
        ),
        min_size=1,
        max_size=40,
        unique_by=lambda line: line[0],  # an offer has one line a product
    )
)
def test_pdf_totals_equal_the_sum_of_its_lines(tmp_path_factory, lines):
    from kamdesk.store import open_store

    folder = tmp_path_factory.mktemp("prop")
    store = open_store(folder / "s.sqlite")
    try:
        territory = make_territory(store)
        add_extra_products(store, territory)
        save_offer_settings(
            store, replace(load_offer_settings(store), envelope={"default": {"*": "100"}})
        )
        offer_lines = [
            territory.line(sku, qty, str(disc), str(price)) for sku, qty, price, disc in lines
        ]
        offer_id = _offer(store, territory, offer_lines)
        target = folder / "p.pdf"
        render_pdf(store, offer_id, target, TODAY)
        text = pdf_text(target)
    finally:
        store.close()
    rows = [m for m in map(ROW.match, text.splitlines()) if m]
    assert len(rows) == len(lines)
    net = sum(money(m.group(6)) for m in rows)
    vat = sum(money(m.group(8)) for m in rows)
    total = sum(money(m.group(9)) for m in rows)
    flat = " ".join(text.split())
    assert f"Итого без НДС: {format_money(net, '')}" in flat
    assert f"Итого с НДС, ₽: {format_money(total, '')}" in flat
    assert f"в том числе НДС {format_money(vat, '')} ₽" in flat
    assert net + vat == total
    for m in rows:
        assert money(m.group(6)) == money(m.group(5)) * int(m.group(2).replace(" ", ""))
        assert money(m.group(9)) == money(m.group(6)) + money(m.group(8))


def test_missing_requisite_refuses_the_pdf(store, tmp_path):
    territory = make_territory(store)
    offer_id = _offer(store, territory, [territory.line("KM-75-100", 1)])
    settings_ = load_offer_settings(store)
    save_offer_settings(store, replace(settings_, supplier=replace(settings_.supplier, kpp="")))
    target = tmp_path / "x.pdf"
    with pytest.raises(OfferError) as refused:
        render_pdf(store, offer_id, target, TODAY)
    assert "KPP" in str(refused.value.messages["supplier"])
    assert not target.exists()


def test_a_draft_past_its_validity_is_not_printed(store, tmp_path):
    territory = make_territory(store)
    offer_id = _offer(store, territory, [territory.line("KM-75-100", 1)])
    with pytest.raises(OfferError) as refused:
        render_pdf(store, offer_id, tmp_path / "x.pdf", today=date(2026, 5, 1))
    assert "valid_until" in refused.value.messages


def test_over_the_envelope_prints_as_a_draft(store):
    territory = make_territory(store)
    within = _offer(store, territory, [territory.line("KM-75-100", 1, "5")])
    over = _offer(store, territory, [territory.line("KM-75-100", 1, "25")])
    assert not build_document(store, within, TODAY).draft
    assert build_document(store, over, TODAY).draft


def _exempt(store, territory, sku: str) -> None:
    from kamdesk.services.products import ProductCatalog, VatKind

    catalog = ProductCatalog(store)
    detail = catalog.detail(territory.products[sku])
    assert detail is not None
    catalog.save(replace(detail.as_input(), vat_kind=VatKind.EXEMPT))


@needs_poppler
def test_an_exempt_line_prints_without_vat_and_so_does_an_exempt_offer(store, tmp_path):
    territory = make_territory(store)
    _exempt(store, territory, "MASK-50")
    mixed = _offer(
        store, territory, [territory.line("KM-75-100", 10), territory.line("MASK-50", 3)]
    )
    render_pdf(store, mixed, tmp_path / "mixed.pdf", TODAY)
    flat = " ".join(pdf_text(tmp_path / "mixed.pdf").split())
    # 10 × 123,45 = 1234,50 + 123,45 at 10 %; 3 × 310,00 = 930,00 with no VAT
    text = pdf_text(tmp_path / "mixed.pdf")
    (mask,) = [line for line in text.splitlines() if "Маска" in line]
    # «без / НДС» on two lines in the narrow rate column, «без НДС» for the amount
    assert mask.split()[-5:] == ["930,00", "без", "без", "НДС", "930,00"], mask
    assert "НДС 10 %: 123,45" in flat and "НДС 0 %" not in flat
    assert "Итого с НДС, ₽: 2287,95" in flat
    assert "в том числе НДС 123,45 ₽." in flat

    exempt = _offer(store, territory, [territory.line("MASK-50", 3)])
    render_pdf(store, exempt, tmp_path / "exempt.pdf", TODAY)
    flat = " ".join(pdf_text(tmp_path / "exempt.pdf").split())
    assert "НДС: не облагается" in flat and "Итого, ₽: 930,00" in flat
    assert "НДС не облагается." in flat and "в том числе НДС" not in flat


@needs_poppler
def test_a_new_edition_of_2026_prints_when_the_rate_changed(store, tmp_path):
    from kamdesk.services.offers import mark_sent

    territory = make_territory(store)
    book = OfferBook(store)
    sent_on = date(2025, 12, 25)
    draft = book.new_draft(territory.account_id, today=sent_on)
    draft.lines = [territory.line("MASK-50", 3)]
    first = book.save(draft, today=sent_on)
    mark_sent(store, first, today=sent_on)
    sent = book.get(first)
    assert sent is not None
    draft = sent.draft
    draft.offer_date, draft.valid_until = TODAY, date(2026, 4, 1)
    second = book.save(draft, today=TODAY)
    render_pdf(store, second, tmp_path / "ed2.pdf", TODAY)
    flat = " ".join(pdf_text(tmp_path / "ed2.pdf").split())
    assert "(редакция 2)" in flat
    assert (
        "С 01.01.2026 ставка НДС — 22 % (в редакции 1 от 25.12.2025 — 20 %): "
        "Маска медицинская, изделие, №50." in flat
    )
    assert "НДС 22 %: 204,60" in flat  # 930,00 × 22 %


def _words_on_lines(path: Path) -> list[list[tuple[float, float, str]]]:
    """The PDF's words as poppler places them: (left, right, text), a list per line."""
    import html

    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    word = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>'
    )
    lines: dict[int, list[tuple[float, float, str]]] = {}
    for left, top, right, text in word.findall(boxes):
        lines.setdefault(round(float(top)), []).append(
            (float(left), float(right), html.unescape(text))
        )
    return [sorted(words) for _top, words in sorted(lines.items())]


@needs_poppler
def test_a_big_orders_figures_stay_in_their_columns(store, tmp_path):
    """A distributor's million packs: a tester's PDF printed «39 865,0039 865 000 000,00»,
    the VAT rate over the VAT amount and «Итого с НДС, ₽» over the total."""
    territory = make_territory(store)
    line = territory.line(SKUS[0], 1_000_000, "15", price="46900.00")
    offer_id = _offer(store, territory, [line])
    target = tmp_path / "big.pdf"
    render_pdf(store, offer_id, target, TODAY)
    overlaps = [
        (first[2], second[2])
        for words in _words_on_lines(target)
        for first, second in itertools.pairwise(words)
        if second[0] < first[1] - 0.5  # the next word starts before this one ends
    ]
    assert not overlaps
    text = " ".join(pdf_text(target).split())
    document = build_document(store, offer_id, TODAY)
    assert f"Итого с НДС, ₽: {format_money(document.totals.total, '')}" in text
    assert "1 000 000" in text  # the packs counted in groups, as the amounts are
