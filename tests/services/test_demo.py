"""The demo territory: reproducible for a seed, believable, and only for an empty store."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kamdesk.i18n import Message
from kamdesk.models import AccountKind, Base
from kamdesk.services import classification
from kamdesk.services.demo import DemoSummary, build_demo
from kamdesk.services.demo.accounts import composition
from kamdesk.services.demo.names import FEMALE_NAMES, MALE_NAMES
from kamdesk.services.demo.sales import rows_per_account
from kamdesk.services.validation import check_email, check_inn, check_kpp, check_phone
from kamdesk.store import Store, crypto, open_store

TODAY = date(2025, 6, 18)
ACCOUNTS = 150
MSK = timezone(timedelta(hours=3))
# Columns that legitimately differ between two builds: the laptop's own id and
# the wall-clock time the classification stamped its "stale" flag with.
VOLATILE = {("sync_state", "client_id"), ("app_settings", "updated_at")}


def _copy_store(template: Path, path: Path) -> Store:
    shutil.copyfile(template, path)
    return open_store(path)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Any]:
    """One demo of 150 accounts shared by the read-only checks, as a raw sqlite3 connection."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store = _copy_store(migrated_template, path)
    stages: list[tuple[int, str]] = []
    summary = build_demo(
        store,
        accounts=ACCOUNTS,
        seed=1,
        today=TODAY,
        progress=lambda percent, stage: stages.append((percent, stage)),
    )
    connection = crypto.connect(path)
    connection.row_factory = crypto.Row
    yield {"store": store, "db": connection, "summary": summary, "stages": stages}
    connection.close()
    store.close()


def _rows(demo: Any, sql: str, *params: Any) -> list[crypto.Row]:
    return demo["db"].execute(sql, params).fetchall()


def _value(demo: Any, sql: str, *params: Any) -> Any:
    return demo["db"].execute(sql, params).fetchone()[0]


def _counts(demo: Any, sql: str) -> dict[Any, int]:
    return {row[0]: row[1] for row in _rows(demo, sql)}


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every domain table's rows, in a stable order, without the volatile columns."""
    connection = crypto.connect(path)
    try:
        dump = {}
        for table in Base.metadata.sorted_tables:
            columns = [
                row[1]
                for row in connection.execute(f"PRAGMA table_info({table.name})")
                if (table.name, row[1]) not in VOLATILE
            ]
            select = f"SELECT {', '.join(columns)} FROM {table.name}"
            dump[table.name] = sorted(connection.execute(select).fetchall(), key=repr)
        return dump
    finally:
        connection.close()


# -- reproducibility -----------------------------------------------------------------------


def test_same_seed_and_day_give_identical_tables(
    store: Store, tmp_path: Path, migrated_template: Path
) -> None:
    build_demo(store, accounts=80, seed=7, today=TODAY)
    again = _copy_store(migrated_template, tmp_path / "again.sqlite")
    other = _copy_store(migrated_template, tmp_path / "other.sqlite")
    try:
        build_demo(again, accounts=80, seed=7, today=TODAY)
        build_demo(other, accounts=80, seed=8, today=TODAY)
    finally:
        again.close()
        other.close()
    first, second, third = _dump(store.path), _dump(again.path), _dump(other.path)
    assert first["sales_records"], "the dump must see the data"
    for table in first:
        assert first[table] == second[table], f"{table} differs between two builds"
    assert first["accounts"] != third["accounts"]
    assert first["sales_records"] != third["sales_records"]


def test_refuses_a_store_that_has_accounts(demo: Any) -> None:
    before = _value(demo, "SELECT count(*) FROM accounts")
    with pytest.raises(ValueError, match="already has"):
        build_demo(demo["store"], accounts=10, seed=2, today=TODAY)
    assert _value(demo, "SELECT count(*) FROM accounts") == before


def test_summary_counts_what_was_written_and_progress_ends_at_100(demo: Any) -> None:
    summary: DemoSummary = demo["summary"]
    assert summary.accounts == ACCOUNTS == _value(demo, "SELECT count(*) FROM accounts")
    assert summary.sales_records == _value(demo, "SELECT count(*) FROM sales_records")
    assert summary.contacts == _value(demo, "SELECT count(*) FROM contacts")
    assert summary.visits == _value(demo, "SELECT count(*) FROM visits")
    assert summary.reports == _value(demo, "SELECT count(*) FROM visit_reports")
    assert str(summary).startswith(f"{ACCOUNTS} accounts, ")
    assert f"{summary.products} products" in str(summary)
    percents = [percent for percent, _ in demo["stages"]]
    assert percents == sorted(percents)
    assert demo["stages"][-1][0] == 100
    assert any(str(stage) == "sales records" for _, stage in demo["stages"])
    assert all(isinstance(stage, Message) for _, stage in demo["stages"]), "translatable"


def test_is_a_baseline_snapshot_owned_by_the_demo_kam(demo: Any) -> None:
    assert _value(demo, "SELECT count(*) FROM change_log") == 0
    kam = _rows(
        demo,
        "SELECT u.role, u.kam_kind FROM sync_state s JOIN users u ON u.id = s.user_id",
    )
    assert [tuple(row) for row in kam] == [("kam", "hospital")]
    for table in ("accounts", "contacts", "sales_records", "visits"):
        rows = _rows(
            demo,
            f"SELECT DISTINCT revision, deleted_at, server_version FROM {table}",
        )
        assert [tuple(row) for row in rows] == [(1, None, None)], table
    # The laptop's hospital KAM holds the hospitals, the ministry and the institutions;
    # the pharmacies, chains, wholesalers and ТФОМС are their colleagues' (test_demo_team).
    kinds = _rows(
        demo,
        "SELECT DISTINCT a.kind FROM accounts a JOIN sync_state s ON s.user_id = a.owner_id",
    )
    assert {row[0] for row in kinds} == {"hospital", "health_authority", "other"}
    assert _value(demo, "SELECT count(*) FROM users WHERE role = 'manager'") == 1
    # Statuses already agree with the sales: a recompute changes nothing.
    assert classification.recompute(demo["store"], today=TODAY) == 0


def test_every_time_is_taken_from_today(demo: Any) -> None:
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 5)  # 08:00 in Moscow, stored as UTC
    for table in Base.metadata.sorted_tables:
        if "created_at" not in table.c or "revision" not in table.c:
            continue
        latest, backwards = _rows(
            demo,
            f"SELECT max(max(created_at), max(updated_at)), sum(updated_at < created_at) "
            f"FROM {table.name}",
        )[0]
        if isinstance(latest, int):  # sales_records: integer microseconds (UTCMicroseconds)
            latest = table.c.created_at.type.process_result_value(latest, None)
            assert latest.tzinfo is UTC
            latest = latest.replace(tzinfo=None).isoformat()
        if latest is not None:
            assert datetime.fromisoformat(latest) <= now, table.name
            assert not backwards, table.name


# -- believable ----------------------------------------------------------------------------


def test_every_kind_of_account_with_valid_tax_ids_and_contacts(demo: Any) -> None:
    kinds = {row[0] for row in _rows(demo, "SELECT DISTINCT kind FROM accounts")}
    assert kinds == {kind.value for kind in AccountKind}
    for row in _rows(demo, "SELECT name, inn, kpp, phone, email, website FROM accounts"):
        assert check_inn(row["inn"]) is None, row["name"]
        assert not row["kpp"] or check_kpp(row["kpp"]) is None, row["name"]
        assert check_phone(row["phone"]) is None and row["phone"].startswith("+7")
        assert check_email(row["email"]) is None, row["email"]
    organisations = _rows(demo, "SELECT inn FROM accounts WHERE kind != 'pharmacy'")
    assert all(len(row["inn"]) == 10 for row in organisations)
    assert len({row["inn"] for row in organisations}) == len(organisations)


def test_pharmacies_belong_to_chains(demo: Any) -> None:
    orphans = _value(
        demo,
        "SELECT count(*) FROM accounts p LEFT JOIN accounts c ON c.id = p.parent_id "
        "WHERE p.kind = 'pharmacy' AND (c.kind IS NULL OR c.kind != 'pharmacy_chain')",
    )
    assert orphans == 0
    pharmacies = _value(demo, "SELECT count(*) FROM accounts WHERE kind = 'pharmacy'")
    assert pharmacies > ACCOUNTS / 3


def test_key_accounts_have_types_dossiers_and_a_decision_making_unit(demo: Any) -> None:
    types = {row[0] for row in _rows(demo, "SELECT DISTINCT client_type FROM accounts")}
    assert {"breadwinner", "prospect", "image_maker", "expert"} <= types
    keys = _rows(
        demo,
        "SELECT a.id, (SELECT count(*) FROM contacts c WHERE c.account_id = a.id) AS people, "
        "(SELECT count(*) FROM account_dossiers d WHERE d.account_id = a.id) AS dossiers "
        "FROM accounts a WHERE a.client_type IS NOT NULL",
    )
    assert keys
    assert all(row["dossiers"] == 1 and row["people"] >= 3 for row in keys)
    roles = {row[0] for row in _rows(demo, "SELECT DISTINCT dmu_role FROM contacts")}
    assert {"decision_maker", "influencer", "approver", "technical_expert", "gatekeeper"} <= roles
    assert _value(demo, "SELECT count(*) FROM contacts WHERE is_kol") >= 2
    assert _value(demo, "SELECT count(*) FROM contacts WHERE reports_to_id IS NOT NULL") > 0
    assert _value(demo, "SELECT count(*) FROM relationship_events WHERE kind = 'tender'") > 0
    assert _value(demo, "SELECT count(*) FROM account_competitors") > 0
    most = _value(
        demo,
        "SELECT max(n) FROM (SELECT count(*) AS n FROM contacts c JOIN accounts a "
        "ON a.id = c.account_id WHERE a.kind = 'pharmacy' GROUP BY a.id)",
    )
    assert most <= 2


def test_contacts_have_russian_names_in_agreeing_forms(demo: Any) -> None:
    for row in _rows(demo, "SELECT surname, name, patronymic, form_of_address FROM contacts"):
        assert row["patronymic"], row["surname"]
        assert row["form_of_address"] == f"{row['name']} {row['patronymic']}"
        female = row["patronymic"].endswith("на")
        assert row["name"] in (FEMALE_NAMES if female else MALE_NAMES)
        if row["surname"].endswith(("ов", "ев", "ёв", "ин")):
            assert not female, row["surname"]


def test_personal_details_only_with_consent(demo: Any) -> None:
    without_consent = _value(
        demo,
        "SELECT count(*) FROM contact_personal p JOIN contacts c ON c.id = p.contact_id "
        "WHERE NOT c.consent_given OR c.consent_date IS NULL",
    )
    assert without_consent == 0
    assert _value(demo, "SELECT count(*) FROM contact_personal") > 0
    consenting = _value(demo, "SELECT avg(consent_given) FROM contacts")
    assert consenting > 0.5
    birthdays = [
        date.fromisoformat(row[0]) for row in _rows(demo, "SELECT birthday FROM contact_personal")
    ]
    upcoming = [b for b in birthdays if 0 <= (b.replace(year=TODAY.year) - TODAY).days <= 21]
    assert upcoming, "some birthdays fall in the coming weeks"


def test_sales_end_the_month_before_today_and_cost_the_price_of_their_year(demo: Any) -> None:
    first, last = _rows(demo, "SELECT min(month), max(month) FROM sales_records")[0]
    assert last == "2025-05-01"
    assert first == "2022-06-01"
    wrong = _value(
        demo,
        "SELECT count(*) FROM sales_records s "
        "JOIN price_list_items i ON i.product_id = s.product_id "
        "JOIN price_lists l ON l.id = i.price_list_id "
        "AND strftime('%Y', l.valid_from) = strftime('%Y', s.month) "
        "WHERE s.amount != s.quantity * i.price OR s.quantity <= 0",
    )
    assert wrong == 0
    assert _value(demo, "SELECT count(*) FROM price_lists") >= 2
    vat = {(row[0], row[1]) for row in _rows(demo, "SELECT kind, vat_kind FROM products")}
    # 10 % on medicines, the standard rate (22 % in 2026) on the supplements and cosmetics
    assert vat == {("medicine", "reduced"), ("other", "standard")}


def test_abc_xyz_and_statuses_come_out_of_the_sales(demo: Any) -> None:
    # A chain's pharmacies are not ranked on their own (they show their chain's class).
    abc = _counts(
        demo,
        "SELECT st.abc_class, count(*) FROM account_stats st JOIN accounts a "
        "ON a.id = st.account_id WHERE a.kind != 'pharmacy' OR a.parent_id IS NULL GROUP BY 1",
    )
    xyz = _counts(demo, "SELECT xyz_class, count(*) FROM account_stats GROUP BY 1")
    assert {"A", "B", "C"} <= abc.keys()
    assert {"X", "Y", "Z"} <= xyz.keys()
    buyers = abc["A"] + abc["B"] + abc["C"]
    assert abc["A"] < abc["C"] and abc["A"] / buyers < 0.4  # Pareto: few big buyers
    statuses = _counts(demo, "SELECT status, count(*) FROM accounts GROUP BY 1")
    assert {"active", "at_risk", "lost", "prospect"} <= statuses.keys()
    never_bought = _value(
        demo,
        "SELECT count(*) FROM accounts a WHERE a.kind != 'pharmacy' AND a.status != 'prospect' "
        "AND NOT EXISTS (SELECT 1 FROM sales_records s WHERE s.account_id = a.id)",
    )
    assert never_bought == 0


def test_visits_behind_with_reports_and_ahead_in_working_hours(demo: Any) -> None:
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 8, tzinfo=MSK)
    visits = _rows(demo, "SELECT starts_at, duration_min, status FROM visits")
    ahead = [v for v in visits if v["status"] == "planned"]
    behind = [v for v in visits if v["status"] in ("done", "reported", "submitted")]
    assert ahead and behind
    assert _value(demo, "SELECT count(*) FROM visits WHERE status = 'cancelled'") > 0
    for visit in visits:
        starts = datetime.fromisoformat(visit["starts_at"]).replace(tzinfo=UTC).astimezone(MSK)
        ends = starts + timedelta(minutes=visit["duration_min"])
        assert starts.hour >= 9 and ends <= starts.replace(hour=18, minute=0), starts
        assert starts.weekday() < 5
        assert (starts >= now) == (visit["status"] == "planned"), visit["status"]
        if visit["status"] == "planned":
            assert starts - now <= timedelta(days=25)
    reports = _value(
        demo,
        "SELECT count(*) FROM visit_reports r JOIN visits v ON v.id = r.visit_id "
        "WHERE v.status IN ('reported', 'submitted')",
    )
    assert reports == _value(demo, "SELECT count(*) FROM visit_reports") > 0
    assert _value(demo, "SELECT count(*) FROM visit_attendees WHERE planned") >= len(visits)
    assert _value(demo, "SELECT count(*) FROM visit_products WHERE planned") >= len(visits)
    unplanned = _value(
        demo,
        "SELECT count(*) FROM visit_attendees a JOIN visits v ON v.id = a.visit_id "
        "WHERE NOT a.planned AND v.status IN ('done', 'reported', 'submitted') AND a.attended",
    )
    assert unplanned > 0, "someone joined a visit without being planned"
    repeated = _value(
        demo,
        "SELECT count(*) FROM (SELECT visit_id, position FROM follow_up_tasks "
        "WHERE visit_id IS NOT NULL GROUP BY visit_id, position HAVING count(*) > 1)",
    )
    assert repeated == 0
    overdue = _value(
        demo,
        "SELECT count(*) FROM follow_up_tasks WHERE done_at IS NULL AND due_on < ?",
        TODAY.isoformat(),
    )
    done = _value(demo, "SELECT count(*) FROM follow_up_tasks WHERE done_at IS NOT NULL")
    assert overdue > 0 and done > 0
    assert _value(demo, "SELECT count(*) FROM account_stats WHERE next_visit_at IS NOT NULL") > 0


# -- sizes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("total", [1, 2, 7, 150, 300, 100_000])
def test_composition_adds_up(total: int) -> None:
    counts = composition(total)
    assert sum(counts.values()) == total
    assert all(count >= 0 for count in counts.values())


def test_rows_per_account_falls_to_ten_for_benchmarks() -> None:
    assert rows_per_account(300) == 40
    assert rows_per_account(100_000) == 10
    assert 10 < rows_per_account(5_000) < 40


def test_a_tiny_demo_still_works(store: Store) -> None:
    summary = build_demo(store, accounts=3, seed=3, years=1, today=TODAY)
    assert summary.accounts == 3
    assert summary.products > 0
    with closing(crypto.connect(store.path)) as connection:
        kinds = {row[0] for row in connection.execute("SELECT kind FROM accounts")}
        months = connection.execute("SELECT count(DISTINCT month) FROM sales_records").fetchone()
    assert "health_authority" in kinds
    assert months[0] <= 12


def test_the_kams_days_start_at_the_regional_office_so_planned_visits_can_be_on_time(
    demo: Any,
) -> None:
    """Without a start point every day's first visit has no departure time and is red."""
    from kamdesk.services.visits.checklist import readiness
    from kamdesk.services.visits.settings import load_visit_settings

    store = demo["store"]
    assert load_visit_settings(store).home is not None
    planned = [row["id"] for row in _rows(demo, "SELECT id FROM visits WHERE status = 'planned'")]
    assert planned
    levels = [
        str(summary.level)
        for summary in readiness(store, [uuid.UUID(bytes=i) for i in planned]).values()
    ]
    assert levels.count("red") <= len(levels) // 3, levels


@pytest.mark.parametrize(
    "model_name",
    [
        "AccountDossier",
        "ContactPersonal",
        "SalesRecord",
        "PriceListItem",
        "VisitReport",
        "VisitAttendee",
        "VisitProduct",
        "OfferAddressee",
    ],
)
def test_one_per_parent_rows_have_the_ids_every_laptop_would_give_them(
    demo: Any, model_name: str
) -> None:
    """The demo is what the office would send: its dossiers, sales, reports… carry the
    ids derived from their parents, so a laptop making "the same" row makes this one."""
    import kamdesk.models as models
    from kamdesk.store.natural_keys import natural_id

    model = getattr(models, model_name)
    table, key = model.__tablename__, model.__natural_key__
    rows = _rows(demo, f"SELECT id, {', '.join(key)} FROM {table}")
    assert rows, f"the demo has no {table}"

    def value(raw: Any) -> Any:
        return uuid.UUID(bytes=raw) if isinstance(raw, bytes) else date.fromisoformat(raw)

    for row in rows:
        values = {name: value(row[name]) for name in key}
        assert uuid.UUID(bytes=row["id"]) == natural_id(table, key, values), dict(row)


def test_every_breadwinner_brings_a_tenth_of_its_kams_sales(demo: Any) -> None:
    """«Кормилец» means 10 % of the sales or more (field guide §2): the demo gives the type
    only to such accounts, a chain with its pharmacies' sales."""
    months = classification.window_months(TODAY, 12)
    rows = _rows(
        demo,
        "WITH client AS (SELECT a.id, a.owner_id, CASE WHEN a.kind = 'pharmacy' "
        "AND p.kind = 'pharmacy_chain' THEN p.id ELSE a.id END AS client_id "
        "FROM accounts a LEFT JOIN accounts p ON p.id = a.parent_id), "
        "revenue AS (SELECT c.client_id, c.owner_id, sum(s.amount) AS amount FROM client c "
        "JOIN sales_records s ON s.account_id = c.id WHERE s.month BETWEEN ? AND ? "
        "GROUP BY c.client_id, c.owner_id) "
        "SELECT a.name, r.amount * 1.0 / (SELECT sum(amount) FROM revenue o "
        "WHERE o.owner_id = r.owner_id) AS share FROM revenue r "
        "JOIN accounts a ON a.id = r.client_id WHERE a.client_type = 'breadwinner'",
        months[0].isoformat(),
        months[-1].isoformat(),
    )
    assert rows, "the demo has breadwinners"
    assert [(row[0], row[1]) for row in rows if row[1] < 0.10] == []
