"""How complete an account's dossier is (field guide §3), and what is missing.

The score is 0–100, the sum of the weights of the facts that are filled in:

| section (weight)              | fact                                             | weight |
|-------------------------------|--------------------------------------------------|-------:|
| general information (30)      | what the organisation does                       | 5 |
|                               | its size (employees or beds)                     | 5 |
|                               | its needs                                        | 8 |
|                               | its development plans                            | 4 |
|                               | its current worries                              | 4 |
|                               | financial indicators or budget                   | 4 |
| relationship history (25)     | at least one event recorded                      | 10 |
|                               | a tender with its outcome and the reason         | 10 |
|                               | the stage of the relationship                    | 5 |
| decision-making scheme (30)   | a decision maker known                           | 10 |
|                               | a finance/approver contact known                 | 5 |
|                               | every contact has a DMU role and influence       | 5 |
|                               | the attitude of every DMU member known           | 5 |
|                               | the decision maker's psychotype known            | 5 |
| competitors (15)              | at least one competitor recorded                 | 10 |
|                               | their products or terms noted                    | 5 |

Missing facts come back as translatable messages in plain words, in the order
of the table, so the card, the client list and the pre-meeting checklist say
the same thing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.vocabulary import DmuRole, TenderResult

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from kamdesk.store import Store

_CHUNK = 5_000  # SQLite limits the number of parameters in one statement

CONTEXT = "Dossier"


@dataclass(frozen=True)
class ContactFacts:
    dmu_role: DmuRole | None
    influence: int | None
    attitude: object | None
    psychotype: object | None


@dataclass(frozen=True)
class DossierFacts:
    """What the score looks at, gathered from the account's rows."""

    activity: str = ""
    employees: int | None = None
    beds: int | None = None
    needs: str = ""
    plans: str = ""
    worries: str = ""
    financials: str = ""
    has_budget: bool = False
    relationship_stage: str = ""
    events: int = 0
    tenders_with_outcome: int = 0
    contacts: list[ContactFacts] = field(default_factory=list)
    competitors: int = 0
    competitors_with_details: int = 0


@dataclass(frozen=True)
class Completeness:
    score: int  # 0..100
    missing: list[Message]


def _m(text: str) -> Message:
    return Message(CONTEXT, text)


def score(facts: DossierFacts) -> Completeness:
    decision_makers = [c for c in facts.contacts if c.dmu_role == DmuRole.DECISION_MAKER]
    in_dmu = [c for c in facts.contacts if c.dmu_role is not None]
    checks: list[tuple[int, bool, str]] = [
        (
            5,
            bool(facts.activity.strip()),
            QT_TRANSLATE_NOOP("Dossier", "no description of what the organisation does"),
        ),
        (
            5,
            bool(facts.employees or facts.beds),
            QT_TRANSLATE_NOOP("Dossier", "size unknown (employees or beds)"),
        ),
        (8, bool(facts.needs.strip()), QT_TRANSLATE_NOOP("Dossier", "needs not recorded")),
        (
            4,
            bool(facts.plans.strip()),
            QT_TRANSLATE_NOOP("Dossier", "development plans not recorded"),
        ),
        (
            4,
            bool(facts.worries.strip()),
            QT_TRANSLATE_NOOP("Dossier", "current worries not recorded"),
        ),
        (
            4,
            bool(facts.financials.strip()) or facts.has_budget,
            QT_TRANSLATE_NOOP("Dossier", "no financial indicators or budget"),
        ),
        (10, facts.events > 0, QT_TRANSLATE_NOOP("Dossier", "no relationship history recorded")),
        (
            10,
            facts.tenders_with_outcome > 0,
            QT_TRANSLATE_NOOP("Dossier", "history has no tender outcome"),
        ),
        (
            5,
            bool(facts.relationship_stage.strip()),
            QT_TRANSLATE_NOOP("Dossier", "stage of the relationship not set"),
        ),
        (10, bool(decision_makers), QT_TRANSLATE_NOOP("Dossier", "no decision maker")),
        (
            5,
            any(c.dmu_role == DmuRole.APPROVER for c in facts.contacts),
            QT_TRANSLATE_NOOP("Dossier", "no finance contact"),
        ),
        (
            5,
            bool(facts.contacts)
            and all(c.dmu_role is not None and c.influence for c in facts.contacts),
            QT_TRANSLATE_NOOP("Dossier", "contacts without a DMU role or influence"),
        ),
        (
            5,
            bool(in_dmu) and all(c.attitude is not None for c in in_dmu),
            QT_TRANSLATE_NOOP("Dossier", "attitude to us unknown for some DMU members"),
        ),
        (
            5,
            bool(decision_makers) and all(c.psychotype is not None for c in decision_makers),
            QT_TRANSLATE_NOOP("Dossier", "decision maker's psychotype unknown"),
        ),
        (10, facts.competitors > 0, QT_TRANSLATE_NOOP("Dossier", "no competitor recorded")),
        (
            5,
            facts.competitors_with_details > 0,
            QT_TRANSLATE_NOOP("Dossier", "competitors' products or terms not noted"),
        ),
    ]
    assert sum(weight for weight, _, _ in checks) == 100
    total = sum(weight for weight, ok, _ in checks if ok)
    return Completeness(total, [_m(text) for _, ok, text in checks if not ok])


def load_facts(store: Store, account_id: uuid.UUID) -> DossierFacts:
    with store.session() as session:
        return load_facts_many(session.connection(), [account_id])[account_id]


def load_facts_many(
    connection: Connection, account_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, DossierFacts]:
    """The facts of many accounts in a few queries per chunk (tombstones left out).

    Plain Core statements on a connection, so the flush listener can use it
    inside a flush and bulk loads can score 100 000 accounts in seconds.
    """
    ids = list(dict.fromkeys(account_ids))
    result: dict[uuid.UUID, DossierFacts] = {}
    for start in range(0, len(ids), _CHUNK):
        result.update(_load_chunk(connection, ids[start : start + _CHUNK]))
    return result


def _load_chunk(connection: Connection, ids: list[uuid.UUID]) -> dict[uuid.UUID, DossierFacts]:
    from sqlalchemy import Integer, and_, func, select

    from kamdesk.models import AccountCompetitor, AccountDossier, Contact, RelationshipEvent

    d = AccountDossier.__table__.c
    dossiers = {
        row.account_id: row
        for row in connection.execute(
            select(AccountDossier.__table__).where(d.account_id.in_(ids), d.deleted_at.is_(None))
        )
    }
    e = RelationshipEvent.__table__.c
    outcome = and_(
        e.tender_result.in_([TenderResult.WON, TenderResult.LOST, TenderResult.CANCELLED]),
        e.result_reason != "",
    )
    events = {
        account_id: (int(total), int(tenders or 0))
        for account_id, total, tenders in connection.execute(
            select(e.account_id, func.count(), func.sum(outcome.cast(Integer)))
            .where(e.account_id.in_(ids), e.deleted_at.is_(None))
            .group_by(e.account_id)
        )
    }
    c = Contact.__table__.c
    contacts: dict[uuid.UUID, list[ContactFacts]] = {}
    for account_id, role, influence, attitude, psychotype in connection.execute(
        select(c.account_id, c.dmu_role, c.influence, c.attitude, c.psychotype).where(
            c.account_id.in_(ids), c.deleted_at.is_(None)
        )
    ):
        contacts.setdefault(account_id, []).append(
            ContactFacts(DmuRole(role) if role else None, influence, attitude, psychotype)
        )
    k = AccountCompetitor.__table__.c
    detailed = (k.products != "") | (k.terms != "")
    competitors = {
        account_id: (int(total), int(details or 0))
        for account_id, total, details in connection.execute(
            select(k.account_id, func.count(), func.sum(detailed.cast(Integer)))
            .where(k.account_id.in_(ids), k.deleted_at.is_(None))
            .group_by(k.account_id)
        )
    }
    facts: dict[uuid.UUID, DossierFacts] = {}
    for account_id in ids:
        dossier = dossiers.get(account_id)
        event_count, tender_count = events.get(account_id, (0, 0))
        competitor_count, with_details = competitors.get(account_id, (0, 0))
        facts[account_id] = DossierFacts(
            activity=dossier.activity if dossier else "",
            employees=dossier.employees if dossier else None,
            beds=dossier.beds if dossier else None,
            needs=dossier.needs if dossier else "",
            plans=dossier.plans if dossier else "",
            worries=dossier.worries if dossier else "",
            financials=dossier.financials if dossier else "",
            has_budget=bool(dossier is not None and dossier.annual_budget),
            relationship_stage=dossier.relationship_stage if dossier else "",
            events=event_count,
            tenders_with_outcome=tender_count,
            contacts=contacts.get(account_id, []),
            competitors=competitor_count,
            competitors_with_details=with_details,
        )
    return facts


def completeness(store: Store, account_id: uuid.UUID) -> Completeness:
    return score(load_facts(store, account_id))


def write_scores(connection: Connection, account_ids: Iterable[uuid.UUID]) -> None:
    """Store the score of each account in the client list's cache (account_stats)."""
    from sqlalchemy import bindparam, update

    from kamdesk.models import AccountStats

    facts = load_facts_many(connection, account_ids)
    if not facts:
        return
    table: Any = AccountStats.__table__
    statement = (
        update(table)
        .where(table.c.account_id == bindparam("target"))
        .values(dossier_score=bindparam("score"))
    )
    connection.execute(
        statement,
        [{"target": account_id, "score": score(f).score} for account_id, f in facts.items()],
    )


def refresh_dossier_scores(store: Store) -> None:
    """Score every account at once: for bulk loads (the demo, an import)."""
    from sqlalchemy import select

    from kamdesk.models import AccountStats

    with store.transaction() as session:
        connection = session.connection()
        ids = list(connection.execute(select(AccountStats.__table__.c.account_id)).scalars())
        write_scores(connection, ids)


def install_score_listener(store: Store) -> None:
    """Keep `account_stats.dossier_score` current on every flush of `store`."""
    store.add_flush_listener(_rescore_touched)


def _rescore_touched(session: Session, flush_context: object) -> None:
    from sqlalchemy import inspect

    from kamdesk.models import (
        Account,
        AccountCompetitor,
        AccountDossier,
        Contact,
        RelationshipEvent,
    )

    touched: set[uuid.UUID] = set()
    for row in (*session.new, *session.dirty):
        if isinstance(row, Account):
            touched.add(row.id)
        elif isinstance(row, AccountDossier | Contact | RelationshipEvent | AccountCompetitor):
            touched.add(row.account_id)
            # A row moved to another account (a merge) changes the old one's score too.
            state: Any = inspect(row)
            touched.update(v for v in state.attrs["account_id"].history.deleted if v is not None)
    if touched:
        write_scores(session.connection(), touched)
