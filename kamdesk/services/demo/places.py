"""The territory on the map: Тверская область, its towns, streets, phones and tax IDs."""

from __future__ import annotations

from dataclasses import dataclass

from kamdesk.services.demo.common import DemoRandom
from kamdesk.services.validation import inn_check_digits

REGION = "Тверская область"
REGION_SHORT = "Тверская обл."
REGION_CODE = "69"  # the first two digits of ИНН and КПП issued here


@dataclass(frozen=True)
class City:
    name: str  # «Вышний Волочёк»
    genitive: str  # «Вышнего Волочка»
    locative: str  # «в Вышнем Волочке»
    adjective: str  # «Вышневолоцкая» (for «… центральная районная больница»)
    latitude: float
    longitude: float
    phone_code: str  # without +7
    postcode: int
    weight: float  # share of the territory's accounts
    tax_office: str  # the 2 digits after the region code

    @property
    def is_capital(self) -> bool:
        return self.name == "Тверь"


CITIES = (
    City("Тверь", "Твери", "в Твери", "Тверская", 56.8587, 35.9176, "4822", 170000, 50.0, "50"),
    City("Ржев", "Ржева", "в Ржеве", "Ржевская", 56.2624, 34.3290, "48232", 172380, 5.5, "14"),
    City("Вышний Волочёк", "Вышнего Волочка", "в Вышнем Волочке", "Вышневолоцкая",
         57.5913, 34.5645, "48233", 171158, 4.5, "08"),
    City("Кимры", "Кимр", "в Кимрах", "Кимрская", 56.8733, 37.3556, "48236", 171500, 4.2, "10"),
    City("Торжок", "Торжка", "в Торжке", "Торжокская", 57.0413, 34.9602, "48251", 172002, 4.4,
         "15"),
    City("Конаково", "Конакова", "в Конакове", "Конаковская", 56.7125, 36.7715, "48242", 171252,
         3.8, "11"),
    City("Бежецк", "Бежецка", "в Бежецке", "Бежецкая", 57.7860, 36.6926, "48231", 171980, 2.2,
         "06"),
    City("Осташков", "Осташкова", "в Осташкове", "Осташковская", 57.1456, 33.1115, "48235",
         172730, 1.6, "13"),
    City("Нелидово", "Нелидова", "в Нелидове", "Нелидовская", 56.2231, 32.7767, "48266", 172521,
         1.7, "12"),
    City("Удомля", "Удомли", "в Удомле", "Удомельская", 57.8787, 35.0167, "48255", 171841, 2.6,
         "08"),
    City("Бологое", "Бологого", "в Бологом", "Бологовская", 57.8854, 34.0533, "48238", 171080,
         2.1, "08"),
    City("Лихославль", "Лихославля", "в Лихославле", "Лихославльская", 57.1277, 35.4658, "48261",
         171210, 1.1, "15"),
    City("Кашин", "Кашина", "в Кашине", "Кашинская", 57.3596, 37.6114, "48234", 171640, 1.4,
         "09"),
    City("Калязин", "Калязина", "в Калязине", "Калязинская", 57.2402, 37.8534, "48249", 171573,
         1.2, "09"),
    City("Торопец", "Торопца", "в Торопце", "Торопецкая", 56.4986, 31.6354, "48268", 172840,
         1.2, "12"),
    City("Старица", "Старицы", "в Старице", "Старицкая", 56.5145, 34.9355, "48263", 171360,
         0.8, "14"),
    City("Западная Двина", "Западной Двины", "в Западной Двине", "Западнодвинская", 56.2567,
         32.0805, "48265", 172610, 0.8, "12"),
    City("Весьегонск", "Весьегонска", "в Весьегонске", "Весьегонская", 58.6601, 37.2612,
         "48264", 171720, 0.6, "06"),
)  # fmt: skip

CAPITAL = CITIES[0]

CAPITAL_STREETS = (
    "Тверской пр-т", "пр-т Чайковского", "пр-т Победы", "Петербургское ш.", "ул. Вагжанова",
    "ул. Трёхсвятская", "ул. Новоторжская", "ул. Спартака", "ул. Склизкова", "б-р Радищева",
    "Комсомольский пр-т", "ул. Хромова", "ул. Можайского", "наб. Афанасия Никитина",
    "Волоколамский пр-т", "ул. Орджоникидзе", "ул. Паши Савельевой", "ул. Королёва",
    "ул. Симеоновская", "ул. Академическая", "Смоленский пер.", "ул. Коминтерна",
    "ул. Благоева", "ул. Желябова", "ул. Брагина", "Московское ш.", "ул. Оснабрюкская",
)  # fmt: skip

TOWN_STREETS = (
    "ул. Советская", "ул. Ленина", "ул. Мира", "ул. Гагарина", "ул. Кирова",
    "ул. Октябрьская", "ул. Пушкина", "ул. Московская", "ул. Садовая", "ул. Комсомольская",
    "ул. Калинина", "ул. Фрунзе", "ул. Строителей", "ул. Заводская", "ул. Первомайская",
    "ул. Набережная", "ул. Молодёжная", "ул. Луначарского", "ул. Дзержинского",
    "пл. Революции", "ул. Володарского", "ул. Красноармейская", "ул. Энгельса",
)  # fmt: skip

MOBILE_CODES = (
    "903", "905", "906", "909", "910", "915", "916", "920", "925", "930", "950", "951",
    "952", "960", "961", "962", "980", "985", "999",
)  # fmt: skip


def pick_city(rng: DemoRandom) -> City:
    return rng.pick(CITIES, [city.weight for city in CITIES])


def address(rng: DemoRandom, city: City) -> str:
    """«170043, г. Тверь, ул. Вагжанова, д. 14» (the region is named outside the capital)."""
    streets = CAPITAL_STREETS + TOWN_STREETS[:6] if city.is_capital else TOWN_STREETS
    street = rng.pick(streets)
    house = str(rng.randint(1, 120 if city.is_capital else 60))
    if rng.chance(0.15):
        house += rng.pick(("а", "б", ", корп. 2", ", стр. 1"))
    postcode = city.postcode + rng.randint(0, 43 if city.is_capital else 8)
    where = f"г. {city.name}" if city.is_capital else f"{REGION_SHORT}, г. {city.name}"
    return f"{postcode}, {where}, {street}, д. {house}"


def near(rng: DemoRandom, city: City) -> tuple[float, float]:
    """Coordinates within the town: a few kilometres around its centre."""
    spread = 0.045 if city.is_capital else 0.015
    return (
        round(city.latitude + rng.uniform(-spread, spread) * 0.6, 6),
        round(city.longitude + rng.uniform(-spread, spread), 6),
    )


def landline(rng: DemoRandom, city: City) -> str:
    """E.164: the town's code and a local number filling the 10 national digits."""
    local = str(rng.randint(3, 7)) + rng.digits(9 - len(city.phone_code))
    return f"+7{city.phone_code}{local}"


def mobile(rng: DemoRandom) -> str:
    return f"+7{rng.pick(MOBILE_CODES)}{rng.digits(7, first_nonzero=True)}"


class TaxIds:
    """ИНН with valid check digits, unique within the demo, and matching КПП."""

    def __init__(self, rng: DemoRandom) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def organisation(self, city: City, region_code: str = REGION_CODE) -> str:
        while True:
            first = f"{region_code}{city.tax_office}{self._rng.digits(5)}"
            inn = first + inn_check_digits(first)
            if inn not in self._used:
                self._used.add(inn)
                return inn

    def individual(self, city: City) -> str:
        """A sole trader's 12-digit ИНН (a franchised pharmacy)."""
        while True:
            first = f"{REGION_CODE}{city.tax_office}{self._rng.digits(6)}"
            inn = first + inn_check_digits(first)
            if inn not in self._used:
                self._used.add(inn)
                return inn

    @staticmethod
    def kpp(inn: str) -> str:
        """The head office's КПП: its tax office, reason 01 (registered there), 001."""
        return f"{inn[:4]}01001"

    def branch_kpp(self, city: City) -> str:
        """A branch («обособленное подразделение») registered in `city`: reason 43."""
        return f"{REGION_CODE}{city.tax_office}43{self._rng.randint(1, 999):03d}"
