"""Price lists as 1C and distributors write them: VAT read at the list's date (22 % in
2026, «без НДС» exempt), «Артикул» beside 1C's «Код», МНН only for medicines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from kamdesk.services.offers import (
    LineInput,
    OfferBook,
    load_offer_settings,
    save_offer_settings,
)
from kamdesk.services.products import (
    ProductCatalog,
    ProductKind,
    ProductRow,
    RowAction,
    VatKind,
    apply_import,
    plan_import,
)
from kamdesk.store import Store
from tests.documents.offer_data import make_territory

D = Decimal
FEBRUARY = date(2026, 2, 1)


def _write(tmp_path: Path, text: str, name: str = "price.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp1251"))
    return path


def _imported(store: Store, path: Path, on: date = FEBRUARY) -> dict[str, ProductRow]:
    plan = plan_import(store, path, valid_from=on)
    assert plan.ok, [str(e) for e in plan.errors]
    apply_import(store, plan)
    return {row.sku: row for row in ProductCatalog(store).list(on=on)}


def _refusals(store: Store, path: Path, on: date = FEBRUARY) -> list[str]:
    plan = plan_import(store, path, valid_from=on)
    assert not plan.ok
    return [str(e) for e in plan.errors]


def test_a_price_list_of_2026_at_22_percent_is_imported(store: Store, tmp_path: Path) -> None:
    text = (
        "Артикул;Наименование;МНН;Ставка НДС;Цена без НДС\n"
        "KM-75;Кардиомагнил;ацетилсалициловая кислота;10%;123,45\n"
        "CRM-1;Крем для рук;;22%;310,00\n"
    )
    rows = _imported(store, _write(tmp_path, text))
    cream = rows["CRM-1"]
    assert (cream.vat_kind, cream.vat_rate, cream.kind) == (
        VatKind.STANDARD,
        D(22),
        ProductKind.OTHER,  # no МНН, the standard rate: other goods
    )
    # An offer of the same month: 2 × 310,00 = 620,00 + 22 % = 136,40.
    territory = make_territory(store)
    book = OfferBook(store)
    draft = book.new_draft(territory.account_id, today=date(2026, 2, 2))
    draft.lines = [LineInput(product_id=cream.id, quantity=2, unit_price=cream.price)]
    view = book.get(book.save(draft, today=date(2026, 2, 2)))
    assert view is not None
    assert view.draft.totals().vat_by_rate == ((D(22), D("136.40")),)


def test_20_percent_is_refused_in_a_list_of_2026_and_read_as_standard_in_2025(
    store: Store, tmp_path: Path
) -> None:
    text = "Артикул;Наименование;МНН;НДС;Цена\nCRM-1;Крем для рук;;20%;310,00\n"
    path = _write(tmp_path, text)
    assert _refusals(store, path) == [
        "price.csv, row 2, column «НДС»: the standard VAT rate on 01.02.2026 is 22 % "
        "(from 01.01.2026), not 20 %; seen «20%»"
    ]
    rows = _imported(store, path, on=date(2025, 12, 1))
    assert rows["CRM-1"].vat_kind == VatKind.STANDARD
    on_new_year = ProductCatalog(store).list(on=date(2026, 1, 1))
    assert [row.vat_rate for row in on_new_year] == [D(22)]  # the same product, in 2026


def test_without_vat_is_exempt_and_zero_is_zero(store: Store, tmp_path: Path) -> None:
    text = (
        "Артикул;Наименование;Вид товара;Ставка НДС;Цена\n"
        "CAT-18G;Катетер внутривенный 18G;Медицинское изделие;без НДС;45,00\n"
        "BND-7;Бинт стерильный 7 м x 14 см;Медицинские изделия;НДС не облагается;12,30\n"
        "EXP-1;Экспортная партия;Прочее;0 %;100,00\n"
        "GEL-1;Гель;Товар;22;80,00\n"
    )
    rows = _imported(store, _write(tmp_path, text))
    assert {sku: (r.kind, r.vat_kind, r.vat_rate) for sku, r in rows.items()} == {
        "CAT-18G": (ProductKind.MEDICAL_DEVICE, VatKind.EXEMPT, None),
        "BND-7": (ProductKind.MEDICAL_DEVICE, VatKind.EXEMPT, None),
        "EXP-1": (ProductKind.OTHER, VatKind.ZERO, D(0)),
        "GEL-1": (ProductKind.OTHER, VatKind.STANDARD, D(22)),
    }


def test_the_article_is_the_sku_and_1cs_code_is_kept_beside_it(
    store: Store, tmp_path: Path
) -> None:
    text = (
        "Код;Артикул;Номенклатура;МНН;Цена\n"
        "00-00001234;KM-75-100;Кардиомагнил;ацетилсалициловая кислота;123,45\n"
    )
    rows = _imported(store, _write(tmp_path, text))
    assert list(rows) == ["KM-75-100"]
    assert rows["KM-75-100"].code_1c == "00-00001234"
    assert [r.sku for r in ProductCatalog(store).list("00-00001234")] == ["KM-75-100"]
    # The next export changes 1C's code: the same product, one field changed.
    again = text.replace("00-00001234", "00-00009999")
    plan = plan_import(store, _write(tmp_path, again, "p2.csv"), valid_from=FEBRUARY)
    assert [(r.sku, r.action, r.changed_fields) for r in plan.rows] == [
        ("KM-75-100", RowAction.UPDATE, ("code_1c",))
    ]


def test_a_medical_device_needs_no_inn_but_a_medicine_does(store: Store, tmp_path: Path) -> None:
    said = (
        "Артикул;Наименование;МНН;Вид номенклатуры;НДС;Цена\n"
        "CAT-18G;Катетер внутривенный 18G;;МИ;10;45,00\n"
        "RX-1;Ривароксабан-Север;;Лекарственный препарат;10;890,00\n"
        "SVC-1;Доставка;;Услуга;22;500,00\n"
    )
    assert _refusals(store, _write(tmp_path, said)) == [
        "price.csv, row 3, column «МНН»: RX-1 is a medicine and has no INN (МНН)",
        "price.csv, row 4, column «Вид номенклатуры»: «Услуга» is not a kind of product: "
        "write «лекарственный препарат», «медицинское изделие» or «прочее»",
    ]
    rows = _imported(store, _write(tmp_path, "\n".join(said.splitlines()[:2]) + "\n", "ok.csv"))
    assert rows["CAT-18G"].kind == ProductKind.MEDICAL_DEVICE
    assert rows["CAT-18G"].vat_rate == D(10)


def test_a_file_that_does_not_say_what_a_product_without_inn_is_asks(
    store: Store, tmp_path: Path
) -> None:
    """At 10 % a row without an МНН may be a medicine missing it or a device: the file must
    say which. A medical device with no VAT column takes 10 %."""
    text = "Артикул;Наименование;МНН;НДС;Цена\nBND-7;Бинт;;10;12,30\n"
    (refusal,) = _refusals(store, _write(tmp_path, text))
    assert "new product BND-7 has no INN (МНН)" in refusal
    assert "«Вид товара»" in refusal
    no_vat = "Артикул;Наименование;Вид товара;Цена\nBND-7;Бинт;медизделие;12,30\n"
    rows = _imported(store, _write(tmp_path, no_vat, "b.csv"))
    assert (rows["BND-7"].kind, rows["BND-7"].vat_kind) == (
        ProductKind.MEDICAL_DEVICE,
        VatKind.REDUCED,
    )


def test_5_percent_only_when_the_supplier_is_on_the_simplified_system(
    store: Store, tmp_path: Path
) -> None:
    text = (
        "Артикул;Наименование;МНН;Вид товара;НДС;Цена\n"
        "KM-75;Кардиомагнил;ацетилсалициловая кислота;ЛП;5%;123,45\n"
        "GEL-1;Гель;;БАД;5%;80,00\n"
    )
    path = _write(tmp_path, text)
    refusals = _refusals(store, path)
    assert len(refusals) == 2
    assert "5 % is charged only by a supplier on the simplified tax system" in refusals[0]
    settings = load_offer_settings(store)
    save_offer_settings(store, replace(settings, vat_regime="simplified_5"))
    rows = _imported(store, path)
    assert {sku: (r.vat_kind, r.vat_rate) for sku, r in rows.items()} == {
        "KM-75": (VatKind.REDUCED, D(5)),  # 10 % should the supplier leave УСН
        "GEL-1": (VatKind.STANDARD, D(5)),
    }


def test_a_spreadsheets_percentage_cell_of_22_percent(store: Store, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Артикул", "Наименование", "МНН", "Ставка НДС", "Цена"])
    sheet.append(["CRM-1", "Крем", "", 0.22, 310])
    sheet.append(["KM-75", "Кардиомагнил", "ацетилсалициловая кислота", 0.1, 123.45])
    path = tmp_path / "price.xlsx"
    book.save(path)
    rows = _imported(store, path)
    assert [(sku, r.vat_rate) for sku, r in sorted(rows.items())] == [
        ("CRM-1", D(22)),
        ("KM-75", D(10)),
    ]
