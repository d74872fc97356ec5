"""Hostile price lists: every bad row is refused with file, row, column and what was seen;
nothing is written unless every row is good; an archived SKU comes back from the archive."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kamdesk import cli
from kamdesk.models import ChangeLogEntry, Product
from kamdesk.services.products import (
    ImportCancelled,
    ImportStage,
    PriceImporter,
    ProductCatalog,
    ProductInput,
    RowAction,
    apply_import,
    plan_import,
)
from kamdesk.store import INCLUDE_DELETED, Store

HEADER = "Артикул;Наименование;МНН;Цена\n"


def _write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def _changes(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0


def _problems(plan) -> list[tuple[int, str, str]]:
    return [(e.row_number, e.column, str(e)) for e in plan.errors]


def test_an_unquoted_decimal_comma_in_a_comma_file_is_refused_not_read_as_whole_roubles(
    store, tmp_path
):
    text = 'Артикул,Наименование,МНН,Цена\nA-1,Тестин,тестин,12,75\nA-2,Второй,второй,"13,50"\n'
    plan = plan_import(store, _write(tmp_path, "p.csv", text))
    assert not plan.ok
    [(row, column, line)] = _problems(plan)
    assert row == 2 and column == ""
    assert "p.csv, row 2" in line
    assert "cells in the row: 5, in the header: 4" in line and "decimal comma" in line
    assert "A-1,Тестин,тестин,12,75" in line  # what was seen
    with pytest.raises(ValueError):
        apply_import(store, plan)
    assert ProductCatalog(store).list() == []


def test_a_stray_quote_that_would_swallow_the_next_rows_is_refused(store, tmp_path):
    never_closed = HEADER + 'A-1;"Тестин;тестин;10\nA-2;Второй;второй;20\n'
    plan = plan_import(store, _write(tmp_path, "a.csv", never_closed, "cp1251"))
    [(row, _, line)] = _problems(plan)
    assert row == 2 and "rows 2–3" in line and "never closed" in line

    closed_later = HEADER + 'A-1;"Тестин;тестин;10\nA-2;Второй";второй;20\nA-3;Третий;третин;5\n'
    plan = plan_import(store, _write(tmp_path, "b.csv", closed_later, "cp1251"))
    assert [(e.row_number, e.last_row, e.column) for e in plan.errors] == [(2, 3, "Наименование")]
    assert "swallowed" in str(plan.errors[0])
    assert [r.sku for r in plan.rows] == ["A-3"]  # the next row is read as itself again

    text_after_quote = HEADER + 'A-1;"Супер" таблетки;тестин;10\n'
    plan = plan_import(store, _write(tmp_path, "c.csv", text_after_quote, "cp1251"))
    assert "closing quote" in str(plan.errors[0]) and plan.errors[0].row_number == 2


def test_a_line_break_in_a_quoted_name_is_a_space_but_never_in_a_price(store, tmp_path):
    wrapped = HEADER + 'A-1;"Кардиомагнил\nфорте";кислота;10\nA-2;x;y;"1\n0"\n'
    plan = plan_import(store, _write(tmp_path, "w.csv", wrapped))
    assert [r.trade_name for r in plan.rows] == ["Кардиомагнил форте"]
    assert [(e.row_number, e.last_row, e.column) for e in plan.errors] == [(4, 5, "Цена")]


@pytest.mark.parametrize(
    ("price", "reason"),
    [
        ("1e20", "is not a number"),
        ("100000000000000000000", "not below ten billion"),
        ("NaN", "is not a number"),
        ("Infinity", "is not a number"),
        ("-5", "above zero"),
        ("0", "above zero"),
        ("1,005", "two decimals"),
        ("١٢", "is not a number"),  # Arabic-Indic digits: Decimal would take them
    ],
)
def test_prices_that_do_not_fit_the_store_are_refused(store, tmp_path, price, reason):
    plan = plan_import(store, _write(tmp_path, "p.csv", HEADER + f"A-1;x;y;{price}\n"))
    [error] = plan.errors
    assert (error.row_number, error.column) == (2, "Цена")
    assert reason in str(error) and price in str(error)


def test_texts_longer_than_the_store_keeps_and_control_characters_are_refused(store, tmp_path):
    text = HEADER + "A-1;" + "Я" * 301 + ";y;10\n" + "A-2;Тест\x07ин;y;10\n" + "B" * 51 + ";x;y;1\n"
    plan = plan_import(store, _write(tmp_path, "p.csv", text))
    assert [(e.row_number, e.column) for e in plan.errors] == [
        (2, "Наименование"),
        (3, "Наименование"),
        (4, "Артикул"),
    ]
    assert "301 characters; the store keeps at most 300" in str(plan.errors[0])
    assert "U+0007" in str(plan.errors[1]) and "Тест\\x07ин" in str(plan.errors[1])


def test_an_overlong_cell_or_line_is_a_row_refusal_not_a_csv_error(store, tmp_path):
    big_cell = "A-1;" + "x" * 140_000 + ";y;10\n"
    big_line = "A-2;x;y;10" + ";" * (50 * 1024 * 1024) + "\n"
    text = HEADER + big_cell + big_line + "A-3;Хороший;хорошин;5\n"
    plan = plan_import(store, _write(tmp_path, "big.csv", text))
    assert [e.row_number for e in plan.errors] == [2, 3]
    assert "140010 characters long" in str(plan.errors[0])
    assert "52428811 characters long" in str(plan.errors[1])
    assert len(str(plan.errors[1])) < 300  # what was seen is shortened
    assert [r.sku for r in plan.rows] == ["A-3"]  # reading went on


def test_utf16_is_decoded_with_or_without_its_byte_order_mark(store, tmp_path):
    text = "Артикул\tНаименование\tМНН\tЦена\nA-1\tТестин\tтестин\t10,50\n"
    for name, data in (
        ("bom.txt", text.encode("utf-16")),
        ("le.txt", text.encode("utf-16-le")),
        ("be.txt", text.encode("utf-16-be")),
    ):
        plan = plan_import(store, _write(tmp_path, name, data))
        assert plan.ok and plan.encoding == "utf-16", (name, _problems(plan))
        assert [(r.trade_name, r.new_price) for r in plan.rows] == [("Тестин", Decimal("10.50"))]


def test_binary_and_undecodable_files_are_refused_as_a_whole(store, tmp_path):
    plan = plan_import(store, _write(tmp_path, "bin.csv", bytes(range(256)) * 4))
    assert plan.errors[0].row_number == 0 and "NUL" in str(plan.errors[0])
    plan = plan_import(
        store, _write(tmp_path, "x.csv", HEADER.encode("cp1251") + b"A-1;\x98;y;1\n")
    )
    assert "not text in Windows-1251" in str(plan.errors[0]) and "0x98" in str(plan.errors[0])
    plan = plan_import(
        store, _write(tmp_path, "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 99)
    )
    assert ".xls" in str(plan.errors[0])


def test_the_store_s_own_files_are_refused_unread(store, tmp_path):
    for part in (store.path, store.path.with_name(store.path.name + "-wal")):
        [error] = plan_import(store, part).errors
        assert error.row_number == 0 and "KAMdesk's own database" in str(error)


def test_two_columns_that_could_be_the_price_are_refused(store, tmp_path):
    text = "Артикул;Наименование;МНН;Цена;Цена без НДС\nA-1;Тестин;y;110;100\n"
    [error] = plan_import(store, _write(tmp_path, "p.csv", text)).errors
    assert (error.row_number, error.column) == (1, "Цена без НДС")
    assert "«Цена» and «Цена без НДС» name the same column" in str(error)


def _xlsx(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite_sheet(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                change(target, name, content)
            else:
                target.writestr(name, content)
    return out.getvalue()


GOOD_XLSX = [["Артикул", "Наименование", "МНН", "Цена"], ["A-1", "Тестин", "тестин", 12.5]]


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(store, tmp_path):
    def bomb(target, name, content):
        with target.open(name, "w") as stream:
            stream.write(content.replace(b"</sheetData>", b""))
            for _ in range(40):
                stream.write(b" " * (1 << 20))
            stream.write(b"</sheetData></worksheet>")

    path = _write(tmp_path, "bomb.xlsx", _rewrite_sheet(_xlsx(GOOD_XLSX), bomb))
    assert path.stat().st_size < 200_000
    [error] = plan_import(store, path).errors
    assert error.row_number == 0 and "zip bomb" in str(error) and "sheet1.xml" in str(error)


def test_an_xlsx_row_count_is_bounded_and_its_dimension_is_not_trusted(store, tmp_path):
    def dimension(ref: bytes):
        def change(target, name, content):
            start = content.index(b"<dimension ")
            end = content.index(b"/>", start) + 2
            target.writestr(
                name, content[:start] + b'<dimension ref="' + ref + b'"/>' + content[end:]
            )

        return change

    rows = [*GOOD_XLSX, ["A-2", "Второй", "второй", 7]]
    huge = _rewrite_sheet(_xlsx(rows), dimension(b"A1:D1048576"))
    [error] = plan_import(store, _write(tmp_path, "huge.xlsx", huge)).errors
    assert "1048576 rows" in str(error)
    # A dimension that claims one cell would make openpyxl drop every other row.
    lying = _rewrite_sheet(_xlsx(rows), dimension(b"A1"))
    plan = plan_import(store, _write(tmp_path, "lying.xlsx", lying))
    assert [r.sku for r in plan.rows] == ["A-1", "A-2"]


def test_xlsx_values_right_of_the_header_and_huge_numbers_are_refused(store, tmp_path):
    rows = [*GOOD_XLSX, ["A-2", "x", "y", 1e20], ["A-3", "x", "y", 5, None, "примечание"]]
    plan = plan_import(store, _write(tmp_path, "p.xlsx", _xlsx(rows)))
    assert [(e.row_number, e.column) for e in plan.errors] == [(3, "Цена"), (4, "")]
    assert "100000000000000000000" in str(plan.errors[0])
    assert "right of the header" in str(plan.errors[1]) and "примечание" in str(plan.errors[1])


def test_an_archived_sku_is_restored_from_the_archive(store, tmp_path):
    catalog = ProductCatalog(store)
    product_id = catalog.save(ProductInput(sku="A-1", trade_name="Старин", inn_name="старин"))
    catalog.delete(product_id)
    path = _write(tmp_path, "p.csv", HEADER + "A-1;Новин;старин;10\nA-2;Второй;второй;20\n")
    plan = plan_import(store, path, valid_from=date(2026, 3, 1))
    assert plan.ok
    assert [(r.sku, r.action, r.changed_fields) for r in plan.rows] == [
        ("A-1", RowAction.RESTORE, ("trade_name",)),
        ("A-2", RowAction.NEW, ()),
    ]
    apply_import(store, plan)
    rows = {r.sku: r for r in catalog.list(on=date(2026, 3, 1))}
    assert rows["A-1"].id == product_id  # the same product, with its history, not a copy
    assert (rows["A-1"].trade_name, rows["A-1"].price) == ("Новин", Decimal("10.00"))
    with store.session() as session:
        skus = session.scalars(
            select(Product.sku).execution_options(**{INCLUDE_DELETED: True})
        ).all()
    assert sorted(skus) == ["A-1", "A-2"]


def test_a_cancelled_apply_writes_nothing_and_a_finished_one_reports_progress(store, tmp_path):
    rows = "".join(f"B-{i};Имя {i};мнн;{i + 1},50\n" for i in range(1_200))
    plan = plan_import(store, _write(tmp_path, "p.csv", HEADER + rows))
    assert plan.ok
    before = _changes(store)
    asked = []

    def stop_at_the_third_chunk() -> bool:
        asked.append(True)
        return len(asked) >= 3

    with pytest.raises(ImportCancelled):
        apply_import(store, plan, should_stop=stop_at_the_third_chunk)
    assert len(asked) == 3  # two chunks were written inside the transaction, then rolled back
    assert _changes(store) == before and ProductCatalog(store).list() == []

    seen: list[tuple[ImportStage, int, int]] = []
    PriceImporter(store).apply(plan, progress=lambda *report: seen.append(report))
    assert seen == [(ImportStage.WRITING, done, 1_200) for done in (0, 500, 1000, 1200)]
    assert len(ProductCatalog(store).list()) == 1_200


def test_a_cancelled_preview_raises_cancelled(store, tmp_path):
    rows = "".join(f"B-{i};Имя {i};мнн;1\n" for i in range(1_200))
    path = _write(tmp_path, "p.csv", HEADER + rows)
    with pytest.raises(ImportCancelled):
        PriceImporter(store).preview(path, should_stop=lambda: True)


def test_the_command_line_names_file_row_column_and_what_it_saw(tmp_path, capsys):
    db = tmp_path / "i.sqlite"
    bad = _write(tmp_path, "bad.csv", HEADER + "A-1;Тестин;тестин;1e20\n", "cp1251")
    assert cli.main(["--db", str(db), "import", "products", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, row 2, column «Цена»: the price «1e20» is not a number" in err
    assert "nothing was imported" in err


def test_a_price_that_changes_by_half_or_more_is_listed_as_a_jump(store, tmp_path):
    first = HEADER + "A-1;Кардиомагнил 75 мг;ацетилсалициловая кислота;1854,00\n"
    first += "A-2;Второй;второй;100,00\nA-3;Третий;третин;200,00\nA-4;Четвёртый;четвертин;10\n"
    apply_import(store, plan_import(store, _write(tmp_path, "a.csv", first), date(2026, 3, 1)))
    second = HEADER + "A-1;Кардиомагнил 75 мг;ацетилсалициловая кислота;54,00\n"
    second += "A-2;Второй;второй;250,00\nA-3;Третий;третин;180,00\nA-4;Четвёртый;четвертин;5\n"
    second += "N-1;Новый;новин;99999,00\n"
    plan = plan_import(store, _write(tmp_path, "b.csv", second), date(2026, 4, 1))
    assert plan.ok
    changes = {r.sku: r.price_change for r in plan.rows}
    assert changes["A-1"] is not None and round(changes["A-1"], 4) == Decimal("-0.9709")
    assert changes["A-2"] == Decimal("1.5") and changes["A-3"] == Decimal("-0.1")
    assert changes["N-1"] is None  # a new product has nothing to change against
    # −97 % and +150 % are listed, −10 % is not, a fall of exactly half is; new ones never
    assert [r.sku for r in plan.price_jumps] == ["A-1", "A-2", "A-4"]


def test_the_command_line_imports_a_price_jump_only_when_told_to(tmp_path, capsys):
    db = tmp_path / "j.sqlite"
    first = _write(tmp_path, "a.csv", HEADER + "A-1;Кардиомагнил;кислота;1854,00\n", "cp1251")
    assert cli.main(["--db", str(db), "import", "products", str(first)]) == 0
    typo = _write(tmp_path, "b.csv", HEADER + "A-1;Кардиомагнил;кислота;54,00\n", "cp1251")
    capsys.readouterr()
    assert cli.main(["--db", str(db), "import", "products", str(typo)]) == 1
    err = capsys.readouterr().err
    assert "A-1" in err and "−97" in err and "--accept-price-jumps" in err
    assert "nothing was imported" in err
    args = ["--db", str(db), "import", "products", str(typo), "--accept-price-jumps"]
    assert cli.main(args) == 0
    assert "imported" in capsys.readouterr().out
