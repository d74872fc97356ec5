"""Importing the office's price list: preview first, then all or nothing.

`plan_import` reads the file, recognises the Russian column headers, checks
every row and compares it with the catalogue; nothing is written. The plan
lists what will change and every bad row with its number in the file and the
reason. `apply_import` writes a plan without errors in one transaction: new
products, changed product fields, and a new price list holding every price in
the file (so the price history keeps the list as the office sent it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import PriceList, PriceListItem, Product
from kamdesk.services.products.catalog import VAT_MEDICINE, VAT_RATES, current_prices
from kamdesk.services.products.tabular import (
    UnreadableFile,
    header_key,
    parse_decimal,
    read_table,
)
from kamdesk.store import Store

# Column → header texts the office's exports use (compared after header_key()).
HEADERS: dict[str, tuple[str, ...]] = {
    "sku": ("артикул", "код", "код товара", "код номенклатуры", "sku", "артикул sku"),
    "trade_name": (
        "наименование",
        "торговое наименование",
        "номенклатура",
        "товар",
        "препарат",
        "наименование товара",
    ),
    "inn_name": ("мнн", "международное непатентованное наименование"),
    "dosage_form": ("лекарственная форма", "форма выпуска", "форма"),
    "dosage": ("дозировка", "доза"),
    "pack": ("фасовка", "упаковка", "количество в упаковке"),
    "registration_number": (
        "регистрационное удостоверение",
        "рег номер",
        "рег удостоверение",
        "номер ру",
        "ру",
        "регистрационный номер",
    ),
    "product_group": ("группа", "товарная группа", "группа товаров"),
    "vat_rate": ("ставка ндс", "ндс", "ндс ставка"),
    "price": (
        "цена",
        "цена без ндс",
        "цена руб",
        "цена руб без ндс",
        "цена без ндс руб",
        "цена за упаковку",
        "цена за упаковку без ндс",
    ),
}
REQUIRED = ("sku", "trade_name", "price")
TEXT_FIELDS = (
    "trade_name",
    "inn_name",
    "dosage_form",
    "dosage",
    "pack",
    "registration_number",
    "product_group",
)
_NO_VAT = {"без ндс", "0", "0 %"}


class RowAction(StrEnum):
    NEW = "new"
    UPDATE = "update"
    PRICE = "price"  # only the price changes
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class RowError:
    row_number: int  # in the file, 1-based; 0 for the file as a whole
    message: Message

    def __str__(self) -> str:
        if self.row_number:
            return f"row {self.row_number}: {self.message}"
        return str(self.message)


@dataclass(frozen=True)
class PlannedRow:
    row_number: int
    sku: str
    trade_name: str
    action: RowAction
    changed_fields: tuple[str, ...]
    old_price: Decimal | None
    new_price: Decimal
    values: dict[str, object] = field(compare=False, repr=False)


@dataclass(frozen=True)
class ImportPlan:
    source: str
    file_format: str
    encoding: str
    delimiter: str
    columns: tuple[str, ...]  # recognised columns, in file order
    rows: list[PlannedRow]
    errors: list[RowError]
    valid_from: date

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def count(self, action: RowAction) -> int:
        return sum(1 for row in self.rows if row.action == action)


class ImportRefused(ValueError):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def _find_header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]] | None:
    """The first of the top rows naming the SKU, name and price columns."""
    for index, (_, cells) in enumerate(rows[:15]):
        mapping: dict[str, int] = {}
        for position, cell in enumerate(cells):
            key = header_key(cell)
            for column, names in HEADERS.items():
                if key in names and column not in mapping:
                    mapping[column] = position
        if all(column in mapping for column in REQUIRED):
            return index, mapping
    return None


def plan_import(store: Store, path: Path, valid_from: date | None = None) -> ImportPlan:
    valid_from = valid_from or date.today()
    errors: list[RowError] = []
    try:
        table = read_table(path)
    except UnreadableFile as error:
        problem = _msg(
            QT_TRANSLATE_NOOP("Offers", "cannot read the file: {reason}"), reason=str(error)
        )
        return ImportPlan(str(path), "", "", "", (), [], [RowError(0, problem)], valid_from)
    found = _find_header(table.rows)
    if found is None:
        problem = _msg(
            QT_TRANSLATE_NOOP(
                "Offers",
                "no header row with the columns «Артикул», «Наименование» and «Цена» "
                "in the first 15 rows",
            )
        )
        return ImportPlan(
            str(path),
            table.file_format,
            table.encoding,
            table.delimiter,
            (),
            [],
            [RowError(0, problem)],
            valid_from,
        )
    header_index, mapping = found
    with store.session() as session:
        products = {p.sku: p for p in session.scalars(select(Product))}
        prices = current_prices(session, valid_from)
        planned: list[PlannedRow] = []
        seen: dict[str, int] = {}
        for row_number, cells in table.rows[header_index + 1 :]:
            if not any(cells):
                continue
            values, row_error = _parse_row(cells, mapping)
            sku = str(values.get("sku", ""))
            if row_error is None and sku in seen:
                row_error = _msg(
                    QT_TRANSLATE_NOOP("Offers", "SKU {sku} is already in row {row}"),
                    sku=sku,
                    row=seen[sku],
                )
            existing = products.get(sku)
            if row_error is None and existing is None and not values.get("inn_name"):
                row_error = _msg(
                    QT_TRANSLATE_NOOP("Offers", "new product {sku} has no INN (МНН)"),
                    sku=sku,
                )
            if row_error is not None:
                errors.append(RowError(row_number, row_error))
                continue
            seen[sku] = row_number
            planned.append(_plan_row(row_number, values, existing, prices))
    if not planned and not errors:
        errors.append(
            RowError(0, _msg(QT_TRANSLATE_NOOP("Offers", "the file has no rows below its header")))
        )
    columns = tuple(sorted(mapping, key=mapping.__getitem__))
    return ImportPlan(
        str(path),
        table.file_format,
        table.encoding,
        table.delimiter,
        columns,
        planned,
        errors,
        valid_from,
    )


def _parse_row(
    cells: list[str], mapping: dict[str, int]
) -> tuple[dict[str, object], Message | None]:
    def cell(column: str) -> str:
        position = mapping.get(column)
        if position is None or position >= len(cells):
            return ""
        return cells[position].strip()

    values: dict[str, object] = {c: cell(c) for c in ("sku", *TEXT_FIELDS) if c in mapping}
    if not values["sku"]:
        return values, _msg(QT_TRANSLATE_NOOP("Offers", "no SKU code"))
    if not values["trade_name"]:
        return values, _msg(QT_TRANSLATE_NOOP("Offers", "no product name"))
    price_text = cell("price")
    if not price_text:
        return values, _msg(QT_TRANSLATE_NOOP("Offers", "no price"))
    try:
        price = parse_decimal(price_text)
    except ValueError:
        return values, _msg(
            QT_TRANSLATE_NOOP("Offers", "the price «{value}» is not a number"), value=price_text
        )
    if price <= 0:
        return values, _msg(
            QT_TRANSLATE_NOOP("Offers", "the price must be above zero, not {value}"),
            value=price_text,
        )
    if price != price.quantize(Decimal("0.01")):
        return values, _msg(
            QT_TRANSLATE_NOOP("Offers", "the price {value} has more than two decimals (kopecks)"),
            value=price_text,
        )
    values["price"] = price.quantize(Decimal("0.01"))
    vat_text = cell("vat_rate")
    if vat_text:
        try:
            vat = Decimal(0) if header_key(vat_text) in _NO_VAT else parse_decimal(vat_text)
        except ValueError:
            vat = Decimal(-1)
        if vat < 1 and vat in (Decimal("0.1"), Decimal("0.2")):
            vat *= 100  # a spreadsheet percentage cell: 0.1 = 10 %
        if vat not in VAT_RATES:
            return values, _msg(
                QT_TRANSLATE_NOOP("Offers", "VAT rate must be 0, 10 or 20 %, not «{value}»"),
                value=vat_text,
            )
        values["vat_rate"] = vat.quantize(Decimal("0.01"))
    return values, None


def _plan_row(
    row_number: int,
    values: dict[str, object],
    existing: Product | None,
    prices: dict[uuid.UUID, Decimal],
) -> PlannedRow:
    new_price = values["price"]
    assert isinstance(new_price, Decimal)
    if existing is None:
        return PlannedRow(
            row_number,
            str(values["sku"]),
            str(values["trade_name"]),
            RowAction.NEW,
            (),
            None,
            new_price,
            values,
        )
    changed = tuple(
        name
        for name in (*TEXT_FIELDS, "vat_rate")
        if name in values and values[name] != getattr(existing, name)
    )
    old_price = prices.get(existing.id)
    if changed:
        action = RowAction.UPDATE
    elif old_price != new_price:
        action = RowAction.PRICE
    else:
        action = RowAction.UNCHANGED
    return PlannedRow(
        row_number,
        str(values["sku"]),
        str(values["trade_name"]),
        action,
        changed,
        old_price,
        new_price,
        values,
    )


def apply_import(store: Store, plan: ImportPlan, name: str = "") -> uuid.UUID:
    """Write the plan in one transaction; refuses a plan with errors. Returns the price list id."""
    if not plan.ok:
        raise ImportRefused(plan.errors)
    with store.transaction() as session:
        price_list = PriceList(
            name=name or f"Прайс-лист от {plan.valid_from:%d.%m.%Y}",
            valid_from=plan.valid_from,
            source=Path(plan.source).name,
        )
        session.add(price_list)
        products = {p.sku: p for p in session.scalars(select(Product))}
        for row in plan.rows:
            product = products.get(row.sku)
            fields = row.changed_fields
            if product is None:
                fields = TEXT_FIELDS
                vat = row.values.get("vat_rate", VAT_MEDICINE)
                assert isinstance(vat, Decimal)
                product = Product(
                    sku=row.sku,
                    trade_name=row.trade_name,
                    inn_name=str(row.values["inn_name"]),
                    vat_rate=vat,
                    is_medicine=vat != Decimal(20),
                )
                session.add(product)
            for field_name in fields:
                if field_name in row.values:
                    setattr(product, field_name, row.values[field_name])
            session.flush()
            session.add(
                PriceListItem(
                    price_list_id=price_list.id, product_id=product.id, price=row.new_price
                )
            )
        return price_list.id
