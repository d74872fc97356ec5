"""Property: for any file, the price import either imports rows whose prices read back
exactly as the file wrote them, or refuses with reasons per row; it never raises
anything else, and a refused file leaves the store as it was.

Each example gets a fresh store holding one live product (Z-1) and one archived
(Z-2), so the generated files also update and restore. SKUs are "Z-<n>" and no
free text contains "Z", so a row that imports under a generated SKU can only be
that row: its price must be the one generated for it.
"""

from __future__ import annotations

import csv
import io
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kamdesk.models import ChangeLogEntry, PriceList, Product
from kamdesk.services.products import (
    ImportRefused,
    ProductCatalog,
    ProductInput,
    apply_import,
    plan_import,
)
from kamdesk.services.products.catalog import current_prices
from kamdesk.services.products.price_rows import MAX_PRICE
from kamdesk.store import INCLUDE_DELETED, Store, open_store

DAY = date(2026, 3, 1)
ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "utf-16")
SEPARATORS = (";", ",", "\t")
HEADERS = ("Артикул", "Наименование", "МНН", "Цена")
PROPERTY = settings(
    max_examples=100,
    deadline=None,
    # The autouse home-folder fixture is function-scoped; every example opens its own store.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="session")
def seeded_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite"
    shutil.copyfile(migrated_template, path)
    store = open_store(path)
    try:
        catalog = ProductCatalog(store)
        live = catalog.save(ProductInput(sku="Z-1", trade_name="Живин", inn_name="живин"))
        catalog.set_price(live, Decimal("100.00"), date(2026, 1, 1))
        catalog.delete(catalog.save(ProductInput(sku="Z-2", trade_name="Архивин", inn_name="а")))
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property")


@contextmanager
def fresh_store(template: Path, folder: Path) -> Iterator[Store]:
    path = folder / f"{uuid.uuid4().hex}.sqlite"
    shutil.copyfile(template, path)
    store = open_store(path)
    try:
        yield store
    finally:
        store.close()


def _snapshot(store: Store) -> tuple[object, ...]:
    with store.session() as session:
        products = session.execute(
            select(Product.sku, Product.trade_name, Product.deleted_at, Product.revision)
            .order_by(Product.sku)
            .execution_options(**{INCLUDE_DELETED: True})
        ).all()
        changes = session.scalar(select(func.count()).select_from(ChangeLogEntry))
        lists = session.scalar(select(func.count()).select_from(PriceList))
    return tuple(products), changes, lists


def check_import(
    store: Store, data: bytes, folder: Path, generated: dict[str, Decimal] | None = None
) -> bool:
    """Run the import on `data`; assert the property. True when it imported."""
    path = folder / f"{uuid.uuid4().hex}.csv"
    path.write_bytes(data)
    before = _snapshot(store)
    plan = plan_import(store, path, valid_from=DAY)  # never raises
    if plan.ok:
        apply_import(store, plan)
        planned = {row.sku: row.new_price for row in plan.rows}
        with store.session() as session:
            ids = dict(session.execute(select(Product.sku, Product.id)).all())
            prices = current_prices(session, DAY)
        assert {sku: prices[ids[sku]] for sku in planned} == planned
        assert all(Decimal(0) < price < MAX_PRICE for price in planned.values())
        if generated is not None:
            for sku, price in planned.items():
                assert sku in generated, f"{sku} is not a row of the file"
                assert price == generated[sku], (sku, price, generated[sku])
        return True
    assert plan.errors
    for error in plan.errors:
        assert error.row_number >= 0 and error.source == path.name
        assert str(error).startswith(path.name) and str(error.message)
    with pytest.raises(ImportRefused):
        apply_import(store, plan)
    assert _snapshot(store) == before
    return False


# --- any bytes ------------------------------------------------------------------


@settings(PROPERTY, max_examples=60)
@given(data=st.binary(max_size=4000))
def test_any_bytes(seeded_template: Path, folder: Path, data: bytes) -> None:
    with fresh_store(seeded_template, folder) as store:
        check_import(store, data, folder)


@settings(PROPERTY, max_examples=60)
@given(
    encoding=st.sampled_from(ENCODINGS),
    separator=st.sampled_from(SEPARATORS),
    tail=st.binary(max_size=2000),
)
def test_a_good_header_then_any_bytes(
    seeded_template: Path, folder: Path, encoding: str, separator: str, tail: bytes
) -> None:
    head = (separator.join(HEADERS) + "\n").encode(encoding)
    with fresh_store(seeded_template, folder) as store:
        check_import(store, head + tail, folder)


# --- near-valid CSV ---------------------------------------------------------------

prices = st.one_of(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2),
    st.sampled_from([Decimal("0.01"), Decimal("12.75"), Decimal("1000"), Decimal("9999999999.99")]),
)
# Letters, digits and every character that matters to CSV; never "Z" (see the docstring).
messy_text = st.text(
    alphabet=st.sampled_from(list('абвЖЯё AQ;,"\t\r\n.-0123456789%\x07')), max_size=10
)
clean_text = (
    st.text(alphabet=st.sampled_from(list("абвгдЖЯё AQ.-0123456789")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)


def price_text(price: Decimal, comma: bool, grouped: bool, suffix: str) -> str:
    text = f"{price:,.2f}" if grouped else f"{price:.2f}"
    text = text.replace(",", " ")
    if comma:
        text = text.replace(".", ",")
    return text + suffix


@st.composite
def price_lists(draw: st.DrawFn, messy: bool) -> tuple[bytes, dict[str, Decimal], str]:
    encoding = draw(st.sampled_from(ENCODINGS))
    separator = draw(st.sampled_from(SEPARATORS))
    numbers = draw(st.lists(st.integers(1, 60), min_size=1, max_size=8, unique=True))
    generated: dict[str, Decimal] = {}
    lines: list[list[str]] = [list(HEADERS)]
    for number in numbers:
        sku, price = f"Z-{number}", draw(prices)
        generated[sku] = price
        shown = price_text(
            price, draw(st.booleans()), draw(st.booleans()), draw(st.sampled_from(["", " руб."]))
        )
        # Mostly plain cells, so that messy files still import often enough to check prices.
        text = st.one_of(clean_text, clean_text, messy_text) if messy else clean_text
        lines.append([sku, draw(text), draw(text), shown])
    buffer = io.StringIO(newline="")
    if messy and draw(st.booleans()):  # cells joined as they are: quotes and separators raw
        buffer.write("".join(separator.join(cells) + "\n" for cells in lines))
    else:
        csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(lines)
    text = buffer.getvalue()
    perturbation = "" if messy else draw(st.sampled_from(PERTURBATIONS))
    text, perturbation = perturb(text, perturbation, separator, draw)
    return text.encode(encoding), generated, perturbation


PERTURBATIONS = (
    "",
    "",
    "unquoted decimal comma",
    "extra cell",
    "missing cell",
    "exponent",
    "not a number",
    "negative",
    "unclosed quote",
    "overlong name",
    "control character",
    "overlong line",
)


def perturb(text: str, how: str, separator: str, draw: st.DrawFn) -> tuple[str, str]:
    """The text with one row spoilt `how`, and `how` ("" when it does not apply)."""
    if not how:
        return text, how
    lines = text.split("\r\n")
    row = draw(st.integers(1, len(lines) - 2))  # the last element is "" after the final break
    cells = next(csv.reader([lines[row]], delimiter=separator))
    if how == "unquoted decimal comma":
        if separator != ",":
            return text, ""  # a decimal comma is fine in a file separated otherwise
        cells[3] = "12,75"
        lines[row] = ",".join(cells)
    elif how == "extra cell":
        lines[row] += separator + "лишнее"
    elif how == "missing cell":
        lines[row] = separator.join(cells[:3])
    else:
        replacement = {
            "exponent": (3, "1e3"),
            "not a number": (3, draw(st.sampled_from(["NaN", "Infinity", "-inf", "сто"]))),
            "negative": (3, "-5"),
            "unclosed quote": (1, '"' + cells[1]),
            "overlong name": (1, "Я" * 301),
            "control character": (1, cells[1] + "\x01"),
            "overlong line": (1, "я" * 70_000),
        }[how]
        cells[replacement[0]] = replacement[1]
        lines[row] = separator.join(cells)
    return "\r\n".join(lines), how


@PROPERTY
@given(case=price_lists(messy=False))
def test_near_valid_csv_imports_exactly_or_is_refused_as_it_must(
    seeded_template: Path, folder: Path, case: tuple[bytes, dict[str, Decimal], str]
) -> None:
    data, generated, perturbation = case
    with fresh_store(seeded_template, folder) as store:
        imported = check_import(store, data, folder, generated)
    if perturbation:
        assert not imported, f"a file with an {perturbation} was imported"
    else:
        assert imported, "a clean file was refused"


@PROPERTY
@given(case=price_lists(messy=True))
def test_messy_csv_never_moves_a_price_to_another_row(
    seeded_template: Path, folder: Path, case: tuple[bytes, dict[str, Decimal], str]
) -> None:
    data, generated, _ = case
    with fresh_store(seeded_template, folder) as store:
        imported = check_import(store, data, folder, generated)
    event("imported" if imported else "refused")
