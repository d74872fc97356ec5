"""Products, yearly price lists (the price history) and the arguments a KAM brings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kamdesk.models import (
    KeyMessage,
    ObjectionAnswer,
    PriceList,
    PriceListItem,
    Product,
    ProductComparison,
)
from kamdesk.services.demo.catalog_data import (
    COMPETITORS_BY_GROUP,
    GROUP_MESSAGES,
    GROUP_OBJECTIONS,
    OUR_ADVANTAGES,
    PRODUCTS,
    THEIR_ADVANTAGES,
    ProductSpec,
)
from kamdesk.services.demo.common import Clock, DemoRandom, Writer, syncable
from kamdesk.vocabulary import ProductKind, VatKind

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class ProductRef:
    id: uuid.UUID
    spec: ProductSpec
    prices: dict[int, Decimal]  # calendar year → price without VAT

    def price_on(self, month: date) -> Decimal:
        return self.prices.get(month.year) or self.prices[min(self.prices)]

    @property
    def current_price(self) -> Decimal:
        return self.prices[max(self.prices)]


def build_catalog(rng: DemoRandom, clock: Clock, writer: Writer) -> list[ProductRef]:
    years = list(range(clock.months[0].year, clock.today.year + 1))
    products = [ProductRef(rng.uuid(), spec, _price_history(rng, spec, years)) for spec in PRODUCTS]
    launched = clock.moment(date(years[0], 1, 1) - timedelta(days=90), 10)
    writer.insert(Product, (_product_row(rng, clock, product, launched) for product in products))
    _write_price_lists(rng, clock, writer, products, years)
    writer.insert(KeyMessage, _key_messages(rng, products, launched))
    writer.insert(ObjectionAnswer, _objections(rng, products, launched))
    writer.insert(ProductComparison, _comparisons(rng, products, launched))
    return products


def _price_history(rng: DemoRandom, spec: ProductSpec, years: list[int]) -> dict[int, Decimal]:
    """This year's price from the catalogue; each year before it 3–8 % cheaper."""
    price = Decimal(spec.price)
    prices = {years[-1]: price}
    for year in reversed(years[:-1]):
        price = price / Decimal(str(round(1 + rng.uniform(0.03, 0.08), 3)))
        step = Decimal(1) if price >= 100 else CENT
        price = price.quantize(step, rounding=ROUND_HALF_UP).quantize(CENT)
        prices[year] = price
    return dict(sorted(prices.items()))


def _registration(rng: DemoRandom, spec: ProductSpec) -> str:
    if spec.registration:
        return spec.registration
    style = rng.randrange(3)
    if style == 0:
        return f"ЛП-00{rng.randint(1000, 9999)}"
    if style == 1:
        return f"ЛП-№({rng.randint(1000, 9999):06d})-(РГ-RU)"
    return f"ЛСР-00{rng.randint(1000, 9999)}/{rng.randint(8, 12):02d}"


def _product_row(
    rng: DemoRandom, clock: Clock, product: ProductRef, launched: Any
) -> dict[str, Any]:
    spec = product.spec
    prescription = "Отпускается по рецепту." if spec.is_medicine else "Не является лекарством."
    return {
        **syncable(product.id, launched, clock.past_moment(rng, 20, 200)),
        "sku": spec.code,
        "inn_name": spec.inn_name,
        "trade_name": spec.trade_name,
        "dosage_form": spec.dosage_form,
        "dosage": spec.dosage,
        "pack": spec.pack,
        "registration_number": _registration(rng, spec),
        "product_group": spec.group,
        # Medicines at 10 %; the supplements and cosmetics at the standard rate, which
        # offers of 2026 charge at 22 %.
        "kind": ProductKind.MEDICINE if spec.is_medicine else ProductKind.OTHER,
        "vat_kind": VatKind.REDUCED if spec.is_medicine else VatKind.STANDARD,
        "description": f"{spec.group}: {spec.dosage_form}, {spec.dosage}, {spec.pack}. "
        f"{prescription}",
    }


def _write_price_lists(
    rng: DemoRandom, clock: Clock, writer: Writer, products: list[ProductRef], years: list[int]
) -> None:
    lists = []
    for year in years:
        valid_from = date(year, 1, 1)
        issued = clock.moment(valid_from - timedelta(days=rng.randint(8, 20)), 11)
        lists.append(
            {
                **syncable(rng.uuid(), issued),
                "name": f"Прайс-лист {year}",
                "valid_from": valid_from,
                "source": f"Прайс-лист_ВФ_{year}.xlsx (офис, отдел ценообразования)",
            }
        )
    writer.insert(PriceList, lists)
    writer.insert(
        PriceListItem,
        (
            {
                **syncable(rng.uuid(), price_list["created_at"]),
                "price_list_id": price_list["id"],
                "product_id": product.id,
                "price": product.prices[year],
            }
            for year, price_list in zip(years, lists, strict=True)
            for product in products
        ),
    )


def _fill(template: str, spec: ProductSpec) -> str:
    return template.format(trade=spec.trade_name, inn=spec.inn_name, dosage=spec.dosage)


def _key_messages(rng: DemoRandom, products: list[ProductRef], created: Any) -> Any:
    for product in products:
        templates = GROUP_MESSAGES[product.spec.group]
        count = min(len(templates), rng.randint(2, 4))
        chosen = sorted(rng.sample(range(len(templates)), count))  # the strongest first
        for position, template in enumerate(templates[i] for i in chosen):
            yield {
                **syncable(rng.uuid(), created),
                "product_id": product.id,
                "position": position,
                "text": _fill(template, product.spec),
            }


def _objections(rng: DemoRandom, products: list[ProductRef], created: Any) -> Any:
    for product in products:
        pairs = GROUP_OBJECTIONS[product.spec.group]
        for objection, answer in rng.sample(pairs, min(len(pairs), rng.randint(1, 3))):
            yield {
                **syncable(rng.uuid(), created),
                "product_id": product.id,
                "objection": _fill(objection, product.spec),
                "answer": _fill(answer, product.spec),
            }


def _comparisons(rng: DemoRandom, products: list[ProductRef], created: Any) -> Any:
    for product in products:
        companies = COMPETITORS_BY_GROUP[product.spec.group]
        for company in rng.sample(companies, rng.randint(1, 2)):
            price = product.current_price * Decimal(str(round(rng.uniform(0.82, 1.25), 2)))
            yield {
                **syncable(rng.uuid(), created),
                "product_id": product.id,
                "competitor_company": company,
                "competitor_product": f"{product.spec.inn_name} ({company})",
                "competitor_price": price.quantize(CENT, rounding=ROUND_HALF_UP),
                "our_advantages": rng.pick(OUR_ADVANTAGES),
                "their_advantages": rng.pick(THEIR_ADVANTAGES),
            }
