"""The printed terms: a deferral in calendar days on a КП, and a reply to a 44-ФЗ price
request read back from its PDF (pdftotext, as the other offer PDFs are read)."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kamdesk.documents.offer_document import OfferDocument
from kamdesk.documents.stored_offer import build_document, render_pdf
from kamdesk.services.offers import OfferBook, amount_in_words
from kamdesk.store import Store
from tests.documents.offer_data import TODAY, make_territory
from tests.documents.test_offer_pdf import needs_poppler, pdf_text

# KAMDESK_KEEP_PDF=/some/folder keeps the files to look at (pdftoppm -png).
KEEP = os.environ.get("KAMDESK_KEEP_PDF", "")


def _target(tmp_path: Path, name: str) -> Path:
    return Path(KEEP) / name if KEEP else tmp_path / name


@pytest.mark.parametrize(
    ("days", "words"),
    [(45, "45 календарных дней"), (21, "21 календарный день"), (3, "3 календарных дня")],
)
def test_deferral_days_in_words(days: int, words: str) -> None:
    document = OfferDocument.__new__(OfferDocument)
    object.__setattr__(document, "payment_deferral_days", days)
    assert document.deferral_text == words


@needs_poppler
def test_a_commercial_offer_prints_its_deferral_in_the_terms(store: Store, tmp_path: Path) -> None:
    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 40, "5"), territory.line("AM-5-30", 20)]
    draft.payment_terms = "Оплата по счёту, безналичный расчёт."
    draft.payment_deferral_days = 45
    draft.benefit = "Экономия бюджета стационара."
    offer_id = book.save(draft, TODAY)
    target = _target(tmp_path, "offer-with-deferral.pdf")
    render_pdf(store, offer_id, target, TODAY)
    text = " ".join(pdf_text(target).split())
    assert "Отсрочка платежа: 45 календарных дней." in text
    assert "Условия оплаты. Оплата по счёту, безналичный расчёт." in text
    assert "КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ" in text


@needs_poppler
def test_a_price_reply_reads_back_as_a_reply_without_discount_talk(
    store: Store, tmp_path: Path
) -> None:
    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_price_reply(
        territory.account_id, "0373200041526000123", date(2026, 2, 26), today=TODAY
    )
    draft.lines = [
        territory.line("KM-75-100", 100),  # 123,45 + 10 % = 135,80 a pack
        territory.line("CF-1G", 500),  # 45,67 + 10 % = 50,24
        territory.line("MASK-50", 30),  # 310,00 + 22 % = 378,20
    ]
    draft.addressees = []
    offer_id = book.save(draft, TODAY)
    document = build_document(store, offer_id, TODAY)
    target = _target(tmp_path, "price-reply.pdf")
    render_pdf(store, offer_id, target, TODAY)
    raw = pdf_text(target)
    text = " ".join(raw.split())
    assert "Ответ на запрос о предоставлении ценовой информации" in text
    assert "на запрос № 0373200041526000123 от 26.02.2026" in text
    assert f"Исх. № {document.number} от 02.03.2026" in text
    assert "ГБУЗ «Городская клиническая больница № 7»" in text
    for price in ("135,80", "50,24", "378,20"):
        assert price in text
    assert text.count("ЛП-000123") == 3
    assert "ацетилсалициловая кислота" in text  # the МНН beside the trade name
    assert "Цены действительны до 01.04.2026." in text
    assert amount_in_words(document.totals.total) in text
    assert "Орлова Е. В." in text  # the signature as usual
    lowered = text.casefold()
    for word in ("скидк", "эксклюзив", "выгодно", "коммерческое предложение"):
        assert word not in lowered, word
    # The customer's calculator: 100 × 135,80 + 500 × 50,24 + 30 × 378,20.
    for amount in ("13 580,00", "25 120,00", "11 346,00"):
        assert amount.replace(" ", "") in text.replace(" ", "")
    assert document.totals.total == Decimal("50046.00")
    assert "Итого с НДС: 50046,00 ₽" in text.replace("50 046", "50046")
