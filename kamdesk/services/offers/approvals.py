"""Approval of over-envelope discounts and payment deferrals through the office: nobody
approves their own.

The KAM sends an offer whose discount is above the envelope for approval
(`request_approval`: «requested», with the time); the change travels to the
office with the next sync. The manager's KAMdesk (the laptop enrolled with the
manager role) lists the team's requests (`pending_approvals`) and records the
answer (`decide`): approved or rejected, by whom, when, with a comment. Both are
ordinary edits of the offer, so they sync like any other; the office refuses an
approval of one's own offer too (`own_approval`). The KAM sees the answer after
the next sync (`approval_state`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import Account, Offer, OfferLine, OfferStatus, SyncState, User, utcnow
from kamdesk.services.offers.envelope_check import (
    deferral_limit,
    deferral_over,
    discount_limits,
)
from kamdesk.services.offers.money import line_figures
from kamdesk.services.offers.service import OfferError
from kamdesk.services.offers.settings import OfferSettings, load_offer_settings
from kamdesk.store import Store

NONE, REQUESTED, APPROVED, REJECTED = "", "requested", "approved", "rejected"
MANAGER_ROLE = "manager"


def _msg(text: str, **params: object) -> Message:
    return Message("Approvals", text, params)


def _refuse(text: str) -> OfferError:
    return OfferError({"approval": _msg(text)})


@dataclass(frozen=True)
class ApprovalState:
    """Where an offer stands with the manager, for the offer editor."""

    status: str  # "", "requested", "approved", "rejected"
    needs_approval: bool  # a discount is above the envelope
    is_draft: bool
    requested_at: datetime | None
    decided_by: str  # the manager's name
    decided_at: datetime | None
    comment: str

    @property
    def can_request(self) -> bool:
        """«Send for approval» is offered: over the envelope and not asked or answered yet
        (a rejected offer may be asked again once changed)."""
        return self.is_draft and self.needs_approval and self.status in (NONE, REJECTED)


@dataclass(frozen=True)
class PendingApproval:
    """A team member's offer waiting for the manager."""

    offer_id: uuid.UUID
    number: str
    edition: int
    account_name: str
    owner_name: str
    total: Decimal  # with VAT
    discount_pct: Decimal  # the line furthest above its envelope
    envelope_pct: Decimal
    product: str  # that line's product
    requested_at: datetime | None
    # The payment deferral asked for (days) and the envelope's longest; over it when
    # `deferral_days` > `deferral_limit` (the reason may be the deferral alone).
    deferral_days: int | None = None
    deferral_limit: int = 0

    @property
    def deferral_over(self) -> bool:
        return deferral_over(self.deferral_days, self.deferral_limit)


# --- reading -------------------------------------------------------------------------


def my_role(session: Session) -> str:
    """The role the office gave this laptop's user ("kam", "manager", …; "" not enrolled)."""
    return session.scalar(select(SyncState.user_role).where(SyncState.id == 1)) or ""


def approval_state(session: Session, offer_id: uuid.UUID) -> ApprovalState:
    offer = session.get(Offer, offer_id)
    if offer is None:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "the offer was deleted"))
    return _state(offer)


def _state(offer: Offer) -> ApprovalState:
    status = offer.approval_status or NONE
    return ApprovalState(
        status=status,
        needs_approval=offer.needs_approval,
        is_draft=offer.status == OfferStatus.DRAFT,
        requested_at=offer.approval_requested_at,
        decided_by=offer.approved_by if status == APPROVED else "",
        decided_at=offer.approved_at if status in (APPROVED, REJECTED) else None,
        comment=offer.approval_comment,
    )


def pending_approvals(store: Store) -> list[PendingApproval]:
    """The team's offers waiting for an answer, oldest request first. Empty unless this
    laptop's user is a manager; the manager's own offers are not among them."""
    settings = load_offer_settings(store)
    with store.session() as session:
        me = session.get(SyncState, 1)
        if me is None or me.user_role != MANAGER_ROLE:
            return []
        return _pending(session, settings, me.user_id)


def _pending(
    session: Session, settings: OfferSettings, me: uuid.UUID | None
) -> list[PendingApproval]:
    newer = aliased(Offer)
    offers = session.execute(
        select(Offer, Account.name, User)
        .join(Account, Account.id == Offer.account_id)
        .outerjoin(User, User.id == Offer.owner_id)
        .where(
            Offer.approval_status == REQUESTED,
            Offer.status == OfferStatus.DRAFT,
            ~select(newer.id)
            .where(newer.number == Offer.number, newer.edition > Offer.edition)
            .exists(),
        )
        .order_by(Offer.approval_requested_at, Offer.number)
    ).all()
    result = []
    for offer, account_name, owner in offers:
        if me is not None and offer.owner_id == me:
            continue
        lines = list(session.scalars(select(OfferLine).where(OfferLine.offer_id == offer.id)))
        limits = discount_limits(
            session, settings, offer.account_id, [ln.product_id for ln in lines]
        )
        longest = deferral_limit(session, settings, offer.account_id)
        total = sum(
            (
                line_figures(ln.quantity, ln.unit_price, ln.discount_pct, ln.vat_rate).total
                for ln in lines
            ),
            Decimal("0.00"),
        )
        worst = max(lines, key=lambda ln: ln.discount_pct - limits[ln.product_id], default=None)
        product = ""
        if worst is not None:
            from kamdesk.models import Product

            found = session.get(Product, worst.product_id)
            product = found.trade_name if found is not None else ""
        result.append(
            PendingApproval(
                offer_id=offer.id,
                number=offer.number,
                edition=offer.edition,
                account_name=account_name,
                owner_name=owner.short_name if owner is not None else "",
                total=total,
                discount_pct=worst.discount_pct if worst else Decimal(0),
                envelope_pct=limits[worst.product_id] if worst else Decimal(0),
                product=product,
                requested_at=offer.approval_requested_at,
                deferral_days=offer.payment_deferral_days,
                deferral_limit=longest,
            )
        )
    return result


# --- writing -------------------------------------------------------------------------


def request_approval(
    session: Session, offer_id: uuid.UUID, now: datetime | None = None
) -> ApprovalState:
    """The KAM sends an over-envelope draft to the manager. Call inside a transaction."""
    offer = _latest_draft(session, offer_id)
    if not offer.needs_approval:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Approvals",
                "the discounts and the payment deferral are within the envelope: "
                "no approval is needed",
            )
        )
    if offer.approval_status == REQUESTED:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "the offer is already with the manager"))
    if offer.approval_status == APPROVED and offer.approved_by:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "the offer is already approved"))
    offer.approval_status = REQUESTED
    offer.approval_requested_at = now or utcnow()
    offer.approval_comment = ""
    offer.approved_by, offer.approved_at, offer.approved_by_id = "", None, None
    return _state(offer)


def decide(
    session: Session,
    offer_id: uuid.UUID,
    approve: bool,
    comment: str = "",
    now: datetime | None = None,
) -> ApprovalState:
    """The manager approves or rejects a requested offer, with a comment. Refused on a
    laptop whose user is not a manager, and for the manager's own offer."""
    me = session.get(SyncState, 1)
    if me is None or me.user_role != MANAGER_ROLE or me.user_id is None:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "only the manager approves discounts"))
    offer = _latest_draft(session, offer_id)
    if offer.owner_id == me.user_id:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "nobody approves their own discount"))
    if offer.approval_status != REQUESTED:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "this offer was not sent for approval"))
    comment = comment.strip()
    if not approve and not comment:
        raise OfferError(
            {"comment": _msg(QT_TRANSLATE_NOOP("Approvals", "say why the discount is rejected"))}
        )
    offer.approval_status = APPROVED if approve else REJECTED
    offer.approval_comment = comment
    offer.approved_by_id = me.user_id
    # `approved_by` is what lets the offer be sent: only an approval fills it.
    offer.approved_by = (me.user_name or me.login) if approve else ""
    offer.approved_at = now or utcnow()
    return _state(offer)


def _latest_draft(session: Session, offer_id: uuid.UUID) -> Offer:
    offer = session.get(Offer, offer_id)
    if offer is None or offer.deleted_at is not None:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "the offer was deleted"))
    newer = session.scalar(
        select(Offer.id).where(Offer.number == offer.number, Offer.edition > offer.edition)
    )
    if newer is not None or offer.status != OfferStatus.DRAFT:
        raise _refuse(QT_TRANSLATE_NOOP("Approvals", "only the latest draft is approved"))
    return offer


# --- the same, each in its own transaction (for the UI's workers) ----------------------


def load_state(store: Store, offer_id: uuid.UUID) -> ApprovalState:
    with store.session() as session:
        return approval_state(session, offer_id)


def load_role(store: Store) -> str:
    with store.session() as session:
        return my_role(session)


def send_for_approval(store: Store, offer_id: uuid.UUID) -> ApprovalState:
    with store.transaction() as session:
        return request_approval(session, offer_id, store.now())


def record_decision(
    store: Store, offer_id: uuid.UUID, approve: bool, comment: str = ""
) -> ApprovalState:
    with store.transaction() as session:
        return decide(session, offer_id, approve, comment, store.now())
