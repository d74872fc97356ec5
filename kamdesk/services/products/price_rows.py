"""One price-list row: which column is which, and whether every value fits the store.

A row is refused, with the file's row number, the column and what was in the
cell, when:
- it has a different number of cells than the header (CSV), or values to the
  right of the header (XLSX): a decimal comma in a comma-separated file
  (`…,12,75`) or a stray quote would otherwise move values into the wrong
  columns;
- a quoted cell spans lines (legitimate CSV) where that cannot be meant: in
  the SKU, price or VAT, or in a cell that also holds the separator (a stray
  quote swallowing the next rows). A line break in a text cell — Excel's
  Alt+Enter in a long name — is read as a space;
- a price is not plain digits with at most two decimals, is not above zero or
  is `MAX_PRICE` or more;
- a VAT rate is not in force on the list's date (20 % in a list of 2026: the
  standard rate is 22 % from 01.01.2026), or is 5 %/7 % while the supplier's
  settings do not say it is on the simplified tax system. «Без НДС» and «НДС не
  облагается» mean exempt, which is not 0 %;
- a product kind («Вид товара») is none of medicine, medical device, other goods;
- a text is longer than its column in the store, or holds a control character.

Both «Артикул» and «Код» are SKU headers when alone; together (as 1C writes
its catalogue) the article is the SKU and «Код» is 1C's own item code, kept
beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Product
from kamdesk.services.products.price_cells import VatContext, read_kind, read_vat
from kamdesk.services.products.tabular import (
    Record,
    control_character,
    header_key,
    parse_decimal,
    shown,
)
from kamdesk.services.products.vat import ProductKind

# Column → header texts the office's exports use (compared after header_key()).
HEADERS: dict[str, tuple[str, ...]] = {
    "sku": ("артикул", "sku", "артикул sku"),
    # 1C's item code: the SKU when there is no article column.
    "code_1c": ("код", "код товара", "код номенклатуры", "код 1с"),
    "kind": (
        "вид",
        "вид товара",
        "вид номенклатуры",
        "вид продукции",
        "тип товара",
        "тип номенклатуры",
        "тип продукции",
    ),
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
    "code_1c",
    "trade_name",
    "inn_name",
    "dosage_form",
    "dosage",
    "pack",
    "registration_number",
    "product_group",
)
# Where a line break cannot be meant: it would be a stray quote's doing.
SINGLE_LINE = ("sku", "price", "vat_rate", "kind")
# Below ten billion roubles a pack: far inside the store's 64-bit kopecks even
# multiplied by an offer's quantity, and far above any medicine's price.
MAX_PRICE = Decimal("10000000000")
assert MAX_PRICE * 100 * 1_000_000 < 2**63
HEADER_ROWS = 15


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def column_limit(name: str) -> int:
    """How many characters the store keeps for a product field."""
    length = Product.__table__.c[name].type.length  # type: ignore[attr-defined]
    assert isinstance(length, int)
    return length


@dataclass(frozen=True)
class Header:
    index: int  # of its record in the records read
    row_number: int
    cells: tuple[str, ...]
    positions: dict[str, int]  # column → cell position

    @property
    def width(self) -> int:
        return len(self.cells)

    def title(self, column: str) -> str:
        """The column's header as the file writes it."""
        return self.cells[self.positions[column]].strip()


class AmbiguousHeader(ValueError):
    """Two header cells name the same column: which one holds the prices is a guess."""

    def __init__(self, row_number: int, column: str, message: Message) -> None:
        super().__init__(str(message))
        self.row_number = row_number
        self.column = column
        self.message = message


def find_header(records: list[Record]) -> Header | None:
    """The first of the top rows naming the SKU, name and price columns."""
    for index, record in enumerate(records[:HEADER_ROWS]):
        positions: dict[str, int] = {}
        for position, cell in enumerate(record.cells):
            key = header_key(cell)
            for column, names in HEADERS.items():
                if key not in names:
                    continue
                if column in positions:
                    raise AmbiguousHeader(
                        record.first_line,
                        cell.strip(),
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "Offers",
                                "«{first}» and «{second}» name the same column; rename or "
                                "remove one",
                            ),
                            first=record.cells[positions[column]].strip(),
                            second=cell.strip(),
                        ),
                    )
                positions[column] = position
        if "sku" not in positions and "code_1c" in positions:
            positions["sku"] = positions.pop("code_1c")  # no article: 1C's code is the SKU
        if all(column in positions for column in REQUIRED):
            return Header(index, record.first_line, record.cells, positions)
    return None


@dataclass(frozen=True)
class CellProblem:
    column: str  # the header's text, "" for the row as a whole
    message: Message
    seen: str


class _Row:
    def __init__(self, record: Record, header: Header, separator: str) -> None:
        self.record = record
        self.header = header
        self.separator = separator
        self.problems: list[CellProblem] = []

    def refuse(self, column: str, message: Message, seen: str) -> None:
        title = self.header.title(column) if column in self.header.positions else column
        self.problems.append(CellProblem(title, message, shown(seen)))

    def raw(self, column: str) -> str:
        position = self.header.positions.get(column)
        if position is None or position >= len(self.record.cells):
            return ""
        return self.record.cells[position]

    def text(self, column: str) -> str | None:
        """The cell, checked to fit the store; None when refused."""
        raw = self.raw(column)
        line_break = "\n" in raw or "\r" in raw
        if line_break and (column in SINGLE_LINE or (self.separator and self.separator in raw)):
            self.refuse(
                column,
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers",
                        'a line break inside this cell: a quote «"» probably swallowed '
                        "the next rows",
                    )
                ),
                raw,
            )
            return None
        value = " ".join(raw.replace("\t", " ").splitlines()).strip()
        control = control_character(value)
        if control is not None:
            self.refuse(
                column,
                _msg(QT_TRANSLATE_NOOP("Offers", "the control character {code}"), code=control),
                raw,
            )
            return None
        if column in ("sku", *TEXT_FIELDS) and len(value) > column_limit(column):
            self.refuse(
                column,
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers", "{length} characters; the store keeps at most {limit}"
                    ),
                    length=len(value),
                    limit=column_limit(column),
                ),
                raw,
            )
            return None
        return value


def parse_row(
    record: Record, header: Header, separator: str, vat: VatContext
) -> tuple[dict[str, object], list[CellProblem]]:
    """The row's values for the recognised columns, or what is wrong with it.

    `separator` is the CSV file's; "" for a spreadsheet, whose rows are a grid.
    A stated VAT rate is `values["vat_rate"]`, None for exempt; a stated kind is
    `values["kind"]`; an empty cell states nothing."""
    row = _Row(record, header, separator)
    width = len(record.cells)
    if separator and width != header.width:
        row.refuse("", _count_problem(record, header, separator), separator.join(record.cells))
        return {}, row.problems
    if (
        not separator
        and width > header.width
        and any(c.strip() for c in record.cells[header.width :])
    ):
        row.refuse(
            "",
            _msg(
                QT_TRANSLATE_NOOP(
                    "Offers", "there are values to the right of the header's last column"
                )
            ),
            " | ".join(c for c in record.cells[header.width :] if c.strip()),
        )
        return {}, row.problems
    values: dict[str, object] = {}
    for column in ("sku", *TEXT_FIELDS):
        if column in header.positions:
            value = row.text(column)
            if value is not None:
                values[column] = value
    if values.get("sku") == "":
        row.refuse("sku", _msg(QT_TRANSLATE_NOOP("Offers", "no SKU code")), "")
    if values.get("trade_name") == "":
        row.refuse("trade_name", _msg(QT_TRANSLATE_NOOP("Offers", "no product name")), "")
    price = _price(row)
    if price is not None:
        values["price"] = price
    if "vat_rate" in header.positions:
        stated = _vat(row, vat)
        if stated is not _NOTHING:
            values["vat_rate"] = stated
    if "kind" in header.positions:
        kind = _kind(row)
        if kind is not None:
            values["kind"] = kind
    return values, row.problems


def _count_problem(record: Record, header: Header, separator: str) -> Message:
    if separator == "," and len(record.cells) > header.width and _has_split_decimal(record.cells):
        return _msg(
            QT_TRANSLATE_NOOP(
                "Offers",
                "cells in the row: {count}, in the header: {expected}; a number with a "
                "decimal comma (12,75) in a comma-separated file must be in quotes",
            ),
            count=len(record.cells),
            expected=header.width,
        )
    return _msg(
        QT_TRANSLATE_NOOP("Offers", "cells in the row: {count}, in the header: {expected}"),
        count=len(record.cells),
        expected=header.width,
    )


def _has_split_decimal(cells: tuple[str, ...]) -> bool:
    return any(
        left.strip().isdigit() and right.strip().isdigit() and len(right.strip()) <= 2
        for left, right in pairwise(cells)
    )


def _price(row: _Row) -> Decimal | None:
    text = row.text("price")
    if text is None:
        return None
    if not text:
        row.refuse("price", _msg(QT_TRANSLATE_NOOP("Offers", "no price")), "")
        return None
    try:
        price = parse_decimal(text)
    except ValueError:
        row.refuse(
            "price",
            _msg(
                QT_TRANSLATE_NOOP("Offers", "the price «{value}» is not a number"),
                value=shown(text),
            ),
            text,
        )
        return None
    if price <= 0:
        problem = QT_TRANSLATE_NOOP("Offers", "the price must be above zero, not {value}")
    elif price >= MAX_PRICE:
        problem = QT_TRANSLATE_NOOP(
            "Offers", "the price {value} is not below ten billion roubles: a misread cell?"
        )
    elif price != price.quantize(Decimal("0.01")):
        problem = QT_TRANSLATE_NOOP(
            "Offers", "the price {value} has more than two decimals (kopecks)"
        )
    else:
        return price.quantize(Decimal("0.01"))
    row.refuse("price", _msg(problem, value=shown(text)), text)
    return None


_NOTHING = object()  # an empty VAT cell, or one refused


def _vat(row: _Row, context: VatContext) -> object:
    """The stated rate (None: exempt), or _NOTHING for an empty or refused cell."""
    text = row.text("vat_rate")
    if not text:
        return _NOTHING
    rate, problem = read_vat(text, context)
    if problem is not None:
        row.refuse("vat_rate", problem, text)
        return _NOTHING
    return rate


def _kind(row: _Row) -> ProductKind | None:
    text = row.text("kind")
    if not text:
        return None
    kind, problem = read_kind(text)
    if problem is not None:
        row.refuse("kind", problem, text)
    return kind
