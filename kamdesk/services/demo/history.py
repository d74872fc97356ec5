"""Relationship history (deliveries, tenders, agreements, complaints) and competitors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from kamdesk.models import AccountKind, RelationshipEventKind, TenderResult
from kamdesk.services.demo.catalog import ProductRef
from kamdesk.services.demo.catalog_data import COMPETITORS_BY_GROUP
from kamdesk.services.demo.common import Clock, DemoRandom, add_months, syncable
from kamdesk.services.demo.dossier import DossierContext

WON = (
    "Наша цена ниже на {p} %; регистрационное удостоверение и остатки подтвердили заранее.",
    "Единственный участник, выполнивший требования техзадания по сроку годности.",
    "Техзадание согласовали с клиническим фармакологом за полгода до аукциона.",
)
LOST = (
    "{c} снизил цену на {p} % в ходе аукциона.",
    "Заявка отклонена: не приложили актуальную редакцию РУ.",
    "Техзадание написано под препарат {c} (объём флакона).",
    "Дистрибьютор-партнёр не успел подать заявку в срок.",
)
CANCELLED = (
    "Аукцион отменён заказчиком: изменилась потребность.",
    "Закупка приостановлена по жалобе участника в ФАС.",
)
REASONS = {TenderResult.WON: WON, TenderResult.LOST: LOST, TenderResult.CANCELLED: CANCELLED}
AGREEMENTS = (
    "Договор о маркетинговом сотрудничестве на {y} г.",
    "Соглашение о ретро-бонусе 3 % при выполнении годового плана",
    "Включение препарата «{t}» в формуляр учреждения",
    "Ввод {n} SKU в ассортиментную матрицу",
    "Договор поставки с отсрочкой платежа 60 дней",
    "Соглашение о проведении образовательных мероприятий для врачей",
)
COMPLAINTS = (
    ("задержка поставки на {n} дней", "Поставку довезли отдельным рейсом, клиенту дали скидку 2 % "
     "на следующую партию."),
    ("повреждённая упаковка в партии препарата «{t}»", "Партию заменили за 3 дня, провели разбор с "
     "дистрибьютором."),
    ("расхождение в счёте-фактуре", "Выставили корректировочный счёт-фактуру."),
    ("недопоставка двух позиций по заявке", "Допоставили через резерв склада в Твери."),
    ("представитель не пришёл на согласованную встречу", "Извинились лично, встречу перенесли "
     "на удобное клиенту время."),
)  # fmt: skip
NOTES = (
    "Смена руководителя: новый ЛПР, нужно заново выстраивать отношения.",
    "Встреча на региональной конференции, обсудили планы на следующий год.",
    "Клиент запросил данные по фармакоэкономике для формулярной комиссии.",
    "Отделение переехало в новый корпус, меняется логистика поставок.",
)
# The insurance fund buys nothing: its history is meetings and working groups.
FUND_NOTES = (
    "Рабочая группа по тарифам: представили расчёт стоимости случая лечения по КСГ.",
    "Круглый стол с фондом и главными специалистами по экспертизе качества онкологической помощи.",
    "Фонд запросил данные о снижении повторных госпитализаций на нашей терапии.",
    "Новый заместитель директора по организации ОМС: знакомство, передали материалы.",
)
TERMS = (
    "отсрочка платежа 90 дней", "ретро-бонус 5 % при выполнении плана",
    "скидка 7 % при закупке от 500 упаковок", "бесплатное обучение персонала и образцы",
    "маркетинговый бюджет на выкладку", "поставка за 24 часа со своего склада",
)  # fmt: skip
STRENGTHS = (
    "давние личные отношения с руководством", "низкая цена в аукционах",
    "широкий портфель у одного поставщика", "сильная медицинская поддержка (МСЛ)",
    "бренд, который врачи знают со студенчества",
)  # fmt: skip


def _products_for(item: DossierContext, products: list[ProductRef]) -> list[ProductRef]:
    if item.sales is not None and item.sales.lines:
        return [product for product, _ in item.sales.lines]
    return [p for p in products if p.spec.segments & item.account.segments] or products


def event_rows(
    rng: DemoRandom, clock: Clock, items: list[DossierContext], products: list[ProductRef]
) -> Iterator[dict[str, Any]]:
    for item in items:
        ours = _products_for(item, products)
        start = max(item.account.created_at.date(), clock.months[0])
        if item.account.is_key:
            for _ in range(rng.randint(3, 8)):
                day = start + timedelta(days=rng.randint(0, max(0, (clock.today - start).days - 2)))
                yield _event(rng, clock, item, ours, day, rng.pick(_KINDS, _weights(item)))
        if item.sales is not None and item.sales.lifecycle in ("lapsed", "slowing"):
            # Why the account went quiet: a lost tender or a complaint handled badly.
            stopped = add_months(clock.months[item.sales.last], 1) + timedelta(
                days=rng.randint(0, 20)
            )
            kind = (
                RelationshipEventKind.TENDER if rng.chance(0.5) else RelationshipEventKind.COMPLAINT
            )
            yield _event(rng, clock, item, ours, min(stopped, clock.today), kind, lost=True)


_KINDS = tuple(RelationshipEventKind)


def _weights(item: DossierContext) -> list[float]:
    if item.account.kind == AccountKind.INSURANCE_FUND:
        return [0.0, 0.0, 0.0, 0.0, 1.0]  # no deliveries, tenders or contracts: meetings
    tenders = item.account.kind in (AccountKind.HOSPITAL, AccountKind.HEALTH_AUTHORITY,
                                    AccountKind.DISTRIBUTOR)  # fmt: skip
    # delivery, tender, agreement, complaint, note
    return [0.35, 0.25 if tenders else 0.0, 0.2, 0.1, 0.1]


def _event(
    rng: DemoRandom,
    clock: Clock,
    item: DossierContext,
    ours: list[ProductRef],
    day: date,
    kind: RelationshipEventKind,
    lost: bool = False,
) -> dict[str, Any]:
    product = rng.pick(ours)
    competitor = rng.pick(COMPETITORS_BY_GROUP[product.spec.group])
    row: dict[str, Any] = {
        **syncable(rng.uuid(), min(clock.moment(day, 18), clock.now)),
        "account_id": item.account.id,
        "kind": kind,
        "occurred_on": day,
        "subject": "",
        "description": "",
        "amount": None,
        "tender_number": "",
        "tender_result": None,
        "result_reason": "",
        "resolution": "",
        "resolved_on": None,
    }
    price = product.price_on(day)
    if kind == RelationshipEventKind.DELIVERY:
        quantity = rng.randint(5, 400)
        row["subject"] = f"Поставка: {product.spec.trade_name}, {quantity} уп."
        row["description"] = (
            f"Поставка через дистрибьютора, накладная № {rng.randint(1000, 99999)}."
        )
        row["amount"] = Decimal(quantity) * price
    elif kind == RelationshipEventKind.TENDER:
        quantity = rng.randint(50, 3000)
        row["subject"] = f"Аукцион: {product.spec.inn_name}, {quantity} уп."
        row["tender_number"] = f"0136200003{day.year % 100:02d}{rng.randint(1, 999999):07d}"
        row["amount"] = Decimal(quantity) * price
        recent = (clock.today - day).days < 45
        result = TenderResult.LOST if lost else rng.pick(
            (TenderResult.WON, TenderResult.LOST, TenderResult.CANCELLED, TenderResult.PENDING),
            (0.5, 0.3, 0.1, 0.1 if recent else 0.0),
        )  # fmt: skip
        row["tender_result"] = result
        reasons = REASONS.get(result, ("Итоги ещё не подведены.",))
        row["result_reason"] = rng.pick(reasons).format(c=competitor, p=rng.randint(3, 22))
    elif kind == RelationshipEventKind.AGREEMENT:
        row["subject"] = rng.pick(AGREEMENTS).format(
            y=day.year + (1 if day.month > 10 else 0),
            t=product.spec.trade_name,
            n=rng.randint(2, 6),
        )
        row["description"] = "Подписано обеими сторонами, скан в папке клиента."
    elif kind == RelationshipEventKind.COMPLAINT:
        problem, resolution = rng.pick(COMPLAINTS)
        row["subject"] = "Жалоба: " + problem.format(
            n=rng.randint(3, 14), t=product.spec.trade_name
        )
        row["description"] = "Клиент сообщил по телефону, затем письмом."
        resolved = day + timedelta(days=rng.randint(2, 20))
        if lost:
            row["resolution"] = "Решили с опозданием; клиент перешёл к конкуренту."
            row["resolved_on"] = min(resolved, clock.today)
        elif resolved < clock.today:
            row["resolution"], row["resolved_on"] = resolution, resolved
    else:
        fund = item.account.kind == AccountKind.INSURANCE_FUND
        row["subject"] = rng.pick(FUND_NOTES if fund else NOTES)
    return row


def competitor_rows(
    rng: DemoRandom, clock: Clock, items: list[DossierContext], products: list[ProductRef]
) -> Iterator[dict[str, Any]]:
    for item in items:
        ours = _products_for(item, products)
        lapsed = item.sales is not None and item.sales.lifecycle == "lapsed"
        count = rng.randint(1, 3) if item.account.is_key else (1 if lapsed else 0)
        groups = sorted({product.spec.group for product in ours})
        seen: set[str] = set()
        for _ in range(count):
            group = rng.pick(groups)
            company = rng.pick(COMPETITORS_BY_GROUP[group])
            if company in seen:
                continue
            seen.add(company)
            inns = sorted({p.spec.inn_name for p in ours if p.spec.group == group})
            named = ", ".join(rng.sample(inns, min(2, len(inns))))
            yield {
                **syncable(rng.uuid(), clock.past_moment(rng, 10, 700)),
                "account_id": item.account.id,
                "company": company,
                "products": f"{named} ({company})",
                "terms": rng.pick(TERMS),
                "strength": rng.pick(STRENGTHS),
                "notes": "Забрал основной объём после нашего ухода." if lapsed else "",
                "observed_at": clock.past_moment(rng, 5, 400),
            }
