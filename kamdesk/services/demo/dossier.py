"""The dossier of each key account (field guide §3): general facts, stage, DMU, competitors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kamdesk.models import AccountKind, AccountStatus, ClientType, DmuRole
from kamdesk.services.demo.accounts import AccountPlan
from kamdesk.services.demo.common import Clock, DemoRandom, syncable
from kamdesk.services.demo.contacts import ContactRef
from kamdesk.services.demo.sales import SalesPlan
from kamdesk.services.demo.text import group_digits, plural, roubles, upper_first

ACTIVITY = {
    "multi": "Многопрофильный стационар на {beds} коек: хирургия, кардиология, неврология, "
    "реанимация; около {k} тыс. госпитализаций в год, поликлиника на {p} посещений в смену.",
    "onco": "Онкологический центр области: хирургия, противоопухолевая лекарственная терапия, "
    "радиология; {beds} коек, дневной стационар на {p} мест.",
    "cardio": "Кардиологический центр области: {beds} коек, рентгенэндоваскулярная хирургия, "
    "региональный сосудистый центр для {k} районов.",
    "perinatal": "Учреждение третьего уровня: около {k} тыс. родов в год, реанимация "
    "новорождённых, консультативно-диагностический центр.",
    "children": "Детский многопрофильный стационар на {beds} коек, хирургия и реанимация.",
    "rehab": "Медицинская реабилитация после инсультов и операций на сердце, {beds} коек.",
    "tb": "Противотуберкулёзная служба области, {beds} коек, длительные курсы антибактериальной "
    "терапии.",
    "derma": "Дерматологическая служба области, дневной стационар для генно-инженерной терапии.",
    "endo": "Региональный эндокринологический центр: школа диабета, помповая инсулинотерапия.",
    "polyclinic": "Городская поликлиника на {p} посещений в смену, дневной стационар.",
    "private": "Частная многопрофильная клиника: хирургия одного дня, диагностика, "
    "реабилитация; работает по ОМС и ДМС.",
}
NEEDS = {
    AccountKind.HOSPITAL: (
        "стабильные поставки без замен на аналоги", "обучение врачей и среднего персонала",
        "снижение стоимости курса терапии", "данные по фармакоэкономике для формулярной комиссии",
        "отсрочка платежа",
    ),
    AccountKind.PHARMACY_CHAIN: (
        "маркетинговая поддержка продаж", "обучение первостольников", "отсрочка платежа",
        "стабильные остатки у дистрибьюторов", "эксклюзивные условия на новинки",
    ),
    AccountKind.DISTRIBUTOR: (
        "широкий ассортимент у одного производителя", "товарный кредит под аукционы",
        "прозрачная программа бонусов за sell-out", "стабильные поставки на склад",
    ),
    AccountKind.HEALTH_AUTHORITY: (
        "исполнение региональной льготы без перебоев", "данные по фармакоэкономике",
        "снижение стоимости лечения на пациента", "образовательные программы для врачей",
    ),
    AccountKind.INSURANCE_FUND: (
        "стоимость случая лечения в пределах тарифа КСГ", "данные по исходам лечения",
        "снижение числа повторных госпитализаций", "соблюдение клинических рекомендаций",
    ),
    AccountKind.OTHER: (
        "образовательные программы", "экспертные данные и публикации",
        "поддержка научных мероприятий",
    ),
}  # fmt: skip
PLANS = {
    AccountKind.HOSPITAL: (
        "открытие отделения дневного стационара в следующем году",
        "участие в региональной программе борьбы с онкологическими заболеваниями",
        "аккредитация как центра клинических исследований",
        "переход на электронный документооборот с поставщиками",
    ),
    AccountKind.PHARMACY_CHAIN: (
        "открытие {n} новых аптек", "запуск интернет-витрины с самовывозом",
        "собственная торговая марка БАД",
    ),
    AccountKind.DISTRIBUTOR: (
        "строительство нового склада", "выход в соседние регионы",
        "расширение госпитального направления",
    ),
    AccountKind.HEALTH_AUTHORITY: (
        "расширение перечня региональной льготы в следующем году",
        "модернизация первичного звена и новые ФАПы",
        "централизация закупок через ГКУ «Центр организации закупок»",
    ),
    AccountKind.INSURANCE_FUND: (
        "пересмотр тарифного соглашения на следующий год",
        "тематическая экспертиза качества онкологической помощи",
        "рост объёмов лекарственной терапии в дневных стационарах",
    ),
    AccountKind.OTHER: ("региональная конференция в следующем году", "новые программы ДПО"),
}  # fmt: skip
WORRIES = (
    "бюджет на следующий год урезан на 8–10 %", "кадровый дефицит", "проверки контролирующих "
    "органов", "срывы поставок у прошлых поставщиков", "рост цен на импортные препараты",
    "падение выручки в аптеках у дома",
)  # fmt: skip
STAGES = {
    ClientType.BREADWINNER: ("Стратегическое партнёрство", "Удерживать: ежеквартальные "
                             "встречи с руководством, персональные условия."),
    ClientType.IMAGE_MAKER: ("Развитие сотрудничества", "Выстраивать экспертный диалог, "
                             "совместные конференции и публикации."),
    ClientType.EXPERT: ("Развитие сотрудничества", "Закрывать вопросы по качеству и сервису "
                        "быстрее конкурентов; готовить данные заранее."),
    ClientType.PROSPECT: ("Знакомство, квалификация", "Потенциал высокий: выйти на ЛПР, "
                          "предложить пилотную поставку."),
}  # fmt: skip
LOST_STAGE = ("Восстановление отношений", "Клиент ушёл к конкуренту: выяснить причину, "
              "предложить специальные условия и вернуть хотя бы часть объёма.")  # fmt: skip


@dataclass(frozen=True)
class DossierContext:
    account: AccountPlan
    sales: SalesPlan | None
    contacts: list[ContactRef]
    distributors: list[str]  # names of the territory's wholesalers


def dossier_rows(
    rng: DemoRandom, clock: Clock, items: list[DossierContext]
) -> Iterator[dict[str, Any]]:
    for item in items:
        yield _row(rng, clock, item)


def _general(rng: DemoRandom, item: DossierContext) -> dict[str, Any]:
    account = item.account
    beds = account.beds
    kind = account.kind
    if kind == AccountKind.HOSPITAL:
        activity = ACTIVITY[account.specialty].format(
            beds=beds or rng.randint(40, 200), k=rng.randint(8, 40), p=rng.randint(150, 900)
        )
        employees = round((beds or 60) * rng.uniform(2.0, 3.2))
        environment = (
            "Подведомственно Министерству здравоохранения Тверской области; крупные закупки "
            "через ГКУ «Центр организации закупок»."
            if account.specialty != "private"
            else "Учредители — частные инвесторы из Москвы; партнёр по ДМС — крупная страховая."
        )
    elif kind == AccountKind.PHARMACY_CHAIN:
        count = len(account.children)
        activity = (
            f"Региональная аптечная сеть: {count} аптек в Тверской области, формат «у дома» и "
            "аптеки при поликлиниках; собственный распределительный центр."
        )
        employees = count * rng.randint(4, 7) + rng.randint(20, 60)
        environment = (
            "Входит в маркетинговый союз региональных сетей; работает с 3–4 дистрибьюторами."
        )
    elif kind == AccountKind.DISTRIBUTOR:
        activity = (
            f"Региональный дистрибьютор: склад {group_digits(rng.randint(2, 12) * 1000)} м² в "
            f"Твери, ежедневная доставка по области, около {rng.randint(300, 1500)} клиентов."
        )
        employees = rng.randint(80, 600)
        environment = "Участвует в госпитальных тендерах области, партнёр по программе ОНЛС."
    elif kind == AccountKind.HEALTH_AUTHORITY:
        activity = (
            "Орган исполнительной власти области в сфере охраны здоровья: региональная льгота, "
            "госпрограмма развития здравоохранения, закупки для подведомственных учреждений."
        )
        employees = rng.randint(90, 140)
        environment = "Подчиняется Правительству Тверской области; взаимодействует с ТФОМС."
    elif kind == AccountKind.INSURANCE_FUND:
        activity = (
            "Территориальный фонд ОМС: финансирует территориальную программу обязательного "
            "медицинского страхования, ведёт тарифное соглашение и контроль объёмов и качества "
            "медицинской помощи; сам лекарства не закупает."
        )
        employees = rng.randint(120, 220)
        environment = (
            "Подчиняется Федеральному фонду ОМС; тарифы согласует с Министерством "
            "здравоохранения Тверской области и страховыми медицинскими организациями."
        )
    else:
        activity = "Организация системы здравоохранения области: экспертиза, обучение, аналитика."
        employees = rng.randint(50, 900)
        environment = "Партнёр Министерства здравоохранения Тверской области."
    return {"activity": activity, "employees": employees, "environment": environment}


def _financials(account: AccountPlan, budget: Decimal) -> str:
    if account.kind == AccountKind.INSURANCE_FUND:
        return f"Бюджет территориальной программы ОМС — около {roubles(budget * 100)} в год."
    return f"Закупки лекарственных препаратов — около {roubles(budget)} в год."


def _person_named(contacts: list[ContactRef], role: DmuRole) -> str:
    for contact in contacts:
        if contact.role.dmu == role:
            position = contact.position[:1].lower() + contact.position[1:]
            return f"{contact.person.initials} ({position})"
    return ""


def _row(rng: DemoRandom, clock: Clock, item: DossierContext) -> dict[str, Any]:
    account, sales = item.account, item.sales
    volume = sales.volume if sales else rng.uniform(2e6, 2e7)
    budget = Decimal(round(volume * rng.uniform(4, 9), -3))
    founded = rng.randint(1950, 2012)
    stage, outlook = STAGES[account.client_type or ClientType.PROSPECT]
    if account.status in (AccountStatus.LOST, AccountStatus.WIN_BACK):
        stage, outlook = LOST_STAGE
    decision_maker = _person_named(item.contacts, DmuRole.DECISION_MAKER)
    approver = _person_named(item.contacts, DmuRole.APPROVER)
    dmu = "; ".join(
        part
        for part in (
            f"Решение принимает {decision_maker}" if decision_maker else "",
            f"согласует бюджет {approver}" if approver else "",
            "технические требования готовят клинический фармаколог и заведующие отделениями"
            if account.kind == AccountKind.HOSPITAL
            else "",
        )
        if part
    )
    supplier = ", ".join(rng.sample(item.distributors, min(2, len(item.distributors))))
    written = clock.between(rng, account.created_at, clock.now)
    return {
        **syncable(rng.uuid(), written, clock.between(rng, written, clock.now)),
        "account_id": account.id,
        **_general(rng, item),
        "beds": account.beds if account.kind == AccountKind.HOSPITAL else None,
        "history": f"Основано в {founded} г.; последняя крупная реорганизация — "
        f"{rng.randint(max(founded + 5, 2005), clock.today.year - 1)} г.",
        "structure": f"{(units := rng.randint(4, 25))} "
        f"{plural(units, 'подразделение', 'подразделения', 'подразделений')}; руководитель — "
        f"{decision_maker or 'уточнить'}.",
        "financials": _financials(account, budget),
        "annual_budget": budget,
        "needs": upper_first("; ".join(rng.sample(NEEDS[account.kind], 2))) + ".",
        "plans": upper_first(rng.pick(PLANS[account.kind]).format(n=rng.randint(3, 15))) + ".",
        "worries": upper_first("; ".join(rng.sample(WORRIES, 2))) + ".",
        "general_notes": "",
        "relationship_stage": stage,
        "relationship_outlook": outlook,
        "history_notes": f"Работаем с {account.created_at.year} г.; поставки через {supplier}."
        if supplier
        else "",
        "dmu_notes": (dmu + ".") if dmu else "",
        "competitors_notes": "См. раздел «Конкуренты»; конкуренты активны в тендерах.",
    }
