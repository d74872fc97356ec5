"""`kamdesk visit`: list visits, export them to a phone calendar, print a pre-call brief."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.commands import fail

if TYPE_CHECKING:
    import uuid

    from kamdesk.store import Store

DEFAULT_TZ = "Europe/Moscow"


def parse_day(text: str) -> date:
    """ISO (2026-05-12) or Russian (12.05.2026) dates."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"not a date: {text!r} (use 2026-05-12 or 12.05.2026)")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "visit", help="list visits, export them to .ics, print a pre-call brief"
    )
    commands = parser.add_subparsers(dest="visit_command", metavar="ACTION", required=True)

    listing = commands.add_parser(
        "list", help="visits with their id, client, time, status and readiness"
    )
    listing.add_argument("--from", dest="first", type=parse_day, help="first day (today)")
    listing.add_argument("--to", dest="last", type=parse_day, help="last day (--from + 6 days)")
    listing.add_argument("--tz", default=DEFAULT_TZ, help=f"your time zone ({DEFAULT_TZ})")
    listing.set_defaults(handler=run_list)

    ics = commands.add_parser("ics", help="export visits to an iCalendar file for the phone")
    ics.add_argument("--from", dest="first", type=parse_day, required=True)
    ics.add_argument("--to", dest="last", type=parse_day, required=True)
    ics.add_argument("-o", "--output", type=Path, required=True, help="the .ics file to write")
    ics.add_argument("--tz", default=DEFAULT_TZ, help=f"your time zone ({DEFAULT_TZ})")
    ics.set_defaults(handler=run_ics)

    brief = commands.add_parser("brief", help="the one-page pre-call brief of a visit as PDF")
    brief.add_argument("visit", help="the visit's id (or its first characters, as listed)")
    brief.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    brief.add_argument("--tz", default=DEFAULT_TZ, help=f"your time zone ({DEFAULT_TZ})")
    brief.add_argument(
        "--lang", choices=("ru", "en"), default="ru", help="language of the brief (ru)"
    )
    brief.set_defaults(handler=run_brief)


def open_existing_store(db: Path) -> Store | None:
    from kamdesk.services.workspace import StoreError, open_workspace

    if not db.exists():
        fail(f"no store at {db}; give --db or create one with `kamdesk demo`")
        return None
    try:
        return open_workspace(db).store
    except StoreError as error:
        fail(str(error))
        return None


def _check_range(first: date, last: date) -> str | None:
    if last < first:
        return "--to is before --from"
    if (last - first).days > 366:
        return "the range is longer than a year"
    return None


def run_list(args: argparse.Namespace) -> int:
    from kamdesk.services.visits import local_day, visits_on_days
    from kamdesk.services.visits.travel import zone

    first = args.first or local_day(datetime.now().astimezone(), args.tz)
    last = args.last or first + timedelta(days=6)
    if problem := _check_range(first, last):
        return fail(problem)
    store = open_existing_store(args.db)
    if store is None:
        return 1
    try:
        rows = visits_on_days(store, first, last, args.tz)
    finally:
        store.close()
    local = zone(args.tz)
    print(f"{'id':<8}  {'date':<10} {'time':<11}  {'status':<11} {'ready':<10}  client")
    for row in rows:
        start, end = row.starts_at.astimezone(local), row.ends_at.astimezone(local)
        ready = f"{row.readiness.level.value} {row.readiness.score}%" if row.readiness else "—"
        warning = ""
        if row.leg and row.leg.overlaps:
            warning = "  ! overlaps the previous visit"
        elif row.leg and row.leg.unreachable:
            warning = f"  ! late by {row.leg.late_by_min} min: cannot arrive on time"
        elif row.leg and row.leg.too_tight:
            warning = f"  ! {row.leg.short_by_min} min short to arrive on time"
        print(
            f"{str(row.id)[:8]}  {start:%d.%m.%Y} {start:%H:%M}–{end:%H:%M}  "
            f"{row.status.value:<11} {ready:<10}  {row.account_name}{warning}"
        )
    print(f"{len(rows)} visits from {first:%d.%m.%Y} to {last:%d.%m.%Y}", file=sys.stderr)
    return 0


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
        return fail(f"cannot write {args.output}: {error}")
    print(f"wrote {args.output}")
    return 0


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
        return "give at least the first 4 characters of the visit id"
    if any(char not in "0123456789abcdef" for char in prefix):
        return f"no visit with id {text}"
    with store.session() as session:
        # Ids are 16-byte keys: compare the prefix with their hex digits.
        matches = session.scalars(
            select(Visit.id).where(func.hex(Visit.id).like(f"{prefix.upper()}%")).limit(2)
        ).all()
    if not matches:
        return f"no visit with id {text}"
    if len(matches) > 1:
        return f"more than one visit starts with {text}; give more characters"
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
            return fail(str(error))
    finally:
        store.close()
    from kamdesk.documents.visits.brief_pdf import print_brief
    from kamdesk.i18n import catalogue_translator

    translate = catalogue_translator(args.lang)
    try:
        printed = print_brief(content, args.output, args.lang, translate)
    except OSError as error:
        return fail(f"cannot write {args.output}: {error}")
    # The brief is made, so the exit code stays 0; what is not quite right is said on stderr.
    for warning in printed.warnings:
        print(f"kamdesk: warning: {translate(warning)}", file=sys.stderr)
    print(f"wrote {args.output}")
    return 0
