"""Loading an account's read-only summary through the ORM (imported on demand)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountStats,
    AccountStatus,
    Contact,
    RelationshipEvent,
    User,
)
from kamdesk.services.accounts import (
    AccountSummary,
    ContactLine,
    EventLine,
    person_short_name,
)
from kamdesk.store import Store


def load_summary(store: Store, account_id: uuid.UUID) -> AccountSummary | None:
    with store.session() as session:
        account = session.get(Account, account_id)
        if account is None or account.deleted_at is not None:
            return None
        stats = session.scalar(select(AccountStats).where(AccountStats.account_id == account_id))
        owner = session.get(User, account.owner_id) if account.owner_id else None
        parent = session.get(Account, account.parent_id) if account.parent_id else None
        contacts = session.scalars(
            select(Contact)
            .where(Contact.account_id == account_id)
            .order_by(Contact.influence.desc().nulls_last(), Contact.surname)
        ).all()
        events = session.scalars(
            select(RelationshipEvent)
            .where(RelationshipEvent.account_id == account_id)
            .order_by(RelationshipEvent.occurred_on.desc())
            .limit(20)
        ).all()
        competitors = session.scalars(
            select(AccountCompetitor.company)
            .where(AccountCompetitor.account_id == account_id)
            .order_by(AccountCompetitor.company)
        ).all()
        return AccountSummary(
            id=account.id,
            name=account.name,
            short_name=account.short_name,
            kind=account.kind,
            parent_name=parent.name if parent else "",
            inn=account.inn,
            kpp=account.kpp,
            region=account.region,
            city=account.city,
            address=account.address,
            phone=account.phone,
            email=account.email,
            website=account.website,
            client_type=account.client_type,
            # What the KAM sees: their choice where it applies, otherwise the figures.
            status=AccountStatus(stats.status) if stats and stats.status else account.status,
            qualification={
                "need": (account.qual_need, account.qual_need_note),
                "pay": (account.qual_pay, account.qual_pay_note),
                "authority": (account.qual_authority, account.qual_authority_note),
            },
            owner_name=person_short_name(owner.surname, owner.name, owner.patronymic)
            if owner
            else "",
            abc_class=stats.abc_class if stats else None,
            xyz_class=stats.xyz_class if stats else None,
            sales_12m=stats.sales_12m if stats else Decimal(0),
            sales_share=stats.sales_share if stats else None,
            last_purchase_on=stats.last_purchase_on if stats else None,
            next_visit_at=stats.next_visit_at if stats else None,
            last_visit_at=stats.last_visit_at if stats else None,
            contacts=[_contact_line(c) for c in contacts],
            events=[
                EventLine(e.occurred_on, e.kind, e.subject, e.tender_result, e.amount)
                for e in events
            ],
            competitors=list(competitors),
        )


def _contact_line(contact: Contact) -> ContactLine:
    return ContactLine(
        id=contact.id,
        full_name=contact.full_name,
        position=contact.position,
        department=contact.department,
        dmu_role=contact.dmu_role,
        influence=contact.influence,
        attitude=contact.attitude,
        psychotype=contact.psychotype,
        is_kol=contact.is_kol,
        phone=contact.phone_mobile or contact.phone_work,
        email=contact.email,
    )
