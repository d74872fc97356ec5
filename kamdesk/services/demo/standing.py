"""Where each account stands: client type, status, the three-P qualification, the
KAM's key-client choice and, for the lost, why and how to win them back.

Statuses are set exactly as `classification.status_for` would set them from the
planned sales, so the recompute that follows the build finds nothing to change
and the baseline leaves the change log empty.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, update

from kamdesk.models import Account, AccountKind, AccountStatus, ClientType
from kamdesk.models.enums import LossReason
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
    AccountKind.INSURANCE_FUND: (
        "Около {patients} пациентов в год получают противоопухолевую терапию по КСГ; фонду "
        "важна стоимость случая лечения.",
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
    AccountKind.INSURANCE_FUND: (
        "Тарифы утверждает комиссия по разработке территориальной программы ОМС; фонд "
        "готовит расчёты и проводит экспертизу качества.",
    ),
    AccountKind.OTHER: ("Решение принимает руководитель организации.",),
}
NO_AUTHORITY_NOTES = {
    AccountKind.HOSPITAL: "Общаемся с заведующим отделением, выход на главврача пока не найден.",
    AccountKind.PHARMACY_CHAIN: "Контакт только с категорийным менеджером; ЛПР в управляющей "
    "компании в Москве.",
    AccountKind.DISTRIBUTOR: "Контакт на уровне менеджера по работе с производителями.",
    AccountKind.HEALTH_AUTHORITY: "Пока только консультант отдела; нужна встреча с начальником.",
    AccountKind.INSURANCE_FUND: "Знакомы только со специалистом отдела экспертизы; нужна "
    "встреча с заместителем директора.",
    AccountKind.OTHER: "Руководитель пока не знает о нас.",
}
# Why a lost client left and what the KAM means to do about it (field guide §2).
LOSSES = {
    LossReason.SERVICE: (
        "Дважды не ответили на заявку вовремя, склад ждал подтверждения неделю.",
        "Персональный менеджер на заявках, ответ в тот же день; встреча с руководством.",
    ),
    LossReason.QUALITY: (
        "Претензия к партии: помятые упаковки и короткий срок годности.",
        "Замена партии за наш счёт, акт разбора претензии, контроль следующих поставок.",
    ),
    LossReason.BROKEN_PROMISES: (
        "Сорвали сроки поставки по контракту, клиент платил неустойку.",
        "Резервный запас на складе дистрибьютора и специальная цена на возобновление.",
    ),
    LossReason.OPINION_IGNORED: (
        "Просили другую фасовку — предложение не услышали, ушли к конкуренту.",
        "Показать новую фасовку, пригласить на круглый стол, обсудить условия лично.",
    ),
    LossReason.FORGOTTEN: (
        "Полгода не было визитов и звонков: клиента перехватил конкурент.",
        "Звонок и визит к ЛПР, пробная поставка со скидкой, ежемесячные контакты.",
    ),
}
KEY_SHARE = 0.10  # key by definition (kamdesk.services.key_clients)
HOPEFUL_SHARE = 0.03
# The one account the KAM calls key against the figures: a lesson for the card.
HOPEFUL = "Надежда на рост: главврач обещал формулярную комиссию, но закупки пока малы."


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
        account.status = _status(rng, clock, account, plan, settings)
        account.share = shares.get(account.id, 0.0)
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
    _choose_key_clients(accounts, by_account)
    for account in accounts:
        if account.status in (AccountStatus.LOST, AccountStatus.WIN_BACK):
            parent = account.parent
            if account.is_pharmacy and parent is not None and parent.loss_reason is not None:
                account.loss_reason, account.loss_note = parent.loss_reason, parent.loss_note
                account.win_back_means = parent.win_back_means
                continue
            account.loss_reason = rng.pick(tuple(LOSSES))
            account.loss_note, account.win_back_means = LOSSES[account.loss_reason]


def _choose_key_clients(
    accounts: list[AccountPlan], by_account: dict[uuid.UUID, SalesPlan]
) -> None:
    """Each KAM marks as key the accounts that bring 10 %+ of their sales by the figures
    (planned at 12 %+, a margin for the trend) and says no to the other buyers of a
    key-client type. The one contradiction the demo teaches with: the hospital KAM
    also calls key one small hospital (under 3 % of their sales) out of hope."""
    hopeful: list[AccountPlan] = []
    for account in accounts:
        if account.is_pharmacy:
            continue
        if account.share >= 0.12 and account.status != AccountStatus.LOST:
            account.key_client = True
        elif account.client_type is not None and account.id in by_account:
            account.key_client = False
        if (
            account.kind == AccountKind.HOSPITAL
            and account.key_client is None
            and account.id in by_account
            and 0 < account.share < HOPEFUL_SHARE
            and not hopeful
        ):
            hopeful.append(account)
    for account in hopeful:
        account.key_client = True
        account.qualification = {**account.qualification, "need": (True, HOPEFUL)}


def settle_key_clients(
    connection: Connection, accounts: list[AccountPlan], revenue: dict[uuid.UUID, float]
) -> None:
    """Check the plan against the sales actually written (`revenue`: each account's
    sales in the analysis window): a Кормилец or a key-client choice whose account
    brings under 10 % of its KAM's sales after all (a tender month missed, a trend) is
    taken back, one that brings 10 % is marked key; the hopeful contradiction stays."""
    volume: dict[uuid.UUID, float] = defaultdict(float)
    portfolio: dict[uuid.UUID, float] = defaultdict(float)
    for account in accounts:
        amount = revenue.get(account.id, 0.0)
        parent = account.parent
        client = parent if account.is_pharmacy and parent is not None else account
        volume[client.id] += amount
        portfolio[client.owner_id] += amount
    for account in accounts:
        if account.is_pharmacy or not portfolio[account.owner_id]:
            continue
        share = volume[account.id] / portfolio[account.owner_id]
        changes: dict[str, Any] = {}
        if account.client_type == ClientType.BREADWINNER and share < KEY_SHARE:
            changes["client_type"] = ClientType.EXPERT
        hopeful = account.key_client is True and account.share < HOPEFUL_SHARE
        if account.key_client is True and not hopeful and share < KEY_SHARE:
            changes["key_client"] = False
        elif (
            account.key_client is not True
            and share >= KEY_SHARE
            and account.status != AccountStatus.LOST
        ):
            changes["key_client"] = True
        if changes:
            for name, value in changes.items():
                setattr(account, name, value)
            connection.execute(update(Account).where(Account.id == account.id).values(**changes))


def _status(
    rng: DemoRandom,
    clock: Clock,
    account: AccountPlan,
    plan: SalesPlan | None,
    settings: AnalyticsSettings,
) -> AccountStatus:
    if plan is None:
        return AccountStatus.PROSPECT
    chosen = AccountStatus.ACTIVE
    if plan.lifecycle == "lapsed" and rng.chance(0.35):
        chosen = AccountStatus.WIN_BACK  # the KAM decided to win it back
    return status_for(chosen, clock.months[plan.last], clock.today, settings, account.kind)


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
    if account.kind in (AccountKind.HEALTH_AUTHORITY, AccountKind.INSURANCE_FUND):
        return ClientType.IMAGE_MAKER  # they shape the region's market: lists, tariffs
    if plan is None or plan.lifecycle == "new":
        return ClientType.PROSPECT
    if account.flagship and plan.rank > 0.1:
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
