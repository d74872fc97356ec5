"""Personal details («личное») of contacts who consented to their processing (152-ФЗ).

Only contacts with consent get a row; some birthdays fall in the coming weeks so
the reminders have something to show.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from kamdesk.models import AccountKind
from kamdesk.services.demo.common import Clock, DemoRandom, syncable
from kamdesk.services.demo.contacts import ContactRef
from kamdesk.services.demo.names import first_name
from kamdesk.services.demo.text import age_phrase, upper_first

MEDICAL = (
    "Тверская государственная медицинская академия", "Первый МГМУ им. И. М. Сеченова",
    "РНИМУ им. Н. И. Пирогова", "Ярославская государственная медицинская академия",
    "Смоленская государственная медицинская академия", "СПбГМУ им. акад. И. П. Павлова",
)  # fmt: skip
PHARMACY_SCHOOLS = (
    "Тверская государственная медицинская академия, фармацевтический факультет",
    "Санкт-Петербургская химико-фармацевтическая академия",
    "Пятигорская государственная фармацевтическая академия",
    "Первый МГМУ им. И. М. Сеченова, фармацевтический факультет",
)  # fmt: skip
ECONOMIC = (
    "Тверской государственный университет, экономический факультет",
    "Финансовый университет при Правительстве РФ", "РЭУ им. Г. В. Плеханова",
    "Тверской государственный технический университет, факультет управления",
)  # fmt: skip
SPECIALTIES = ("онкологии", "кардиологии", "терапии", "хирургии", "анестезиологии и реаниматологии",
               "неврологии", "клинической фармакологии", "организации здравоохранения")  # fmt: skip
HOBBIES = (
    "рыбалка на Волге", "горные лыжи", "теннис", "театр, ходит на премьеры ТЮЗа",
    "дача под Конаково, выращивает розы", "история Тверского края", "бег, полумарафоны",
    "шахматы", "фотография", "охота", "путешествия по России на машине", "классическая музыка",
    "хоккей, болеет за ХК «Тверь»", "йога", "плавание", "вязание", "садоводство",
)  # fmt: skip
CONCERNS = {
    AccountKind.HOSPITAL: (
        "выполнение госзадания и показателей по ОМС", "дефицит врачей в отделении",
        "аккредитация и проверки Росздравнадзора", "перебои с поставками по прошлым контрактам",
        "сокращение бюджета на лекарственное обеспечение", "ремонт корпуса и переезд отделения",
    ),
    AccountKind.PHARMACY_CHAIN: (
        "падение трафика в аптеках", "маркировка и возвраты", "конкуренция с федеральными сетями",
        "оборачиваемость запасов", "открытие новых аптек",
    ),
    AccountKind.DISTRIBUTOR: (
        "кассовые разрывы из-за долгих оплат ЛПУ", "логистика по области зимой",
        "доля в госпитальных тендерах", "требования производителей к отчётности",
    ),
    AccountKind.HEALTH_AUTHORITY: (
        "исполнение региональной льготы", "жалобы пациентов на отсутствие препаратов",
        "отчётность перед федеральным Минздравом",
    ),
    AccountKind.INSURANCE_FUND: (
        "дефицит средств ОМС к концу года", "экспертиза качества онкологической помощи",
        "новые правила оплаты по КСГ",
    ),
}  # fmt: skip
TOPICS = (
    "политика", "футбол: болезненно переживает поражения «Спартака»", "реформа здравоохранения",
    "прежний поставщик и история с отзывом партии", "ковидные годы", "зарплаты врачей",
    "религия",
)  # fmt: skip
FOOD = ("без ограничений", "вегетарианство", "соблюдает пост", "не ест острое",
        "любит японскую кухню", "без глютена")  # fmt: skip
ALCOHOL = ("не пьёт", "умеренно, предпочитает красное вино", "коньяк", "умеренно",
           "не употребляет по религиозным соображениям")  # fmt: skip
PERSONAL_NOTES = (
    "Отвечает на сообщения в мессенджере быстрее, чем на e-mail.",
    "Любит, когда помнят о семейных датах.",
    "Не любит подарки, даже символические: только материалы.",
)
KIDS_BY_AGE = (
    (6, ("ходит в детский сад", "любит рисовать", "занимается плаванием")),
    (17, ("футбол", "музыкальная школа", "шахматы", "танцы",
          "робототехника", "готовится к ЕГЭ")),
    (23, ("учится в Тверском ГМУ", "учится в ТвГУ", "учится в Москве")),
    (99, ("работает в Москве", "ординатура в Твери", "работает в IT", "живёт в Санкт-Петербурге")),
)  # fmt: skip
PREVIOUS = {
    "doctor": (("врач-терапевт", "врач-терапевт"), ("врач-онколог", "врач-онколог"),
               ("заведующий отделением", "заведующая отделением"),
               ("врач-анестезиолог", "врач-анестезиолог")),
    "pharmacist": (("провизор", "провизор"), ("заведующий аптекой", "заведующая аптекой"),
                   ("медицинский представитель", "медицинский представитель")),
    "nurse": (("медбрат", "медсестра"), ("старший медбрат", "старшая медсестра")),
    "economist": (("экономист", "экономист"), ("специалист по закупкам", "специалист по закупкам"),
                  ("бухгалтер", "бухгалтер")),
    "manager": (("менеджер по продажам", "менеджер по продажам"),
                ("администратор", "администратор")),
    "official": (("главный специалист", "главный специалист"), ("консультант", "консультант")),
}  # fmt: skip
PLACES = {
    "doctor": ("ГБУЗ «Городская клиническая больница № 1»", "ЦРБ в области",
               "частная клиника в Москве", "областная больница в Ярославле"),
    "pharmacist": ("аптечная сеть в Твери", "фармацевтическая компания", "дистрибьютор в Москве"),
    "nurse": ("ГБУЗ «Областная клиническая больница»", "ЦРБ в области"),
    "economist": ("ГБУЗ «Городская поликлиника № 3»", "дистрибьютор в Москве", "банк"),
    "manager": ("аптечная сеть в Твери", "торговая компания", "дистрибьютор в Москве"),
    "official": ("Минздрав Тверской области", "ТФОМС Тверской области", "ЦРБ в области"),
}  # fmt: skip


def personal_rows(
    rng: DemoRandom, clock: Clock, contacts: dict[uuid.UUID, list[ContactRef]]
) -> Iterator[dict[str, Any]]:
    for people in contacts.values():
        for contact in people:
            if contact.consent_on is None:
                continue
            if not rng.chance(0.9 if contact.account.is_key else 0.25):
                continue
            yield _row(rng, clock, contact)


def _birthday(rng: DemoRandom, today: date, age: int) -> date:
    if rng.chance(0.15):
        upcoming = today + timedelta(days=rng.randint(0, 20))
    else:
        upcoming = today + timedelta(days=rng.randint(21, 364))
    day = 28 if (upcoming.month, upcoming.day) == (2, 29) else upcoming.day
    return date(upcoming.year - age, upcoming.month, day)


def _education(rng: DemoRandom, contact: ContactRef, graduated: int) -> str:
    background = contact.role.background
    if background == "doctor":
        text = (
            f"{rng.pick(MEDICAL)}, лечебный факультет, {graduated}; ординатура по "
            f"{rng.pick(SPECIALTIES)}, {graduated + 2}"
        )
        if contact.is_kol or contact.influence >= 5:
            text += rng.pick(("; к. м. н.", "; д. м. н., профессор", "; к. м. н., доцент"))
        return text
    if background == "pharmacist":
        return f"{rng.pick(PHARMACY_SCHOOLS)}, {graduated}"
    if background == "nurse":
        return (
            f"Тверской медицинский колледж, {graduated - 4}; Тверская ГМА, высшее сестринское "
            f"образование, {graduated + 3}"
        )
    if background == "official":
        school = rng.pick(MEDICAL)
        return f"{school}, {graduated}; РАНХиГС, государственное управление, {graduated + 10}"
    return f"{rng.pick(ECONOMIC)}, {graduated}"


def _previous_jobs(rng: DemoRandom, contact: ContactRef, graduated: int) -> str:
    background = contact.role.background
    jobs = []
    year = graduated + rng.randint(1, 4)
    count = rng.randint(1, 2)
    posts = rng.sample(PREVIOUS[background], count)
    for post, place in zip(posts, rng.sample(PLACES[background], count), strict=True):
        until = year + rng.randint(3, 9)
        if until >= contact.created_at.year:
            break
        jobs.append(f"{upper_first(contact.person.form(*post))}, {place} ({year}–{until})")
        year = until
    return "; ".join(jobs)


def _family(rng: DemoRandom, contact: ContactRef) -> str:
    person = contact.person
    parts = []
    if rng.chance(0.75):
        spouse = first_name(rng, not person.female)
        spouse_word = "муж" if person.female else "жена"
        job = rng.pick(("врач", "инженер", "учитель", "юрист", "предприниматель", "на пенсии"))
        parts.append(f"{spouse_word} {spouse} ({job})")
    for _ in range(rng.pick((0, 1, 2), (0.2, 0.45, 0.35))):
        daughter = rng.chance(0.5)
        kid_age = rng.randint(max(1, contact.age - 45), max(2, min(35, contact.age - 23)))
        interests = next(options for limit, options in KIDS_BY_AGE if kid_age <= limit)
        word = "дочь" if daughter else "сын"
        name = first_name(rng, daughter)
        parts.append(f"{word} {name}, {age_phrase(kid_age)}, {rng.pick(interests)}")
    return upper_first("; ".join(parts))


def _habits(rng: DemoRandom, contact: ContactRef) -> dict[str, str]:
    person = contact.person
    smoking = rng.pick(
        ("не курит", "курит, на встречах просит перерыв", person.form("бросил", "бросила")),
        (0.7, 0.15, 0.15),
    )
    if smoking in ("бросил", "бросила"):
        smoking += f" в {rng.randint(2010, 2023)} г."
    food = rng.pick(FOOD, (0.45, 0.12, 0.1, 0.1, 0.13, 0.1))
    if food == "вегетарианство":
        food = person.form("вегетарианец", "вегетарианка")
    topics = ", ".join(rng.sample(TOPICS, rng.randint(1, 2))) if rng.chance(0.4) else ""
    return {
        "smoking": smoking,
        "alcohol": rng.pick(ALCOHOL),
        "food_preferences": food,
        "topics_to_avoid": topics,
        "notes": rng.pick(PERSONAL_NOTES) if rng.chance(0.3) else "",
    }


def _military(rng: DemoRandom, contact: ContactRef, graduated: int) -> str:
    if contact.person.female or not rng.chance(0.4):
        return ""
    if contact.role.background in ("doctor", "nurse") and rng.chance(0.5):
        return rng.pick(
            (
                "Военная кафедра, лейтенант медицинской службы запаса",
                f"Военный врач, {graduated + 1}–{graduated + 6}, капитан медицинской службы",
            )
        )
    return rng.pick(
        ("Срочная служба в армии, до поступления в вуз", "Военная кафедра, лейтенант запаса")
    )


def _row(rng: DemoRandom, clock: Clock, contact: ContactRef) -> dict[str, Any]:
    graduated = clock.today.year - contact.age + 23
    concerns = CONCERNS.get(contact.account.kind, CONCERNS[AccountKind.HOSPITAL])
    consented = clock.moment(contact.consent_on or clock.today, 12)
    created = min(max(contact.created_at, consented), clock.now)
    return {
        **syncable(rng.uuid(), created, clock.between(rng, created, clock.now)),
        "contact_id": contact.id,
        "birthday": _birthday(rng, clock.today, contact.age),
        "education": _education(rng, contact, graduated),
        "previous_jobs": _previous_jobs(rng, contact, graduated),
        "military_service": _military(rng, contact, graduated),
        "family": _family(rng, contact),
        "hobbies": upper_first(", ".join(rng.sample(HOBBIES, rng.randint(1, 2)))),
        "current_concerns": upper_first(", ".join(rng.sample(concerns, rng.randint(1, 2)))),
        **_habits(rng, contact),
    }
