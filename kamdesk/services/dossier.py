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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.vocabulary import DmuRole, TenderResult

if TYPE_CHECKING:
    from kamdesk.store import Store

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
            QT_TRANSLATE_NOOP(CONTEXT, "no description of what the organisation does"),
        ),
        (
            5,
            bool(facts.employees or facts.beds),
            QT_TRANSLATE_NOOP(CONTEXT, "size unknown (employees or beds)"),
        ),
        (8, bool(facts.needs.strip()), QT_TRANSLATE_NOOP(CONTEXT, "needs not recorded")),
        (
            4,
            bool(facts.plans.strip()),
            QT_TRANSLATE_NOOP(CONTEXT, "development plans not recorded"),
        ),
        (
            4,
            bool(facts.worries.strip()),
            QT_TRANSLATE_NOOP(CONTEXT, "current worries not recorded"),
        ),
        (
            4,
            bool(facts.financials.strip()) or facts.has_budget,
            QT_TRANSLATE_NOOP(CONTEXT, "no financial indicators or budget"),
        ),
        (10, facts.events > 0, QT_TRANSLATE_NOOP(CONTEXT, "no relationship history recorded")),
        (
            10,
            facts.tenders_with_outcome > 0,
            QT_TRANSLATE_NOOP(CONTEXT, "history has no tender outcome"),
        ),
        (
            5,
            bool(facts.relationship_stage.strip()),
            QT_TRANSLATE_NOOP(CONTEXT, "stage of the relationship not set"),
        ),
        (10, bool(decision_makers), QT_TRANSLATE_NOOP(CONTEXT, "no decision maker")),
        (
            5,
            any(c.dmu_role == DmuRole.APPROVER for c in facts.contacts),
            QT_TRANSLATE_NOOP(CONTEXT, "no finance contact"),
        ),
        (
            5,
            bool(facts.contacts)
            and all(c.dmu_role is not None and c.influence for c in facts.contacts),
            QT_TRANSLATE_NOOP(CONTEXT, "contacts without a DMU role or influence"),
        ),
        (
            5,
            bool(in_dmu) and all(c.attitude is not None for c in in_dmu),
            QT_TRANSLATE_NOOP(CONTEXT, "attitude to us unknown for some DMU members"),
        ),
        (
            5,
            bool(decision_makers) and all(c.psychotype is not None for c in decision_makers),
            QT_TRANSLATE_NOOP(CONTEXT, "decision maker's psychotype unknown"),
        ),
        (10, facts.competitors > 0, QT_TRANSLATE_NOOP(CONTEXT, "no competitor recorded")),
        (
            5,
            facts.competitors_with_details > 0,
            QT_TRANSLATE_NOOP(CONTEXT, "competitors' products or terms not noted"),
        ),
    ]
    assert sum(weight for weight, _, _ in checks) == 100
    total = sum(weight for weight, ok, _ in checks if ok)
    return Completeness(total, [_m(text) for _, ok, text in checks if not ok])


def load_facts(store: Store, account_id: uuid.UUID) -> DossierFacts:
    from sqlalchemy import func, select

    from kamdesk.models import AccountCompetitor, AccountDossier, Contact, RelationshipEvent

    with store.session() as session:
        dossier = session.scalar(
            select(AccountDossier).where(AccountDossier.account_id == account_id)
        )
        events = session.scalar(
            select(func.count())
            .select_from(RelationshipEvent)
            .where(RelationshipEvent.account_id == account_id)
        )
        tenders = session.scalar(
            select(func.count())
            .select_from(RelationshipEvent)
            .where(
                RelationshipEvent.account_id == account_id,
                RelationshipEvent.tender_result.in_(
                    [TenderResult.WON, TenderResult.LOST, TenderResult.CANCELLED]
                ),
                RelationshipEvent.result_reason != "",
            )
        )
        contacts = session.scalars(select(Contact).where(Contact.account_id == account_id)).all()
        competitors = session.scalars(
            select(AccountCompetitor).where(AccountCompetitor.account_id == account_id)
        ).all()
        return DossierFacts(
            activity=dossier.activity if dossier else "",
            employees=dossier.employees if dossier else None,
            beds=dossier.beds if dossier else None,
            needs=dossier.needs if dossier else "",
            plans=dossier.plans if dossier else "",
            worries=dossier.worries if dossier else "",
            financials=dossier.financials if dossier else "",
            has_budget=bool(dossier and dossier.annual_budget),
            relationship_stage=dossier.relationship_stage if dossier else "",
            events=int(events or 0),
            tenders_with_outcome=int(tenders or 0),
            contacts=[
                ContactFacts(c.dmu_role, c.influence, c.attitude, c.psychotype) for c in contacts
            ],
            competitors=len(competitors),
            competitors_with_details=sum(1 for c in competitors if c.products or c.terms),
        )


def completeness(store: Store, account_id: uuid.UUID) -> Completeness:
    return score(load_facts(store, account_id))
