"""What the visit screens share: labels for statuses and moods, readiness colours,
service messages in the user's language, and times in the KAM's time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtGui import QColor

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.services.visits import (
    DEFAULT_TIME_ZONE,
    Readiness,
    ReadinessSummary,
    Sentiment,
    VisitChannel,
    VisitRow,
    VisitStatus,
)
from kamdesk.ui.formatting import format_date, format_percent
from kamdesk.ui.sentence import as_sentence

CONTEXT = "VisitLabels"

STATUS_TEXT: dict[VisitStatus, str] = {
    VisitStatus.PLANNED: QT_TRANSLATE_NOOP("VisitLabels", "Planned"),
    VisitStatus.DONE: QT_TRANSLATE_NOOP("VisitLabels", "Held, no report"),
    VisitStatus.REPORTED: QT_TRANSLATE_NOOP("VisitLabels", "Reported"),
    # Handed in, not yet acknowledged by the office (then: DELIVERED below).
    VisitStatus.SUBMITTED: QT_TRANSLATE_NOOP("VisitLabels", "Submitted, awaiting sync"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("VisitLabels", "Cancelled"),
    VisitStatus.RESCHEDULED: QT_TRANSLATE_NOOP("VisitLabels", "Rescheduled"),
}

SENTIMENT_TEXT: dict[Sentiment, str] = {
    Sentiment.POSITIVE: QT_TRANSLATE_NOOP("VisitLabels", "Positive"),
    Sentiment.NEUTRAL: QT_TRANSLATE_NOOP("VisitLabels", "Neutral"),
    Sentiment.NEGATIVE: QT_TRANSLATE_NOOP("VisitLabels", "Negative"),
}

READINESS_TEXT: dict[Readiness, str] = {
    Readiness.RED: QT_TRANSLATE_NOOP("VisitLabels", "not ready"),
    Readiness.AMBER: QT_TRANSLATE_NOOP("VisitLabels", "nearly ready"),
    Readiness.GREEN: QT_TRANSLATE_NOOP("VisitLabels", "ready"),
}

# Dark enough to be read as text on white; the fills are the same hues, light.
READINESS_COLORS: dict[Readiness, QColor] = {
    Readiness.RED: QColor("#c62828"),
    Readiness.AMBER: QColor("#b26a00"),
    Readiness.GREEN: QColor("#2e7d32"),
}
WARNING_COLOR = QColor("#b26a00")  # a gap too short to make it in time
DANGER_COLOR = QColor("#c62828")  # two visits at once
PLANNED_FILL = QColor("#e3eefb")
HELD_FILL = QColor("#e8f3e8")
ENDED_FILL = QColor("#f0f0f0")  # cancelled or moved
TODAY_FILL = QColor("#fff8e1")


DELIVERED = QT_TRANSLATE_NOOP("VisitLabels", "Delivered to the manager")


def status_label(status: VisitStatus, delivered: bool = False) -> str:
    """«Сдан, ждёт синхронизации» until the office acknowledged the report, then
    «Доставлен руководителю»."""
    if status == VisitStatus.SUBMITTED and delivered:
        return QCoreApplication.translate(CONTEXT, DELIVERED)
    return QCoreApplication.translate(CONTEXT, STATUS_TEXT[status])


def sentiment_label(sentiment: Sentiment) -> str:
    return QCoreApplication.translate(CONTEXT, SENTIMENT_TEXT[sentiment])


def readiness_label(level: Readiness) -> str:
    return QCoreApplication.translate(CONTEXT, READINESS_TEXT[level])


def readiness_text(summary: ReadinessSummary) -> str:
    """«80 % · почти готов», and «86 % · не готов: 1 критичный пункт» where a critical
    item makes a visit red whatever its score: said without the reason, the 86 % beside
    an amber 80 % read as a contradiction."""
    score = format_percent(summary.score)
    if summary.critical:  # the words of the checklist's headline (checklist_view)
        why = QCoreApplication.translate(
            "ChecklistView", "not ready: %n critical item(s)", "", summary.critical
        )
        return f"{score} · {why}"
    return f"{score} · {readiness_label(summary.level)}"


def message_text(message: Message) -> str:
    """A service message in the user's language, with its parameters filled in."""
    return message.format(QCoreApplication.translate(message.context, message.text))


def messages_text(messages: dict[str, Message]) -> str:
    """The messages one a line, each a sentence of its own."""
    return "\n".join(as_sentence(message_text(m)) for m in messages.values())


def is_ended(status: VisitStatus) -> bool:
    return status in (VisitStatus.CANCELLED, VisitStatus.RESCHEDULED)


# Times: the calendar shows the KAM's day (the services' time zone), not the laptop's.


def zone(tz: str = DEFAULT_TIME_ZONE) -> ZoneInfo:
    return ZoneInfo(tz)


def local(moment: datetime, tz: str = DEFAULT_TIME_ZONE) -> datetime:
    return moment.astimezone(zone(tz))


def hhmm(moment: datetime | None, tz: str = DEFAULT_TIME_ZONE) -> str:
    return local(moment, tz).strftime("%H:%M") if moment else ""


def at(day: date, clock: time, tz: str = DEFAULT_TIME_ZONE) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone(tz))


def to_qdatetime(moment: datetime, tz: str = DEFAULT_TIME_ZONE) -> QDateTime:
    """A moment as the KAM's wall-clock time for a QDateTimeEdit (which has no zone here)."""
    value = local(moment, tz)
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime, tz: str = DEFAULT_TIME_ZONE) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone(tz))


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def format_moment(moment: datetime | None, tz: str = DEFAULT_TIME_ZONE) -> str:
    """«24.11.2026 09:15» on the KAM's clock."""
    if moment is None:
        return ""
    return f"{format_date(local(moment, tz).date())} {hhmm(moment, tz)}"


def shown_times(row: VisitRow, tz: str = DEFAULT_TIME_ZONE) -> str:
    """«06:12–06:54»: when the visit is shown (a held one: as its report says)."""
    return f"{hhmm(row.shown_start, tz)}–{hhmm(row.shown_end, tz)}"


def planned_note(row: VisitRow, tz: str = DEFAULT_TIME_ZONE) -> str:
    """«Запланирован на 06:12–06:42» for a visit held at another time or length than
    planned (the day too when it was another); "" otherwise."""
    if not row.held_otherwise:
        return ""
    times = f"{hhmm(row.starts_at, tz)}–{hhmm(row.ends_at, tz)}"
    if local(row.starts_at, tz).date() != local(row.shown_start, tz).date():
        times = f"{format_date(local(row.starts_at, tz).date())} {times}"
    return QCoreApplication.translate("VisitTimes", "Planned for %1").replace("%1", times)


def cancel_note(row: VisitRow) -> str:
    """«Отменён: Главврач в отпуске» for a cancelled visit with its reason; "" otherwise."""
    if not row.cancel_reason:
        return ""
    return QCoreApplication.translate("VisitTimes", "Cancelled: %1").replace(
        "%1", row.cancel_reason
    )


def period_around(day: date) -> tuple[date, date]:
    """The week and the month of `day` together, so switching views needs no new load."""
    monday = day - timedelta(days=day.weekday())
    first_of_month = day.replace(day=1)
    next_month = (first_of_month + timedelta(days=32)).replace(day=1)
    return min(monday, first_of_month), max(
        monday + timedelta(days=6), next_month - timedelta(days=1)
    )


def client_line(row: VisitRow, short: bool = False) -> str:
    """The client as a visit's block, row or tooltip names it (`short`: by its short
    name where it has one, for the week's narrow blocks); a call says so in words
    («Звонок: ГКБ № 1»), not by a colour only."""
    name = row.short_name if short else row.account_name
    if row.is_call:
        from kamdesk.ui.labels import label

        return f"{label(VisitChannel.CALL)}: {name}"
    return name


# The page's first row of buttons (planning and preparing); the second holds what happened.
PLANNING_COMMANDS = frozenset({"new", "call", "open", "brief", "route"})
