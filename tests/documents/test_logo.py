"""A logo is printable or refused with a reason; a broken one at print time leaves it out."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from kamdesk.documents.logo import LEFT_OUT, MAX_LOGO_BYTES, logo_problem
from kamdesk.documents.offer_pdf import print_offer
from kamdesk.services.offers import load_offer_settings, save_offer_settings
from kamdesk.store import Store
from tests.documents.sample_documents import offer_document


def make_image(path: Path, width: int = 120, height: int = 60) -> Path:
    """A real image in the format its suffix names (Qt's writers, as in the window)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d5fa8"))
    assert image.save(str(path))
    return path


def truncated(source: Path, target: Path) -> Path:
    """`source` cut in half: the header is whole, the picture is not."""
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


@pytest.fixture
def images(qtbot: QtBot, tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "images"
    folder.mkdir()
    good_jpeg = make_image(folder / "good.jpg")
    huge_file = folder / "huge.png"
    with huge_file.open("wb") as file:
        file.truncate(MAX_LOGO_BYTES + 1)
    (folder / "notes.png").write_text("hello")
    return {
        "png": make_image(folder / "good.png"),
        "jpeg": good_jpeg,
        "broken_jpeg": truncated(good_jpeg, folder / "broken.jpg"),
        "broken_png": truncated(make_image(folder / "big.png", 600, 600), folder / "cut.png"),
        "text": folder / "notes.png",
        "huge_file": huge_file,
        "wide": make_image(folder / "wide.png", 5000, 10),
        "gone": folder / "gone.png",
    }


def test_only_images_that_print_pass_the_check(images: dict[str, Path]) -> None:
    assert logo_problem(images["png"]) is None
    assert logo_problem(images["jpeg"]) is None
    reasons = {name: str(logo_problem(path)) for name, path in images.items()}
    assert "not an image that can be printed" in reasons["broken_jpeg"]  # Qt shows it, PDFs fail
    assert "not an image that can be printed" in reasons["broken_png"]
    assert "not an image that can be printed" in reasons["text"]
    assert "at most 10 MB" in reasons["huge_file"]
    assert "5000 × 10 pixels" in reasons["wide"]
    assert "not there any more" in reasons["gone"]


def _images_in(path: Path) -> int:
    return sum(len(page.images) for page in PdfReader(str(path)).pages)


def test_a_broken_logo_gives_an_offer_without_it_and_a_warning(
    images: dict[str, Path], tmp_path: Path
) -> None:
    document = offer_document()
    with_logo = dataclasses.replace(
        document, supplier=dataclasses.replace(document.supplier, logo_path=str(images["png"]))
    )
    printed = print_offer(with_logo, tmp_path / "good.pdf")
    assert printed.warnings == () and _images_in(printed.path) == 1

    for name in ("broken_jpeg", "text", "gone"):
        supplier = dataclasses.replace(document.supplier, logo_path=str(images[name]))
        printed = print_offer(dataclasses.replace(document, supplier=supplier), tmp_path / "x.pdf")
        assert _images_in(printed.path) == 0, name
        (warning,) = printed.warnings
        assert warning.text == LEFT_OUT and warning.params["file"] == images[name].name
        assert "choose it again in Settings" in str(warning)


def test_an_offer_prints_when_the_saved_logo_is_broken(
    store: Store, images: dict[str, Path], tmp_path: Path
) -> None:
    """The reported case: a broken logo in Settings stopped every offer from printing."""
    from kamdesk.documents.stored_offer import render_pdf
    from kamdesk.services.offers import OfferBook
    from tests.documents.offer_data import TODAY, make_territory

    territory = make_territory(store)
    settings = load_offer_settings(store)
    supplier = replace(settings.supplier, logo_path=str(images["broken_jpeg"]))
    save_offer_settings(store, replace(settings, supplier=supplier))
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.lines = [territory.line("KM-75-100", 1)]
    offer_id = book.save(draft, TODAY)

    printed = render_pdf(store, offer_id, tmp_path / "offer.pdf", TODAY)
    assert printed.pages == 1 and _images_in(printed.path) == 0
    (warning,) = printed.warnings
    assert warning.text == LEFT_OUT and warning.params["file"] == images["broken_jpeg"].name
