"""The catalogue and the price-list import (cp1251 CSV, XLSX, bad rows refused whole)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kamdesk.services.products import (
    CatalogError,
    Comparison,
    ImportRefused,
    ProductCatalog,
    ProductInput,
    ProductKind,
    RowAction,
    VatKind,
    apply_import,
    plan_import,
)

CP1251_CSV = (
    "Прайс-лист АО «Фармстандарт-Север» на 01.03.2026\n"
    "\n"
    "Артикул;Наименование;МНН;Форма выпуска;Дозировка;Фасовка;Ставка НДС;Цена, руб. (без НДС)\n"
    "KM-75-100;Кардиомагнил;ацетилсалициловая кислота;таблетки;75 мг;№100;10%;1 234,50\n"
    'AM-5-30;"Амлодипин; Север";амлодипин;таблетки;5 мг;№30;10%;89,9\n'
    "MASK-50;Маска медицинская;;изделие;;№50;22%;310\n"
)


def _write(tmp_path: Path, name: str, text: str, encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_cp1251_semicolon_decimal_comma_import(store, tmp_path):
    path = _write(tmp_path, "price.csv", CP1251_CSV, "cp1251")
    plan = plan_import(store, path, valid_from=date(2026, 3, 1))
    assert (plan.encoding, plan.delimiter, plan.file_format) == ("cp1251", ";", "csv")
    assert plan.ok, [str(e) for e in plan.errors]
    assert [r.row_number for r in plan.rows] == [4, 5, 6]
    assert all(r.action == RowAction.NEW for r in plan.rows)
    apply_import(store, plan)
    rows = {r.sku: r for r in ProductCatalog(store).list(on=date(2026, 3, 1))}
    assert rows["KM-75-100"].price == Decimal("1234.50")
    assert rows["AM-5-30"].trade_name == "Амлодипин; Север"
    assert rows["AM-5-30"].price == Decimal("89.90")
    # A list of 2026 at the standard rate: 22 %; without an МНН, other goods.
    assert (rows["MASK-50"].vat_rate, rows["MASK-50"].vat_kind) == (Decimal(22), VatKind.STANDARD)
    assert rows["MASK-50"].kind == ProductKind.OTHER
    assert rows["KM-75-100"].vat_rate == Decimal(10) and rows["KM-75-100"].is_medicine

    # The next list changes one price and one name: the preview says so, then history keeps both.
    changed = CP1251_CSV.replace("1 234,50", "1 300,00").replace("Маска медицинская", "Маска")
    plan2 = plan_import(
        store, _write(tmp_path, "p2.csv", changed, "cp1251"), valid_from=date(2026, 4, 1)
    )
    actions = {r.sku: r.action for r in plan2.rows}
    assert actions == {
        "KM-75-100": RowAction.PRICE,
        "AM-5-30": RowAction.UNCHANGED,
        "MASK-50": RowAction.UPDATE,
    }
    assert plan2.rows[0].old_price == Decimal("1234.50")
    apply_import(store, plan2)
    catalog = ProductCatalog(store)
    detail = catalog.detail(rows["KM-75-100"].id, on=date(2026, 4, 2))
    assert detail.row.price == Decimal("1300.00")
    assert [p.price for p in detail.price_history] == [Decimal("1300.00"), Decimal("1234.50")]


def test_utf8_comma_separated_import(store, tmp_path):
    text = '\ufeffКод,Торговое наименование,МНН,Цена без НДС,НДС\nX-1,Тестин,тестин,"1 000,25",10\n'
    plan = plan_import(store, _write(tmp_path, "u.csv", text, "utf-8"))
    assert (plan.encoding, plan.delimiter) == ("utf-8", ",")
    assert plan.ok and plan.rows[0].new_price == Decimal("1000.25")


def test_xlsx_import(store, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Прайс-лист"])
    sheet.append(["Артикул", "Наименование", "МНН", "Ставка НДС", "Цена"])
    sheet.append(["KM-75-100", "Кардиомагнил", "ацетилсалициловая кислота", 0.1, 123.45])
    sheet.append(["MASK-50", "Маска", "маска", "22%", 310])
    path = tmp_path / "price.xlsx"
    book.save(path)
    plan = plan_import(store, path)
    assert plan.file_format == "xlsx" and plan.ok, [str(e) for e in plan.errors]
    assert [(r.row_number, r.new_price) for r in plan.rows] == [
        (3, Decimal("123.45")),
        (4, Decimal("310.00")),
    ]
    apply_import(store, plan)
    rows = {r.sku: r for r in ProductCatalog(store).list()}
    assert rows["KM-75-100"].vat_rate == Decimal(10)
    assert rows["MASK-50"].vat_rate == Decimal(22)  # imported today, December 2026


def test_bad_rows_are_all_reported_and_nothing_is_imported(store, tmp_path):
    text = (
        "Артикул;Наименование;МНН;Ставка НДС;Цена\n"
        "A-1;Хороший;хорошин;10;100,00\n"
        "A-2;Без цены;безценин;10;\n"
        "A-3;Кривая цена;кривин;10;сто\n"
        "A-4;Отрицательная;минусин;10;-5\n"
        "A-1;Дубль;дублин;10;1,00\n"
        "A-5;НДС;ндсин;18%;1,00\n"
        "A-6;Без МНН;;10;1,00\n"
        "A-7;Копейки;копин;10;1,005\n"
    )
    path = _write(tmp_path, "bad.csv", text, "cp1251")
    plan = plan_import(store, path)
    assert not plan.ok
    assert [e.row_number for e in plan.errors] == [3, 4, 5, 6, 7, 8, 9]
    reasons = [str(e.message) for e in plan.errors]
    assert "no price" in reasons[0]
    assert "not a number" in reasons[1]
    assert "above zero" in reasons[2]
    assert "already in row 2" in reasons[3]
    assert "VAT" in reasons[4]
    assert "INN" in reasons[5]
    assert "two decimals" in reasons[6]
    with pytest.raises(ImportRefused):
        apply_import(store, plan)
    assert ProductCatalog(store).list() == []


def test_a_file_without_the_needed_columns_is_refused(store, tmp_path):
    plan = plan_import(store, _write(tmp_path, "x.csv", "a;b;c\n1;2;3\n", "utf-8"))
    assert not plan.ok and plan.errors[0].row_number == 0
    assert "Артикул" in str(plan.errors[0].message)


def test_catalog_edit_search_and_price(store):
    catalog = ProductCatalog(store)
    product_id = catalog.save(
        ProductInput(
            sku="KM-75-100",
            trade_name="Кардиомагнил",
            inn_name="Ацетилсалициловая кислота + магния гидроксид",
            dosage_form="таблетки",
            dosage="75 мг",
            pack="№100",
            key_messages=["Защищает желудок", "Доказанная эффективность"],
            objections=[("Дорого", "Дешевле госпитализации")],
            comparisons=[Comparison("Байер", "Аспирин Кардио", Decimal("150.00"), "цена", "бренд")],
        )
    )
    catalog.set_price(product_id, Decimal("123.45"), date(2026, 1, 1))
    assert [r.sku for r in catalog.list("кардиомаг")] == ["KM-75-100"]
    assert [r.sku for r in catalog.list("ацетилсалициловая таблетки")] == ["KM-75-100"]
    assert catalog.list("аспирин") == []
    detail = catalog.detail(product_id, on=date(2026, 2, 1))
    assert detail.row.price == Decimal("123.45")
    assert detail.key_messages == ["Защищает желудок", "Доказанная эффективность"]
    assert detail.objections == [("Дорого", "Дешевле госпитализации")]
    assert detail.comparisons[0].competitor_product == "Аспирин Кардио"
    edited = detail.as_input()
    edited.key_messages = ["Одно"]
    catalog.save(edited)
    assert catalog.detail(product_id).key_messages == ["Одно"]
    with pytest.raises(CatalogError) as refused:
        catalog.save(ProductInput(sku="KM-75-100", trade_name="Другой", inn_name="x"))
    assert "sku" in refused.value.messages
    with pytest.raises(CatalogError):
        catalog.save(ProductInput(sku="", trade_name="", inn_name="", vat_kind="18"))  # type: ignore[arg-type]


def test_comparisons_are_checked_and_replaced(store):
    catalog = ProductCatalog(store)
    data = ProductInput(
        sku="RX-1",
        trade_name="Ривароксабан-Север",
        inn_name="ривароксабан",
        comparisons=[Comparison("Bayer", "", Decimal("100"), "дешевле", "")],
    )
    with pytest.raises(CatalogError) as refused:
        catalog.save(data)  # a company without the product it sells
    assert "comparisons" in refused.value.messages
    data.comparisons = [Comparison("Bayer", "Ксарелто", Decimal("-1"), "", "")]
    with pytest.raises(CatalogError):
        catalog.save(data)
    assert catalog.list("RX-1") == []
    data.comparisons = [
        Comparison("Bayer", "Ксарелто", Decimal("2890.00"), "дешевле на 20 %", "бренд"),
        Comparison("", "", None, "", ""),  # an empty row is ignored
    ]
    product_id = catalog.save(data)
    detail = catalog.detail(product_id)
    assert detail is not None
    assert detail.comparisons == [
        Comparison("Bayer", "Ксарелто", Decimal("2890.00"), "дешевле на 20 %", "бренд")
    ]
    changed = detail.as_input()
    changed.comparisons = []
    catalog.save(changed)
    assert catalog.detail(product_id).comparisons == []
