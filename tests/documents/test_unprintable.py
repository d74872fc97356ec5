"""Characters the embedded font lacks are printed as «?» and reported, never dropped."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from kamdesk.documents.fonts import register_fonts
from kamdesk.documents.glyphs import printable, printable_characters
from kamdesk.documents.offer_pdf import print_offer, render_offer
from kamdesk.documents.printed import PrintedFile
from kamdesk.documents.visits.brief_pdf import print_brief
from kamdesk.documents.visits.report_pdf import print_visits_pdf
from kamdesk.i18n import Message
from kamdesk.services.visits import brief_content
from kamdesk.store import Store
from tests.documents.hostile import (
    FOREIGN,
    FOREIGN_CLUSTERS,
    FOREIGN_PRINTED,
    needs_poppler,
    pdf_raw_text,
)
from tests.documents.sample_documents import manager_export, offer_document
from tests.services.visit_factories import add_account, add_contact, add_visit, msk

CYRILLIC_AND_LATIN = printable_characters([*range(0x20, 0x7F), *range(0x410, 0x450), 0x401])


@pytest.mark.parametrize(
    ("text", "printed", "noted"),
    [
        ("Ёлка и ель", "Ёлка и ель", []),
        ("до 😀 после", "до ? после", ["😀"]),
        ("👍🏽", "?", ["👍🏽"]),  # a skin tone belongs to its hand
        ("👨\u200d👩\u200d👧!", "?!", ["👨\u200d👩\u200d👧"]),  # one family, one «?»
        ("🇷🇺🇩🇪", "??", ["🇷🇺", "🇩🇪"]),  # two flags of two letters each
        ("שלום", "????", ["ש", "ל", "ו", "ם"]),
        ("a\x00b\x1fc\x7fd\te", "a b c d e", []),  # controls are spaces, not «?»
        ("a\u200bb\u200ec", "abc", []),  # invisible format characters just go
        ("a\u2009b", "a b", []),  # a space the font lacks is a space
    ],
)
def test_each_unprintable_character_becomes_one_question_mark(
    text: str, printed: str, noted: list[str]
) -> None:
    seen: list[str] = []
    assert printable(text, CYRILLIC_AND_LATIN, seen) == printed
    assert seen == noted


def _warning_text(printed: PrintedFile) -> str:
    (warning,) = printed.warnings
    assert isinstance(warning, Message) and warning.context == "Printing"
    assert warning.params["count"] == len(FOREIGN_CLUSTERS)
    return str(warning)


def _flat(text: str) -> str:
    return " ".join(text.split())


@needs_poppler
def test_an_offer_prints_foreign_characters_as_question_marks_and_says_which(
    tmp_path: Path,
) -> None:
    document = offer_document()
    line = dataclasses.replace(document.lines[0], title=f"Кардиомагнил {FOREIGN} таблетки")
    document = dataclasses.replace(
        document, client_name=f"Клиника {FOREIGN} «Здоровье»", lines=[line]
    )

    printed = print_offer(document, tmp_path / "offer.pdf")

    text = _flat(pdf_raw_text(printed.path))
    assert f"Клиника {FOREIGN_PRINTED} «Здоровье»" in text
    assert f"Кардиомагнил {FOREIGN_PRINTED} таблетки" in text
    warning = _warning_text(printed)
    assert "«?»" in warning and "(14 different)" in warning
    for cluster in FOREIGN_CLUSTERS:
        assert cluster in warning


def test_a_caller_that_wants_only_pages_finds_the_warning_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    document = dataclasses.replace(offer_document(), benefit="Скидка 😀")
    with caplog.at_level(logging.WARNING, logger="kamdesk.documents.printed"):
        assert render_offer(document, tmp_path / "offer.pdf") == 1
    assert "😀" in caplog.text and "offer.pdf" in caplog.text


@needs_poppler
def test_a_brief_prints_foreign_characters_as_question_marks_and_says_which(
    store: Store, tmp_path: Path
) -> None:
    account = add_account(store, f"Клиника {FOREIGN}")
    contact = add_contact(store, account, "Коэн", "Давид", "", position=f"Главврач {FOREIGN}")
    visit = add_visit(store, account, msk(2026, 5, 12), objective="Формуляр",
                      attendee_ids=[contact])  # fmt: skip

    printed = print_brief(brief_content(store, visit), tmp_path / "brief.pdf")

    text = _flat(pdf_raw_text(printed.path))
    assert f"Визит: Клиника {FOREIGN_PRINTED}" in text
    assert f"Главврач {FOREIGN_PRINTED}" in text
    _warning_text(printed)


@needs_poppler
def test_the_manager_report_prints_foreign_characters_as_question_marks_and_says_which(
    tmp_path: Path,
) -> None:
    export = manager_export()
    row = dataclasses.replace(export.rows[0], outcome=f"Итог {FOREIGN}")
    export = dataclasses.replace(export, rows=[row])

    printed = print_visits_pdf(export, tmp_path / "report.pdf", "ru")

    assert f"Итог {FOREIGN_PRINTED}" in _flat(pdf_raw_text(printed.path))
    _warning_text(printed)


def test_the_font_knows_cyrillic_latin_and_typography() -> None:
    from reportlab.pdfbase.pdfmetrics import getFont

    covered = getFont(register_fonts()).covered
    assert set("АБВЁёйЙ«»–—№₽…") <= covered
    assert "😀" not in covered and "\x00" not in covered
