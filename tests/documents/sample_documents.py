"""Small documents as plain data, for the builders' tests: an offer and a manager's report."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime
from decimal import Decimal

from kamdesk.documents.offer_document import (
    DocLine,
    DocReader,
    DocSupplier,
    DocTeamMember,
    DocTotals,
    OfferDocument,
)
from kamdesk.services.visits.export import (
    ExportAttendee,
    ExportFilter,
    ExportRow,
    ExportStep,
    Kpis,
    ManagerExport,
)
from kamdesk.vocabulary import AccountKind, DmuRole, Sentiment, VisitStatus

D = Decimal


def offer_document() -> OfferDocument:
    line = DocLine(1, "Кардиомагнил", "KM-75", 3, D("10"), D("0"), D("10"), D("30"), D("10"),
                   D("3"), D("33"))  # fmt: skip
    return OfferDocument(
        number="КП-2026-7FK-0042",
        edition=2,
        offer_date=date(2026, 3, 2),
        valid_until=date(2026, 4, 1),
        supplier=DocSupplier("АО «Север»", "7701234560", "770101001", "Москва", "+7", "a@b.ru",
                             "Сбербанк", "044525225", "40702810938000012345",
                             "30101810400000000225", "", "Орлова Е. В.", "Менеджер"),
        client_name="ГКБ № 7",
        client_address="Москва",
        lines=[line, dataclasses.replace(line, position=2)],
        totals=DocTotals(D("60"), D("0"), D("60"), D("6"), D("66"), ((D("10"), D("6")),),
                         "шестьдесят шесть рублей"),
        readers=[DocReader("Смирнов Андрей Петрович", "Главный врач", "Андрей Петрович",
                           "Экономия")],
        benefit="Выгода",
        exclusivity="Эксклюзив",
        delivery_terms="Доставка",
        payment_terms="Оплата",
        team=[DocTeamMember("Орлова Елена", "КАМ", "+7 916")],
    )  # fmt: skip


def manager_export() -> ManagerExport:
    row = ExportRow(
        visit_id=uuid.uuid4(),
        starts_at=datetime(2026, 5, 12, 10),
        duration_min=60,
        account_name="ГКБ № 1",
        account_kind=AccountKind.HOSPITAL,
        city="Москва",
        status=VisitStatus.DONE,
        is_commercial=True,
        objective="Формуляр",
        attendees=(ExportAttendee("Иванов Пётр", "Главный врач", DmuRole.DECISION_MAKER, True),),
        actual_start=datetime(2026, 5, 12, 10, 5),
        actual_duration_min=50,
        objective_reached=True,
        outcome="Заявка",
        agreements="Договорились",
        objections_heard="Дорого",
        products_discussed=("Цефтриаксон",),
        questions_asked="Сроки",
        next_steps=(ExportStep("Отправить КП", date(2026, 5, 14), False),),
        sentiment=Sentiment.POSITIVE,
        submitted_at=datetime(2026, 5, 12, 19),
        addenda=("12.05.2026: дополнение",),
        cancel_reason="",
    )
    kpis = Kpis(4, 2, 1, 1, 2, 3, 1, 1, 1, 2, 1, 1, 0)
    return ManagerExport(ExportFilter(date(2026, 5, 1), date(2026, 5, 31)), [row, row], kpis)
