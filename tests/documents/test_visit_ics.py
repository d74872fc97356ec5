"""The calendar file carries no control characters, whatever was typed or pasted."""

from __future__ import annotations

import re
from datetime import date

from icalendar import Calendar

from kamdesk.services.visits import export_ics
from kamdesk.store import Store
from tests.services.visit_factories import add_account, add_contact, add_visit, msk

CONTROLS = "".join(chr(code) for code in range(0x20)) + "\x7f\x85\x9f"
# What RFC 5545 forbids: every control but the tab, line endings aside (checked below).
FORBIDDEN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def test_control_characters_never_reach_the_calendar_file(store: Store) -> None:
    account = add_account(store, f"ГКБ{CONTROLS}№ 1")
    contact = add_contact(store, account, f"Иванов{CONTROLS}", position=f"Главный{CONTROLS}врач")
    add_visit(
        store, account, msk(2026, 5, 12, 10), objective=f"Цель{CONTROLS}визита",
        agenda=f"Первое\r\nвторое\rтретье\u2028четвёртое{CONTROLS}", place=f"Кабинет{CONTROLS}",
        attendee_ids=[contact],
    )  # fmt: skip

    data = export_ics(store, date(2026, 5, 12), date(2026, 5, 12))

    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    for line in text.split("\r\n"):  # content lines end with CRLF; nothing else may be a control
        assert not FORBIDDEN.search(line), repr(line)
    assert "\u2028" not in text
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    summary = str(event["summary"])
    assert summary.startswith("Визит: ГКБ") and summary.endswith("№ 1")
    assert "\n" not in summary  # a title and a place are one line
    assert str(event["location"]).strip() == "Кабинет"
    description = str(event["description"])
    assert "Цель визита" not in description  # the controls became spaces, not nothing
    assert re.search(r"Цель: Цель\s+визита", description)
    # Line breaks of any kind are kept as line breaks.
    assert "Первое\nвторое\nтретье\nчетвёртое" in description
    assert "Иванов" in description and "Главный" in description
    (alarm,) = event.walk("VALARM")
    assert not FORBIDDEN.search(str(alarm["description"]))
