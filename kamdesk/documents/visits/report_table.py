"""The manager's report as rows of cells, shared by the XLSX and the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from kamdesk.documents.visits.labels import (
    CHANNEL,
    KIND,
    KPI_LABELS,
    ROLE,
    SENTIMENT,
    STATUS,
    TEXT,
    VISIT_COLUMNS,
    pick,
)
from kamdesk.services.visits.export import ExportRow, Kpis, ManagerExport

Cell = str | int | float | date | datetime | time | None


@dataclass(frozen=True)
class KpiLine:
    label: str
    value: int
    out_of: int | None
    share: float | None  # 0..1


def headers(language: str) -> list[str]:
    return [pick(label, language) for label in VISIT_COLUMNS.values()]


def _yes_no(value: bool | None, language: str) -> str:
    if value is None:
        return ""
    return pick(TEXT["yes"] if value else TEXT["no"], language)


def _moment(value: datetime | None) -> datetime | None:
    """Spreadsheets know no time zones: the local wall-clock time, to the minute."""
    return value.replace(tzinfo=None, second=0, microsecond=0) if value else None


def visit_cells(row: ExportRow, language: str) -> list[Cell]:
    """One visit as cells in the order of VISIT_COLUMNS; dates stay dates (naive local)."""
    off_plan = " " + pick(TEXT["not_planned"], language)
    attendees = "\n".join(
        " — ".join(
            part
            for part in (
                a.full_name,
                a.position,
                pick(ROLE[a.dmu_role], language) if a.dmu_role else "",
            )
            if part
        )
        + ("" if a.planned else off_plan)
        for a in row.attendees
        if a.attended is not False
    )
    unplanned = list(row.products_unplanned)
    products = []
    for name in row.products_discussed:
        if name in unplanned:
            unplanned.remove(name)
            name += off_plan
        products.append(name)
    steps = "\n".join(
        f"{step.title}"
        + (f" ({pick(TEXT['due'], language)} {step.due_on:%d.%m.%Y})" if step.due_on else "")
        + (f" — {pick(TEXT['done'], language)}" if step.done else "")
        for step in row.next_steps
    )
    return [
        row.starts_at.date(),
        row.starts_at.time().replace(second=0, microsecond=0),
        row.duration_min,
        pick(CHANNEL[row.channel], language),
        row.account_name,
        pick(KIND[row.account_kind], language),
        row.city,
        pick(STATUS[row.status], language),
        _yes_no(row.is_commercial, language),
        row.objective,
        attendees,
        row.actual_start.replace(tzinfo=None, second=0, microsecond=0)
        if row.actual_start
        else None,
        row.actual_duration_min,
        _yes_no(row.objective_reached, language),
        row.outcome,
        row.agreements,
        row.objections_heard,
        "\n".join(products),
        row.questions_asked,
        steps,
        pick(SENTIMENT[row.sentiment], language) if row.sentiment else "",
        row.submitted_at.replace(tzinfo=None, second=0, microsecond=0)
        if row.submitted_at
        else None,
        "\n".join(row.addenda),
        row.cancel_reason,
    ]


def kpi_lines(kpis: Kpis, language: str) -> list[KpiLine]:
    def line(key: str, value: int, out_of: int | None = None) -> KpiLine:
        share = Kpis.share(value, out_of) if out_of is not None else None
        return KpiLine(pick(KPI_LABELS[key], language), value, out_of, share)

    return [
        line("visits_held", kpis.visits_held, kpis.visits_planned),
        line("visits_cancelled", kpis.visits_cancelled),
        line("reports_submitted", kpis.reports_submitted, kpis.contacts_held),
        line("calls_held", kpis.calls_held, kpis.calls_planned),
        line("contacts_held", kpis.contacts_held),
        line("accounts_covered", kpis.accounts_covered),
        line("accounts_overdue", kpis.accounts_overdue, kpis.accounts_with_target),
        line("offers_sent", kpis.offers_sent),
        line("offers_accepted", kpis.offers_accepted, kpis.offers_sent),
        line("follow_ups_on_time", kpis.follow_ups_done_on_time, kpis.follow_ups_due),
        line("follow_ups_late", kpis.follow_ups_done_late),
        line("follow_ups_open", kpis.follow_ups_open),
    ]


def title(export: ManagerExport, language: str) -> str:
    return pick(TEXT["title"], language).format(
        start=f"{export.filter.date_from:%d.%m.%Y}", end=f"{export.filter.date_to:%d.%m.%Y}"
    )


def filter_lines(export: ManagerExport, language: str) -> list[str]:
    """The KAM and territory the report is about, then the filters that narrowed it."""
    result = []
    kam = export.kam_name or export.filter.kam_name
    if kam:
        result.append(pick(TEXT["filter_kam"], language).format(name=kam))
    if export.territory:
        result.append(pick(TEXT["filter_territory"], language).format(name=export.territory))
    if export.filter.kinds:
        kinds = ", ".join(sorted(pick(KIND[k], language) for k in export.filter.kinds))
        result.append(pick(TEXT["filter_kinds"], language).format(kinds=kinds))
    if export.filter.account_ids:
        result.append(
            pick(TEXT["filter_accounts"], language).format(count=len(export.filter.account_ids))
        )
    return result
