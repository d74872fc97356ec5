#!/usr/bin/env python3
"""Render the Visits section offscreen for the documentation.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300 --seed 1
    python scripts/screenshots_visits.py --db /tmp/demo.sqlite --out docs/screenshots

Works on a copy of the store: it plans a week of visits next week, prepared
well, half-way and hardly at all, so the readiness colours all show. Writes
visits-week.png (the week) and checklist.png (a checklist with failing items).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import shotkit


def plan_week(workspace: Any, monday: date) -> list[Any]:
    """Eight visits Monday to Friday: complete plans, partial ones and bare ones."""
    from kamdesk.services.accounts import AccountFilter, AccountKind
    from kamdesk.services.visits import confirm_item, plan_defaults, plan_visit, planning_options

    store = workspace.store
    hospitals_and_chains = AccountFilter(
        kinds=frozenset({AccountKind.HOSPITAL, AccountKind.PHARMACY_CHAIN})
    )
    accounts = workspace.accounts.page(hospitals_and_chains, limit=40)
    moscow = ZoneInfo("Europe/Moscow")
    # With the demo's own visits these fill the week; one clash on Tuesday shows the warning.
    slots = [(0, 15, 0, 2), (1, 10, 30, 0), (2, 14, 0, 1), (3, 16, 0, 2), (4, 12, 30, 0)]
    ids = []
    for (day, hour, minute, care), row in zip(slots, accounts[::3], strict=False):
        start = datetime(monday.year, monday.month, monday.day, hour, minute, tzinfo=moscow)
        plan = plan_defaults(store, row.id, start + timedelta(days=day))
        options = planning_options(store, row.id)
        if care >= 1:
            plan.objective = "Согласовать включение препарата в заявку на 2027 год"
            plan.attendee_ids = [c.id for c in options.contacts[:2]]
            plan.product_ids = [p.id for p in options.products[:1]]
        if care >= 2:
            plan.agenda = "1. Итоги квартала. 2. Новая упаковка. 3. Условия поставки"
            plan.questions = ["Как вы выбираете поставщика?", "Что мешает росту?",
                              "Какие планы на следующий год?"]  # fmt: skip
            plan.materials = "Буклеты, сравнение с аналогами, прайс-лист"
            plan.travel_override_min = 25
        visit_id = plan_visit(store, plan)
        if care >= 2:
            for key in ("late.route", "arguing.calm", "interrupting.listen", "preparation.needs",
                        "manners.etiquette", "product.materials"):  # fmt: skip
                confirm_item(store, visit_id, key, True)
        ids.append(visit_id)
    return ids


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    # The script plans a week of visits: work on a copy, never on the store given.
    copy = Path(tempfile.mkdtemp(prefix="kamdesk-visits-")) / "visits.sqlite"
    shutil.copyfile(args.db, copy)
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    if today.weekday() >= 5:  # at the weekend, show the coming week
        monday += timedelta(days=7)
    planned: list[Any] = []
    session = shotkit.start(
        args, db=copy, before_window=lambda workspace: planned.extend(plan_week(workspace, monday))
    )
    workspace, window, ids = session.workspace, session.window, planned

    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.visits import VisitsPage

    window.show_section(SectionKey.VISITS)
    page = window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage)
    session.wait()
    page.go_to(monday + timedelta(days=1))
    session.wait()
    page.select(ids[0])
    session.wait()
    week_png = args.out / "visits-week.png"
    window.grab().save(str(week_png))
    print(f"wrote {week_png}")

    # A half-prepared visit, in a panel wide enough for the reasons to show in full.
    from kamdesk.ui.visits.checklist_view import ChecklistView

    checklist = ChecklistView(workspace)
    checklist.resize(760, 700)
    checklist.show_visit(ids[2])
    checklist.show()
    session.wait(lambda: True)
    checklist_png = args.out / "checklist.png"
    checklist.grab().save(str(checklist_png))
    checklist.close()
    print(f"wrote {checklist_png}")
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
