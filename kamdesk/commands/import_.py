"""`kamdesk import products FILE`: the office's price list, previewed, then all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kamdesk.commands import fail, store_problem
from kamdesk.commands.language import say, translate
from kamdesk.commands.visit import day_option


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help=translate("ImportCommand", "import data exported by the office (price lists)"),
        description=translate("ImportCommand", "Import data exported by the office (price lists)."),
    )
    kinds = parser.add_subparsers(
        dest="import_kind",
        metavar=translate("ImportCommand", "WHAT"),
        title=translate("ImportCommand", "what to import"),
        required=True,
    )
    products = kinds.add_parser(
        "products",
        help=translate("ImportCommand", "import a price list (CSV or XLSX, as 1C exports it)"),
        description=translate(
            "ImportCommand",
            "Import products and prices from CSV (UTF-8 or Windows-1251, `;` or `,`, "
            "decimal comma) or XLSX with Russian headers (Артикул, Наименование, МНН, Цена, "
            "Ставка НДС…). The encoding (also UTF-16), separator and columns are detected. "
            "The preview is printed first; a file with any bad row imports nothing, and each "
            "bad row is named with its row, column and what was in the cell. A SKU of an "
            "archived product restores that product.",
        ),
    )
    products.add_argument(
        "file",
        type=Path,
        metavar=translate("CommandLine", "FILE"),
        help=translate("ImportCommand", "the CSV or XLSX file"),
    )
    day_option(
        products,
        "--valid-from",
        "valid_from",
        translate("ImportCommand", "the day the prices apply from; default: today"),
    )
    products.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("ImportCommand", "only show what would change; write nothing"),
    )
    products.add_argument(
        "--accept-price-jumps",
        action="store_true",
        help=translate(
            "ImportCommand",
            "import even when prices change by half or more (without it such a file is "
            "refused: that is most often a typo)",
        ),
    )
    products.set_defaults(handler=run_products)


def action_text(action: str) -> str:
    """What a row of the price list does to the catalogue."""
    texts = {
        "new": translate("ImportCommand", "new"),
        "update": translate("ImportCommand", "update"),
        "price": translate("ImportCommand", "price"),
        "unchanged": translate("ImportCommand", "unchanged"),
        "restore": translate("ImportCommand", "restore"),
    }
    return texts.get(action, action)


def field_text(name: str) -> str:
    """A column of the price list in the words of the import window (its context, so
    the window's translations serve the command line too)."""
    texts = {
        "sku": translate("PriceImportDialog", "SKU"),
        "price": translate("PriceImportDialog", "price"),
        "code_1c": translate("PriceImportDialog", "1C code"),
        "kind": translate("PriceImportDialog", "product kind"),
        "vat_kind": translate("PriceImportDialog", "VAT treatment"),
        "trade_name": translate("PriceImportDialog", "trade name"),
        "inn_name": translate("PriceImportDialog", "INN"),
        "dosage_form": translate("PriceImportDialog", "form"),
        "dosage": translate("PriceImportDialog", "dosage"),
        "pack": translate("PriceImportDialog", "pack"),
        "registration_number": translate("PriceImportDialog", "registration number"),
        "product_group": translate("PriceImportDialog", "group"),
        "vat_rate": translate("PriceImportDialog", "VAT"),
    }
    return texts.get(name, name)


def _price(value: Any) -> str:
    """«1 234,50» in Russian, «1,234.50» in English: the run's language."""
    from kamdesk.commands.language import current
    from kamdesk.services.formatting import number

    return number(value, 2, current())


def _jumps_accepted(plan: Any, args: argparse.Namespace) -> bool:
    """Name the prices that change by half or more; go on only when told to (or when
    nothing is written anyway)."""
    from kamdesk.commands.language import current
    from kamdesk.services.formatting import percent

    for row in plan.price_jumps:
        change = row.price_change
        sign = "+" if change > 0 else "−"
        line = translate(
            "ImportCommand", "row {number}: {sku} {name}: the price changes {change}: {old} → {new}"
        ).format(
            number=row.row_number,
            sku=row.sku,
            name=row.trade_name,
            change=sign + percent(abs(change) * 100, current(), decimals=0),
            old=_price(row.old_price),
            new=_price(row.new_price),
        )
        print(line, file=sys.stderr)
    if args.accept_price_jumps or args.dry_run:
        return True
    print(
        translate(
            "ImportCommand",
            "prices that change by half or more: {count}; nothing was imported: check them "
            "and, if they are right, run again with --accept-price-jumps",
        ).format(count=len(plan.price_jumps)),
        file=sys.stderr,
    )
    return False


def run_products(args: argparse.Namespace) -> int:
    from kamdesk.services.products import RowAction, apply_import, plan_import
    from kamdesk.services.workspace import StoreError, open_workspace

    if not args.file.is_file():
        return fail(translate("ImportCommand", "{path} is not a file").format(path=args.file))
    try:
        workspace = open_workspace(args.db)
    except StoreError as error:
        return fail(store_problem(error))
    try:
        plan = plan_import(workspace.store, args.file, args.valid_from)
        detected = plan.file_format.upper()
        if plan.file_format == "csv":
            separator = {"\t": translate("ImportCommand", "tab")}.get(
                plan.delimiter, plan.delimiter
            )
            detected += translate("ImportCommand", ", {encoding}, separator «{separator}»").format(
                encoding=plan.encoding, separator=separator
            )
        print(
            translate("ImportCommand", "{path}: {detected}; columns: {columns}").format(
                path=args.file,
                detected=detected or "?",
                columns=", ".join(field_text(name) for name in plan.columns) or "—",
            )
        )
        for row in plan.rows:
            if row.action == RowAction.UNCHANGED:
                continue
            old = f"{_price(row.old_price)} → " if row.old_price is not None else ""
            changed = ", ".join(field_text(name) for name in row.changed_fields)
            fields = f" ({changed})" if changed else ""
            if row.action == RowAction.RESTORE:
                fields += translate("ImportCommand", " — restored from the archive")
            line = translate(
                "ImportCommand", "  row {number}: {action} {sku} {name} {old}{new}{fields}"
            )
            print(
                line.format(
                    number=f"{row.row_number:>4}",
                    action=f"{action_text(row.action.value):<10}",
                    sku=f"{row.sku:<16}",
                    name=f"{row.trade_name[:40]:<40}",
                    old=old,
                    new=_price(row.new_price),
                    fields=fields,
                )
            )
        counts = ", ".join(f"{action_text(a.value)}: {plan.count(a)}" for a in RowAction)
        print(
            translate("ImportCommand", "good rows: {count} ({counts})").format(
                count=len(plan.rows), counts=counts
            )
        )
        if plan.errors:
            for bad_row in plan.errors:
                fail(bad_row.describe(say))
            print(
                translate(
                    "ImportCommand",
                    "problems: {count}; nothing was imported: correct the file and run again",
                ).format(count=len(plan.errors)),
                file=sys.stderr,
            )
            return 1
        if plan.price_jumps and not _jumps_accepted(plan, args):
            return 1
        if args.dry_run:
            print(translate("ImportCommand", "dry run: nothing was written"))
            return 0
        try:
            apply_import(workspace.store, plan)
        except StoreError as error:  # busy or full: the transaction was rolled back
            return fail(
                translate("ImportCommand", "{problem}; nothing was imported").format(
                    problem=store_problem(error)
                )
            )
    finally:
        workspace.close()
    print(
        translate("ImportCommand", "imported: a price list valid from {day}").format(
            day=f"{plan.valid_from:%d.%m.%Y}"
        )
    )
    return 0
