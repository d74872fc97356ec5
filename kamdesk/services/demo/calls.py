"""The KAM's calls beside the visits (field guide §6: a plan of visits *and* calls).

A key account gets a call every couple of months between visits (did the offer
arrive, what are the stocks, when can we meet), other accounts now and then; a
few calls are planned in the weeks ahead. A held call is reported like a visit:
its outcome and the next step (a follow-up task).
"""

from __future__ import annotations

from datetime import timedelta

from kamdesk.models import AccountKind, AccountStatus, VisitStatus
from kamdesk.models.enums import VisitChannel
from kamdesk.services.demo.accounts import AccountPlan
from kamdesk.services.demo.common import Clock, DemoRandom
from kamdesk.services.demo.visit_plan import (
    VisitPlan,
    next_working_day,
    past_status,
    working_days_ahead,
)

CALL_PLANNING_DAYS = 15  # working days ahead, like the visits


def plan_calls(rng: DemoRandom, clock: Clock, mine: list[AccountPlan]) -> list[VisitPlan]:
    """Calls over the last half year and a few ahead; none to single pharmacies."""
    today = clock.today
    ahead = working_days_ahead(today, CALL_PLANNING_DAYS)
    calls: list[VisitPlan] = []
    for account in mine:
        if account.kind == AccountKind.PHARMACY:
            continue
        if account.is_key:
            count = rng.randint(1, 3)
        elif rng.chance(0.15):
            count = 1
        else:
            continue
        for _ in range(count):
            day = next_working_day(today - timedelta(days=rng.randint(3, 180)))
            if day >= today:
                continue
            status = past_status(rng, clock, day, allow_changes=False)
            call = VisitPlan(rng.uuid(), account, day, status, channel=VisitChannel.CALL)
            calls.append(call)
        if account.is_key and account.status != AccountStatus.LOST and rng.chance(0.3):
            calls.append(VisitPlan(rng.uuid(), account, rng.pick(ahead), channel=VisitChannel.CALL))
    return calls


def is_call(visit: VisitPlan) -> bool:
    return visit.channel == VisitChannel.CALL


def held(visit: VisitPlan) -> bool:
    return visit.status in (VisitStatus.DONE, VisitStatus.REPORTED, VisitStatus.SUBMITTED)
