"""What is wrong with one line of an offer, or with its terms, in the words the editor shows.

A reply to a price request (44-ФЗ, the НМЦК justification) quotes prices, it gives no
discounts: a line with one is refused. Its request number and date, and every
product's registration number (РУ), are needed before it prints (`reply_problems`);
a draft may be saved without them.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Product
from kamdesk.services.offers.model import LineInput, OfferDraft

MAX_DEFERRAL_DAYS = 365


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def duplicate_problem(session: Session, index: int, first: int, line: LineInput) -> Message:
    product = session.get(Product, line.product_id)
    return _msg(
        QT_TRANSLATE_NOOP(
            "Offers",
            "line {line}: {product} is already in line {first}; an offer has one line a "
            "product: change the quantity there",
        ),
        line=index,
        first=first,
        product=f"{product.trade_name} ({product.sku})" if product else "?",
    )


def line_problems(session: Session, index: int, line: LineInput) -> dict[str, Message]:
    problems: dict[str, Message] = {}
    key = f"lines.{index}"
    product = session.get(Product, line.product_id)
    name = product.trade_name if product else "?"
    if product is None or product.deleted_at is not None:
        problems[f"{key}.product"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "line {line}: the product is not in the catalogue"),
            line=index,
        )
    if not isinstance(line.quantity, int) or line.quantity <= 0:
        problems[f"{key}.quantity"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "line {line} ({product}): the quantity must be a whole number above zero"
            ),
            line=index,
            product=name,
        )
    if not Decimal(0) <= line.discount_pct <= Decimal(100):
        problems[f"{key}.discount"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "line {line} ({product}): the discount must be between 0 and 100 %"
            ),
            line=index,
            product=name,
        )
    elif line.discount_pct != line.discount_pct.quantize(Decimal("0.01")):
        problems[f"{key}.discount"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "line {line} ({product}): the discount has more than two decimals"
            ),
            line=index,
            product=name,
        )
    if line.unit_price is None:
        problems[f"{key}.price"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "line {line}: {product} has no price in the price list: enter the price"
            ),
            line=index,
            product=name,
        )
    elif line.unit_price <= 0 or line.unit_price != line.unit_price.quantize(Decimal("0.01")):
        problems[f"{key}.price"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "line {line} ({product}): the price must be above zero, in kopecks"
            ),
            line=index,
            product=name,
        )
    return problems


def draft_problems(draft: OfferDraft) -> dict[str, Message]:
    """The terms: the deferral's days, and what a price reply must not carry."""
    problems: dict[str, Message] = {}
    days = draft.payment_deferral_days
    if days is not None and not 0 <= days <= MAX_DEFERRAL_DAYS:
        problems["payment_deferral_days"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "the payment deferral must be from 0 to {most} days, not {days}"
            ),
            most=MAX_DEFERRAL_DAYS,
            days=days,
        )
    if not draft.is_price_reply:
        return problems
    for index, line in enumerate(draft.lines, start=1):
        if line.discount_pct:
            problems[f"lines.{index}.discount"] = _msg(
                QT_TRANSLATE_NOOP(
                    "Offers",
                    "line {line}: a reply to a price request quotes the price itself, "
                    "without a discount",
                ),
                line=index,
            )
    asked_on = draft.price_request_date
    if asked_on is not None and asked_on > draft.offer_date:
        problems["price_request_date"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers", "the price request of {date} is dated after the reply to it"
            ),
            date=f"{asked_on:%d.%m.%Y}",
        )
    return problems


def reply_problems(session: Session, draft: OfferDraft) -> dict[str, Message]:
    """What a reply to a price request lacks before it can print (empty: nothing, or
    not a reply)."""
    if not draft.is_price_reply:
        return {}
    problems: dict[str, Message] = {}
    if not draft.price_request_number.strip():
        problems["price_request_number"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "enter the number of the price request this replies to")
        )
    if draft.price_request_date is None:
        problems["price_request_date"] = _msg(
            QT_TRANSLATE_NOOP("Offers", "enter the date of the price request this replies to")
        )
    ids = [line.product_id for line in draft.lines]
    unregistered = [
        f"{p.trade_name} ({p.sku})"
        for p in session.scalars(select(Product).where(Product.id.in_(ids)).order_by(Product.sku))
        if not p.registration_number.strip()
    ]
    if unregistered:
        problems["registration_number"] = _msg(
            QT_TRANSLATE_NOOP(
                "Offers",
                "a price reply names each product's registration certificate: enter it in "
                "the catalogue for {products}",
            ),
            products=", ".join(unregistered),
        )
    return problems
