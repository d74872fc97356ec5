"""The KAMs' calendars: a year of visits behind (reports, follow-ups) and 3 weeks ahead,
with calls between them (kamdesk.services.demo.calls).

The visits of the KAMs the caller names (the laptop's own KAM on a laptop, the whole
team for the office): every 4–10 weeks to each key account, now and then to other
accounts they own, each visit owned by the account's KAM. Times are 09:00–18:00
Moscow time, stored in UTC; a day's calls come after its visits.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from kamdesk.models import (
    AccountKind,
    AccountStatus,
    FollowUpTask,
    Sentiment,
    Visit,
    VisitAttendee,
    VisitProduct,
    VisitReport,
    VisitStatus,
)
from kamdesk.services.demo.accounts import AccountPlan
from kamdesk.services.demo.calls import held, is_call, plan_calls
from kamdesk.services.demo.catalog import ProductRef
from kamdesk.services.demo.catalog_data import HOSPITAL_OBJECTIONS, RETAIL_OBJECTIONS
from kamdesk.services.demo.common import Clock, DemoRandom, Writer, syncable
from kamdesk.services.demo.contacts import ContactRef
from kamdesk.services.demo.sales import SalesPlan
from kamdesk.services.demo.visit_plan import (
    VisitPlan,
    next_working_day,
    past_status,
    working_days_ahead,
)
from kamdesk.services.demo.visit_texts import (
    AGREEMENTS,
    CALL_NEXT_STEPS,
    CALL_OBJECTIVES,
    CALL_OUTCOMES,
    CANCEL_REASONS,
    COMMERCIAL,
    DISTRIBUTOR_OBJECTIONS,
    FUND_AGREEMENTS,
    FUND_OBJECTIONS,
    FUND_OUTCOMES,
    MATERIALS,
    OBJECTIVES,
    OUTCOMES,
    QUESTIONS,
    RECOVERY,
    REPORT_NOTES,
)

PLANNING_DAYS = 15  # working days ahead
DAY_ENDS = 18 * 60  # minutes after midnight, Moscow time


def write_visits(
    rng: DemoRandom,
    clock: Clock,
    writer: Writer,
    kam_ids: Collection[uuid.UUID],
    accounts: list[AccountPlan],
    contacts: dict[uuid.UUID, list[ContactRef]],
    sales: dict[uuid.UUID, SalesPlan],
    products: list[ProductRef],
) -> None:
    """The visits and calls of the KAMs `kam_ids` at the accounts they own."""
    mine = [a for a in accounts if a.owner_id in kam_ids and contacts[a.id]]
    visits = _plan(rng, clock, mine) + plan_calls(rng, clock, mine)
    for visit in visits:
        visit.products = _agenda_products(rng, visit.account, sales.get(visit.account.id), products)
        people = sorted(contacts[visit.account.id], key=lambda c: -c.influence)
        if is_call(visit):  # one person on the line, one product to talk about
            visit.attendees = [rng.pick(people[:2])]
            visit.products = visit.products[:1]
            continue
        visit.attendees = people[: rng.randint(1, min(3, len(people)))]
        if _happened(visit) and rng.chance(0.12):
            visit.extra_attendees = people[len(visit.attendees) :][:1]
            others = [p for p in products if p not in visit.products]
            visit.extra_products = [rng.pick(others)] if others and rng.chance(0.5) else []
    _schedule(rng, clock, visits)
    writer.insert(Visit, (_visit_row(rng, clock, v) for v in visits))
    writer.insert(VisitAttendee, (row for v in visits for row in _attendee_rows(rng, clock, v)))
    writer.insert(VisitProduct, (row for v in visits for row in _product_rows(rng, clock, v)))
    reports = [v for v in visits if v.status in (VisitStatus.REPORTED, VisitStatus.SUBMITTED)]
    report_rows = [_report_row(rng, clock, v) for v in reports]
    writer.insert(VisitReport, report_rows)
    writer.insert(
        FollowUpTask,
        (
            row
            for visit, report in zip(reports, report_rows, strict=True)
            for row in _tasks(rng, clock, visit, report)
        ),
    )


def _plan(rng: DemoRandom, clock: Clock, mine: list[AccountPlan]) -> list[VisitPlan]:
    today = clock.today
    ahead = working_days_ahead(today, PLANNING_DAYS)
    visits: list[VisitPlan] = []
    for account in mine:
        if account.is_key:
            gap = (28, 70)
        elif account.kind != AccountKind.PHARMACY and rng.chance(0.2):
            gap = (120, 250)
        else:
            continue
        day = today - timedelta(days=365 - rng.randint(0, gap[1]))
        while day < today:
            day = next_working_day(day)
            if day >= today:
                break
            visits.append(VisitPlan(rng.uuid(), account, day, past_status(rng, clock, day)))
            if visits[-1].status == VisitStatus.RESCHEDULED:
                later = next_working_day(day + timedelta(days=rng.randint(2, 8)))
                replacement = VisitPlan(rng.uuid(), account, later, rescheduled_from=visits[-1].id)
                if later < today:
                    replacement.status = past_status(rng, clock, later, allow_changes=False)
                visits.append(replacement)
            day += timedelta(days=rng.randint(*gap))
        # A lost key account stays in the plan: a visit to win it back (field guide §2).
        lost = account.status in (AccountStatus.LOST, AccountStatus.WIN_BACK)
        if account.is_key and (lost or rng.chance(0.55)):
            visits.append(VisitPlan(rng.uuid(), account, rng.pick(ahead)))
    return visits


def _schedule(rng: DemoRandom, clock: Clock, visits: list[VisitPlan]) -> None:
    """Each KAM's day: one visit after another from 09:00–10:30, with travel time between
    them, then the day's calls from the office (no travel after them).

    Only an overfull day (a benchmark-sized territory) gets overlapping visits.
    """
    by_day: dict[tuple[uuid.UUID, date], list[VisitPlan]] = defaultdict(list)
    for visit in sorted(visits, key=is_call):  # stable: visits first, then calls
        by_day[visit.account.owner_id, visit.day].append(visit)
    for (_, day), todays in by_day.items():
        minute = rng.choice((540, 555, 570, 600, 630))
        for visit in todays:
            if is_call(visit):
                visit.duration = rng.choice((10, 15, 20))
                minute = min(max(minute, 540), DAY_ENDS - visit.duration)
                visit.starts_at = clock.moment(day, minute // 60, minute % 60)
                minute += visit.duration + 10
                continue
            visit.duration = rng.choice((30, 45, 60, 60, 90))
            if minute + visit.duration > DAY_ENDS:
                minute = 540 + rng.randrange(16) * 30
            visit.starts_at = clock.moment(day, minute // 60, minute % 60)
            minute += visit.duration + rng.choice((30, 45, 60, 75))


def _agenda_products(
    rng: DemoRandom, account: AccountPlan, plan: SalesPlan | None, products: list[ProductRef]
) -> list[ProductRef]:
    pool = [p for p, _ in plan.lines] if plan and plan.lines else []
    pool += [p for p in products if p.spec.segments & account.segments and p not in pool]
    pool = pool or products
    return rng.sample(pool, min(len(pool), rng.randint(1, 3)))


def _texts(rng: DemoRandom, clock: Clock, visit: VisitPlan) -> dict[str, str]:
    kind = visit.account.kind
    product = visit.products[0]
    fill = {
        "trade": product.spec.trade_name,
        "inn": product.spec.inn_name,
        "group": product.spec.group.lower(),
        "year": str(visit.day.year + 1),
    }
    if is_call(visit):
        objective = rng.pick(CALL_OBJECTIVES).format(**fill)
        return {"objective": objective, "agenda": "", "questions": "", "materials": ""}
    recovering = visit.account.status in (AccountStatus.AT_RISK, AccountStatus.LOST,
                                          AccountStatus.WIN_BACK)  # fmt: skip
    objective = rng.pick(RECOVERY if recovering else OBJECTIVES[kind]).format(**fill)
    questions = QUESTIONS.get(kind, QUESTIONS[AccountKind.HOSPITAL])
    return {
        "objective": objective,
        "agenda": f"1. Итоги прошлой встречи\n2. {objective}\n3. Следующие шаги и сроки",
        "questions": "\n".join(rng.sample(questions, min(len(questions), rng.randint(2, 3)))),
        "materials": rng.pick(MATERIALS).format(**fill),
    }


def _visit_row(rng: DemoRandom, clock: Clock, visit: VisitPlan) -> dict[str, Any]:
    assert visit.starts_at is not None
    account = visit.account
    call = is_call(visit)
    commercial = (
        not call
        and account.kind in (AccountKind.PHARMACY_CHAIN, AccountKind.DISTRIBUTOR)
        and rng.chance(0.4)
    )
    target, walk_away, concessions = rng.pick(COMMERCIAL) if commercial else ("", "", "")
    planned_at = min(
        visit.starts_at - timedelta(days=rng.randint(2, 20)), clock.now - timedelta(hours=1)
    )
    changed = visit.starts_at + timedelta(minutes=visit.duration + 30)
    return {
        **syncable(visit.id, planned_at, min(max(changed, planned_at), clock.now)),
        "account_id": account.id,
        "owner_id": account.owner_id,  # the account's KAM
        "starts_at": visit.starts_at,
        "channel": visit.channel,
        "duration_min": visit.duration,
        "place": "" if call else account.address,
        "latitude": None if call else account.latitude,
        "longitude": None if call else account.longitude,
        "status": visit.status,
        "is_commercial": commercial,
        **_texts(rng, clock, visit),
        "target_result": target.format(n=rng.randint(10, 60)),
        "walk_away_point": walk_away,
        "concessions": concessions,
        "offer_id": None,
        "travel_override_min": None,
        "rescheduled_from_id": visit.rescheduled_from,
        "cancel_reason": rng.pick(CANCEL_REASONS) if visit.status == VisitStatus.CANCELLED else "",
    }


def _happened(visit: VisitPlan) -> bool:
    return held(visit)


def _attendee_rows(rng: DemoRandom, clock: Clock, visit: VisitPlan) -> list[dict[str, Any]]:
    assert visit.starts_at is not None
    created = min(visit.starts_at - timedelta(days=1), clock.now)
    rows = [
        {
            **syncable(rng.uuid(), created),
            "visit_id": visit.id,
            "contact_id": contact.id,
            "attended": rng.chance(0.9) if _happened(visit) else None,
            "planned": True,
        }
        for contact in visit.attendees
    ]
    reported = min(visit.starts_at + timedelta(hours=3), clock.now)
    rows += [
        {
            **syncable(rng.uuid(), reported),
            "visit_id": visit.id,
            "contact_id": contact.id,
            "attended": True,
            "planned": False,
        }
        for contact in visit.extra_attendees
    ]
    return rows


def _product_rows(rng: DemoRandom, clock: Clock, visit: VisitPlan) -> list[dict[str, Any]]:
    assert visit.starts_at is not None
    created = min(visit.starts_at - timedelta(days=1), clock.now)
    rows = [
        {
            **syncable(rng.uuid(), created),
            "visit_id": visit.id,
            "product_id": product.id,
            "discussed": rng.chance(0.8) if _happened(visit) else None,
            "planned": True,
        }
        for product in visit.products
    ]
    reported = min(visit.starts_at + timedelta(hours=3), clock.now)
    rows += [
        {
            **syncable(rng.uuid(), reported),
            "visit_id": visit.id,
            "product_id": product.id,
            "discussed": True,
            "planned": False,
        }
        for product in visit.extra_products
    ]
    return rows


def _report_row(rng: DemoRandom, clock: Clock, visit: VisitPlan) -> dict[str, Any]:
    assert visit.starts_at is not None
    product = visit.products[0]
    sentiment = rng.pick(tuple(Sentiment), (0.55, 0.33, 0.12))
    actual_start = visit.starts_at + timedelta(minutes=rng.randint(-10, 15))
    duration = max(15, visit.duration + rng.randint(-15, 20))
    ended = actual_start + timedelta(minutes=duration)
    written = min(ended + timedelta(hours=rng.randint(1, 6)), clock.now)
    submitted = None
    if visit.status == VisitStatus.SUBMITTED:
        submitted = clock.between(rng, written, min(written + timedelta(hours=30), clock.now))
    kind = visit.account.kind
    objections = _objections(kind)
    outcomes: tuple[str, ...] = OUTCOMES[sentiment]
    agreements: tuple[str, ...] = AGREEMENTS
    if kind == AccountKind.INSURANCE_FUND:
        outcomes, agreements = FUND_OUTCOMES[sentiment], FUND_AGREEMENTS
    fill = {"trade": product.spec.trade_name, "inn": product.spec.inn_name}
    if is_call(visit):  # what was said, and the one next step
        outcomes, agreements, objections = CALL_OUTCOMES, CALL_NEXT_STEPS, []
    return {
        **syncable(rng.uuid(), written, submitted or written),
        "visit_id": visit.id,
        "actual_start": actual_start,
        "actual_duration_min": duration,
        "objective_reached": sentiment == Sentiment.POSITIVE or rng.chance(0.2),
        "outcome": rng.pick(outcomes).format(**fill),
        "agreements": "\n".join(
            a.format(**fill)
            for a in rng.sample(agreements, 1 if is_call(visit) else rng.randint(1, 2))
        ),
        "objections_heard": "\n".join(
            o.format(**fill)
            for o in rng.sample(objections, rng.randint(0, min(2, len(objections))))
        ),
        "questions_asked": "Запросили сравнение стоимости курса с конкурентом."
        if rng.chance(0.4)
        else "",
        "sentiment": sentiment,
        "notes": rng.pick(REPORT_NOTES),
        "submitted_at": submitted,
    }


def _objections(kind: AccountKind) -> list[str]:
    """What accounts of this kind object: chains and pharmacies the retail objections,
    wholesalers and the fund their own, hospitals and the ministry the hospital ones."""
    if kind in (AccountKind.PHARMACY_CHAIN, AccountKind.PHARMACY):
        return [o for o, _ in RETAIL_OBJECTIONS]
    if kind == AccountKind.DISTRIBUTOR:
        return list(DISTRIBUTOR_OBJECTIONS)
    if kind == AccountKind.INSURANCE_FUND:
        return list(FUND_OBJECTIONS)
    return [o for o, _ in HOSPITAL_OBJECTIONS]


def _tasks(
    rng: DemoRandom, clock: Clock, visit: VisitPlan, report: dict[str, Any]
) -> list[dict[str, Any]]:
    rows = []
    # A call's next step always becomes a task; a visit's agreements now and then.
    keep = 1 if is_call(visit) else rng.randint(0, 2)
    for position, line in enumerate(report["agreements"].splitlines()[:keep]):
        due = visit.day + timedelta(days=rng.randint(2, 14))
        done_at = None
        if due < clock.today and rng.chance(0.75):
            done_at = clock.between(
                rng, report["created_at"], min(clock.moment(due, 17), clock.now)
            )
        elif due >= clock.today and rng.chance(0.15):
            done_at = clock.between(rng, report["created_at"], clock.now)
        rows.append(
            {
                **syncable(rng.uuid(), report["created_at"], done_at or report["created_at"]),
                "account_id": visit.account.id,
                "owner_id": visit.account.owner_id,
                "visit_id": visit.id,
                "offer_id": None,
                "title": line,
                "details": f"По итогам {'звонка' if is_call(visit) else 'визита'} "
                f"{visit.day:%d.%m.%Y}.",
                "due_on": due,
                "position": position,
                "done_at": done_at,
            }
        )
    return rows
