"""The VAT on an offer's lines: the rates of the offer's date, and what changed since the
previous edition.

An offer computes with the rates in force on its own date: a line's rate comes
from its product's VAT kind in the catalogue (`kamdesk.services.products.vat`)
and the supplier's tax system. A new edition dated after a change of the law
(20 % → 22 % on 01.01.2026) says so, on screen and on the printed offer, so the
client knows why the total grew.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import Product
from kamdesk.services.offers.model import LineInput, VatChange
from kamdesk.services.products.vat import (
    SINCE_EVER,
    VatKind,
    VatRegime,
    format_vat_rate,
    rate_period,
    vat_rate,
)
from kamdesk.store import INCLUDE_DELETED


def _kinds(session: Session, product_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, VatKind]:
    rows = session.execute(
        select(Product.id, Product.vat_kind)
        .where(Product.id.in_(set(product_ids)))
        .execution_options(**{INCLUDE_DELETED: True})  # an archived product keeps its VAT
    )
    return dict(rows.all())


def rates_on(
    session: Session, product_ids: Iterable[uuid.UUID], on: date, regime: VatRegime
) -> dict[uuid.UUID, Decimal | None]:
    """Each product's rate on `on` (None: exempt); unknown products are left out."""
    return {pid: vat_rate(kind, on, regime) for pid, kind in _kinds(session, product_ids).items()}


def apply_rates(
    session: Session, lines: Sequence[LineInput], on: date, regime: VatRegime
) -> list[LineInput]:
    """Set every line's rate to its product's on `on`; returns the lines."""
    rates = rates_on(session, [line.product_id for line in lines], on, regime)
    for line in lines:
        if line.product_id in rates:
            line.vat_rate = rates[line.product_id]
    return list(lines)


def vat_changes(
    session: Session,
    before: Sequence[LineInput],
    before_date: date,
    after: Sequence[LineInput],
    after_date: date,
    regime: VatRegime,
) -> tuple[VatChange, ...]:
    """The products whose rate differs between two editions, in the new edition's order.

    When the product's VAT kind gives the old rate on the old date, the law changed
    and `since` is the day the new rate came in; otherwise the catalogue did."""
    old = {line.product_id: line.vat_rate for line in before}
    kinds = _kinds(session, [line.product_id for line in after])
    changes = []
    for line in after:
        if line.product_id not in old or old[line.product_id] == line.vat_rate:
            continue
        kind = kinds.get(line.product_id)
        since = None
        if kind is not None and vat_rate(kind, before_date, regime) == old[line.product_id]:
            since = rate_period(kind, after_date, regime).valid_from
            since = None if since == SINCE_EVER else since
        changes.append(VatChange(line.title, old[line.product_id], line.vat_rate, since))
    return tuple(changes)


def describe_changes(changes: Sequence[VatChange], edition: int, edition_date: date) -> str:
    """The printed offer's note, in Russian like the rest of it: one sentence a change."""
    groups: dict[tuple[Decimal | None, Decimal | None, date | None], list[str]] = {}
    for change in changes:
        key = (change.old_rate, change.new_rate, change.since)
        groups.setdefault(key, []).append(change.title)
    before = f"в редакции {edition} от {edition_date:%d.%m.%Y}"
    sentences = []
    for (old, new, since), titles in groups.items():
        products = "; ".join(titles)
        if new is None:
            head = "Теперь без НДС"
        elif since is not None:
            head = f"С {since:%d.%m.%Y} ставка НДС — {format_vat_rate(new)}"
        else:
            head = f"Ставка НДС теперь {format_vat_rate(new)}"
        sentences.append(f"{head} ({before} — {format_vat_rate(old)}): {products}.")
    return " ".join(sentences)
