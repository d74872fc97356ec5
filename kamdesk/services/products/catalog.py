"""The product catalogue: browse, search, edit, and prices over time.

The current price of a product is its price in the newest price list whose
`valid_from` is not after the day asked about; the lists before it are its
price history. Prices are without VAT. A product says how it is taxed
(`vat_kind`); the rate follows from the day asked about (products.vat).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import (
    KeyMessage,
    ObjectionAnswer,
    PriceList,
    PriceListItem,
    Product,
    ProductComparison,
)
from kamdesk.services.products.price_rows import TEXT_FIELDS
from kamdesk.services.products.vat import ProductKind, VatKind, VatRegime, vat_rate
from kamdesk.store import Store, soft_delete
from kamdesk.textfold import fold

# The product form edits every text column a price list can fill, plus the SKU
# (the price list's key) and the description (no price list carries one).
FORM_TEXT_FIELDS = ("sku", *TEXT_FIELDS, "description")


class CatalogError(ValueError):
    """Input the catalogue refuses; `messages` maps a field name to what is wrong."""

    def __init__(self, messages: dict[str, Message]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in messages.items()))
        self.messages = messages


@dataclass(frozen=True)
class ProductRow:
    id: uuid.UUID
    sku: str
    trade_name: str
    inn_name: str
    dosage_form: str
    dosage: str
    pack: str
    product_group: str
    kind: ProductKind
    vat_kind: VatKind
    vat_rate: Decimal | None  # on the day listed; None: exempt («без НДС»)
    price: Decimal | None  # current, without VAT
    code_1c: str = ""

    @property
    def is_medicine(self) -> bool:
        return self.kind == ProductKind.MEDICINE

    @property
    def title(self) -> str:
        """«Кардиомагнил, таблетки 75 мг, №100»"""
        parts = [self.trade_name, " ".join(p for p in (self.dosage_form, self.dosage) if p)]
        if self.pack:
            parts.append(self.pack)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class PricePoint:
    valid_from: date
    price: Decimal
    price_list: str


@dataclass(frozen=True)
class Comparison:
    competitor_company: str
    competitor_product: str
    competitor_price: Decimal | None
    our_advantages: str
    their_advantages: str


@dataclass
class ProductInput:
    """What the editor sends back; `id` None creates a product."""

    sku: str
    trade_name: str
    inn_name: str  # required for a medicine only
    dosage_form: str = ""
    dosage: str = ""
    pack: str = ""
    registration_number: str = ""
    product_group: str = ""
    kind: ProductKind = ProductKind.MEDICINE
    vat_kind: VatKind = VatKind.REDUCED
    description: str = ""
    code_1c: str = ""  # 1C's own item code, beside the article
    key_messages: list[str] = field(default_factory=list)
    objections: list[tuple[str, str]] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class ProductDetail:
    row: ProductRow
    registration_number: str
    description: str
    key_messages: list[str]
    objections: list[tuple[str, str]]
    comparisons: list[Comparison]
    price_history: list[PricePoint]  # newest first

    def as_input(self) -> ProductInput:
        r = self.row
        return ProductInput(
            id=r.id,
            sku=r.sku,
            trade_name=r.trade_name,
            inn_name=r.inn_name,
            dosage_form=r.dosage_form,
            dosage=r.dosage,
            pack=r.pack,
            registration_number=self.registration_number,
            product_group=r.product_group,
            kind=r.kind,
            vat_kind=r.vat_kind,
            description=self.description,
            code_1c=r.code_1c,
            key_messages=list(self.key_messages),
            objections=list(self.objections),
            comparisons=list(self.comparisons),
        )


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def current_prices(
    session: Session, on: date, product_ids: list[uuid.UUID] | None = None
) -> dict[uuid.UUID, Decimal]:
    """Each product's price in the newest price list valid on `on`."""
    statement = (
        select(PriceListItem.product_id, PriceListItem.price, PriceList.valid_from)
        .join(PriceList, PriceList.id == PriceListItem.price_list_id)
        .where(PriceList.valid_from <= on)
        .order_by(PriceList.valid_from, PriceList.created_at)
    )
    if product_ids is not None:
        statement = statement.where(PriceListItem.product_id.in_(product_ids))
    prices: dict[uuid.UUID, Decimal] = {}
    for product_id, price, _ in session.execute(statement):
        prices[product_id] = price  # later lists overwrite earlier ones
    return prices


def validate_product(data: ProductInput) -> dict[str, Message]:
    problems: dict[str, Message] = {}
    if not data.sku.strip():
        problems["sku"] = _msg(QT_TRANSLATE_NOOP("Offers", "the SKU code is required"))
    if not data.trade_name.strip():
        problems["trade_name"] = _msg(QT_TRANSLATE_NOOP("Offers", "the trade name is required"))
    if data.kind == ProductKind.MEDICINE and not data.inn_name.strip():
        problems["inn_name"] = _msg(QT_TRANSLATE_NOOP("Offers", "a medicine needs its INN (МНН)"))
    for number, c in enumerate(data.comparisons, start=1):
        filled = any(
            str(v).strip() for v in (c.competitor_company, c.our_advantages, c.their_advantages)
        )
        if (filled or c.competitor_price is not None) and not c.competitor_product.strip():
            problems["comparisons"] = _msg(
                QT_TRANSLATE_NOOP("Offers", "comparison {row}: name the competitor's product"),
                row=number,
            )
            break
        if c.competitor_price is not None and c.competitor_price < 0:
            problems["comparisons"] = _msg(
                QT_TRANSLATE_NOOP("Offers", "comparison {row}: the price cannot be negative"),
                row=number,
            )
            break
    if data.kind not in tuple(ProductKind):
        problems["kind"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "choose what the product is"),
        )
    if data.vat_kind not in tuple(VatKind):
        problems["vat_kind"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "choose how the product is taxed (VAT)"),
        )
    return problems


class ProductCatalog:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self, text: str = "", on: date | None = None) -> list[ProductRow]:
        """Products whose SKU, trade name, INN or group contains every word of `text`."""
        words = fold(text).split()
        on = on or date.today()
        regime = _vat_regime(self._store)
        with self._store.session() as session:
            products = session.scalars(select(Product).order_by(Product.trade_name)).all()
            prices = current_prices(session, on)
            rows = []
            for product in products:
                haystack = fold(
                    f"{product.sku} {product.code_1c} {product.trade_name} {product.inn_name} "
                    f"{product.product_group} {product.dosage_form}"
                )
                if all(word in haystack for word in words):
                    rows.append(_row(product, prices.get(product.id), on, regime))
            return rows

    def detail(self, product_id: uuid.UUID, on: date | None = None) -> ProductDetail | None:
        on = on or date.today()
        regime = _vat_regime(self._store)
        with self._store.session() as session:
            product = session.get(Product, product_id)
            if product is None or product.deleted_at is not None:
                return None
            messages = session.scalars(
                select(KeyMessage.text)
                .where(KeyMessage.product_id == product_id)
                .order_by(KeyMessage.position)
            ).all()
            objections = session.execute(
                select(ObjectionAnswer.objection, ObjectionAnswer.answer)
                .where(ObjectionAnswer.product_id == product_id)
                .order_by(ObjectionAnswer.created_at)
            ).all()
            comparisons = session.scalars(
                select(ProductComparison)
                .where(ProductComparison.product_id == product_id)
                .order_by(ProductComparison.competitor_product)
            ).all()
            history = session.execute(
                select(PriceList.valid_from, PriceListItem.price, PriceList.name)
                .join(PriceList, PriceList.id == PriceListItem.price_list_id)
                .where(PriceListItem.product_id == product_id)
                .order_by(PriceList.valid_from.desc(), PriceList.created_at.desc())
            ).all()
            price = current_prices(session, on, [product_id]).get(product_id)
            return ProductDetail(
                row=_row(product, price, on, regime),
                registration_number=product.registration_number,
                description=product.description,
                key_messages=list(messages),
                objections=[(o, a) for o, a in objections],
                comparisons=[
                    Comparison(
                        c.competitor_company,
                        c.competitor_product,
                        c.competitor_price,
                        c.our_advantages,
                        c.their_advantages,
                    )
                    for c in comparisons
                ],
                price_history=[PricePoint(v, p, n) for v, p, n in history],
            )

    def save(self, data: ProductInput) -> uuid.UUID:
        """Create or update a product with its messages, objections and comparisons."""
        problems = validate_product(data)
        if problems:
            raise CatalogError(problems)
        with self._store.transaction() as session:
            clash = session.scalar(select(Product.id).where(Product.sku == data.sku.strip()))
            if clash is not None and clash != data.id:
                raise CatalogError(
                    {
                        "sku": _msg(
                            QT_TRANSLATE_NOOP("Offers", "another product has the SKU {sku}"),
                            sku=data.sku.strip(),
                        )
                    }
                )
            product = session.get(Product, data.id) if data.id else None
            if product is None:
                product = Product(sku=data.sku.strip(), trade_name="", inn_name="")
                session.add(product)
            for name in FORM_TEXT_FIELDS:
                setattr(product, name, getattr(data, name).strip())
            product.kind = ProductKind(data.kind)
            product.vat_kind = VatKind(data.vat_kind)
            session.flush()
            _replace_children(session, product.id, data)
            return product.id

    def delete(self, product_id: uuid.UUID) -> None:
        with self._store.transaction() as session:
            product = session.get(Product, product_id)
            if product is not None:
                soft_delete(session, product)

    def set_price(self, product_id: uuid.UUID, price: Decimal, valid_from: date) -> None:
        """Record a new price from `valid_from` in a one-product price list."""
        if price <= 0:
            raise CatalogError(
                {"price": _msg(QT_TRANSLATE_NOOP("Offers", "the price must be above zero"))}
            )
        with self._store.transaction() as session:
            price_list = PriceList(
                name=f"Изменение цены {valid_from:%d.%m.%Y}", valid_from=valid_from, source="manual"
            )
            session.add(price_list)
            session.flush()
            session.add(
                PriceListItem(
                    price_list_id=price_list.id,
                    product_id=product_id,
                    price=price.quantize(Decimal("0.01")),
                )
            )


def _replace_children(session: Session, product_id: uuid.UUID, data: ProductInput) -> None:
    for model in (KeyMessage, ObjectionAnswer, ProductComparison):
        for row in session.scalars(select(model).where(model.product_id == product_id)):
            soft_delete(session, row)
    for position, text in enumerate(m.strip() for m in data.key_messages):
        if text:
            session.add(KeyMessage(product_id=product_id, position=position, text=text))
    for objection, answer in data.objections:
        if objection.strip():
            session.add(
                ObjectionAnswer(
                    product_id=product_id, objection=objection.strip(), answer=answer.strip()
                )
            )
    for c in data.comparisons:
        if c.competitor_product.strip():
            session.add(
                ProductComparison(
                    product_id=product_id,
                    competitor_company=c.competitor_company.strip(),
                    competitor_product=c.competitor_product.strip(),
                    competitor_price=c.competitor_price,
                    our_advantages=c.our_advantages.strip(),
                    their_advantages=c.their_advantages.strip(),
                )
            )


def _vat_regime(store: Store) -> VatRegime:
    """The supplier's tax system, from the offer settings (they hold the supplier)."""
    from kamdesk.services.offers.settings import load_vat_regime

    return load_vat_regime(store)


def _row(product: Product, price: Decimal | None, on: date, regime: VatRegime) -> ProductRow:
    return ProductRow(
        id=product.id,
        sku=product.sku,
        trade_name=product.trade_name,
        inn_name=product.inn_name,
        dosage_form=product.dosage_form,
        dosage=product.dosage,
        pack=product.pack,
        product_group=product.product_group,
        kind=product.kind,
        vat_kind=product.vat_kind,
        vat_rate=vat_rate(product.vat_kind, on, regime),
        price=price,
        code_1c=product.code_1c,
    )
