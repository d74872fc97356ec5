"""The offer's status flow: draft → sent → accepted / rejected / expired.

Every change is recorded with its time. Only the latest edition of a number
moves. Marking an offer sent needs its approval when it is over the discount
envelope, and creates the follow-ups of field guide §5: call the next working
day to check it arrived, then agree next steps and the date of a call or
meeting. Sent offers whose validity has passed become expired (`expire_overdue`,
run when the app starts and before lists are shown).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import (
    Contact,
    FollowUpTask,
    Offer,
    OfferAddressee,
    OfferStatus,
    OfferStatusChange,
)
from kamdesk.services.offers.service import OfferError
from kamdesk.services.visits.workdays import add_working_days
from kamdesk.store import Store

ALLOWED: dict[OfferStatus, frozenset[OfferStatus]] = {
    OfferStatus.DRAFT: frozenset({OfferStatus.SENT}),
    OfferStatus.SENT: frozenset({OfferStatus.ACCEPTED, OfferStatus.REJECTED, OfferStatus.EXPIRED}),
    OfferStatus.ACCEPTED: frozenset(),
    OfferStatus.REJECTED: frozenset(),
    OfferStatus.EXPIRED: frozenset(),
}
CONFIRM_AFTER_WORKDAYS = 1
NEXT_STEPS_AFTER_WORKDAYS = 3


def _msg(text: str, **params: object) -> Message:
    return Message("Offers", text, params)


def _latest(session: Session, offer_id: uuid.UUID) -> Offer:
    offer = session.get(Offer, offer_id)
    if offer is None or offer.deleted_at is not None:
        raise OfferError({"id": _msg(QT_TRANSLATE_NOOP("Offers", "the offer was deleted"))})
    newer = session.scalar(
        select(Offer.id).where(Offer.number == offer.number, Offer.edition > offer.edition)
    )
    if newer is not None:
        raise OfferError(
            {
                "status": _msg(
                    QT_TRANSLATE_NOOP(
                        "Offers", "a newer edition of {number} exists: change that one"
                    ),
                    number=offer.number,
                )
            }
        )
    return offer


def _move(session: Session, offer: Offer, to: OfferStatus, when: datetime, note: str = "") -> None:
    if to not in ALLOWED[offer.status]:
        raise OfferError(
            {
                "status": _msg(
                    QT_TRANSLATE_NOOP("Offers", "an offer cannot go from «{old}» to «{new}»"),
                    old=offer.status.value,
                    new=to.value,
                )
            }
        )
    session.add(
        OfferStatusChange(
            offer_id=offer.id, from_status=offer.status, to_status=to, changed_at=when, note=note
        )
    )
    offer.status = to


def mark_sent(
    store: Store, offer_id: uuid.UUID, today: date | None = None, now: datetime | None = None
) -> list[uuid.UUID]:
    """Mark the offer sent and create its follow-up tasks; returns the tasks' ids."""
    today, now = today or date.today(), now or store.now()
    with store.transaction() as session:
        offer = _latest(session, offer_id)
        # Approved only by the manager through the office (kamdesk.services.offers.approvals).
        approved = offer.approval_status == "approved" and bool(offer.approved_by)
        if offer.status == OfferStatus.DRAFT and offer.needs_approval and not approved:
            raise OfferError(
                {
                    "approval": _msg(
                        QT_TRANSLATE_NOOP(
                            "Offers",
                            "a discount is above the envelope: the offer needs the manager's "
                            "approval before it can be sent",
                        )
                    )
                }
            )
        if offer.valid_until < today:
            raise OfferError(
                {
                    "valid_until": _msg(
                        QT_TRANSLATE_NOOP(
                            "Offers",
                            "the validity date {date} has already passed: choose a later date",
                        ),
                        date=f"{offer.valid_until:%d.%m.%Y}",
                    )
                }
            )
        _move(session, offer, OfferStatus.SENT, now)
        tasks = _follow_ups(session, offer, today)
        session.add_all(tasks)
        session.flush()
        return [task.id for task in tasks]


def _follow_ups(session: Session, offer: Offer, today: date) -> list[FollowUpTask]:
    readers = session.execute(
        select(Contact.form_of_address, Contact.name, Contact.patronymic, Contact.surname)
        .join(OfferAddressee, OfferAddressee.contact_id == Contact.id)
        .where(OfferAddressee.offer_id == offer.id)
        .order_by(OfferAddressee.created_at)
    ).first()
    who = ""
    if readers is not None:
        form, name, patronymic, surname = readers
        who = form or " ".join(p for p in (name, patronymic) if p) or surname
    whom = f" ({who})" if who else ""
    return [
        FollowUpTask(
            account_id=offer.account_id,
            owner_id=offer.owner_id,
            offer_id=offer.id,
            title=f"Позвонить{whom}: подтвердить получение {offer.number}",
            details=(
                "Если получение не подтвердили — позвонить и убедиться, что предложение "
                "дошло. Спросить о следующих шагах и о том, что определяет срочность решения."
            ),
            due_on=add_working_days(today, CONFIRM_AFTER_WORKDAYS),
        ),
        FollowUpTask(
            account_id=offer.account_id,
            owner_id=offer.owner_id,
            offer_id=offer.id,
            title=f"Договориться о следующих шагах по {offer.number}",
            details=(
                "Согласовать дату звонка или встречи для промежуточных результатов; "
                f"предложение действует до {offer.valid_until:%d.%m.%Y}."
            ),
            due_on=add_working_days(today, NEXT_STEPS_AFTER_WORKDAYS),
        ),
    ]


def mark_accepted(
    store: Store, offer_id: uuid.UUID, note: str = "", now: datetime | None = None
) -> None:
    with store.transaction() as session:
        _move(session, _latest(session, offer_id), OfferStatus.ACCEPTED, now or store.now(), note)


def mark_rejected(
    store: Store, offer_id: uuid.UUID, note: str = "", now: datetime | None = None
) -> None:
    with store.transaction() as session:
        _move(session, _latest(session, offer_id), OfferStatus.REJECTED, now or store.now(), note)


def expire_overdue(store: Store, today: date | None = None, now: datetime | None = None) -> int:
    """Sent offers past their validity become expired; returns how many."""
    today, now = today or date.today(), now or store.now()
    newer = aliased(Offer)
    with store.transaction() as session:
        overdue = session.scalars(
            select(Offer).where(
                Offer.status == OfferStatus.SENT,
                Offer.valid_until < today,
                ~select(newer.id)
                .where(newer.number == Offer.number, newer.edition > Offer.edition)
                .exists(),
            )
        ).all()
        for offer in overdue:
            _move(session, offer, OfferStatus.EXPIRED, now, "срок действия истёк")
        return len(overdue)
