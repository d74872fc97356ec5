"""The product catalogue a KAM argues from, and the office's price lists."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Money, Syncable
from kamdesk.models.enums import db_enum
from kamdesk.vocabulary import ProductKind, VatKind


class Product(Syncable, Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(50), unique=True)  # the article («Артикул»)
    code_1c: Mapped[str] = mapped_column(String(50), default="")  # 1C's own item code («Код»)
    inn_name: Mapped[str] = mapped_column(String(300))  # МНН; "" for what is not a medicine
    trade_name: Mapped[str] = mapped_column(String(300), index=True)
    dosage_form: Mapped[str] = mapped_column(String(200), default="")
    dosage: Mapped[str] = mapped_column(String(100), default="")
    pack: Mapped[str] = mapped_column(String(200), default="")
    registration_number: Mapped[str] = mapped_column(String(100), default="")
    product_group: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[ProductKind] = mapped_column(db_enum(ProductKind), default=ProductKind.MEDICINE)
    # The rate follows from it and the date (kamdesk.services.products.vat).
    vat_kind: Mapped[VatKind] = mapped_column(db_enum(VatKind), default=VatKind.REDUCED)
    description: Mapped[str] = mapped_column(Text, default="")


class PriceList(Syncable, Base):
    __tablename__ = "price_lists"

    name: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[date]
    source: Mapped[str] = mapped_column(String(500), default="")  # e.g. the imported file


class PriceListItem(Syncable, Base):
    """A product's price in one price list; the lists over time are its price history."""

    __tablename__ = "price_list_items"
    __table_args__ = (UniqueConstraint("price_list_id", "product_id"),)
    # One per price list and product: the id is derived from it (kamdesk.store.natural_keys).
    __natural_key__: ClassVar[tuple[str, ...]] = ("price_list_id", "product_id")

    price_list_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("price_lists.id"))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    price: Mapped[Decimal] = mapped_column(Money())  # without VAT


class KeyMessage(Syncable, Base):
    __tablename__ = "key_messages"

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)


class ObjectionAnswer(Syncable, Base):
    __tablename__ = "objection_answers"

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    objection: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")


class ProductComparison(Syncable, Base):
    """How our product stands against a competitor's."""

    __tablename__ = "product_comparisons"

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    competitor_company: Mapped[str] = mapped_column(String(300), default="")
    competitor_product: Mapped[str] = mapped_column(String(300))
    competitor_price: Mapped[Decimal | None] = mapped_column(Money(), default=None)
    our_advantages: Mapped[str] = mapped_column(Text, default="")
    their_advantages: Mapped[str] = mapped_column(Text, default="")
