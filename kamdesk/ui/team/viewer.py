"""A KAM's submitted report as the manager reads it: read-only, nothing to edit.

The report is locked once submitted (an addendum is the KAM's only way to add to
it) and the office refuses a manager's edit of it, so the viewer is a read-only
text browser, not the KAM's report form.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from kamdesk.ui.formatting import format_date, format_datetime
from kamdesk.ui.labels import label
from kamdesk.ui.team.models import kam_label, submitted_text, translate, yes_no
from kamdesk.ui.visits.common import sentiment_label

if TYPE_CHECKING:
    from kamdesk.services.team import TeamReport


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def report_html(report: TeamReport) -> str:
    """The report as rich text; every value typed by a KAM is escaped."""
    parts = [
        f"<h3>{_escape(report.account_name)}</h3>",
        "<p>"
        + "<br>".join(
            f"<b>{html.escape(name)}:</b> {value}"
            for name, value in (
                (translate("Team", "KAM"), _escape(kam_label(report.kam_name))),
                (translate("Team", "Client kind"), _escape(label(report.account_kind))),
                (translate("Team", "City"), _escape(report.city or "—")),
                (translate("Team", "Visit"), _escape(format_datetime(report.visit_at))),
                (
                    translate("Team", "Held"),
                    _escape(
                        format_datetime(report.actual_start)
                        + (
                            translate("Team", ", %1 min").replace(
                                "%1", str(report.actual_duration_min)
                            )
                            if report.actual_duration_min
                            else ""
                        )
                    )
                    or "—",
                ),
                (translate("Team", "Objective"), _escape(report.objective or "—")),
                (translate("Team", "Objective reached"), _escape(yes_no(report.objective_reached))),
                (
                    translate("Team", "Client mood"),
                    _escape(sentiment_label(report.sentiment) if report.sentiment else "—"),
                ),
            )
        )
        + "</p>",
    ]

    def block(title: str, body: str) -> None:
        parts.append(f"<p><b>{html.escape(title)}</b><br>{body or '—'}</p>")

    def listed(title: str, items: tuple[str, ...]) -> None:
        if not items:
            block(title, "")
            return
        parts.append(f'<p style="margin-bottom: 0;"><b>{html.escape(title)}</b></p>')
        parts.append(
            '<ul style="margin-top: 0; -qt-list-indent: 1;">'
            + "".join(f"<li>{_escape(i)}</li>" for i in items)
            + "</ul>"
        )

    block(translate("Team", "Outcome"), _escape(report.outcome))
    block(translate("Team", "Agreements"), _escape(report.agreements))
    listed(translate("Team", "Objections heard"), report.objections_heard)
    listed(translate("Team", "Products discussed"), report.products_discussed)
    listed(translate("Team", "Attendees"), report.attendees)
    listed(translate("Team", "Questions asked"), report.questions_asked)
    steps = tuple(
        step.title
        + (
            " — " + translate("Team", "due %1").replace("%1", format_date(step.due_on))
            if step.due_on
            else ""
        )
        + (" — " + translate("Team", "done") if step.done else "")
        for step in report.next_steps
    )
    listed(translate("Team", "Next steps"), steps)
    if report.addenda:
        listed(translate("Team", "Addenda"), report.addenda)
    late = submitted_text(report)
    submitted = (
        f'<span style="color: #b3261e;">{html.escape(late)}</span>'
        if report.late
        else html.escape(late)
    )
    not_yet = translate("Team", "not yet")
    delivered = format_datetime(report.delivered_at) if report.delivered_at else not_yet
    due = translate("Team", "due by %1").replace("%1", format_date(report.due_on))
    submitted_title = translate("Team", "Submitted")
    delivered_title = translate("Team", "Delivered")
    parts.append(
        f"<p><b>{html.escape(submitted_title)}:</b> {submitted or '—'} ({html.escape(due)})<br>"
        f"<b>{html.escape(delivered_title)}:</b> {html.escape(delivered)}</p>"
    )
    return "".join(parts)


class ReportViewer(QTextBrowser):
    """Shows one report, or says none is chosen. Read-only: typing changes nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamReportViewer")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self._report: TeamReport | None = None
        self._show()

    @property
    def report(self) -> TeamReport | None:
        return self._report

    def show_report(self, report: TeamReport | None) -> None:
        self._report = report
        self._show()

    def _show(self) -> None:
        if self._report is None:
            hint = translate("Team", "Choose a report in the list to read it.")
            self.setHtml(f"<p>{html.escape(hint)}</p>")
        else:
            self.setHtml(report_html(self._report))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
