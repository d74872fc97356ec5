"""Words of the manager's documents in Russian and English (documents are not Qt-translated:
the manager's language is chosen per export)."""

from __future__ import annotations

from kamdesk.vocabulary import (
    AccountKind,
    Attitude,
    DmuRole,
    Sentiment,
    VisitChannel,
    VisitStatus,
)

LANGUAGES = ("ru", "en")

VISIT_COLUMNS: dict[str, tuple[str, str]] = {
    # key: (ru, en)
    "date": ("Дата", "Date"),
    "start": ("Начало", "Start"),
    "duration": ("Длительность, мин", "Duration, min"),
    "channel": ("Канал", "Channel"),  # a visit in person or a call
    "account": ("Клиент", "Client"),
    "kind": ("Тип клиента", "Client kind"),
    "city": ("Город", "City"),
    "status": ("Статус", "Status"),
    "commercial": ("Коммерческий", "Commercial"),
    "objective": ("Цель", "Objective"),
    "attendees": ("Участники", "Attendees"),
    "actual_start": ("Фактическое начало", "Actual start"),
    "actual_duration": ("Факт. длительность, мин", "Actual duration, min"),
    "objective_reached": ("Цель достигнута", "Objective reached"),
    "outcome": ("Результат", "Outcome"),
    "agreements": ("Договорённости", "Agreements"),
    "objections": ("Возражения", "Objections heard"),
    "products": ("Обсуждённые препараты", "Products discussed"),
    "questions": ("Заданные вопросы", "Questions asked"),
    "next_steps": ("Следующие шаги", "Next steps"),
    "sentiment": ("Настрой клиента", "Client mood"),
    # Handed in by the KAM; it travels to the office with the next sync, not before.
    "submitted": ("Отчёт сдан", "Report submitted"),
    "addenda": ("Дополнения", "Addenda"),
    "cancel_reason": ("Причина отмены", "Cancel reason"),
}

TEXT: dict[str, tuple[str, str]] = {
    "visits_sheet": ("Визиты", "Visits"),
    "summary_sheet": ("Сводка", "Summary"),
    "title": ("Отчёт о визитах за {start} — {end}", "Visit reports, {start} — {end}"),
    "generated": ("Сформирован {moment}", "Generated {moment}"),
    "indicator": ("Показатель", "Indicator"),
    "value": ("Значение", "Value"),
    "out_of": ("Из", "Out of"),
    "share": ("Доля", "Share"),
    "yes": ("да", "yes"),
    "no": ("нет", "no"),
    "due": ("срок", "due"),
    "done": ("выполнено", "done"),
    "not_planned": ("(вне плана)", "(not planned)"),
    "filter_kinds": ("Типы клиентов: {kinds}", "Client kinds: {kinds}"),
    "filter_accounts": ("Клиентов в отборе: {count}", "Clients selected: {count}"),
    "filter_kam": ("КАМ: {name}", "KAM: {name}"),
    "filter_territory": ("Территория: {name}", "Territory: {name}"),
}

KPI_LABELS: dict[str, tuple[str, str]] = {
    "visits_held": ("Визиты проведены / запланированы", "Visits held / planned"),
    "visits_cancelled": ("Визиты отменены", "Visits cancelled"),
    "calls_held": ("Звонки проведены / запланированы", "Calls held / planned"),
    "contacts_held": ("Контакты проведены: визиты и звонки", "Contacts held: visits and calls"),
    "reports_submitted": ("Отчёты сданы / контакты проведены", "Reports submitted / contacts held"),
    "accounts_covered": (
        "Клиенты с визитом или звонком за период",
        "Clients visited or called in the period",
    ),
    "accounts_overdue": (
        "Клиенты с просроченным визитом / с нормой визитов",
        "Clients overdue for a visit / with a visit target",
    ),
    "offers_sent": ("КП отправлены", "Offers sent"),
    "offers_accepted": ("КП приняты / отправлены", "Offers accepted / sent"),
    "follow_ups_on_time": (
        "Задачи выполнены в срок / со сроком в периоде",
        "Follow-ups done on time / due in the period",
    ),
    "follow_ups_late": ("Задачи выполнены с опозданием", "Follow-ups done late"),
    "follow_ups_open": ("Задачи не выполнены", "Follow-ups not done"),
}

STATUS: dict[VisitStatus, tuple[str, str]] = {
    VisitStatus.PLANNED: ("запланирован", "planned"),
    VisitStatus.DONE: ("проведён", "done"),
    VisitStatus.REPORTED: ("отчёт готов", "reported"),
    VisitStatus.SUBMITTED: ("отчёт сдан", "report submitted"),
    VisitStatus.CANCELLED: ("отменён", "cancelled"),
    VisitStatus.RESCHEDULED: ("перенесён", "rescheduled"),
}

KIND: dict[AccountKind, tuple[str, str]] = {
    AccountKind.HOSPITAL: ("ЛПУ", "hospital"),
    AccountKind.PHARMACY_CHAIN: ("аптечная сеть", "pharmacy chain"),
    AccountKind.PHARMACY: ("аптека", "pharmacy"),
    AccountKind.DISTRIBUTOR: ("дистрибьютор", "distributor"),
    AccountKind.HEALTH_AUTHORITY: ("орган здравоохранения", "health authority"),
    AccountKind.INSURANCE_FUND: ("фонд ОМС", "health insurance fund"),
    AccountKind.OTHER: ("другое", "other"),
}

CHANNEL: dict[VisitChannel, tuple[str, str]] = {
    VisitChannel.VISIT: ("визит", "visit"),
    VisitChannel.CALL: ("звонок", "call"),
}

SENTIMENT: dict[Sentiment, tuple[str, str]] = {
    Sentiment.POSITIVE: ("позитивный", "positive"),
    Sentiment.NEUTRAL: ("нейтральный", "neutral"),
    Sentiment.NEGATIVE: ("негативный", "negative"),
}

ROLE: dict[DmuRole, tuple[str, str]] = {
    DmuRole.DECISION_MAKER: ("ЛПР", "decision maker"),
    DmuRole.INFLUENCER: ("влияет на решение", "influencer"),
    DmuRole.APPROVER: ("согласует (финансы)", "approver"),
    DmuRole.TECHNICAL_EXPERT: ("эксперт", "technical expert"),
    DmuRole.USER: ("пользователь", "user"),
    DmuRole.GATEKEEPER: ("привратник", "gatekeeper"),
}

ATTITUDE: dict[Attitude, tuple[str, str]] = {
    Attitude.SUPPORTER: ("сторонник", "supporter"),
    Attitude.NEUTRAL: ("нейтрален", "neutral"),
    Attitude.OPPONENT: ("противник", "opponent"),
}


def pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "ru" else pair[1]


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language
