"""`kamdesk visit`: list visits, export them to a phone calendar, print a pre-call brief."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.commands import fail, store_problem, warn
from kamdesk.commands.language import say, translate
from kamdesk.commands.options import date_format, parse_day

if TYPE_CHECKING:
    import uuid

    from kamdesk.services.visits import Leg
    from kamdesk.store import Store


def status_text(status: str, delivered: bool = False) -> str:
    """A visit's status as the window's visit list shows it: a submitted report is
    «Доставлен руководителю» once the office acknowledged it (`VisitRow.delivered`)."""
    if status == "submitted" and delivered:
        return translate("VisitLabels", "Delivered to the manager")
    texts = {
        "planned": translate("VisitLabels", "Planned"),
        "done": translate("VisitLabels", "Held, no report"),
        "reported": translate("VisitLabels", "Reported"),
        "submitted": translate("VisitLabels", "Submitted, awaiting sync"),
        "cancelled": translate("VisitLabels", "Cancelled"),
        "rescheduled": translate("VisitLabels", "Rescheduled"),
    }
    return texts.get(status, status)


def readiness_text(level: str) -> str:
    """The traffic light of a planned visit, in the window's words."""
    texts = {
        "red": translate("VisitLabels", "not ready"),
        "amber": translate("VisitLabels", "nearly ready"),
        "green": translate("VisitLabels", "ready"),
    }
    return texts.get(level, level)


def readiness_cell(readiness: Any, leg: Leg | None) -> str:
    """«не готов: опаздывает 77 %»: red by a critical item (the checklist's lateness
    rules) whatever the score says why, as the window's checklist does."""
    from kamdesk.commands.language import current
    from kamdesk.services.formatting import percent

    text = readiness_text(readiness.level.value)
    if readiness.level.value == "red" and (why := _blocking(leg)):
        text = f"{text}: {why}"
    return f"{text} {percent(readiness.score, current(), decimals=0)}"


def _blocking(leg: Leg | None) -> str | None:
    """The critical lateness item that fails (checklist «1. Being late»), in short."""
    if leg is None or (leg.departure_at is None and not leg.overlaps):
        return translate("VisitLabels", "no travel time")
    if leg.overlaps:
        return translate("VisitLabels", "overlaps another visit")
    if leg.unreachable:
        return translate("VisitLabels", "late")
    return None


def day_option(parser: Any, flag: str, dest: str, text: str, required: bool = False) -> None:
    """A date option whose help says how dates are typed."""
    parser.add_argument(
        flag,
        dest=dest,
        type=parse_day,
        required=required,
        metavar=translate("CommandLine", "DATE"),
        help=f"{text} ({date_format()})",
    )


def output_option(parser: Any, text: str) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=translate("CommandLine", "FILE"),
        help=text,
    )


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "visit",
        help=translate("VisitCommand", "list visits, export them to .ics, print a pre-call brief"),
        description=translate(
            "VisitCommand",
            "Visits in this computer's time zone (or --tz), as in the window's Visits page.",
        ),
    )
    commands = parser.add_subparsers(
        dest="visit_command",
        metavar=translate("CommandLine", "ACTION"),
        title=translate("CommandLine", "actions"),
        required=True,
    )

    listing = commands.add_parser(
        "list",
        help=translate("VisitCommand", "visits with their id, time, status, readiness and client"),
        description=translate(
            "VisitCommand",
            "One line per visit: the first characters of its id (for `visit brief`), the "
            "day and time, the status, the readiness of a planned visit, the client, and "
            "what makes it late.",
        ),
    )
    day_option(
        listing,
        "--from",
        "first",
        translate(
            "VisitCommand",
            "the first day; default: the Monday of this week (of the week of --to if given)",
        ),
    )
    day_option(
        listing,
        "--to",
        "last",
        translate("VisitCommand", "the last day; default: 6 days after --from (a Sunday)"),
    )
    listing.set_defaults(handler=run_list)

    ics = commands.add_parser(
        "ics",
        help=translate("VisitCommand", "export visits to an iCalendar file for the phone"),
        description=translate(
            "VisitCommand", "Export the visits of the days given to an .ics file."
        ),
    )
    day_option(ics, "--from", "first", translate("VisitCommand", "the first day"), required=True)
    day_option(ics, "--to", "last", translate("VisitCommand", "the last day"), required=True)
    output_option(ics, translate("VisitCommand", "the .ics file to write"))
    ics.set_defaults(handler=run_ics)

    brief = commands.add_parser(
        "brief",
        help=translate("VisitCommand", "the one-page pre-call brief of a visit as PDF"),
        description=translate(
            "VisitCommand",
            "The one-page pre-call brief of a visit as PDF, in the language of the run.",
        ),
    )
    brief.add_argument(
        "visit",
        metavar=translate("VisitCommand", "VISIT"),
        help=translate("VisitCommand", "the visit's id (or its first characters, as listed)"),
    )
    output_option(brief, translate("VisitCommand", "the PDF file to write"))
    brief.set_defaults(handler=run_brief)


def open_existing_store(db: Path) -> Store | None:
    from kamdesk.services.workspace import StoreError, open_workspace

    if not db.exists():
        fail(
            translate(
                "VisitCommand", "no store at {db}; give --db or create one with `kamdesk demo`"
            ).format(db=db)
        )
        return None
    try:
        return open_workspace(db).store
    except StoreError as error:
        fail(store_problem(error))
        return None


def _check_range(first: date, last: date) -> str | None:
    if last < first:
        return translate("VisitCommand", "--to is before --from")
    if (last - first).days > 366:
        return translate("VisitCommand", "the range is longer than a year")
    return None


def run_list(args: argparse.Namespace) -> int:
    from kamdesk.services.visits import local_day, visits_on_days
    from kamdesk.services.visits.travel import zone

    first, last = listed_days(
        args.first, args.last, local_day(datetime.now().astimezone(), args.tz)
    )
    if problem := _check_range(first, last):
        return fail(problem)
    store = open_existing_store(args.db)
    if store is None:
        return 1
    try:
        rows = visits_on_days(store, first, last, args.tz)
    finally:
        store.close()
    # The period first, above the table, on stderr: what `| grep` or a script reads
    # stays the table alone.
    print(
        translate("VisitCommand", "visits from {first} to {last} ({zone}): {count}").format(
            first=f"{first:%d.%m.%Y}", last=f"{last:%d.%m.%Y}", zone=args.tz, count=len(rows)
        ),
        file=sys.stderr,
        flush=True,
    )
    local = zone(args.tz)
    statuses = [status_text(row.status.value, row.delivered) for row in rows]
    readiness = [readiness_cell(row.readiness, row.leg) if row.readiness else "—" for row in rows]
    status_width = max([len(text) for text in statuses] + [11])
    ready_width = max([len(text) for text in readiness] + [10])
    # A call is told from a visit in words: «Звонок» / «Визит».
    kinds = [
        translate("VisitChannel", "Call") if row.is_call else translate("VisitChannel", "Visit")
        for row in rows
    ]
    kind_title = translate("VisitCommand", "kind")
    kind_width = max([len(text) for text in kinds] + [len(kind_title), 6])
    visit_id, day = translate("VisitCommand", "id"), translate("VisitCommand", "date")
    clock, status_title = translate("VisitCommand", "time"), translate("VisitCommand", "status")
    ready_title = translate("VisitCommand", "readiness")
    client = translate("VisitCommand", "client")
    # Two spaces between the word columns: «Звонок  Запланирован» reads as two cells.
    print(
        f"{visit_id:<8}  {day:<10} {clock:<11}  {kind_title:<{kind_width}}  "
        f"{status_title:<{status_width}}  {ready_title:<{ready_width}}  {client}"
    )
    for row, kind, status, ready in zip(rows, kinds, statuses, readiness, strict=True):
        # As the window shows it: a held visit at the time and length of its report.
        start, end = row.shown_start.astimezone(local), row.shown_end.astimezone(local)
        warning = f"  ! {problem}" if (problem := leg_problem(row.leg)) else ""
        print(
            f"{str(row.id)[:8]}  {start:%d.%m.%Y} {start:%H:%M}–{end:%H:%M}  {kind:<{kind_width}}  "
            f"{status:<{status_width}}  {ready:<{ready_width}}  {row.account_name}{warning}"
        )
    return 0


def listed_days(first: date | None, last: date | None, today: date) -> tuple[date, date]:
    """The days `visit list` shows: the week of the window's week view, Monday to
    Sunday, by default: this week, or the week of --to; --from alone, its 7 days."""
    if first is None:
        anchor = last or today
        first = anchor - timedelta(days=anchor.weekday())
    return first, last or first + timedelta(days=6)


def run_ics(args: argparse.Namespace) -> int:
    from kamdesk.services.visits import export_ics

    if problem := _check_range(args.first, args.last):
        return fail(problem)
    store = open_existing_store(args.db)
    if store is None:
        return 1
    try:
        data = export_ics(store, args.first, args.last, args.tz)
    finally:
        store.close()
    try:
        args.output.write_bytes(data)
    except OSError as error:
        return fail(cannot_write(args.output, error))
    print(translate("VisitCommand", "wrote {path}").format(path=args.output))
    return 0


def cannot_write(path: Path, error: OSError) -> str:
    return translate("CommandLine", "cannot write {path}: {error}").format(
        path=path, error=error.strerror or error
    )


def leg_problem(leg: Leg | None) -> str | None:
    """Why a visit cannot be reached in time, in the words of the window's checklist."""
    if leg is None:
        return None
    if leg.overlaps:
        return translate("Visits", "Starts before the previous visit ends")
    if leg.unreachable:
        return translate(
            "Visits",
            "Cannot be reached in time: {travel} min on the road, {gap} min after the "
            "previous visit: {late} min late",
        ).format(travel=leg.travel_min, gap=leg.gap_min, late=leg.late_by_min)
    if leg.too_tight:
        return translate(
            "Visits",
            "Only {gap} min after the previous visit; {short} min short of travel and buffer",
        ).format(gap=leg.gap_min, short=leg.short_by_min)
    return None


def resolve_visit(store: Store, text: str) -> uuid.UUID | str:
    """The visit whose id is or starts with `text`; an error message otherwise."""
    import uuid

    from sqlalchemy import func, select

    from kamdesk.models import Visit

    try:
        return uuid.UUID(text)
    except ValueError:
        pass
    prefix = text.strip().lower().replace("-", "")
    if len(prefix) < 4:
        return translate("VisitCommand", "give at least the first 4 characters of the visit id")
    if any(char not in "0123456789abcdef" for char in prefix):
        return translate("VisitCommand", "no visit with id {text}").format(text=text)
    with store.session() as session:
        # Ids are 16-byte keys: compare the prefix with their hex digits.
        matches = session.scalars(
            select(Visit.id).where(func.hex(Visit.id).like(f"{prefix.upper()}%")).limit(2)
        ).all()
    if not matches:
        return translate("VisitCommand", "no visit with id {text}").format(text=text)
    if len(matches) > 1:
        return translate(
            "VisitCommand", "more than one visit starts with {text}; give more characters"
        ).format(text=text)
    return matches[0]


def run_brief(args: argparse.Namespace) -> int:
    import uuid

    from kamdesk.services.visits import VisitError, brief_content

    store = open_existing_store(args.db)
    if store is None:
        return 1
    try:
        visit_id = resolve_visit(store, args.visit)
        if not isinstance(visit_id, uuid.UUID):
            return fail(visit_id)
        try:
            content = brief_content(store, visit_id, args.tz)
        except VisitError as error:
            return fail("; ".join(say(message) for message in error.messages.values()))
    finally:
        store.close()
    from kamdesk.documents.visits.brief_pdf import print_brief
    from kamdesk.i18n import catalogue_translator

    try:
        printed = print_brief(content, args.output, args.lang, catalogue_translator(args.lang))
    except OSError as error:
        return fail(cannot_write(args.output, error))
    # The brief is made, so the exit code stays 0; what is not quite right is said on stderr.
    for warning in printed.warnings:
        warn(warning)
    print(translate("VisitCommand", "wrote {path}").format(path=args.output))
    return 0
