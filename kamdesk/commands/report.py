"""`kamdesk report visits`: the reports of a period for the manager, as XLSX or PDF."""

from __future__ import annotations

import argparse
from typing import Any

from kamdesk.commands import fail, warn
from kamdesk.commands.language import translate
from kamdesk.commands.visit import cannot_write, day_option, open_existing_store, output_option

KINDS = (
    "hospital",
    "pharmacy_chain",
    "pharmacy",
    "distributor",
    "health_authority",
    "insurance_fund",
    "other",
)


def kind_text(kind: str) -> str:
    """A kind of client as the window names it."""
    texts = {
        "hospital": translate("AccountKind", "Hospital / clinic"),
        "pharmacy_chain": translate("AccountKind", "Pharmacy chain"),
        "pharmacy": translate("AccountKind", "Pharmacy"),
        "distributor": translate("AccountKind", "Distributor"),
        "health_authority": translate("AccountKind", "Health authority"),
        "insurance_fund": translate("AccountKind", "Compulsory health insurance fund"),
        "other": translate("AccountKind", "Other"),
    }
    return texts[kind]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help=translate("ReportCommand", "reports for the manager"),
        description=translate(
            "ReportCommand", "Reports for the manager, as the window exports them."
        ),
    )
    reports = parser.add_subparsers(
        dest="report_command",
        metavar=translate("ReportCommand", "REPORT"),
        title=translate("ReportCommand", "reports"),
        required=True,
    )
    visits = reports.add_parser(
        "visits",
        help=translate("ReportCommand", "visit reports and KPIs of a period as XLSX or PDF"),
        description=translate(
            "ReportCommand",
            "One row per visit with every report field, and a summary of the KPIs "
            "(visits held vs planned, clients covered vs overdue, offers sent and accepted, "
            "follow-ups done on time). Contacts appear by name, position and role only. "
            "The document is in the language of the run (--lang).",
        ),
    )
    day_option(
        visits, "--from", "first", translate("ReportCommand", "the first day"), required=True
    )
    day_option(visits, "--to", "last", translate("ReportCommand", "the last day"), required=True)
    visits.add_argument(
        "--format",
        choices=("xlsx", "pdf"),
        default=None,
        help=translate("ReportCommand", "xlsx or pdf; default: from the output file's extension"),
    )
    output_option(visits, translate("ReportCommand", "the file to write (.xlsx or .pdf)"))
    visits.add_argument(
        "--account",
        action="append",
        default=[],
        metavar=translate("ReportCommand", "ID"),
        help=translate("ReportCommand", "only this client, by its full id (repeatable)"),
    )
    visits.add_argument(
        "--kind",
        action="append",
        default=[],
        choices=KINDS,
        metavar=translate("ReportCommand", "KIND"),
        help=translate("ReportCommand", "only clients of this kind: {kinds} (repeatable)").format(
            kinds=", ".join(f"{kind} ({kind_text(kind)})" for kind in KINDS)
        ),
    )
    visits.set_defaults(handler=run_visits)


def run_visits(args: argparse.Namespace) -> int:
    import uuid

    from kamdesk.services.visits import AccountKind, ExportFilter, manager_export

    fmt = args.format or args.output.suffix.lstrip(".").lower()
    if fmt not in ("xlsx", "pdf"):
        return fail(
            translate(
                "ReportCommand",
                "give --format xlsx or pdf (or an output file ending in .xlsx or .pdf)",
            )
        )
    if args.last < args.first:
        return fail(translate("VisitCommand", "--to is before --from"))
    try:
        kinds = frozenset(AccountKind(kind) for kind in args.kind)
    except ValueError as error:
        return fail(str(error))
    try:
        accounts = frozenset(uuid.UUID(account) for account in args.account)
    except ValueError:
        return fail(translate("ReportCommand", "--account takes a client's full id"))
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

            printed = print_visits_pdf(export, args.output, args.lang)
            for warning in printed.warnings:
                warn(warning)
    except OSError as error:
        return fail(cannot_write(args.output, error))
    print(
        translate("ReportCommand", "wrote {path}: visits: {count}").format(
            path=args.output, count=len(export.rows)
        )
    )
    return 0
