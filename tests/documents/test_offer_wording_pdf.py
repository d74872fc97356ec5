"""The printed offer speaks to a prospect as a prospect and leaves out an empty HR paragraph."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kamdesk.documents.stored_offer import render_pdf
from kamdesk.services.offers import (
    AddresseeInput,
    ArgumentContext,
    OfferBook,
    TeamMemberInput,
    reader_kind,
    suggest_arguments,
)
from kamdesk.services.offers.relationship import argument_facts
from kamdesk.store import Store
from tests.documents.offer_data import TODAY, make_territory

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftotext) is not installed: apt-get install poppler-utils",
)


def _text(path: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.replace("\xa0", " ").split())


@needs_poppler
def test_a_prospects_offer_claims_no_partnership_and_no_references(
    store: Store, tmp_path: Path
) -> None:
    territory = make_territory(store)  # a hospital with no sales and no accepted offers
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 10, "3"), territory.line("AM-5-30", 5)]
    draft.benefit = "Экономия бюджета стационара."
    facts = argument_facts(store, territory.account_id, TODAY)
    context = ArgumentContext(
        "ГБУЗ «Городская клиническая больница № 7»",
        draft.totals(),
        draft.valid_until,
        references=facts.references,
        relationship=facts.relationship,
    )
    readers = [
        (territory.contacts["director"], "Главный врач"),
        (territory.contacts["hr"], "Начальник отдела кадров"),
    ]
    draft.addressees = [
        AddresseeInput(contact, suggest_arguments(reader_kind(None, position), context))
        for contact, position in readers
    ]
    draft.team = [TeamMemberInput("Орлова Елена Викторовна", "КАМ", "+7 916 123-45-67")]
    offer_id = book.save(draft, TODAY)
    target = tmp_path / "offer.pdf"
    render_pdf(store, offer_id, target, TODAY)
    text = _text(target)
    assert "ключевых партнёров" not in text
    assert (
        "Мы подготовили это предложение с учётом задач вашей организации и будем рады "
        "начать сотрудничество."
    ) in text
    assert "Почему это предложение выгодно" in text
    # The HR reader is an addressee, but has no paragraph: no references to cite.
    assert text.count("Белова Ирина Сергеевна") == 1
    assert "отзывы и контакты коллег" not in text
