"""Dossier completeness on hand-built dossiers."""

from __future__ import annotations

from datetime import date

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountDossier,
    AccountKind,
    Attitude,
    Contact,
    DmuRole,
    Psychotype,
    RelationshipEvent,
    RelationshipEventKind,
    TenderResult,
)
from kamdesk.services.dossier import ContactFacts, DossierFacts, completeness, score
from kamdesk.store import Store


def _missing(facts: DossierFacts) -> set[str]:
    return {str(message) for message in score(facts).missing}


def test_an_empty_dossier_scores_zero_and_names_the_gaps() -> None:
    result = score(DossierFacts())
    assert result.score == 0
    assert {"no decision maker", "no competitor recorded", "history has no tender outcome"} <= {
        str(m) for m in result.missing
    }


def test_a_complete_dossier_scores_one_hundred() -> None:
    facts = DossierFacts(
        activity="Многопрофильный стационар на 600 коек",
        beds=600,
        needs="Снизить расходы на антибиотики резерва",
        plans="Открытие сосудистого центра в 2027 году",
        worries="Дефицит бюджета ОМС",
        financials="Бюджет на лекарства 480 млн ₽",
        relationship_stage="Партнёрство",
        events=4,
        tenders_with_outcome=1,
        contacts=[
            ContactFacts(DmuRole.DECISION_MAKER, 5, Attitude.SUPPORTER, Psychotype.DIRECTIVE),
            ContactFacts(DmuRole.APPROVER, 4, Attitude.NEUTRAL, None),
        ],
        competitors=2,
        competitors_with_details=1,
    )
    assert score(facts).score == 100
    assert score(facts).missing == []


def test_each_gap_costs_its_weight() -> None:
    only_dmu = DossierFacts(
        contacts=[ContactFacts(DmuRole.DECISION_MAKER, 5, Attitude.SUPPORTER, None)]
    )
    # decision maker 10 + every contact has role and influence 5 + attitudes 5
    assert score(only_dmu).score == 20
    assert "decision maker's psychotype unknown" in _missing(only_dmu)
    assert "no finance contact" in _missing(only_dmu)


def test_a_tender_without_a_reason_does_not_count_as_an_outcome(store: Store) -> None:
    with store.transaction() as session:
        account = Account(name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL)
        session.add(account)
        session.flush()
        session.add(
            RelationshipEvent(
                account_id=account.id,
                kind=RelationshipEventKind.TENDER,
                occurred_on=date(2026, 3, 1),
                subject="Аукцион на цефтриаксон",
                tender_result=TenderResult.LOST,
            )
        )
    assert "history has no tender outcome" in {
        str(m) for m in completeness(store, account.id).missing
    }
    with store.transaction() as session:
        event = session.query(RelationshipEvent).one()
        event.result_reason = "Цена дистрибьютора выше на 7 %"
        session.add(AccountDossier(account_id=account.id, needs="Антибиотики резерва"))
        session.add(
            AccountCompetitor(account_id=account.id, company="Сандоз", terms="отсрочка 90 дней")
        )
        session.add(
            Contact(account_id=account.id, surname="Орлов", dmu_role=DmuRole.APPROVER, influence=3)
        )
    result = completeness(store, account.id)
    # history event 10 + tender 10 + needs 8 + competitor 10 + details 5 + finance 5 + roles 5
    assert result.score == 53
    assert "no decision maker" in {str(m) for m in result.missing}
