"""Importing the office's price list: preview first, then all or nothing.

`plan_import` reads the file, recognises the Russian column headers, checks
every row (price_rows) and compares it with the catalogue; nothing is written.
The plan lists what will change and every refused row with the file, its row
number, the column and what was in the cell. `apply_import` writes a plan
without errors in one transaction: new products, changed product fields, and a
new price list holding every price in the file (so the price history keeps the
list as the office sent it).

What a product is and how it is taxed come from the file when it says so (a
«Вид товара» column, a VAT column read at the list's date); otherwise an
existing product keeps its own, and a new one is a medicine when it has an
МНН, other goods when it carries the standard rate, and is refused otherwise:
only a medicine needs an МНН, so a file must say what a product without one is.
A new product without a VAT column gets its kind's usual rate (10 % for
medicines and medical devices, the standard rate for other goods).

A SKU that belongs to an archived product brings that product back: the office
sells it again, and a KAM expects it back in the catalogue with its arguments
and history rather than a second product or a refusal. The preview says so
(`RowAction.RESTORE`).

Both steps take `progress(stage, done, total)` and `should_stop()`; they check
`should_stop` between chunks of rows and raise `ImportCancelled`, which for
`apply_import` rolls the whole transaction back.

A price that moves by half or more against the current one (PRICE_JUMP) is most
likely a typo in the office's file (54,00 for 1 854,00); `ImportPlan.price_jumps`
lists those rows so the preview can make the user confirm them deliberately.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import PriceList, PriceListItem, Product
from kamdesk.services.products.catalog import current_prices
from kamdesk.services.products.price_cells import VatContext
from kamdesk.services.products.price_file import (
    CHUNK,
    ImportCancelled,
    ImportStage,
    Progress,
    ShouldStop,
    open_price_file,
    read_rows,
)
from kamdesk.services.products.price_rows import TEXT_FIELDS, AmbiguousHeader, parse_row
from kamdesk.services.products.tabular import UnreadableFile
from kamdesk.services.products.vat import (
    ProductKind,
    VatRegime,
    default_vat_kind,
    kind_for_rate,
    standard_rate,
)
from kamdesk.store import INCLUDE_DELETED, Store, restore
from kamdesk.store.files import is_part_of_store

_FILE_PROBLEM = QT_TRANSLATE_NOOP("Offers", "{file}: {reason}")
_WHERE_ROW = QT_TRANSLATE_NOOP("Offers", "row {row}")
_WHERE_ROWS = QT_TRANSLATE_NOOP("Offers", "rows {first}–{last}")
_TEMPLATES = {  # (a column is named, what was seen is not in the reason already)
    (True, True): QT_TRANSLATE_NOOP(
        "Offers", "{file}, {where}, column «{column}»: {reason}; seen «{seen}»"
    ),
    (True, False): QT_TRANSLATE_NOOP("Offers", "{file}, {where}, column «{column}»: {reason}"),
    (False, True): QT_TRANSLATE_NOOP("Offers", "{file}, {where}: {reason}; seen «{seen}»"),
    (False, False): QT_TRANSLATE_NOOP("Offers", "{file}, {where}: {reason}"),
}
# A relative price change (new / old - 1) this large either way must be confirmed
# before the import is written: 0.5 is a 50 % fall or rise.
PRICE_JUMP = Decimal("0.5")


class RowAction(StrEnum):
    NEW = "new"
    UPDATE = "update"
    PRICE = "price"  # only the price changes
    UNCHANGED = "unchanged"
    RESTORE = "restore"  # an archived product comes back


@dataclass(frozen=True)
class RowError:
    source: str  # the file's name
    row_number: int  # in the file, 1-based; 0 for the file as a whole
    message: Message
    column: str = ""  # the column's header as the file writes it
    seen: str = ""  # what was in the cell or line, shortened
    last_row: int = 0  # when the row's quoted cell spans lines

    def describe(self, translate: Callable[[Message], str] = str) -> str:
        """The whole refusal in one line, in the language `translate` gives."""
        reason = translate(self.message)
        if not self.row_number:
            return translate(_msg(_FILE_PROBLEM, file=self.source, reason=reason))
        if self.last_row > self.row_number:
            where = _msg(_WHERE_ROWS, first=self.row_number, last=self.last_row)
        else:
            where = _msg(_WHERE_ROW, row=self.row_number)
        show_seen = bool(self.seen) and self.seen not in reason
        template = _TEMPLATES[(bool(self.column), show_seen)]
        params = {
            "file": self.source,
            "where": translate(where),
            "column": self.column,
            "reason": reason,
            "seen": self.seen,
        }
        return translate(Message("Offers", template, params))

    def __str__(self) -> str:
        return self.describe()


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

    @property
    def price_change(self) -> Decimal | None:
        """(new − old) / old: −0.97 for 1 854,00 → 54,00; None for a new product or
        one without a current price (nor a zero one, against which nothing is relative)."""
        if self.action == RowAction.NEW or not self.old_price:
            return None
        return (self.new_price - self.old_price) / self.old_price


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

    @property
    def source_name(self) -> str:
        return Path(self.source).name

    def count(self, action: RowAction) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def price_jumps(self) -> list[PlannedRow]:
        """The rows whose price changes by PRICE_JUMP or more, up or down, in file order."""
        return [
            row
            for row in self.rows
            if (change := row.price_change) is not None and abs(change) >= PRICE_JUMP
        ]


class ImportRefused(ValueError):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def _no_progress(stage: ImportStage, done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


def plan_import(
    store: Store,
    path: Path,
    valid_from: date | None = None,
    *,
    progress: Progress = _no_progress,
    should_stop: ShouldStop = _never,
) -> ImportPlan:
    """What importing `path` would change, and every row that stops it; writes nothing."""
    valid_from = valid_from or date.today()
    source = Path(path).name
    progress(ImportStage.READING, 0, 0)
    try:
        if is_part_of_store(Path(path), store.path):
            # Reading it with open() and closing it would drop this process's SQLite locks.
            raise UnreadableFile(
                _msg(
                    QT_TRANSLATE_NOOP("Offers", "this is KAMdesk's own database, not a price list")
                )
            )
        table = open_price_file(Path(path))
        with closing(table.records):
            records = read_rows(table, should_stop, progress)
    except UnreadableFile as error:
        refusal = RowError(source, 0, error.message)
        return ImportPlan(str(path), "", "", "", (), [], [refusal], valid_from)
    except AmbiguousHeader as error:
        refusal = RowError(source, error.row_number, error.message, error.column)
        return ImportPlan(str(path), "", "", "", (), [], [refusal], valid_from)
    header = table.header
    errors: list[RowError] = []
    planned: list[PlannedRow] = []
    vat = VatContext(valid_from, _vat_regime(store))
    with store.session() as session:
        products = {
            p.sku: p
            for p in session.scalars(select(Product).execution_options(**{INCLUDE_DELETED: True}))
        }
        prices = current_prices(session, valid_from)
        seen: dict[str, int] = {}
        for index, record in enumerate(records):
            if index % CHUNK == 0:
                if should_stop():
                    raise ImportCancelled
                progress(ImportStage.CHECKING, index, len(records))
            if record.problem is not None:
                errors.append(
                    RowError(
                        source, record.first_line, record.problem, "", record.seen, record.last_line
                    )
                )
                continue
            values, problems = parse_row(record, header, table.delimiter, vat)
            errors += [
                RowError(source, record.first_line, p.message, p.column, p.seen, record.last_line)
                for p in problems
            ]
            if problems:
                continue
            sku = str(values["sku"])
            existing = products.get(sku)
            problem = None
            if sku in seen:
                problem = _msg(
                    QT_TRANSLATE_NOOP("Offers", "SKU {sku} is already in row {row}"),
                    sku=sku,
                    row=seen[sku],
                )
            else:
                problem = classify(values, existing, vat)
            if problem is not None:
                column = "sku" if sku in seen else "inn_name"
                title = header.title(column) if column in header.positions else ""
                errors.append(
                    RowError(source, record.first_line, problem, title, "", record.last_line)
                )
                continue
            seen[sku] = record.first_line
            planned.append(_plan_row(record.first_line, values, existing, prices))
    if not planned and not errors:
        errors.append(
            RowError(
                source,
                0,
                _msg(QT_TRANSLATE_NOOP("Offers", "the file has no rows below its header")),
            )
        )
    columns = tuple(sorted(header.positions, key=header.positions.__getitem__))
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


def _vat_regime(store: Store) -> VatRegime:
    from kamdesk.services.offers.settings import load_vat_regime  # the supplier's setting

    return load_vat_regime(store)


def classify(
    values: dict[str, object], existing: Product | None, vat: VatContext
) -> Message | None:
    """Put the product's kind and VAT kind into `values` (see the module's rules), or say
    why the row cannot be taken. `values["vat_rate"]`, the stated rate, is used up."""
    sku = values["sku"]
    stated_vat = "vat_rate" in values
    rate = values.pop("vat_rate", None)
    assert rate is None or isinstance(rate, Decimal)
    kind = values.get("kind")
    if kind is None and existing is not None:
        kind = existing.kind
    elif kind is None and values.get("inn_name"):
        kind = ProductKind.MEDICINE
    elif kind is None and stated_vat and vat.regime == VatRegime.GENERAL:
        kind = ProductKind.OTHER if rate == standard_rate(vat.on) else None
    if kind is None:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Offers",
                "new product {sku} has no INN (МНН): a medicine needs one; for a medical "
                "device or other goods say so in a column «Вид товара»",
            ),
            sku=sku,
        )
    assert isinstance(kind, ProductKind)
    inn = values.get("inn_name", existing.inn_name if existing is not None else "")
    if kind == ProductKind.MEDICINE and not inn:
        return _msg(
            QT_TRANSLATE_NOOP("Offers", "{sku} is a medicine and has no INN (МНН)"), sku=sku
        )
    if existing is None or "kind" in values:
        values["kind"] = kind
    if stated_vat:
        values["vat_kind"] = kind_for_rate(rate, vat.on, vat.regime, kind)
        assert values["vat_kind"] is not None, "parse_row refuses rates not in force"
    elif existing is None:
        values["vat_kind"] = default_vat_kind(kind)
    return None


def _plan_row(
    row_number: int,
    values: dict[str, object],
    existing: Product | None,
    prices: dict[uuid.UUID, Decimal],
) -> PlannedRow:
    new_price = values["price"]
    assert isinstance(new_price, Decimal)
    sku, name = str(values["sku"]), str(values["trade_name"])
    if existing is None:
        return PlannedRow(row_number, sku, name, RowAction.NEW, (), None, new_price, values)
    changed = tuple(
        column
        for column in (*TEXT_FIELDS, "kind", "vat_kind")
        if column in values and values[column] != getattr(existing, column)
    )
    old_price = prices.get(existing.id)
    if existing.deleted_at is not None:
        action = RowAction.RESTORE
    elif changed:
        action = RowAction.UPDATE
    elif old_price != new_price:
        action = RowAction.PRICE
    else:
        action = RowAction.UNCHANGED
    return PlannedRow(row_number, sku, name, action, changed, old_price, new_price, values)


def apply_import(
    store: Store,
    plan: ImportPlan,
    name: str = "",
    *,
    progress: Progress = _no_progress,
    should_stop: ShouldStop = _never,
) -> uuid.UUID:
    """Write the plan in one transaction; refuses a plan with errors. Returns the price list id.

    Cancelled between chunks (`should_stop`), it raises ImportCancelled and the
    transaction is rolled back: the store is as it was."""
    if not plan.ok:
        raise ImportRefused(plan.errors)
    total = len(plan.rows)
    with store.transaction() as session:
        price_list = PriceList(
            name=name or f"Прайс-лист от {plan.valid_from:%d.%m.%Y}",
            valid_from=plan.valid_from,
            source=plan.source_name,
        )
        session.add(price_list)
        products = {
            p.sku: p
            for p in session.scalars(select(Product).execution_options(**{INCLUDE_DELETED: True}))
        }
        for start in range(0, total, CHUNK):
            if should_stop():
                raise ImportCancelled
            progress(ImportStage.WRITING, start, total)
            chunk = plan.rows[start : start + CHUNK]
            touched = [_write_product(session, products, row) for row in chunk]
            session.flush()  # gives new products their ids
            session.add_all(
                PriceListItem(
                    price_list_id=price_list.id, product_id=product.id, price=row.new_price
                )
                for row, product in zip(chunk, touched, strict=True)
            )
        session.flush()
        progress(ImportStage.WRITING, total, total)
        return price_list.id


def _write_product(session: Session, products: dict[str, Product], row: PlannedRow) -> Product:
    product = products.get(row.sku)
    fields = row.changed_fields
    if product is None:
        fields = TEXT_FIELDS
        product = Product(
            sku=row.sku,
            trade_name=row.trade_name,
            inn_name=str(row.values.get("inn_name", "")),
            kind=row.values["kind"],
            vat_kind=row.values["vat_kind"],
        )
        session.add(product)
        products[row.sku] = product
    elif product.deleted_at is not None:
        restore(session, product)
    for field_name in fields:
        if field_name in row.values:
            setattr(product, field_name, row.values[field_name])
    return product


class PriceImporter:
    """The price-list import for the window: preview, then apply, each cancellable."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def preview(
        self,
        path: Path,
        valid_from: date | None = None,
        *,
        progress: Progress = _no_progress,
        should_stop: ShouldStop = _never,
    ) -> ImportPlan:
        return plan_import(
            self._store, path, valid_from, progress=progress, should_stop=should_stop
        )

    def apply(
        self,
        plan: ImportPlan,
        *,
        progress: Progress = _no_progress,
        should_stop: ShouldStop = _never,
    ) -> uuid.UUID:
        return apply_import(self._store, plan, progress=progress, should_stop=should_stop)
