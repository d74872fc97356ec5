#!/usr/bin/env python3
"""Render the Visits section's day and list views and every dialog of a visit offscreen.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots_visit_dialogs.py --db /tmp/demo.sqlite --out docs/screenshots

Works on a copy of the store, and closes every dialog without saving. Writes
visits-day.png and visits-list.png, and under dialogs/: plan-visit.png,
plan-call.png, held-time.png (when a visit planned for later was held),
cancel-reason.png, reschedule.png, route.png (the day's route), report-form.png,
submit-reports.png and export.png. Each dialog is opened with the page's own
buttons, drawn over the window.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import shotkit


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    copy = Path(tempfile.mkdtemp(prefix="kamdesk-visit-dialogs-")) / "visits.sqlite"
    shutil.copyfile(args.db, copy)
    session = shotkit.start(args, db=copy)
    window = session.window
    save = shotkit.saver(args.out)
    save_dialog = shotkit.saver(args.out, "dialogs")

    from kamdesk.services.visits import VisitStatus
    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.visits import VisitsPage
    from kamdesk.ui.visits.page import DAY, LIST

    window.show_section(SectionKey.VISITS)
    page = window.section_page(SectionKey.VISITS)
    assert isinstance(page, VisitsPage)
    session.wait()
    now = datetime.now(UTC)

    def first(status: VisitStatus, later: bool | None = None) -> Any:
        rows = [r for r in page.rows() if r.status == status]
        if later is not None:
            rows = [r for r in rows if (r.starts_at > now) == later]
        return min(rows, key=lambda r: abs(r.starts_at - now)) if rows else None

    def click(key: str) -> Any:
        return page.buttons[key].click

    # The day: today, or the nearest day with a planned visit.
    coming = first(VisitStatus.PLANNED, later=True)
    page.set_mode(DAY)
    if coming is not None:
        page.select(coming.id)
    session.wait()
    save(window.grab(), "visits-day.png")
    page.set_mode(LIST)
    session.wait()
    save(window.grab(), "visits-list.png")

    save_dialog(shotkit.catch(session, click("new"))[0], "plan-visit.png")
    save_dialog(shotkit.catch(session, click("call"))[0], "plan-call.png")

    if coming is None:
        print("no visit planned for later in this store: held, cancel, reschedule skipped")
    else:
        for key, name in (("done", "held-time.png"), ("cancel", "cancel-reason.png"),
                          ("reschedule", "reschedule.png")):  # fmt: skip
            page.select(coming.id)
            session.wait()
            save_dialog(shotkit.catch(session, click(key))[0], name)
        page.set_mode(DAY)
        page.select(coming.id)
        session.wait()
        save_dialog(shotkit.catch(session, click("route"))[0], "route.png")

    held = first(VisitStatus.DONE) or first(VisitStatus.PLANNED, later=False)
    if held is None:
        print("no held visit in this store: the report form skipped")
    else:
        page.select(held.id)
        session.wait()
        picture, _form = shotkit.catch(session, click("open"))
        save_dialog(picture, "report-form.png")

    # Submitting: the completed reports of this month selected in the list.
    page.set_mode(LIST)
    session.wait()
    reported = _select_reported(page)
    if not reported:
        page.move_days(-31)
        session.wait()
        reported = _select_reported(page)
    if reported:
        save_dialog(shotkit.catch(session, click("submit"))[0], "submit-reports.png")
    else:
        print("no completed report in the list: submit skipped")

    save_dialog(shotkit.catch(session, click("export"))[0], "export.png")
    window.close()
    session.workspace.close()
    return 0


def _select_reported(page: Any) -> int:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    from kamdesk.services.visits import VisitStatus

    model, chosen = page.list_model, QItemSelection()
    count = 0
    for row in range(model.rowCount()):
        if model.record(row).status == VisitStatus.REPORTED and count < 3:
            chosen.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
            count += 1
    page.table.selectionModel().select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    return count


if __name__ == "__main__":
    sys.exit(main())
