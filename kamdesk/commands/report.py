"""`kamdesk report visits`: the reports of a period for the manager, as XLSX or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kamdesk.commands import fail
from kamdesk.commands.visit import DEFAULT_TZ, open_existing_store, parse_day


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="reports for the manager")
    reports = parser.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    visits = reports.add_parser(
        "visits",
        help="visit reports and KPIs of a period as XLSX or PDF",
        description="One row per visit with every report field, and a summary of the KPIs "
        "(visits held vs planned, clients covered vs overdue, offers sent and accepted, "
        "follow-ups done on time). Contacts appear by name, position and role only.",
    )
    visits.add_argument("--from", dest="first", type=parse_day, required=True)
    visits.add_argument("--to", dest="last", type=parse_day, required=True)
    visits.add_argument("--format", choices=("xlsx", "pdf"), default=None)
    visits.add_argument("-o", "--output", type=Path, required=True)
    visits.add_argument("--lang", choices=("ru", "en"), default="ru", help="language (ru)")
    visits.add_argument(
        "--account", action="append", default=[], help="only this client's id (repeatable)"
    )
    visits.add_argument(
        "--kind",
        action="append",
        default=[],
        help="only clients of this kind: hospital, pharmacy_chain, pharmacy, distributor, "
        "health_authority, other (repeatable)",
    )
    visits.add_argument("--tz", default=DEFAULT_TZ, help=f"your time zone ({DEFAULT_TZ})")
    visits.set_defaults(handler=run_visits)


def run_visits(args: argparse.Namespace) -> int:
    import uuid

    from kamdesk.services.visits import AccountKind, ExportFilter, manager_export

    fmt = args.format or args.output.suffix.lstrip(".").lower()
    if fmt not in ("xlsx", "pdf"):
        return fail("give --format xlsx or pdf (or an output file ending in .xlsx or .pdf)")
    if args.last < args.first:
        return fail("--to is before --from")
    try:
        kinds = frozenset(AccountKind(kind) for kind in args.kind)
    except ValueError as error:
        return fail(str(error))
    try:
        accounts = frozenset(uuid.UUID(account) for account in args.account)
    except ValueError:
        return fail("--account takes a client's full id")
    store = open_existing_store(args.db)
    if store is None:
        return 1
    try:
        export = manager_export(
            store, ExportFilter(args.first, args.last, accounts, kinds, args.tz)
        )
    finally:
        store.close()
    try:
        if fmt == "xlsx":
            from kamdesk.documents.visits.report_xlsx import write_visits_xlsx

            write_visits_xlsx(export, args.output, args.lang)
        else:
            from kamdesk.documents.visits.report_pdf import print_visits_pdf
            from kamdesk.i18n import catalogue_translator

            printed = print_visits_pdf(export, args.output, args.lang)
            translate = catalogue_translator(args.lang)
            for warning in printed.warnings:
                print(f"kamdesk: warning: {translate(warning)}", file=sys.stderr)
    except OSError as error:
        return fail(f"cannot write {args.output}: {error}")
    print(f"wrote {args.output}: {len(export.rows)} visits")
    return 0
