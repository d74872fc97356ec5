"""What is wrong with one line of an offer, in the words the editor shows."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Product
from kamdesk.services.offers.model import LineInput


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
