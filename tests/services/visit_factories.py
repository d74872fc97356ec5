"""Building accounts, contacts, products and visits through the ORM for the visit tests."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from kamdesk.models import (
    Account,
    AccountKind,
    Contact,
    ContactPersonal,
    DmuRole,
    KeyMessage,
    ObjectionAnswer,
    PriceList,
    PriceListItem,
    Product,
    ProductComparison,
    Psychotype,
)
from kamdesk.services.visits import PlanInput, plan_visit
from kamdesk.store import Store

MSK = ZoneInfo("Europe/Moscow")
# Two hospitals in Moscow about 5 km apart and one in Zelenograd (~37 km).
CENTRE = (55.7558, 37.6173)
NEAR = (55.7800, 37.6800)
FAR = (55.9825, 37.1814)


def msk(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=MSK)


def utc(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def add_account(
    store: Store,
    name: str = "ГБУЗ «Городская клиническая больница № 1»",
    point: tuple[float, float] | None = CENTRE,
    kind: AccountKind = AccountKind.HOSPITAL,
    city: str = "Москва",
) -> uuid.UUID:
    with store.transaction() as session:
        account = Account(
            name=name,
            kind=kind,
            city=city,
            address="ул. Ленина, 1",
            latitude=point[0] if point else None,
            longitude=point[1] if point else None,
        )
        session.add(account)
        session.flush()
        return account.id


def add_contact(
    store: Store,
    account_id: uuid.UUID,
    surname: str = "Иванов",
    name: str = "Пётр",
    patronymic: str = "Сергеевич",
    *,
    position: str = "Главный врач",
    psychotype: Psychotype | None = Psychotype.DIRECTIVE,
    form_of_address: str = "Пётр Сергеевич",
    consent: bool = True,
    birthday: date | None = None,
    smoking: str = "",
    food: str = "",
    family: str = "",
    hobbies: str = "",
) -> uuid.UUID:
    with store.transaction() as session:
        contact = Contact(
            account_id=account_id,
            surname=surname,
            name=name,
            patronymic=patronymic,
            position=position,
            dmu_role=DmuRole.DECISION_MAKER,
            influence=5,
            psychotype=psychotype,
            form_of_address=form_of_address,
            consent_given=consent,
        )
        session.add(contact)
        session.flush()
        if birthday or smoking or food or family or hobbies:
            session.add(
                ContactPersonal(
                    contact_id=contact.id,
                    birthday=birthday,
                    smoking=smoking,
                    food_preferences=food,
                    family=family,
                    hobbies=hobbies,
                )
            )
        return contact.id


def add_product(
    store: Store,
    trade_name: str = "Цефтриаксон-КАМ",
    *,
    objections: tuple[tuple[str, str], ...] = (("Дорого", "Курс короче на 2 дня"),),
    key_messages: tuple[str, ...] = ("Однократное введение в сутки",),
    price: Decimal | None = Decimal("120.50"),
    price_from: date = date(2026, 1, 1),
    comparisons: int = 1,
) -> uuid.UUID:
    with store.transaction() as session:
        product = Product(
            sku=f"SKU-{uuid.uuid4().hex[:8]}", inn_name="цефтриаксон", trade_name=trade_name
        )
        session.add(product)
        session.flush()
        for objection, answer in objections:
            session.add(ObjectionAnswer(product_id=product.id, objection=objection, answer=answer))
        for position, text in enumerate(key_messages):
            session.add(KeyMessage(product_id=product.id, position=position, text=text))
        if price is not None:
            price_list = PriceList(name="Прайс", valid_from=price_from)
            session.add(price_list)
            session.flush()
            session.add(
                PriceListItem(price_list_id=price_list.id, product_id=product.id, price=price)
            )
        for index in range(comparisons):
            session.add(
                ProductComparison(product_id=product.id, competitor_product=f"Аналог {index}")
            )
        return product.id


def add_visit(
    store: Store,
    account_id: uuid.UUID,
    starts_at: datetime,
    duration_min: int = 60,
    **fields: object,
) -> uuid.UUID:
    plan = PlanInput(account_id=account_id, starts_at=starts_at, duration_min=duration_min)
    for key, value in fields.items():
        setattr(plan, key, value)
    return plan_visit(store, plan)
