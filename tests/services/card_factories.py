"""A small account with a dossier, people, history and sales for the card's tests."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from kamdesk.models import (
    Account,
    AccountKind,
    Attitude,
    Contact,
    DmuRole,
    Product,
    Psychotype,
    SalesRecord,
    User,
)
from kamdesk.store import Store


def make_account(store: Store, name: str = "ГБУЗ «ОКБ»", **values: object) -> uuid.UUID:
    with store.transaction() as session:
        account = Account(name=name, kind=AccountKind.HOSPITAL, city="Тверь", **values)
        session.add(account)
        session.flush()
        return account.id


def make_owner(store: Store) -> uuid.UUID:
    with store.transaction() as session:
        owner = User(surname="Соколова", name="Анна", patronymic="Игоревна")
        session.add(owner)
        session.flush()
        return owner.id


def make_product(store: Store, sku: str = "SKU-1") -> uuid.UUID:
    with store.transaction() as session:
        product = Product(sku=sku, inn_name="Апиксабан", trade_name="Апиксан")
        session.add(product)
        session.flush()
        return product.id


def add_sales(
    store: Store, account_id: uuid.UUID, product_id: uuid.UUID, month: date, amount: str, qty: int
) -> None:
    with store.transaction() as session:
        session.add(
            SalesRecord(
                account_id=account_id,
                product_id=product_id,
                month=month,
                quantity=qty,
                amount=Decimal(amount),
            )
        )


def add_person(
    store: Store,
    account_id: uuid.UUID,
    surname: str,
    role: DmuRole | None,
    influence: int | None = None,
    attitude: Attitude | None = None,
    psychotype: Psychotype | None = None,
    reports_to: uuid.UUID | None = None,
) -> uuid.UUID:
    with store.transaction() as session:
        contact = Contact(
            account_id=account_id,
            surname=surname,
            name="Пётр",
            patronymic="Сергеевич",
            dmu_role=role,
            influence=influence,
            attitude=attitude,
            psychotype=psychotype,
            reports_to_id=reports_to,
        )
        session.add(contact)
        session.flush()
        return contact.id
