"""Demo offers for the demo territory: every status, a few long (multi-page) ones.

Call after the accounts, contacts, products and price lists exist:
`add_demo_offers(store, random.Random(seed), today)`. The same seed and data
give the same offers (numbers carry this store's device code).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from kamdesk.models import Account, AccountKind, Contact, Product, SyncState, User
from kamdesk.services.offers.emphasis import ArgumentContext, reader_kind, suggest_arguments
from kamdesk.services.offers.model import AddresseeInput, LineInput, TeamMemberInput
from kamdesk.services.offers.relationship import argument_facts
from kamdesk.services.offers.service import OfferBook
from kamdesk.services.offers.settings import Supplier, load_offer_settings, save_offer_settings
from kamdesk.services.offers.status import expire_overdue, mark_accepted, mark_rejected, mark_sent
from kamdesk.services.products.catalog import current_prices
from kamdesk.store import Store

OFFER_ACCOUNT_KINDS = (
    AccountKind.HOSPITAL,
    AccountKind.PHARMACY_CHAIN,
    AccountKind.DISTRIBUTOR,
    AccountKind.HEALTH_AUTHORITY,
)
DEMO_SUPPLIER = Supplier(
    name="ООО «Верхневолжская фармацевтическая компания»",
    inn="6950123450",
    kpp="695001001",
    address="170100, г. Тверь, ул. Советская, д. 42, офис 305",
    phone="+7 4822 55-01-02",
    email="kam@vvpharm.ru",
    bank_name="Тверское отделение № 8607 ПАО Сбербанк",
    bik="042809679",
    account="40702810763000012345",
    corr_account="30101810700000000679",
    signer_name="Орлова Е. В.",
    signer_title="Менеджер по работе с ключевыми клиентами",
)
BENEFITS = [
    "Предлагаем обеспечить потребность учреждения на год вперёд с экономией бюджета "
    "и гарантированными сроками поставки.",
    "Переход на наши препараты снижает стоимость курса лечения при той же эффективности.",
    "Готовы включить ваше учреждение в программу приоритетного снабжения региона.",
]
EXCLUSIVE = [
    "фиксированная цена на 12 месяцев",
    "бесплатное хранение резервного запаса на нашем складе",
    "обучение персонала и выезд медицинского советника",
]
# status plan: (status, lines range, discount range, days ago)
PLAN = [
    ("draft", (2, 6), (0, 5), 2),
    ("draft", (3, 8), (8, 15), 1),  # over the envelope: needs approval
    ("sent", (4, 10), (0, 7), 5),
    ("sent", (45, 70), (0, 5), 3),  # a long, multi-page offer
    ("accepted", (3, 9), (0, 7), 40),
    ("accepted", (60, 90), (0, 5), 75),
    ("rejected", (2, 6), (0, 5), 50),
    ("expired", (3, 8), (0, 5), 70),
]


def _signed_by_the_kam(store: Store) -> tuple[Supplier, TeamMemberInput]:
    """The letterhead signed by the laptop's own KAM (who owns the offers), and the KAM
    as the team; a store without one keeps the example signer."""
    with store.session() as session:
        kam = session.scalar(select(User).join(SyncState, SyncState.user_id == User.id))
        if kam is None:
            return DEMO_SUPPLIER, TeamMemberInput(
                "Орлова Елена Викторовна", "КАМ", "+7 921 555-12-34"
            )
        full_name = " ".join(part for part in (kam.surname, kam.name, kam.patronymic) if part)
        title = kam.position or DEMO_SUPPLIER.signer_title
        contacts = ", ".join(part for part in (kam.phone, kam.email) if part)
        supplier = replace(DEMO_SUPPLIER, signer_name=kam.short_name, signer_title=title)
        return supplier, TeamMemberInput(full_name, title, contacts)


def add_demo_offers(store: Store, rng: random.Random, today: date, rounds: int = 3) -> int:
    """Create `rounds` × 8 offers over the store's accounts; returns how many were made."""
    settings = load_offer_settings(store)
    supplier, kam = _signed_by_the_kam(store)
    if settings.supplier.missing():
        save_offer_settings(store, replace(settings, supplier=supplier))
    book = OfferBook(store)
    with store.session() as session:
        # Offers go to the accounts a KAM negotiates with, not to single pharmacies.
        accounts = session.execute(
            select(Account.id, Account.name)
            .where(
                Account.kind.in_(OFFER_ACCOUNT_KINDS),
                select(Contact.id).where(Contact.account_id == Account.id).exists(),
            )
            .order_by(Account.name, Account.id)
        ).all()
        products = session.scalars(select(Product).order_by(Product.sku)).all()
        prices = current_prices(session, today)
        priced = [p for p in products if p.id in prices]
        contacts = {
            account_id: session.execute(
                select(Contact.id, Contact.dmu_role, Contact.position)
                .where(Contact.account_id == account_id)
                .order_by(Contact.surname, Contact.id)
            ).all()
            for account_id, _ in accounts
        }
    if not accounts or not priced:
        return 0
    made = 0
    for _ in range(rounds):
        for status, (low, high), (d_low, d_high), days_ago in PLAN:
            account_id, account_name = rng.choice(accounts)
            offer_date = today - timedelta(days=days_ago + rng.randint(0, 5))
            draft = book.new_draft(account_id, offer_date)
            if status == "expired":
                draft.valid_until = offer_date + timedelta(days=14)
            # One line per product: a small catalogue makes a shorter offer, never a repeat.
            chosen = rng.sample(priced, min(len(priced), rng.randint(low, high)))
            draft.lines = [
                LineInput(
                    product_id=p.id,
                    quantity=rng.choice((5, 10, 20, 50, 100, 200, 500)),
                    unit_price=prices[p.id],
                    discount_pct=Decimal(rng.randint(d_low, d_high)),
                )
                for p in chosen
            ]
            book.apply_vat(draft.lines, offer_date)  # the rates of the offer's date
            draft.benefit = rng.choice(BENEFITS)
            draft.exclusivity = rng.choice(EXCLUSIVE)
            draft.delivery_terms = "Доставка на склад покупателя за счёт поставщика, 2 рабочих дня."
            draft.payment_terms = rng.choice(("Отсрочка 30 дней.", "Отсрочка 60 дней."))
            readers = contacts[account_id][: rng.randint(1, 3)]
            # The director's words follow the relationship; HR cites real references or is left out.
            facts = argument_facts(store, account_id, offer_date)
            context = ArgumentContext(
                account_name,
                draft.totals(),
                draft.valid_until,
                references=facts.references,
                relationship=facts.relationship,
            )
            draft.addressees = [
                AddresseeInput(cid, suggest_arguments(reader_kind(role, pos or ""), context))
                for cid, role, pos in readers
            ]
            draft.team = [kam]
            offer_id = book.save(draft, today=offer_date)
            made += 1
            moment = datetime.combine(offer_date, time(10), tzinfo=UTC)
            if status in ("sent", "accepted", "rejected", "expired"):
                view = book.get(offer_id)
                if view is None or view.blocked_by_approval:
                    continue
                mark_sent(store, offer_id, today=offer_date, now=moment)
                later = moment + timedelta(days=rng.randint(3, 12))
                if status == "accepted":
                    mark_accepted(store, offer_id, "договор подписан", now=later)
                elif status == "rejected":
                    mark_rejected(store, offer_id, "выбрали другого поставщика", now=later)
    expire_overdue(store, today=today)
    return made
