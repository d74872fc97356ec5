"""Names of the organisations in the territory, and what kind of medicine each practises."""

from __future__ import annotations

from dataclasses import dataclass

from kamdesk.services.demo.catalog_data import ANTI, CARDIO, ENDO, GASTRO, ICU, NEURO, ONCO, RHEUM
from kamdesk.services.demo.common import DemoRandom
from kamdesk.services.demo.places import City

# Hospital specialties → the product segments they buy.
SPECIALTY_SEGMENTS = {
    "multi": frozenset({ANTI, ICU, CARDIO, NEURO, GASTRO, ONCO}),
    "onco": frozenset({ONCO, ICU}),
    "cardio": frozenset({CARDIO, ICU, NEURO}),
    "perinatal": frozenset({ANTI, ICU}),
    "children": frozenset({ANTI, ICU, GASTRO}),
    "rehab": frozenset({NEURO, CARDIO}),
    "tb": frozenset({ANTI}),
    "derma": frozenset({RHEUM}),
    "endo": frozenset({ENDO}),
    "polyclinic": frozenset({CARDIO, ENDO, NEURO}),
    "private": frozenset({ICU, ANTI, RHEUM, GASTRO, NEURO}),
}

# Departments whose heads a KAM meets, per specialty: (head of …, department).
DEPARTMENTS = {
    "multi": (("онкологическим отделением", "Онкологическое отделение"),
              ("кардиологическим отделением", "Кардиологическое отделение"),
              ("отделением анестезиологии и реанимации", "Отделение анестезиологии и реанимации"),
              ("неврологическим отделением", "Неврологическое отделение"),
              ("хирургическим отделением", "Хирургическое отделение")),
    "onco": (("отделением химиотерапии", "Отделение химиотерапии"),
             ("отделением противоопухолевой лекарственной терапии",
              "Отделение противоопухолевой лекарственной терапии"),
             ("маммологическим отделением", "Маммологическое отделение"),
             ("отделением онкогематологии", "Отделение онкогематологии")),
    "cardio": (("кардиологическим отделением № 1", "Кардиологическое отделение № 1"),
               ("отделением неотложной кардиологии", "Отделение неотложной кардиологии"),
               ("отделением рентгенхирургических методов лечения",
                "Отделение рентгенхирургических методов лечения")),
    "perinatal": (("отделением реанимации новорождённых", "Отделение реанимации новорождённых"),
                  ("акушерским отделением патологии беременности",
                   "Отделение патологии беременности")),
    "children": (("педиатрическим отделением", "Педиатрическое отделение"),
                 ("отделением детской хирургии", "Отделение детской хирургии")),
    "rehab": (("отделением медицинской реабилитации", "Отделение медицинской реабилитации"),
              ("неврологическим отделением", "Неврологическое отделение")),
    "tb": (("лёгочно-туберкулёзным отделением", "Лёгочно-туберкулёзное отделение"),),
    "derma": (("дерматологическим отделением", "Дерматологическое отделение"),),
    "endo": (("эндокринологическим отделением", "Эндокринологическое отделение"),),
    "polyclinic": (("терапевтическим отделением", "Терапевтическое отделение"),
                   ("дневным стационаром", "Дневной стационар")),
    "private": (("хирургическим отделением", "Хирургическое отделение"),
                ("отделением анестезиологии", "Отделение анестезиологии")),
}  # fmt: skip


@dataclass(frozen=True)
class Facility:
    name: str
    short_name: str
    specialty: str
    beds: int | None
    flagship: bool = False


# Regional centres in the capital: the accounts every hospital KAM knows by name.
FLAGSHIPS = (
    Facility("ГБУЗ «Областная клиническая больница»", "ОКБ", "multi", 1050, True),
    Facility("ГБУЗ «Тверской областной клинический онкологический диспансер»", "ТОКОД", "onco",
             520, True),
    Facility("ГБУЗ «Областной клинический кардиологический диспансер»", "ОККД", "cardio", 300,
             True),
    Facility("ГБУЗ «Клиническая больница скорой медицинской помощи»", "КБСМП", "multi", 820, True),
    Facility("ГБУЗ «Областной клинический перинатальный центр»", "ОКПЦ", "perinatal", 260, True),
    Facility("ГБУЗ «Детская областная клиническая больница»", "ДОКБ", "children", 450, True),
    Facility("ГБУЗ «Областной клинический лечебно-реабилитационный центр»", "ОКЛРЦ", "rehab",
             300, True),
    Facility("ГБУЗ «Тверской областной клинический противотуберкулёзный диспансер»", "ТОКПТД",
             "tb", 350, True),
    Facility("ГБУЗ «Областной клинический кожно-венерологический диспансер»", "ОККВД", "derma",
             120, True),
    Facility("ГБУЗ «Областной эндокринологический центр»", "ОЭЦ", "endo", 60, True),
)  # fmt: skip

CLINIC_BRANDS = (
    "Гармония", "Авиценна", "Парацельс", "Гиппократ", "Эскулап", "Семейный доктор",
    "Мединвест", "Афина", "МедАрт", "Сфера", "Академия здоровья", "Вита", "Медлайн",
    "Доктор рядом", "Лотос", "Династия", "Клиника на Волге", "Верхневолжский медцентр",
    "Ваш доктор", "Здоровое поколение", "Альфа-Мед", "Нейромед", "КардиоЛайф", "Мирт",
)  # fmt: skip

CHAIN_BRANDS = (
    "Здравица", "Доброаптека", "Аптечный двор", "Панацея", "Лекарь", "Вита-Норд",
    "Фарма-Тверь", "Твой доктор", "Кладовая здоровья", "Аптека Верхневолжья", "Сердечко",
    "Ромашка", "Живая вода", "Надежда-Фарм", "Целитель", "Добрый лекарь", "Аптечка у дома",
    "Фармакопейка", "Горздрав-Тверь", "Мелисса", "Аптека низких цен", "Социальная аптека",
)  # fmt: skip

DISTRIBUTOR_BRANDS = (
    "Фармкомплект", "Верхневолжский фармсклад", "Медипром-Дистрибуция", "Тверьмедснаб",
    "РегионФармСнаб", "ФК «Гелиос»", "Фармлогистик", "Северо-Запад Фарм", "Медснаб-Центр",
    "Госпитальные технологии", "Лекарственный резерв", "Волга-Фарм Дистрибуция",
    "Центрфармторг", "МедЛайн-Опт",
)  # fmt: skip

# (name, short name, e-mail domain) of the territory's other institutions (ТФОМС is a
# kind of its own: kamdesk.services.demo.accounts).
OTHER_INSTITUTIONS = (
    ("ФГБОУ ВО «Тверской государственный медицинский университет» Минздрава России",
     "Тверской ГМУ", "tvgmu.ru"),
    ("ГКУ Тверской области «Центр организации закупок»", "Центр закупок ТО", "zakupki-tver.ru"),
    ("АО «Страховая медицинская компания «Верхневолжье-Мед»»", "СМК «Верхневолжье-Мед»",
     "vv-med.ru"),
    ("Региональная общественная организация «Ассоциация онкологов Тверской области»",
     "Ассоциация онкологов ТО", "onco-tver.ru"),
    ("ГБУ «Тверской областной медицинский информационно-аналитический центр»", "МИАЦ",
     "miac-tver.ru"),
)  # fmt: skip

PRIVATE_FORMS = (
    "ООО «Медицинский центр «{brand}»»",
    "ООО «Клиника «{brand}»»",
    "АО «Многопрофильная клиника «{brand}»»",
)


class Names:
    """Hands out organisation names, unique within the territory."""

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._flagships = list(FLAGSHIPS)
        self._numbers: dict[str, int] = {}
        self._towns_with_crb: set[str] = set()
        self._brand_uses: dict[str, int] = {}

    def _next(self, key: str) -> int:
        self._numbers[key] = self._numbers.get(key, 0) + 1
        return self._numbers[key]

    def brand(self, brands: tuple[str, ...], key: str) -> str:
        """A brand not used yet; when all are used, numbered editions («Гармония-2»)."""
        index = self._next(key) - 1
        base = brands[index % len(brands)]
        edition = index // len(brands)
        return base if edition == 0 else f"{base}-{edition + 1}"

    def hospital(self, city: City) -> Facility:
        rng = self._rng
        if city.is_capital and self._flagships:
            return self._flagships.pop(0)
        if rng.chance(0.18):
            brand = self.brand(CLINIC_BRANDS, "clinic")
            name = rng.pick(PRIVATE_FORMS).format(brand=brand)
            return Facility(name, f"МЦ «{brand}»", "private", rng.choice((None, 20, 40)))
        if city.is_capital:
            kind = rng.pick(("gkb", "gp", "dgkb", "gb"), (3, 4, 1, 2))
            number = self._next(f"{kind}")
            if kind == "gkb":
                return Facility(
                    f"ГБУЗ «Городская клиническая больница № {number}»",
                    f"ГКБ № {number}",
                    "multi",
                    rng.randint(250, 700),
                )
            if kind == "dgkb":
                return Facility(
                    f"ГБУЗ «Детская городская клиническая больница № {number}»",
                    f"ДГКБ № {number}",
                    "children",
                    rng.randint(150, 350),
                )
            if kind == "gb":
                return Facility(
                    f"ГБУЗ «Городская больница № {number}»",
                    f"ГБ № {number}",
                    "multi",
                    rng.randint(100, 300),
                )
            return Facility(
                f"ГБУЗ «Городская поликлиника № {number}»", f"ГП № {number}", "polyclinic", None
            )
        if city.name not in self._towns_with_crb:
            self._towns_with_crb.add(city.name)
            return Facility(
                f"ГБУЗ «{city.adjective} центральная районная больница»",
                f"{city.adjective} ЦРБ",
                "multi",
                rng.randint(150, 450),
            )
        if rng.chance(0.5):
            number = self._next(f"gp-{city.name}")
            return Facility(
                f"ГБУЗ «{city.adjective} городская поликлиника № {number}»",
                f"{city.adjective} ГП № {number}",
                "polyclinic",
                None,
            )
        number = self._next(f"gb-{city.name}")
        return Facility(
            f"ГБУЗ «{city.adjective} городская больница № {number}»",
            f"{city.adjective} ГБ № {number}",
            "multi",
            rng.randint(60, 200),
        )

    def chain(self) -> str:
        return self.brand(CHAIN_BRANDS, "chain")

    def distributor(self) -> str:
        return self.brand(DISTRIBUTOR_BRANDS, "distributor")

    def other(self) -> tuple[str, str, str]:
        index = self._next("other") - 1
        if index < len(OTHER_INSTITUTIONS):
            return OTHER_INSTITUTIONS[index]
        brand = self.brand(CLINIC_BRANDS, "association")
        return (f"АНО «Центр медицинской реабилитации «{brand}»»", f"АНО «{brand}»", "")
