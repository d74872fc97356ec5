"""Who a KAM meets at each kind of account: positions, departments and DMU roles."""

from __future__ import annotations

from dataclasses import dataclass

from kamdesk.models import AccountKind, DmuRole

DM, INFL, APPR, TECH, USER, GATE = (
    DmuRole.DECISION_MAKER, DmuRole.INFLUENCER, DmuRole.APPROVER,
    DmuRole.TECHNICAL_EXPERT, DmuRole.USER, DmuRole.GATEKEEPER,
)  # fmt: skip


@dataclass(frozen=True)
class Role:
    key: str
    male: str  # position; «{dept}» is replaced by the department a head runs
    female: str
    department: str
    dmu: DmuRole
    influence: tuple[int, int]
    boss: str | None
    female_share: float
    background: str  # doctor, pharmacist, nurse, economist, manager, official
    kol_chance: float = 0.0


def _role(key: str, position: str, department: str, dmu: DmuRole, influence: tuple[int, int],
          boss: str | None, female_share: float, background: str, kol: float = 0.0,
          female: str | None = None) -> Role:  # fmt: skip
    return Role(key, position, female or position, department, dmu, influence, boss,
                female_share, background, kol)  # fmt: skip


HEAD = "Заведующий {dept}"
HEAD_F = "Заведующая {dept}"

HOSPITAL = (
    _role("chief", "Главный врач", "Администрация", DM, (5, 5), None, 0.35, "doctor", 0.2),
    _role("deputy_med", "Заместитель главного врача по лечебной работе", "Администрация", INFL,
          (4, 5), "chief", 0.5, "doctor", 0.1),
    _role("pharmacologist", "Клинический фармаколог", "Отдел клинической фармакологии", TECH,
          (3, 4), "deputy_med", 0.65, "doctor"),
    _role("head", HEAD, "{Dept}", INFL, (3, 4), "deputy_med", 0.45, "doctor", 0.3, HEAD_F),
    _role("deputy_econ", "Заместитель главного врача по экономическим вопросам",
          "Планово-экономический отдел", APPR, (4, 4), "chief", 0.6, "economist"),
    _role("contracts", "Начальник контрактной службы", "Контрактная служба", GATE, (3, 3),
          "deputy_econ", 0.7, "economist"),
    _role("pharmacy", "Заведующий аптекой", "Аптека", TECH, (2, 3), "deputy_med", 0.85,
          "pharmacist", female="Заведующая аптекой"),
    _role("head2", HEAD, "{Dept}", USER, (2, 3), "deputy_med", 0.5, "doctor", 0.1, HEAD_F),
    _role("nurse", "Главная медицинская сестра", "Администрация", USER, (2, 3), "chief", 1.0,
          "nurse"),
    _role("secretary", "Секретарь главного врача", "Приёмная", GATE, (1, 2), "chief", 0.95,
          "manager"),
)  # fmt: skip
HOSPITAL_SMALL = ("head", "pharmacy", "contracts")

CHAIN = (
    _role("ceo", "Генеральный директор", "Руководство", DM, (5, 5), None, 0.4, "manager"),
    _role("commercial", "Коммерческий директор", "Коммерческая служба", DM, (4, 5), "ceo", 0.5,
          "pharmacist"),
    _role("purchasing", "Начальник отдела закупок", "Отдел закупок", INFL, (4, 4), "commercial",
          0.6, "pharmacist"),
    _role("category", "Категорийный менеджер", "Отдел закупок", TECH, (3, 3), "purchasing", 0.75,
          "pharmacist"),
    _role("finance", "Финансовый директор", "Финансовая служба", APPR, (4, 4), "ceo", 0.6,
          "economist"),
    _role("marketing", "Менеджер по маркетингу", "Отдел маркетинга", USER, (2, 3), "commercial",
          0.8, "manager"),
    _role("office", "Офис-менеджер", "Приёмная", GATE, (1, 2), "ceo", 0.95, "manager"),
)  # fmt: skip
CHAIN_SMALL = ("purchasing", "category", "commercial", "marketing")

PHARMACY = (
    _role("head", "Заведующий аптекой", "", DM, (3, 3), None, 0.85, "pharmacist",
          female="Заведующая аптекой"),
    _role("first", "Провизор-первостольник", "", USER, (1, 2), "head", 0.9, "pharmacist"),
)  # fmt: skip

DISTRIBUTOR = (
    _role("ceo", "Генеральный директор", "Руководство", DM, (5, 5), None, 0.25, "manager"),
    _role("commercial", "Коммерческий директор", "Коммерческая служба", DM, (4, 5), "ceo", 0.4,
          "manager"),
    _role("purchasing", "Директор по закупкам", "Департамент закупок", INFL, (4, 4),
          "commercial", 0.5, "pharmacist"),
    _role("vendor", "Менеджер по работе с производителями", "Департамент закупок", GATE, (3, 3),
          "purchasing", 0.7, "pharmacist"),
    _role("tenders", "Руководитель тендерного отдела", "Тендерный отдел", INFL, (4, 4),
          "commercial", 0.6, "economist"),
    _role("finance", "Финансовый директор", "Финансовая служба", APPR, (4, 4), "ceo", 0.6,
          "economist"),
    _role("warehouse", "Начальник склада", "Склад", USER, (2, 2), "commercial", 0.3, "manager"),
)  # fmt: skip
DISTRIBUTOR_SMALL = ("vendor", "tenders", "purchasing")

MINISTRY = (
    _role("minister", "Министр здравоохранения Тверской области", "Руководство", DM, (5, 5),
          None, 0.4, "official"),
    _role("deputy", "Заместитель министра", "Руководство", APPR, (5, 5), "minister", 0.5,
          "official"),
    _role("drugs", "Начальник отдела лекарственного обеспечения",
          "Отдел лекарственного обеспечения", INFL, (4, 4), "deputy", 0.7, "pharmacist"),
    _role("oncologist", "Главный внештатный специалист-онколог",
          "Главные внештатные специалисты", INFL, (5, 5), "deputy", 0.4, "doctor", 1.0),
    _role("cardiologist", "Главный внештатный специалист-кардиолог",
          "Главные внештатные специалисты", INFL, (4, 5), "deputy", 0.4, "doctor", 1.0),
    _role("pharmacologist", "Главный внештатный клинический фармаколог",
          "Главные внештатные специалисты", TECH, (4, 4), "deputy", 0.6, "doctor", 0.6),
    _role("consultant", "Консультант отдела лекарственного обеспечения",
          "Отдел лекарственного обеспечения", GATE, (2, 2), "drugs", 0.8, "pharmacist"),
    _role("endocrinologist", "Главный внештатный специалист-эндокринолог",
          "Главные внештатные специалисты", INFL, (4, 4), "deputy", 0.7, "doctor", 0.8),
)  # fmt: skip

UNIVERSITY = (
    _role("rector", "Ректор", "Ректорат", DM, (5, 5), None, 0.3, "doctor", 0.5),
    _role("prorector", "Проректор по научной работе", "Ректорат", APPR, (4, 4), "rector", 0.4,
          "doctor", 0.3),
    _role("onco_chair", "Заведующий кафедрой онкологии", "Кафедра онкологии", INFL, (4, 5),
          "prorector", 0.3, "doctor", 1.0, "Заведующая кафедрой онкологии"),
    _role("pharm_chair", "Заведующий кафедрой клинической фармакологии",
          "Кафедра клинической фармакологии", INFL, (4, 4), "prorector", 0.5, "doctor", 0.8,
          "Заведующая кафедрой клинической фармакологии"),
    _role("therapy_chair", "Заведующий кафедрой госпитальной терапии",
          "Кафедра госпитальной терапии", INFL, (3, 4), "prorector", 0.5, "doctor", 0.6,
          "Заведующая кафедрой госпитальной терапии"),
)  # fmt: skip

OTHER = (
    _role("director", "Директор", "Руководство", DM, (5, 5), None, 0.4, "manager"),
    _role("deputy", "Заместитель директора", "Руководство", APPR, (4, 4), "director", 0.5,
          "economist"),
    _role("expert", "Начальник отдела экспертизы", "Отдел экспертизы", INFL, (3, 4), "deputy",
          0.6, "doctor", 0.2),
    _role("specialist", "Ведущий специалист", "Отдел закупок", GATE, (2, 2), "deputy", 0.8,
          "economist"),
)  # fmt: skip

# ТФОМС: pays for care by the territorial programme of ОМС, checks its quality.
FUND = (
    _role("director", "Директор ТФОМС Тверской области", "Руководство", DM, (5, 5), None, 0.45,
          "economist"),
    _role("deputy", "Заместитель директора по организации ОМС", "Руководство", APPR, (4, 5),
          "director", 0.55, "official"),
    _role("quality", "Начальник отдела организации контроля объёмов и качества медицинской "
          "помощи", "Отдел контроля качества медицинской помощи", INFL, (4, 4), "deputy", 0.6,
          "doctor", 0.3),
    _role("tariffs", "Начальник отдела тарифной политики", "Отдел тарифной политики", TECH,
          (4, 4), "deputy", 0.7, "economist"),
    _role("expert", "Врач-эксперт качества медицинской помощи",
          "Отдел контроля качества медицинской помощи", USER, (2, 3), "quality", 0.6, "doctor",
          0.2),
    _role("specialist", "Ведущий специалист отдела тарифной политики", "Отдел тарифной политики",
          GATE, (2, 2), "tariffs", 0.8, "economist"),
)  # fmt: skip

ROLES = {
    AccountKind.HOSPITAL: (HOSPITAL, HOSPITAL_SMALL),
    AccountKind.PHARMACY_CHAIN: (CHAIN, CHAIN_SMALL),
    AccountKind.PHARMACY: (PHARMACY, ("head", "first")),
    AccountKind.DISTRIBUTOR: (DISTRIBUTOR, DISTRIBUTOR_SMALL),
    AccountKind.HEALTH_AUTHORITY: (MINISTRY, ("drugs", "consultant")),
    AccountKind.INSURANCE_FUND: (FUND, ("tariffs", "specialist")),
    AccountKind.OTHER: (OTHER, ("director", "specialist")),
}
