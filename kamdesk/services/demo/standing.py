"""Where each account stands: client type, status and the three-P qualification.

Statuses are set exactly as `classification.status_for` would set them from the
planned sales, so the recompute that follows the build finds nothing to change
and the baseline leaves the change log empty.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from kamdesk.models import AccountKind, AccountStatus, ClientType
from kamdesk.services.classification import status_for
from kamdesk.services.demo.accounts import AccountPlan
from kamdesk.services.demo.common import Clock, DemoRandom
from kamdesk.services.demo.sales import SalesPlan
from kamdesk.services.settings import AnalyticsSettings

NEED_NOTES = {
    AccountKind.HOSPITAL: (
        "Около {patients} пациентов в год нуждаются в терапии по нашим МНН; заявка на следующий "
        "год формируется в сентябре.",
        "Открыли новое отделение на {beds} коек: нужны антибиотики резерва и анестетики.",
        "Потребность подтверждена заведующими отделениями; часть объёма закрывает конкурент.",
    ),
    AccountKind.PHARMACY_CHAIN: (
        "В матрице сети нет дженерика в группе статинов и ДПП-4; покупатели спрашивают.",
        "Сеть расширяется: {beds} новых аптек в этом году, ищет поставщиков с маркетинговой "
        "поддержкой.",
    ),
    AccountKind.DISTRIBUTOR: (
        "Обслуживает госпитальные тендеры региона, нужен широкий госпитальный портфель.",
        "Закрывает аптечный сегмент области; нужна стабильная поставка без дефектуры.",
    ),
    AccountKind.HEALTH_AUTHORITY: (
        "Региональная льгота: около {patients} пациентов на инсулинах и онкологических препаратах.",
    ),
    AccountKind.OTHER: ("Интерес к образовательным программам и клиническим исследованиям.",),
}
PAY_NOTES = (
    "Финансирование ОМС и областной бюджет; платежи в срок, отсрочка 60 дней соблюдается.",
    "Платёжная дисциплина хорошая, дебиторка в пределах лимита.",
    "Бюджет утверждён на год, крупные закупки через аукционы на ЕИС.",
    "Бывают задержки оплаты на 2–3 недели в конце года.",
)
NO_PAY_NOTES = (
    "Бюджет на текущий год исчерпан, разговор о закупке — с января.",
    "Финансовое положение неясно: проверить отчётность и исполнение прошлых контрактов.",
)
AUTHORITY_NOTES = {
    AccountKind.HOSPITAL: (
        "Решение принимает главный врач по заявке заведующих; формулярная комиссия — раз в "
        "квартал.",
        "Заявку формирует заместитель по лечебной работе, бюджет согласует заместитель по "
        "экономике.",
    ),
    AccountKind.PHARMACY_CHAIN: (
        "ЛПР — коммерческий директор; категорийный менеджер готовит предложение.",
        "Подпись за финансовым директором, но инициатива у начальника отдела закупок.",
    ),
    AccountKind.DISTRIBUTOR: (
        "Решения по ассортименту и условиям — директор по закупкам, договор подписывает "
        "генеральный директор.",
    ),
    AccountKind.HEALTH_AUTHORITY: (
        "Перечень льготы утверждает министр по представлению отдела лекарственного обеспечения "
        "и главных специалистов.",
    ),
    AccountKind.OTHER: ("Решение принимает руководитель организации.",),
}
NO_AUTHORITY_NOTES = {
    AccountKind.HOSPITAL: "Общаемся с заведующим отделением, выход на главврача пока не найден.",
    AccountKind.PHARMACY_CHAIN: "Контакт только с категорийным менеджером; ЛПР в управляющей "
    "компании в Москве.",
    AccountKind.DISTRIBUTOR: "Контакт на уровне менеджера по работе с производителями.",
    AccountKind.HEALTH_AUTHORITY: "Пока только консультант отдела; нужна встреча с начальником.",
    AccountKind.OTHER: "Руководитель пока не знает о нас.",
}


def assign_standing(
    rng: DemoRandom,
    clock: Clock,
    accounts: list[AccountPlan],
    sales: list[SalesPlan],
    settings: AnalyticsSettings,
) -> None:
    by_account = {plan.account.id: plan for plan in sales}
    shares = _volume_shares(sales)
    for account in accounts:
        plan = by_account.get(account.id)
        account.status = _status(rng, clock, plan, settings)
        if account.is_key:
            account.client_type = _client_type(rng, account, plan, shares.get(account.id, 0.0))
        if not account.is_pharmacy:
            account.qualification = _qualification(rng, account, plan)
        elif plan is not None:
            account.qualification = {"need": (True, ""), "pay": (True, ""), "authority": (True, "")}
    for account in accounts:
        parent = account.parent
        if account.is_pharmacy and account.id not in by_account and parent is not None:
            # Supplied through the head office: the pharmacy shares the chain's standing.
            account.status = parent.status
            account.qualification = {
                "need": (True, ""),
                "pay": (True, ""),
                "authority": (False, "Закупки ведёт офис сети."),
            }


def _status(
    rng: DemoRandom, clock: Clock, plan: SalesPlan | None, settings: AnalyticsSettings
) -> AccountStatus:
    if plan is None:
        return AccountStatus.PROSPECT
    chosen = AccountStatus.ACTIVE
    if plan.lifecycle == "lapsed" and rng.chance(0.35):
        chosen = AccountStatus.WIN_BACK  # the KAM decided to win it back
    return status_for(chosen, clock.months[plan.last], clock.today, settings)


def _volume_shares(sales: list[SalesPlan]) -> dict[uuid.UUID, float]:
    """Each buying account's share of its KAM's yearly volume, a chain's pharmacies
    counted to the chain (as kamdesk.services.key_clients judges it)."""
    volume: dict[uuid.UUID, float] = defaultdict(float)
    portfolio: dict[uuid.UUID, float] = defaultdict(float)
    for plan in sales:
        account = plan.account
        parent = account.parent
        client = parent if account.is_pharmacy and parent is not None else account
        volume[client.id] += plan.volume
        portfolio[client.owner_id] += plan.volume
    owners = {plan.account.id: plan.account.owner_id for plan in sales}
    owners.update(
        {p.account.parent.id: p.account.owner_id for p in sales if p.account.parent is not None}
    )
    return {
        account_id: amount / portfolio[owners[account_id]]
        for account_id, amount in volume.items()
        if portfolio[owners[account_id]]
    }


def _client_type(
    rng: DemoRandom, account: AccountPlan, plan: SalesPlan | None, share: float
) -> ClientType:
    """A Кормилец brings 10 %+ of its KAM's sales (field guide §2): only such accounts
    are given that type; the others are experts, image-makers or prospects."""
    if plan is None or plan.lifecycle == "new":
        return ClientType.PROSPECT
    if account.kind == AccountKind.HEALTH_AUTHORITY or (account.flagship and plan.rank > 0.1):
        return ClientType.IMAGE_MAKER
    if share >= 0.12:  # planned volume: a margin over 10 % for the trend and the lapses
        return ClientType.BREADWINNER
    return rng.pick(
        (ClientType.EXPERT, ClientType.IMAGE_MAKER, ClientType.PROSPECT), (0.55, 0.25, 0.2)
    )


def _qualification(
    rng: DemoRandom, account: AccountPlan, plan: SalesPlan | None
) -> dict[str, tuple[bool, str]]:
    buying = plan is not None
    need = buying or rng.chance(0.8)
    pay = buying or rng.chance(0.6)
    authority = (buying and rng.chance(0.9)) or rng.chance(0.35)
    if not (account.is_key or not buying):
        return {"need": (need, ""), "pay": (pay, ""), "authority": (authority, "")}
    patients = int(round((account.beds or rng.randint(40, 400)) * rng.uniform(0.5, 2.0), -1))
    template = rng.pick(NEED_NOTES[account.kind])
    need_note = template.format(patients=patients, beds=rng.randint(3, 12) * 5) if need else ""
    authority_note = (
        rng.pick(AUTHORITY_NOTES[account.kind]) if authority else NO_AUTHORITY_NOTES[account.kind]
    )
    return {
        "need": (need, need_note),
        "pay": (pay, rng.pick(PAY_NOTES if pay else NO_PAY_NOTES)),
        "authority": (authority, authority_note),
    }
