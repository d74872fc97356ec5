"""Any text length lays out in every PDF, and all of the text is in it.

Each builder gets its data with every text field replaced by thousands of
characters (numbered words and one word far wider than its column); the PDF
must build, and every word of every printed field must be in its text.
"""

from __future__ import annotations

from pathlib import Path

from kamdesk.documents.offer_pdf import print_offer
from kamdesk.documents.visits.brief_pdf import print_brief
from kamdesk.documents.visits.report_pdf import print_visits_pdf
from kamdesk.services.visits import brief_content
from kamdesk.store import Store
from tests.documents.hostile import (
    HugeTexts,
    hugify,
    long_word_letters,
    missing_words,
    needs_poppler,
    pdf_raw_text,
    shown_fields,
)
from tests.documents.sample_documents import manager_export, offer_document
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit, msk


@needs_poppler
def test_an_offer_with_huge_texts_in_every_field_prints_all_of_them(tmp_path: Path) -> None:
    texts = HugeTexts()
    # The number and the QR payload are KAMdesk's own; the logo is a path; a line's
    # registration number (РУ) and the request answered are printed only in a reply to a
    # price request (tests/documents/test_offer_terms_pdf.py).
    skip = frozenset(
        {"number", "qr_payload", "logo_path", "registration_number", "price_request_number"}
    )
    document = hugify(offer_document(), texts, "offer", skip)

    printed = print_offer(document, tmp_path / "offer.pdf")

    assert printed.pages > 10 and printed.warnings == ()
    text = pdf_raw_text(printed.path)
    assert missing_words(text, texts, ["offer"]) == {}
    assert long_word_letters(text) >= texts.long_words * texts.length // 2


@needs_poppler
def test_a_product_name_of_ten_thousand_characters_prints(store: Store, tmp_path: Path) -> None:
    """The case that failed with LayoutError: a huge catalogue name in an ordinary offer."""
    from kamdesk.documents.stored_offer import render_pdf
    from kamdesk.models import Product
    from kamdesk.services.offers import OfferBook
    from tests.documents.offer_data import TODAY, make_territory

    territory = make_territory(store)
    texts = HugeTexts(length=10_000)
    name = texts.text("product")
    with store.transaction() as session:
        product = session.get(Product, territory.products["KM-75-100"])
        assert product is not None
        product.trade_name = name
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 2), territory.line("AM-5-30", 1)]
    offer_id = book.save(draft, TODAY)

    printed = render_pdf(store, offer_id, tmp_path / "offer.pdf", TODAY)

    assert printed.pages >= 3
    text = pdf_raw_text(tmp_path / "offer.pdf")
    assert missing_words(text, texts, ["product"]) == {}
    assert "Амлодипин-Север" in text  # the next line is there too, after the long one


@needs_poppler
def test_a_brief_with_huge_texts_in_every_field_prints_all_of_them(
    store: Store, tmp_path: Path
) -> None:
    account = add_account(store, "ГКБ № 7")
    chief = add_contact(store, account, "Громов", "Станислав", "Иванович")
    deputy = add_contact(store, account, "Гаврилов", "Дмитрий", "Иванович")
    visit = add_visit(
        store, account, msk(2026, 5, 12, 10), objective="Формуляр", agenda="Повестка",
        place="Кабинет", questions=["Вопрос"], concessions=["Уступка"],
        attendee_ids=[chief, deputy], product_ids=[add_product(store)],
        is_commercial=True, target_result="Цель", walk_away_point="Выход",
    )  # fmt: skip
    content = brief_content(store, visit)
    assert content.attendees and content.objections and content.problems
    texts = HugeTexts(length=3_000)
    # Colours of the map are KAMdesk's; materials and products are not printed.
    skip = frozenset({"border", "fill", "number"})
    huge = hugify(content, texts, "brief", skip)

    printed = print_brief(huge, tmp_path / "brief.pdf")

    assert printed.pages > 1 and printed.warnings == ()
    text = pdf_raw_text(printed.path)
    printed_fields = [
        f"brief.{name}"
        for name in ("account_name", "place", "objective", "agenda", "questions", "attendees",
                     "objections", "target_result", "walk_away_point", "concessions",
                     "open_follow_ups", "problems")
    ] + ["brief.dmu.gaps"]  # fmt: skip
    assert missing_words(text, texts, printed_fields) == {}
    assert long_word_letters(text) >= shown_fields(texts, printed_fields) * texts.length // 2


@needs_poppler
def test_a_manager_report_with_huge_texts_prints_all_of_them(tmp_path: Path) -> None:
    texts = HugeTexts()
    export = hugify(manager_export(), texts, "export", frozenset({"tz"}))

    printed = print_visits_pdf(export, tmp_path / "report.pdf", "ru")

    assert printed.pages > 5 and printed.warnings == ()
    text = pdf_raw_text(printed.path)
    printed_fields = [
        f"export.rows.{n}.{name}"
        for n in (0, 1)
        for name in ("account_name", "objective", "attendees", "outcome", "agreements",
                     "next_steps")
    ]  # fmt: skip
    assert missing_words(text, texts, printed_fields) == {}
    assert long_word_letters(text) >= shown_fields(texts, printed_fields) * texts.length // 2
