"""`kamdesk import products FILE`: the office's price list, previewed, then all or nothing."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kamdesk.commands import fail


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import", help="import data exported by the office (price lists)"
    )
    kinds = parser.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    products = kinds.add_parser(
        "products",
        help="import a price list (CSV or XLSX, as 1C exports it)",
        description="Import products and prices from CSV (UTF-8 or Windows-1251, `;` or `,`, "
        "decimal comma) or XLSX with Russian headers (Артикул, Наименование, МНН, Цена, "
        "Ставка НДС…). The encoding (also UTF-16), separator and columns are detected. The "
        "preview is printed first; a file with any bad row imports nothing, and each bad row "
        "is named with its row, column and what was in the cell. A SKU of an archived product "
        "restores that product.",
    )
    products.add_argument("file", type=Path, help="the CSV or XLSX file")
    products.add_argument(
        "--valid-from",
        type=date.fromisoformat,
        default=None,
        help="the date the prices apply from, YYYY-MM-DD (default: today)",
    )
    products.add_argument(
        "--dry-run", action="store_true", help="only show what would change; write nothing"
    )
    products.set_defaults(handler=run_products)


def run_products(args: argparse.Namespace) -> int:
    from kamdesk.services.products import RowAction, apply_import, plan_import
    from kamdesk.services.workspace import StoreError, open_workspace

    if not args.file.is_file():
        return fail(f"{args.file} is not a file")
    try:
        workspace = open_workspace(args.db)
    except StoreError as error:
        return fail(str(error))
    try:
        plan = plan_import(workspace.store, args.file, args.valid_from)
        detected = plan.file_format.upper()
        if plan.file_format == "csv":
            separator = {"\t": "tab"}.get(plan.delimiter, plan.delimiter)
            detected += f", {plan.encoding}, separator «{separator}»"
        print(f"{args.file}: {detected or '?'}; columns: {', '.join(plan.columns) or '—'}")
        for row in plan.rows:
            if row.action == RowAction.UNCHANGED:
                continue
            old = f"{row.old_price} → " if row.old_price is not None else ""
            fields = f" ({', '.join(row.changed_fields)})" if row.changed_fields else ""
            if row.action == RowAction.RESTORE:
                fields += " — restored from the archive"
            print(
                f"  row {row.row_number:>4}: {row.action.value:<7} {row.sku:<16} "
                f"{row.trade_name[:40]:<40} {old}{row.new_price}{fields}"
            )
        counts = ", ".join(f"{a.value} {plan.count(a)}" for a in RowAction)
        print(f"{len(plan.rows)} good rows: {counts}")
        if plan.errors:
            for bad_row in plan.errors:
                print(f"kamdesk: error: {bad_row}", file=sys.stderr)
            print(
                f"{len(plan.errors)} problems: nothing was imported; correct the file and "
                "run again",
                file=sys.stderr,
            )
            return 1
        if args.dry_run:
            print("dry run: nothing was written")
            return 0
        try:
            apply_import(workspace.store, plan)
        except StoreError as error:  # busy or full: the transaction was rolled back
            return fail(f"{error}; nothing was imported")
    finally:
        workspace.close()
    print(f"imported: a price list valid from {plan.valid_from:%d.%m.%Y}")
    return 0
