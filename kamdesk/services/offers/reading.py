"""Queries that turn stored offers into plain objects (rows for lists, full views)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from kamdesk.models import (
    Account,
    Contact,
    DmuRole,
    Offer,
    OfferAddressee,
    OfferAnnex,
    OfferLine,
    OfferStatus,
    OfferStatusChange,
    OfferTeamMember,
    Product,
)
from kamdesk.services.offers.model import (
    AddresseeInput,
    AnnexInput,
    LineInput,
    OfferDraft,
    OfferRow,
    OfferView,
    StatusEvent,
    TeamMemberInput,
    VatChange,
)
from kamdesk.services.offers.money import line_figures, reply_figures
from kamdesk.services.offers.vat_lines import vat_changes
from kamdesk.services.products.vat import VatRegime
from kamdesk.store import INCLUDE_DELETED
from kamdesk.textfold import fold
from kamdesk.vocabulary import OfferPurpose

# The order readers are listed in: who decides first, then who approves and who advises.
_ROLE_ORDER = [
    DmuRole.DECISION_MAKER,
    DmuRole.APPROVER,
    DmuRole.TECHNICAL_EXPERT,
    DmuRole.INFLUENCER,
    DmuRole.USER,
    DmuRole.GATEKEEPER,
    None,
]


def product_title(product: Product) -> str:
    """«Кардиомагнил (ацетилсалициловая кислота), таблетки 75 мг, №100»"""
    head = product.trade_name
    if product.inn_name and fold(product.inn_name) != fold(product.trade_name):
        head += f" ({product.inn_name})"
    form = " ".join(p for p in (product.dosage_form, product.dosage) if p)
    return ", ".join(p for p in (head, form, product.pack) if p)


def offer_rows(
    session: Session,
    text: str,
    statuses: frozenset[OfferStatus],
    account_id: uuid.UUID | None,
) -> list[OfferRow]:
    newer = aliased(Offer)
    latest_only = (
        ~select(newer.id)
        .where(
            newer.number == Offer.number, newer.edition > Offer.edition, newer.deleted_at.is_(None)
        )
        .exists()
    )
    statement = (
        select(Offer, Account.name)
        .join(Account, Account.id == Offer.account_id)
        .where(latest_only)
        .order_by(Offer.offer_date.desc(), Offer.number.desc())
    )
    if statuses:
        statement = statement.where(Offer.status.in_(statuses))
    if account_id is not None:
        statement = statement.where(Offer.account_id == account_id)
    found = session.execute(statement).all()
    words = fold(text).split()
    matching = [
        (offer, name)
        for offer, name in found
        if all(w in fold(f"{offer.number} {name}") for w in words)
    ]
    totals = _totals(session, [offer.id for offer, _ in matching])
    return [
        _row(offer, name, *totals.get(offer.id, (Decimal("0.00"), 0))) for offer, name in matching
    ]


def _totals(session: Session, offer_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[Decimal, int]]:
    result: dict[uuid.UUID, tuple[Decimal, int]] = {}
    if not offer_ids:
        return result
    replies = set(
        session.scalars(
            select(Offer.id).where(
                Offer.id.in_(offer_ids), Offer.purpose == OfferPurpose.PRICE_REPLY
            )
        )
    )
    lines = session.scalars(select(OfferLine).where(OfferLine.offer_id.in_(offer_ids)))
    for line in lines:
        if line.offer_id in replies:
            figures = reply_figures(line.quantity, line.unit_price, line.vat_rate)
        else:
            figures = line_figures(line.quantity, line.unit_price, line.discount_pct, line.vat_rate)
        total, count = result.get(line.offer_id, (Decimal("0.00"), 0))
        result[line.offer_id] = (total + figures.total, count + 1)
    return result


def _row(offer: Offer, account_name: str, total: Decimal, count: int) -> OfferRow:
    return OfferRow(
        id=offer.id,
        number=offer.number,
        edition=offer.edition,
        account_id=offer.account_id,
        account_name=account_name,
        offer_date=offer.offer_date,
        valid_until=offer.valid_until,
        status=offer.status,
        total=total,
        needs_approval=offer.needs_approval,
        approved=bool(offer.approved_by),
        lines_count=count,
        approval_status=offer.approval_status,
    )


def stored_lines(session: Session, offer_id: uuid.UUID) -> list[LineInput]:
    """An offer's lines as stored, with their products' titles."""
    return [
        LineInput(
            product_id=line.product_id,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount_pct=line.discount_pct,
            vat_rate=line.vat_rate,
            title=product_title(product),
            sku=product.sku,
            registration_number=product.registration_number,
        )
        for line, product in session.execute(
            select(OfferLine, Product)
            .join(Product, Product.id == OfferLine.product_id)
            .where(OfferLine.offer_id == offer_id, OfferLine.deleted_at.is_(None))
            .order_by(OfferLine.position)
            .execution_options(**{INCLUDE_DELETED: True})  # a product archived later shows
        )
    ]


def titled(session: Session, lines: list[LineInput]) -> list[LineInput]:
    """The lines with their products' titles filled in where missing."""
    missing = {line.product_id for line in lines if not line.title}
    products = {
        p.id: p
        for p in session.scalars(
            select(Product)
            .where(Product.id.in_(missing))
            .execution_options(**{INCLUDE_DELETED: True})
        )
    }
    for line in lines:
        if not line.title and line.product_id in products:
            line.title = product_title(products[line.product_id])
    return lines


def offer_view(
    session: Session, offer_id: uuid.UUID, attachments: Path, regime: VatRegime
) -> OfferView | None:
    offer = session.get(Offer, offer_id)
    if offer is None or offer.deleted_at is not None:
        return None
    account_name = session.scalar(select(Account.name).where(Account.id == offer.account_id))
    lines = stored_lines(session, offer_id)
    addressees = sorted(
        (
            AddresseeInput(
                contact_id=contact.id,
                arguments=addressee.arguments,
                full_name=contact.full_name,
                position=contact.position,
                form_of_address=contact.form_of_address,
                dmu_role=contact.dmu_role,
            )
            for addressee, contact in session.execute(
                select(OfferAddressee, Contact)
                .join(Contact, Contact.id == OfferAddressee.contact_id)
                .where(OfferAddressee.offer_id == offer_id, OfferAddressee.deleted_at.is_(None))
                .order_by(OfferAddressee.created_at, Contact.surname)
                .execution_options(**{INCLUDE_DELETED: True})
            )
        ),
        key=lambda a: _ROLE_ORDER.index(a.dmu_role),
    )
    team = [
        TeamMemberInput(m.full_name, m.job_title, m.contacts)
        for m in session.scalars(
            select(OfferTeamMember)
            .where(OfferTeamMember.offer_id == offer_id)
            .order_by(OfferTeamMember.position_in_list)
        )
    ]
    annexes = [
        AnnexInput(a.title, str(attachments / a.file_name), a.sha256)
        for a in session.scalars(
            select(OfferAnnex).where(OfferAnnex.offer_id == offer_id).order_by(OfferAnnex.position)
        )
    ]
    history = [
        StatusEvent(c.changed_at, c.from_status, c.to_status, c.note)
        for c in session.scalars(
            select(OfferStatusChange)
            .where(OfferStatusChange.offer_id == offer_id)
            .order_by(OfferStatusChange.changed_at, OfferStatusChange.created_at)
        )
    ]
    editions = [
        (e.id, e.edition, e.status)
        for e in session.scalars(
            select(Offer).where(Offer.number == offer.number).order_by(Offer.edition)
        )
    ]
    latest = session.scalar(select(func.max(Offer.edition)).where(Offer.number == offer.number))
    draft = OfferDraft(
        id=offer.id,
        account_id=offer.account_id,
        offer_date=offer.offer_date,
        valid_until=offer.valid_until,
        lines=lines,
        addressees=addressees,
        team=team,
        annexes=annexes,
        delivery_terms=offer.delivery_terms,
        payment_terms=offer.payment_terms,
        benefit=offer.benefit,
        exclusivity=offer.exclusivity,
        payment_deferral_days=offer.payment_deferral_days,
        purpose=offer.purpose,
        price_request_number=offer.price_request_number,
        price_request_date=offer.price_request_date,
    )
    total = draft.totals().total
    previous = session.get(Offer, offer.previous_edition_id) if offer.previous_edition_id else None
    changes: tuple[VatChange, ...] = ()
    if previous is not None:
        changes = vat_changes(
            session,
            stored_lines(session, previous.id),
            previous.offer_date,
            lines,
            offer.offer_date,
            regime,
        )
    return OfferView(
        row=_row(offer, account_name or "", total, len(lines)),
        draft=draft,
        approved_by=offer.approved_by,
        approved_at=offer.approved_at,
        history=history,
        editions=editions,
        is_latest=offer.edition == latest,
        vat_changes=changes,
        previous_edition=(previous.edition, previous.offer_date) if previous else None,
    )
