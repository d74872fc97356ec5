"""Messages from code without Qt: English by default, Russian from the same catalogue."""

from __future__ import annotations

from kamdesk.i18n import Message, catalogue_translator
from kamdesk.services.dossier import DossierFacts, score


def test_english_is_the_source_text() -> None:
    message = Message("Validation", "not a valid phone number: {value}", {"value": "12"})
    assert catalogue_translator("en")(message) == "not a valid phone number: 12"


def test_russian_comes_from_the_windows_catalogue_with_parameters() -> None:
    russian = catalogue_translator("ru")
    message = Message("Validation", "not a valid phone number: {value}", {"value": "12"})
    translated = russian(message)
    assert translated.endswith("12") and "номер" in translated
    gaps = {russian(gap) for gap in score(DossierFacts()).missing}
    assert "нет ЛПР" in gaps


def test_an_unknown_message_falls_back_to_english() -> None:
    assert catalogue_translator("ru")(Message("Nowhere", "plain text")) == "plain text"
