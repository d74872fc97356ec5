"""Loading a card: one session, a handful of queries, plain objects out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, select

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountDossier,
    AccountStats,
    AccountStatus,
    Contact,
    ContactPersonal,
    RelationshipEvent,
    Syncable,
    User,
)
from kamdesk.services.accounts import person_short_name
from kamdesk.services.card.dmu import DmuLayout, dmu_layout
from kamdesk.services.card.editing import drafts_for
from kamdesk.services.card.fields import FIELDS, Entity
from kamdesk.services.card.model import CardData, CompetitorCard, ContactCard, EventCard
from kamdesk.services.card.overview import Overview, load_overview
from kamdesk.services.card.standing import Standing, load_standing
from kamdesk.services.card.timeline import TimelineEntry, load_timeline
from kamdesk.services.dossier import load_facts_many, score
from kamdesk.store.tombstones import INCLUDE_DELETED
from kamdesk.textfold import natural_key
from kamdesk.vocabulary import AccountKind

if TYPE_CHECKING:
    from kamdesk.store import Store


def columns_of(row: Any, model: type[Any]) -> dict[str, Any]:
    return {
        attr.key: getattr(row, attr.key)
        for attr in inspect(model).column_attrs
        if attr.key not in Syncable.SYNC_BOOKKEEPING
    }


def empty_dossier() -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys(FIELDS[Entity.DOSSIER], "")
    values.update(employees=None, beds=None, annual_budget=None)
    return values


def load_card(store: Store, account_id: uuid.UUID) -> CardData | None:
    """The whole card of an account (archived ones too); None if there is no such account."""
    with store.session() as session:
        account = session.scalar(
            select(Account)
            .where(Account.id == account_id)
            .execution_options(**{INCLUDE_DELETED: True})
        )
        if account is None:
            return None
        dossier = session.scalar(
            select(AccountDossier).where(AccountDossier.account_id == account_id)
        )
        stats = session.scalar(select(AccountStats).where(AccountStats.account_id == account_id))
        owner = session.get(User, account.owner_id) if account.owner_id else None
        parent = session.get(Account, account.parent_id) if account.parent_id else None
        merged_into = (
            session.scalar(
                select(Account.name)
                .where(Account.id == account.merged_into_id)
                .execution_options(**{INCLUDE_DELETED: True})
            )
            if account.merged_into_id
            else None
        )
        contacts = session.scalars(
            select(Contact)
            .where(Contact.account_id == account_id)
            .order_by(Contact.influence.desc().nulls_last(), Contact.surname, Contact.name)
        ).all()
        personal = {
            p.contact_id: p
            for p in session.scalars(
                select(ContactPersonal).where(
                    ContactPersonal.contact_id.in_([c.id for c in contacts])
                )
            )
        }
        events = session.scalars(
            select(RelationshipEvent)
            .where(RelationshipEvent.account_id == account_id)
            .order_by(RelationshipEvent.occurred_on.desc(), RelationshipEvent.created_at.desc())
        ).all()
        competitors = session.scalars(
            select(AccountCompetitor)
            .where(AccountCompetitor.account_id == account_id)
            .order_by(AccountCompetitor.company)
        ).all()
        completeness = score(load_facts_many(session.connection(), [account_id])[account_id])
        columns = columns_of(account, Account)
        if stats is not None and stats.status:  # what the KAM sees: kamdesk.account_status
            columns["status"] = AccountStatus(stats.status)
        return CardData(
            id=account.id,
            account=columns,
            dossier=columns_of(dossier, AccountDossier) if dossier else empty_dossier(),
            owner_name=person_short_name(owner.surname, owner.name, owner.patronymic)
            if owner
            else "",
            parent_name=parent.name if parent else "",
            merged_into_name=merged_into or "",
            archived=account.deleted_at is not None,
            abc_class=stats.abc_class if stats else None,
            xyz_class=stats.xyz_class if stats else None,
            next_visit_at=stats.next_visit_at if stats else None,
            score=completeness.score,
            missing=completeness.missing,
            contacts=[_contact(c, personal.get(c.id)) for c in contacts],
            events=[EventCard(**_subset(e, EventCard)) for e in events],
            competitors=[CompetitorCard(**_subset(c, CompetitorCard)) for c in competitors],
            drafts=drafts_for(session, account_id),
            chains=_chains(session) if account.kind == AccountKind.PHARMACY else [],
        )


def _chains(session: Any) -> list[tuple[uuid.UUID, str]]:
    """The pharmacy chains a pharmacy can belong to, by name («№ 2» before «№ 10»)."""
    rows = session.execute(
        select(Account.id, Account.name)
        .where(Account.kind == AccountKind.PHARMACY_CHAIN, Account.merged_into_id.is_(None))
        .order_by(Account.name)
    )
    return sorted(((row.id, row.name) for row in rows), key=lambda item: natural_key(item[1]))


def _subset(row: Any, card: type[Any]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in card.__dataclass_fields__}


def _contact(contact: Contact, personal: ContactPersonal | None) -> ContactCard:
    values = {
        name: getattr(contact, name)
        for name in ContactCard.__dataclass_fields__
        if name != "personal"
    }
    details = (
        {name: getattr(personal, name) for name in FIELDS[Entity.PERSONAL]} if personal else {}
    )
    return ContactCard(**values, personal=details)


@dataclass(frozen=True)
class CardBundle:
    """What a card needs to open, loaded off the UI thread in one task."""

    card: CardData
    overview: Overview
    layout: DmuLayout
    timeline: list[TimelineEntry]
    standing: Standing | None = None  # key-client figures, XYZ, complaints, pharmacies


def load_bundle(store: Store, account_id: uuid.UUID) -> CardBundle | None:
    card = load_card(store, account_id)
    if card is None:
        return None
    return CardBundle(
        card, load_overview(store, account_id), dmu_layout(store, account_id),
        load_timeline(store, account_id), load_standing(store, account_id),
    )  # fmt: skip


def account_of_contact(store: Store, contact_id: uuid.UUID) -> uuid.UUID | None:
    """The account a contact belongs to (for links that name a person)."""
    from kamdesk.models import Contact

    with store.session() as session:
        contact = session.get(Contact, contact_id)
        return contact.account_id if contact is not None else None
