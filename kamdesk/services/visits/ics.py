"""Export of visits to iCalendar (.ics) for the phone's calendar.

Each visit keeps one UID, so importing a later export updates the events
rather than duplicating them; a cancelled or rescheduled visit is exported
with STATUS:CANCELLED so the phone drops it. The alarm goes off before the
recommended departure, not before the start.

Every text of an event passes through `calendar_text`: RFC 5545 allows no
control character in a TEXT value except the tab, and the icalendar library
escapes only line breaks, so a stray control character typed or pasted into a
note would make phones reject the whole file.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from kamdesk.services.visits.calendar import visits_on_days
from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, load_visit_settings
from kamdesk.services.visits.travel import zone
from kamdesk.vocabulary import VisitStatus

if TYPE_CHECKING:
    from kamdesk.store import Store

PRODID = "-//KAMdesk//Visits//RU"
UID_DOMAIN = "kamdesk"
LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def calendar_text(value: str) -> str:
    """`value` fit for an iCalendar TEXT: line breaks as «\\n», other controls as spaces."""
    return CONTROLS.sub(" ", LINE_BREAKS.sub("\n", value))


def calendar_line(value: str) -> str:
    """`value` for a one-line field (title, place, alarm): no line breaks at all."""
    return calendar_text(value).replace("\n", " ")


def export_ics(
    store: Store,
    first_day: date,
    last_day: date,
    tz: str = DEFAULT_TIME_ZONE,
    now: datetime | None = None,
) -> bytes:
    from icalendar import Alarm, Calendar, Event

    settings = load_visit_settings(store)
    rows = visits_on_days(store, first_day, last_day, tz, with_readiness=False)
    details = _plan_details(store, [row.id for row in rows])
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "KAMdesk")
    for row in rows:
        event = Event()
        event.add("uid", f"visit-{row.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.starts_at.astimezone(UTC))
        event.add("dtend", row.ends_at.astimezone(UTC))
        kind = "Звонок" if row.is_call else "Визит"  # a call is made from anywhere: no geo
        event.add("summary", calendar_line(f"{kind}: {row.account_name}"))
        if row.place:
            event.add("location", calendar_line(row.place))
        agenda, attendees, point = details.get(row.id, ("", [], None))
        if point is not None and not row.is_call:
            event.add("geo", point)
        description = []
        if row.objective:
            description.append(f"Цель: {row.objective}")
        if agenda:
            description.append(f"Повестка: {agenda}")
        if attendees:
            description.append("Участники: " + "; ".join(attendees))
        departure = row.leg.departure_at if row.leg else None
        if departure is not None:
            local = departure.astimezone(zone(tz))
            description.append(f"Выезд: {local:%H:%M}")
        if description:
            event.add("description", calendar_text("\n".join(description)))
        cancelled = row.status in (VisitStatus.CANCELLED, VisitStatus.RESCHEDULED)
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        if row.status == VisitStatus.PLANNED:
            anchor = departure or row.starts_at - timedelta(minutes=settings.buffer_min)
            before = (
                row.starts_at - anchor + timedelta(minutes=settings.reminder_before_departure_min)
            )
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", calendar_line(f"Пора выезжать: {row.account_name}"))
            alarm.add("trigger", -before)
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def _plan_details(
    store: Store, visit_ids: list
) -> dict[object, tuple[str, list[str], tuple[float, float] | None]]:
    """Agenda, attendees (name and position only) and coordinates of each visit."""
    from collections import defaultdict

    from sqlalchemy import select

    from kamdesk.models import Contact, Visit, VisitAttendee

    if not visit_ids:
        return {}
    with store.session() as session:
        people: dict[object, list[str]] = defaultdict(list)
        for visit_id, contact in session.execute(
            select(VisitAttendee.visit_id, Contact)
            .join(Contact, Contact.id == VisitAttendee.contact_id)
            .where(VisitAttendee.visit_id.in_(visit_ids))
            .order_by(Contact.surname)
        ).all():
            people[visit_id].append(
                ", ".join(p for p in (contact.full_name, contact.position) if p)
            )
        return {
            v.id: (
                v.agenda,
                people.get(v.id, []),
                (v.latitude, v.longitude)
                if v.latitude is not None and v.longitude is not None
                else None,
            )
            for v in session.scalars(select(Visit).where(Visit.id.in_(visit_ids))).all()
        }
