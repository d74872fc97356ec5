"""`kamdesk offer list|pdf` and `kamdesk import products` from the command line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kamdesk import cli
from kamdesk.services.offers import AddresseeInput, LineInput, OfferBook
from kamdesk.store import open_store
from tests.documents.offer_data import TODAY, make_territory


@pytest.fixture(autouse=True)
def commands(monkeypatch):
    modules = tuple(dict.fromkeys((*cli.COMMAND_MODULES, "offer", "import_")))
    monkeypatch.setattr(cli, "COMMAND_MODULES", modules)


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "cli.sqlite"
    store = open_store(path)
    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=TODAY)
    draft.valid_until = draft.valid_until.replace(year=2099)
    draft.lines = [territory.line("KM-75-100", 12, "2"), territory.line("MASK-50", 3)]
    draft.addressees = [AddresseeInput(territory.contacts["director"], "Статус")]
    number = book.get(book.save(draft, TODAY)).row.number
    store.close()
    return path, number


def test_offer_list_and_pdf(db, tmp_path, capsys):
    path, number = db
    assert cli.main(["--db", str(path), "offer", "list", "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert number in out and "Черновик" in out and "ГБУЗ" in out
    # 12 × 120,98 = 1451,76 + 145,18 VAT (10 %); 3 × 310 = 930 + 204,60 (22 % in 2026)
    # → 2731,54
    assert "2\u00a0731,54" in out
    target = tmp_path / "offer.pdf"
    assert cli.main(["--db", str(path), "offer", "pdf", number, "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert (
        cli.main(
            ["--db", str(path), "offer", "pdf", "КП-1900-X-0001", "-o", "x.pdf", "--lang", "en"]
        )
        == 1
    )
    assert "no offer numbered" in capsys.readouterr().err


def test_offer_pdf_says_on_stderr_what_it_prints_as_question_marks(db, tmp_path, capsys):
    """The PDF is written and the exit code is 0; the emoji it lacks is one warning line."""
    from dataclasses import replace

    from kamdesk.services.products import ProductCatalog

    path, _ = db
    store = open_store(path)
    catalog = ProductCatalog(store)
    (product,) = [row for row in catalog.list() if row.sku == "AM-5-30"]
    catalog.save(replace(catalog.detail(product.id).as_input(), trade_name="Амлодипин 😀"))
    book = OfferBook(store)
    draft = book.new_draft(book.list()[0].account_id, today=TODAY)
    draft.valid_until = draft.valid_until.replace(year=2099)
    draft.lines = [LineInput(product.id, 5, Decimal("89.90"), Decimal(0), Decimal(10))]
    number = book.get(book.save(draft, TODAY)).row.number
    store.close()
    target = tmp_path / "offer.pdf"

    assert cli.main(["--db", str(path), "offer", "pdf", number, "-o", str(target)]) == 0

    assert target.read_bytes().startswith(b"%PDF")
    said = capsys.readouterr()
    (warning,) = said.err.splitlines()
    assert warning.startswith("kamdesk: warning: ") and "😀" in warning and "«?»" in warning
    assert f"{target}: {number}" in said.out


def test_offer_pdf_reports_missing_requisites(db, tmp_path, capsys):
    from dataclasses import replace

    from kamdesk.services.offers import load_offer_settings, save_offer_settings

    path, number = db
    store = open_store(path)
    settings = load_offer_settings(store)
    save_offer_settings(store, replace(settings, supplier=replace(settings.supplier, bik="")))
    store.close()
    target = tmp_path / "offer.pdf"
    assert cli.main(["--db", str(path), "offer", "pdf", number, "-o", str(target)]) == 1
    assert "BIK" in capsys.readouterr().err
    assert not target.exists()


def test_import_products(tmp_path, capsys):
    path = tmp_path / "i.sqlite"
    good = tmp_path / "good.csv"
    good.write_bytes("Артикул;Наименование;МНН;Цена\nA-1;Тестин;тестин;1 234,50\n".encode("cp1251"))
    assert cli.main(["--db", str(path), "import", "products", str(good), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "cp1251" in out and "A-1" in out and "dry run" in out
    bad = tmp_path / "bad.csv"
    bad.write_bytes("Артикул;Наименование;МНН;Цена\nA-2;Плохин;плохин;ноль\n".encode("cp1251"))
    assert cli.main(["--db", str(path), "import", "products", str(bad)]) == 1
    assert "row 2" in capsys.readouterr().err
    assert cli.main(["--db", str(path), "import", "products", str(good)]) == 0
    store = open_store(path)
    try:
        from kamdesk.services.products import ProductCatalog

        assert [r.sku for r in ProductCatalog(store).list()] == ["A-1"]
    finally:
        store.close()
