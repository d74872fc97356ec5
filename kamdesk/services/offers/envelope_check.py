"""What in an offer is above the office's envelope: a line's discount, the payment deferral.

The envelope is looked up for the account's ABC class (kamdesk.services.offers.settings).
Either concession above it makes the offer "needs approval"; `approval_reasons` names
each one in the words the editor and the manager's list show («Скидка 12 % на
Кардиомагнил выше допустимой 10 %», «Отсрочка платежа 60 дней выше допустимой 45»).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import AccountStats, Product
from kamdesk.services.formatting import percent_figure
from kamdesk.services.offers.model import LineInput
from kamdesk.services.offers.settings import OfferSettings


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def account_class(session: Session, account_id: uuid.UUID) -> str | None:
    return session.scalar(
        select(AccountStats.abc_class).where(AccountStats.account_id == account_id)
    )


def discount_limits(
    session: Session, settings: OfferSettings, account_id: uuid.UUID, product_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Decimal]:
    """The largest discount for each product at this account."""
    abc = account_class(session, account_id)
    products = {
        p.id: p for p in session.scalars(select(Product).where(Product.id.in_(product_ids)))
    }
    result: dict[uuid.UUID, Decimal] = {}
    for product_id in product_ids:
        product = products.get(product_id)
        sku, group = (product.sku, product.product_group) if product else ("", "")
        result[product_id] = settings.max_discount(sku, group, abc)
    return result


def deferral_limit(session: Session, settings: OfferSettings, account_id: uuid.UUID) -> int:
    """The longest payment deferral (days) a KAM may give this account without approval."""
    return settings.max_deferral(account_class(session, account_id))


def deferral_over(days: int | None, limit: int) -> bool:
    return days is not None and days > limit


@dataclass(frozen=True)
class EnvelopeCheck:
    """An offer against its envelope: the limits, and whether anything is above them."""

    discount_limits: dict[uuid.UUID, Decimal]
    deferral_limit: int
    discount_over: bool
    deferral_over: bool

    @property
    def needs_approval(self) -> bool:
        return self.discount_over or self.deferral_over


def check_envelope(
    session: Session,
    settings: OfferSettings,
    account_id: uuid.UUID,
    lines: list[LineInput],
    deferral_days: int | None,
) -> EnvelopeCheck:
    limits = discount_limits(session, settings, account_id, [ln.product_id for ln in lines])
    deferral = deferral_limit(session, settings, account_id)
    return EnvelopeCheck(
        discount_limits=limits,
        deferral_limit=deferral,
        discount_over=any(ln.discount_pct > limits[ln.product_id] for ln in lines),
        deferral_over=deferral_over(deferral_days, deferral),
    )


def deferral_reason(days: int, limit: int) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP(
            "Offers",
            "payment deferral of {days} days is above the {limit} days you may give "
            "without the manager's approval",
        ),
        days=days,
        limit=limit,
    )


def approval_reasons(
    session: Session,
    settings: OfferSettings,
    account_id: uuid.UUID,
    lines: list[LineInput],
    deferral_days: int | None,
) -> list[Message]:
    """Why the offer needs the manager's approval, one message a concession (empty: it
    does not)."""
    check = check_envelope(session, settings, account_id, lines, deferral_days)
    reasons = []
    names = {
        p.id: p.trade_name
        for p in session.scalars(
            select(Product).where(Product.id.in_([ln.product_id for ln in lines]))
        )
    }
    for line in lines:
        limit = check.discount_limits[line.product_id]
        if line.discount_pct > limit:
            reasons.append(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers",
                        "discount of {discount} % on {product} is above the {limit} % you may "
                        "give without the manager's approval",
                    ),
                    discount=percent_figure(line.discount_pct),
                    product=names.get(line.product_id, "?"),
                    limit=percent_figure(limit),
                )
            )
    if check.deferral_over and deferral_days is not None:
        reasons.append(deferral_reason(deferral_days, check.deferral_limit))
    return reasons
