"""Demo offers for the demo territory: every status, a few long (multi-page) ones.

Call after the accounts, contacts, products and price lists exist:
`add_demo_offers(store, random.Random(seed), today)`. The same seed and data
give the same offers (numbers carry this store's device code).

Each offer goes to an account of the laptop's own KAM (with `team_work`, of any KAM)
and is signed by the account's KAM (`owner_id`, the team list). One line per
product. Most carry a payment deferral within the envelope of the account's ABC
class, one draft a deferral above it (it needs approval); and, when the KAM has a
state hospital (ГБУЗ), one offer answers its price request under 44-ФЗ (purpose
«ответ на запрос цен», request number and date, no discounts).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import (
    Account,
    AccountKind,
    AccountStats,
    Contact,
    Offer,
    Product,
    SyncState,
    User,
)
from kamdesk.models.enums import OfferPurpose
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


DEFERRALS = (14, 30, 45, 60)  # days; each offer takes the longest within the envelope
PRICE_REPLY_TERMS = (
    "Оплата в течение 7 рабочих дней с даты подписания документа о приёмке (44-ФЗ).",
    "Поставка по заявке заказчика в течение 5 рабочих дней; цены включают НДС и доставку.",
)


# The envelope's longest deferral by ABC class, when the office's settings name none
# (kamdesk.services.offers.settings keeps it under "deferral_days").
DEFAULT_DEFERRAL_ENVELOPE = {"A": 60, "B": 45, "C": 30, "*": 30}


def _deferral_limits(
    session: Session, envelope: dict[str, Any], account_ids: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """The longest payment deferral (days) each account gets without approval, by its ABC
    class (one query: a benchmark territory has thousands of accounts)."""
    table = envelope.get("deferral_days") or DEFAULT_DEFERRAL_ENVELOPE
    fallback = max(0, int(table.get("*", 0)))
    rows = session.execute(select(AccountStats.account_id, AccountStats.abc_class)).all()
    classes: dict[uuid.UUID, str | None] = dict(rows)
    return {
        account_id: max(0, int(table.get(classes.get(account_id) or "", fallback)))
        for account_id in account_ids
    }


def _member(user: User) -> TeamMemberInput:
    full_name = " ".join(part for part in (user.surname, user.name, user.patronymic) if part)
    contacts = ", ".join(part for part in (user.phone, user.email) if part)
    return TeamMemberInput(full_name, user.position or DEMO_SUPPLIER.signer_title, contacts)


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


def add_demo_offers(
    store: Store, rng: random.Random, today: date, rounds: int = 3, team_work: bool = False
) -> int:
    """Create `rounds` × 8 offers (and a price reply) over the accounts of the laptop's
    KAM, or of every KAM with `team_work`; returns how many were made."""
    settings = load_offer_settings(store)
    supplier, kam = _signed_by_the_kam(store)
    if settings.supplier.missing():
        save_offer_settings(store, replace(settings, supplier=supplier))
    settings = load_offer_settings(store)
    book = OfferBook(store)
    with store.session() as session:
        me = session.scalar(select(SyncState.user_id).where(SyncState.id == 1))
        signers: dict[uuid.UUID | None, TeamMemberInput] = {
            user.id: _member(user) for user in session.scalars(select(User))
        }
        # Offers go to the accounts a KAM negotiates with, not to single pharmacies.
        query = select(Account.id, Account.name, Account.owner_id).where(
            Account.kind.in_(OFFER_ACCOUNT_KINDS),
            select(Contact.id).where(Contact.account_id == Account.id).exists(),
        )
        if not team_work and me is not None:
            query = query.where(Account.owner_id == me)
        accounts = session.execute(query.order_by(Account.name, Account.id)).all()
        limits = _deferral_limits(session, settings.envelope, [row.id for row in accounts])
        state_hospitals = list(
            session.execute(
                query.where(Account.kind == AccountKind.HOSPITAL, Account.name.like("ГБУЗ%"))
            ).all()
        )
        products = session.scalars(select(Product).order_by(Product.sku)).all()
        prices = current_prices(session, today)
        priced = [p for p in products if p.id in prices]
        contacts = {
            account_id: session.execute(
                select(Contact.id, Contact.dmu_role, Contact.position)
                .where(Contact.account_id == account_id)
                .order_by(Contact.surname, Contact.id)
            ).all()
            for account_id, _, _ in accounts
        }
    if not accounts or not priced:
        return 0
    made = 0
    over_envelope_given = False
    for _ in range(rounds):
        for status, (low, high), (d_low, d_high), days_ago in PLAN:
            account_id, account_name, owner_id = rng.choice(accounts)
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
            limit = limits[account_id]
            deferral = max([d for d in DEFERRALS if d <= limit], default=None)
            if status == "draft" and not over_envelope_given:
                deferral, over_envelope_given = limit + 30, True  # above: needs approval
            draft.payment_terms = (
                f"Отсрочка платежа {deferral} календарных дней с даты поставки."
                if deferral
                else "Оплата по факту поставки."
            )
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
            draft.team = [signers.get(owner_id, kam)]
            offer_id = book.save(draft, today=offer_date)
            _sign_and_defer(
                store, offer_id, owner_id, deferral, deferral is not None and deferral > limit
            )
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
    if state_hospitals:
        made += _price_reply(store, book, rng, today, rng.choice(state_hospitals), priced, prices,
                             contacts, signers.get(me, kam))  # fmt: skip
    expire_overdue(store, today=today)
    return made


def _sign_and_defer(
    store: Store,
    offer_id: object,
    owner_id: object,
    deferral: int | None,
    over_envelope: bool,
    **fields: object,
) -> None:
    """The offer is the account's KAM's, with its deferral in days (an above-envelope
    one needs approval, like a discount), and any other of its 0006 fields."""
    with store.transaction() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None
        offer.owner_id = owner_id  # type: ignore[assignment]
        offer.payment_deferral_days = deferral
        if over_envelope:
            offer.needs_approval = True
        for name, value in fields.items():
            setattr(offer, name, value)


def _price_reply(
    store: Store,
    book: OfferBook,
    rng: random.Random,
    today: date,
    hospital: Any,
    priced: list[Product],
    prices: dict[Any, Decimal],
    contacts: dict[Any, Any],
    signer: TeamMemberInput,
) -> int:
    """A reply to the state hospital's request for prices (44-ФЗ): it justifies the
    initial maximum contract price (НМЦК), so unit prices with VAT and no discount talk."""
    offer_date = today - timedelta(days=6)
    request_date = offer_date - timedelta(days=rng.randint(2, 5))
    number = f"{rng.randint(1, 12):02d}-{rng.randint(10, 99)}/{rng.randint(100, 2999)}"
    draft = book.new_draft(hospital.id, offer_date)
    chosen = rng.sample(priced, min(len(priced), rng.randint(3, 6)))
    draft.lines = [
        LineInput(
            product_id=p.id,
            quantity=rng.choice((50, 100, 200, 500)),
            unit_price=prices[p.id],
            discount_pct=Decimal(0),
        )
        for p in chosen
    ]
    book.apply_vat(draft.lines, offer_date)
    draft.delivery_terms, draft.payment_terms = PRICE_REPLY_TERMS[1], PRICE_REPLY_TERMS[0]
    draft.addressees = [AddresseeInput(cid) for cid, _, _ in contacts[hospital.id][:1]]
    draft.team = [signer]
    offer_id = book.save(draft, today=offer_date)
    _sign_and_defer(store, offer_id, hospital.owner_id, None, False,
                    purpose=OfferPurpose.PRICE_REPLY, price_request_number=number,
                    price_request_date=request_date)  # fmt: skip
    moment = datetime.combine(offer_date, time(10), tzinfo=UTC)
    mark_sent(store, offer_id, today=offer_date, now=moment)
    return 1
