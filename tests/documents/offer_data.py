"""A small account with readers, a priced catalogue and supplier settings, for offer tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kamdesk.models import Account, AccountKind, Contact, DmuRole, PriceList, PriceListItem, Product
from kamdesk.services.offers import (
    LineInput,
    OfferSettings,
    Supplier,
    save_offer_settings,
)
from kamdesk.store import Store
from kamdesk.vocabulary import ProductKind, VatKind

TODAY = date(2026, 3, 2)  # a Monday

SUPPLIER = Supplier(
    name="АО «Фармстандарт-Север»",
    inn="7701234560",
    kpp="770101001",
    address="123456, г. Москва, ул. Лесная, д. 5, стр. 1",
    phone="+7 495 123-45-67",
    email="office@pharm-north.ru",
    bank_name="ПАО «Сбербанк», г. Москва",
    bik="044525225",
    account="40702810938000012345",
    corr_account="30101810400000000225",
    signer_name="Орлова Е. В.",
    signer_title="Региональный менеджер по работе с ключевыми клиентами",
)

PRODUCTS = [
    (
        "KM-75-100",
        "Кардиомагнил",
        "ацетилсалициловая кислота",
        "таблетки",
        "75 мг",
        "№100",
        "123.45",
        "10",
    ),
    ("AM-5-30", "Амлодипин-Север", "амлодипин", "таблетки", "5 мг", "№30", "89.90", "10"),
    ("CF-1G", "Цефтриаксон-Север", "цефтриаксон", "порошок д/р-ра", "1 г", "фл. №1", "45.67", "10"),
    # A medical device without an МНН, at the standard rate: 22 % on TODAY.
    ("MASK-50", "Маска медицинская", "", "изделие", "", "№50", "310.00", "22"),
]


# More priced medicines (10 %), for offers longer than PRODUCTS: one line a product.
EXTRA_SKUS = tuple(f"EX-{number:03d}" for number in range(1, 67))
EXTRA_PRICE = "57.30"


@dataclass
class Territory:
    account_id: uuid.UUID
    contacts: dict[str, uuid.UUID] = field(default_factory=dict)
    products: dict[str, uuid.UUID] = field(default_factory=dict)

    def line(
        self, sku: str, quantity: int, discount: str = "0", price: str | None = None
    ) -> LineInput:
        row = next((p for p in PRODUCTS if p[0] == sku), None)
        return LineInput(
            product_id=self.products[sku],
            quantity=quantity,
            unit_price=Decimal(price or (row[6] if row else EXTRA_PRICE)),
            discount_pct=Decimal(discount),
            vat_rate=Decimal(row[7] if row else "10"),  # as the service sets it on TODAY
        )


def add_extra_products(store: Store, territory: Territory) -> list[str]:
    """EXTRA_SKUS in the catalogue and the price list; returns every SKU now priced."""
    with store.transaction() as session:
        price_list = PriceList(name="Прайс-лист, дополнение", valid_from=date(2026, 1, 1))
        session.add(price_list)
        session.flush()
        for number, sku in enumerate(EXTRA_SKUS, start=1):
            product = Product(
                sku=sku,
                trade_name=f"Препарат-{number:03d}",
                inn_name=f"вещество {number}",
                kind=ProductKind.MEDICINE,
                vat_kind=VatKind.REDUCED,
            )
            session.add(product)
            session.flush()
            territory.products[sku] = product.id
            session.add(
                PriceListItem(
                    price_list_id=price_list.id, product_id=product.id, price=Decimal(EXTRA_PRICE)
                )
            )
    return list(territory.products)


def make_territory(store: Store, with_supplier: bool = True) -> Territory:
    with store.transaction() as session:
        account = Account(
            name="ГБУЗ «Городская клиническая больница № 7»",
            short_name="ГКБ № 7",
            kind=AccountKind.HOSPITAL,
            inn="7702345678",
            city="Москва",
            address="г. Москва, ул. Больничная, д. 7",
        )
        session.add(account)
        session.flush()
        territory = Territory(account.id)
        people = [
            ("director", "Смирнов", "Андрей", "Петрович", "Главный врач", DmuRole.DECISION_MAKER),
            (
                "finance",
                "Кузнецова",
                "Ольга",
                "Игоревна",
                "Заместитель главного врача по экономике",
                DmuRole.APPROVER,
            ),
            ("hr", "Белова", "Ирина", "Сергеевна", "Начальник отдела кадров", DmuRole.INFLUENCER),
            (
                "pharmacist",
                "Ёлкин",
                "Семён",
                "Ильич",
                "Заведующий аптекой",
                DmuRole.TECHNICAL_EXPERT,
            ),
        ]
        for key, surname, name, patronymic, position, role in people:
            contact = Contact(
                account_id=account.id,
                surname=surname,
                name=name,
                patronymic=patronymic,
                form_of_address=f"{name} {patronymic}",
                position=position,
                dmu_role=role,
            )
            session.add(contact)
            session.flush()
            territory.contacts[key] = contact.id
        price_list = PriceList(name="Прайс-лист", valid_from=date(2026, 1, 1))
        session.add(price_list)
        session.flush()
        for sku, trade, inn, form, dosage, pack, price, vat in PRODUCTS:
            product = Product(
                sku=sku,
                trade_name=trade,
                inn_name=inn,
                dosage_form=form,
                dosage=dosage,
                pack=pack,
                kind=ProductKind.MEDICINE if inn else ProductKind.MEDICAL_DEVICE,
                vat_kind=VatKind.REDUCED if vat == "10" else VatKind.STANDARD,
                product_group="Кардиология" if sku in ("KM-75-100", "AM-5-30") else "Прочее",
                registration_number="ЛП-000123",
            )
            session.add(product)
            session.flush()
            territory.products[sku] = product.id
            session.add(
                PriceListItem(
                    price_list_id=price_list.id, product_id=product.id, price=Decimal(price)
                )
            )
    if with_supplier:
        save_offer_settings(store, OfferSettings(supplier=SUPPLIER))
    return territory
