"""`build_demo`: a believable Russian pharma territory in an empty store, for demos and benchmarks.

Тверская область: three KAMs of the three kinds (field guide §1), a second hospital
KAM for the west and their regional manager, each account owned by the KAM of its
kind — the hospital KAM the hospitals, the health ministry and the institutions of
opinion leaders; the chain KAM the pharmacy chains with their pharmacies; the
distributor KAM the wholesalers and the insurance fund (ТФОМС). The laptop's user
is the KAM of `kam` (the hospital KAM by default); the visits, calls, follow-ups
and offers are that KAM's (with `team_work`, as the office demo asks, every KAM's).
Contacts with their roles
in the decision-making unit and (with consent) personal details; dossiers,
relationship history and competitors of key accounts; about forty products with
yearly price lists; monthly sales for `years` years up to the month before
`today`; a year of visits and calls with reports and follow-ups, and three weeks
planned; lost accounts with their loss reason and win-back means; the KAM's
key-client choice (with one deliberate contradiction of the figures).

The demo is written as a baseline snapshot, as if received from the office: rows
go straight into the tables with SQLAlchemy Core bulk inserts in one
transaction, bypassing the ORM change log (nothing is queued to send back),
with `revision` 1, `server_version` NULL, no tombstones, and `created_at` /
`updated_at` at plausible times before `today`. What goes through the services
afterwards (classification, dossier scores, offers) runs inside
`Store.baseline_load()`, so it is not queued either: the change log stays empty,
and no change-log row is ever deleted.

`build_demo` fills a store nobody else is using; the command line and the
window build a file with `kamdesk.services.demo.demo_file.build_demo_file`,
which does so beside the target and puts the finished file in place, so a
killed build leaves no half-built store.

Deterministic: the same `seed` and `today` give identical table contents
(every random choice comes from one `random.Random(seed)`, UUIDs included, and
every time is derived from `today`).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select, update

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountDossier,
    AccountKind,
    Contact,
    ContactPersonal,
    KamKind,
    RelationshipEvent,
    SalesRecord,
    SyncState,
)
from kamdesk.services import classification
from kamdesk.services.demo.accounts import AccountPlanner, write_accounts
from kamdesk.services.demo.catalog import build_catalog
from kamdesk.services.demo.common import Clock, DemoRandom, Writer
from kamdesk.services.demo.contacts import contact_rows, plan_contacts
from kamdesk.services.demo.dossier import DossierContext, dossier_rows
from kamdesk.services.demo.history import competitor_rows, event_rows
from kamdesk.services.demo.personal import personal_rows
from kamdesk.services.demo.places import CITIES
from kamdesk.services.demo.sales import SalesPlan, expected_rows, plan_sales, sales_rows
from kamdesk.services.demo.standing import assign_standing, settle_key_clients
from kamdesk.services.demo.team import build_team
from kamdesk.services.demo.text import group_digits
from kamdesk.services.demo.visits import write_visits
from kamdesk.services.dossier import refresh_dossier_scores
from kamdesk.services.settings import AnalyticsSettings, load_analytics
from kamdesk.store import Store
from kamdesk.store.derived import mark_stats_current, refresh_account_stats
from kamdesk.store.write_guard import unlogged_writes

__all__ = ["DemoSummary", "build_demo"]

Progress = Callable[[int, Message], None]  # percent done, the stage (translatable)


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo wrote."""

    accounts: int
    contacts: int
    personal_records: int
    products: int
    price_lists: int
    sales_records: int
    visits: int
    reports: int
    follow_up_tasks: int
    dossiers: int
    relationship_events: int
    competitors: int
    users: int
    offers: int = 0

    def __str__(self) -> str:
        """«300 accounts, 1 123 contacts, 40 products, 10 412 sales records, …»"""
        return ", ".join(
            f"{group_digits(getattr(self, f.name))} {f.name.replace('_', ' ')}"
            for f in fields(self)
        )


def build_demo(
    store: Store,
    *,
    accounts: int = 300,
    seed: int = 1,
    years: int = 3,
    today: date | None = None,
    progress: Progress | None = None,
    kam: KamKind | str = KamKind.HOSPITAL,
    team_work: bool = False,
) -> DemoSummary:
    """Fill an empty store with a demo territory of `accounts` accounts, on the laptop
    of the KAM of kind `kam`; `team_work`: every KAM's visits and offers, not only theirs.

    Raises ValueError when the store already has accounts, or for impossible sizes.
    """
    if accounts < 1 or years < 1:
        raise ValueError("the demo needs at least 1 account and 1 year of sales")
    kind = KamKind(kam)
    today = today or date.today()
    report: Progress = progress or (lambda percent, stage: None)
    settings = load_analytics(store)
    counts = _write_territory(store, accounts, DemoRandom(seed), Clock.for_today(today, years),
                              settings, report, kind, team_work)  # fmt: skip
    with store.baseline_load():
        report(94, _stage(QT_TRANSLATE_NOOP("Demo", "ABC-XYZ classification")))
        classification.recompute(store, today=today)
        report(95, _stage(QT_TRANSLATE_NOOP("Demo", "dossier completeness")))
        refresh_dossier_scores(store)
        report(96, _stage(QT_TRANSLATE_NOOP("Demo", "commercial offers")))
        offers = _add_offers(
            store, seed, today, rounds=max(1, min(6, accounts // 100)), team_work=team_work
        )
        _start_from_the_regional_office(store)
    report(100, _stage(QT_TRANSLATE_NOOP("Demo", "done")))
    return DemoSummary(
        accounts=counts["accounts"],
        contacts=counts["contacts"],
        personal_records=counts["contact_personal"],
        products=counts["products"],
        price_lists=counts["price_lists"],
        sales_records=counts["sales_records"],
        visits=counts["visits"],
        reports=counts["visit_reports"],
        follow_up_tasks=counts["follow_up_tasks"],
        dossiers=counts["account_dossiers"],
        relationship_events=counts["relationship_events"],
        competitors=counts["account_competitors"],
        users=counts["users"],
        offers=offers,
    )


def _write_territory(
    store: Store,
    accounts: int,
    rng: DemoRandom,
    clock: Clock,
    settings: AnalyticsSettings,
    report: Progress,
    kam: KamKind,
    team_work: bool,
) -> Counter[str]:
    """Everything but the classification, in one transaction; returns rows per table."""
    # A baseline in a new file: Core bulk inserts the change log does not see, on purpose.
    with store.engine.begin() as connection, unlogged_writes(connection):
        count = connection.execute(select(func.count()).select_from(Account.__table__)).scalar_one()
        if count:
            raise ValueError(
                f"{store.path} already has {count} accounts; the demo is built only in an "
                "empty store (create a new one)"
            )
        writer = Writer(connection)
        report(0, _stage(QT_TRANSLATE_NOOP("Demo", "team and territory")))
        team = build_team(rng, clock, writer, kam)
        report(1, _stage(QT_TRANSLATE_NOOP("Demo", "products and price lists")))
        products = build_catalog(rng, clock, writer)
        report(2, _stage(QT_TRANSLATE_NOOP("Demo", "accounts")))
        plans = AccountPlanner(rng, clock, team).plan(accounts)
        sales = plan_sales(rng, clock, plans, products, accounts, settings)
        assign_standing(rng, clock, plans, sales, settings)
        write_accounts(rng, clock, writer, team, plans)
        report(8, _stage(QT_TRANSLATE_NOOP("Demo", "contacts")))
        contacts = plan_contacts(rng, clock, plans)
        writer.insert(Contact, contact_rows(rng, clock, contacts))
        writer.insert(ContactPersonal, personal_rows(rng, clock, contacts))
        report(16, _stage(QT_TRANSLATE_NOOP("Demo", "dossiers and relationship history")))
        by_account = {plan.account.id: plan for plan in sales}
        wholesalers = [plan.name for plan in plans if plan.kind == AccountKind.DISTRIBUTOR]
        storied = [
            DossierContext(plan, by_account.get(plan.id), contacts[plan.id], wholesalers)
            for plan in plans
            if plan.is_key or _went_quiet(by_account.get(plan.id))
        ]
        writer.insert(
            AccountDossier, dossier_rows(rng, clock, [i for i in storied if i.account.is_key])
        )
        writer.insert(RelationshipEvent, event_rows(rng, clock, storied, products))
        writer.insert(AccountCompetitor, competitor_rows(rng, clock, storied, products))
        report(20, _stage(QT_TRANSLATE_NOOP("Demo", "sales records")))
        expected = expected_rows(sales)
        window = frozenset(clock.months[-settings.analysis_months :])
        revenue: defaultdict[uuid.UUID, float] = defaultdict(float)

        def counted(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
            for row in rows:  # what each account brought in the analysis window
                if row["month"] in window:
                    revenue[row["account_id"]] += float(row["amount"])
                yield row

        writer.insert(
            SalesRecord,
            counted(sales_rows(rng, clock, sales)),
            on_chunk=lambda written: report(
                20 + min(64, 64 * written // expected),
                _stage(QT_TRANSLATE_NOOP("Demo", "sales records")),
            ),
        )
        settle_key_clients(connection, plans, revenue)
        report(85, _stage(QT_TRANSLATE_NOOP("Demo", "visits and reports")))
        workers = {m.id for m in team.kams} if team_work else {team.kam.id}
        write_visits(rng, clock, writer, workers, plans, contacts, by_account, products)
        report(90, _stage(QT_TRANSLATE_NOOP("Demo", "account statistics")))
        connection.execute(update(SyncState).where(SyncState.id == 1).values(user_id=team.kam.id))
        refresh_account_stats(connection, now=clock.now)
        mark_stats_current(connection)
    return writer.counts


def _start_from_the_regional_office(store: Store) -> None:
    """The KAM's days start at the office in the regional capital: without a start point
    the first visit of every day has no departure time, and lateness makes it red."""
    from kamdesk.services.visits.settings import load_visit_settings, save_visit_settings

    office = CITIES[0]
    settings = replace(
        load_visit_settings(store), home_latitude=office.latitude, home_longitude=office.longitude
    )
    save_visit_settings(store, settings)


def _went_quiet(plan: SalesPlan | None) -> bool:
    """Lapsed and slowing buyers get a relationship story: why they stopped."""
    return plan is not None and plan.lifecycle in ("lapsed", "slowing")


def _stage(text: str) -> Message:
    """A progress stage the window shows translated and the command line in English."""
    return Message("Demo", text)


def _add_offers(store: Store, seed: int, today: date, rounds: int, team_work: bool) -> int:
    """Offers in every status, written through the offers service (its arithmetic and
    numbering), with ids and times from the seed so the build stays reproducible. Like
    the rest of the demo they are a baseline (the caller's `baseline_load`), not
    changes waiting for the office."""
    import random
    import uuid
    from dataclasses import replace
    from datetime import UTC, datetime, time

    from kamdesk.services.offers import load_offer_settings, save_offer_settings
    from kamdesk.services.offers.demo import add_demo_offers

    rng = random.Random(f"offers-{seed}")
    moment = datetime.combine(today, time(5), tzinfo=UTC)  # 08:00 in Moscow, like the rest
    with store.reproducible(
        clock=lambda: moment, new_id=lambda: uuid.UUID(int=rng.getrandbits(128), version=4)
    ):
        settings = load_offer_settings(store)
        save_offer_settings(store, replace(settings, device_code="DEM"))
        return add_demo_offers(store, rng, today, rounds=rounds, team_work=team_work)
