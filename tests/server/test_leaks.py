"""Nothing of another KAM's is readable or writable, through any route of the office.

Anna (a KAM) is logged in on her laptop; Boris (a KAM of another manager's team)
and Carl (a KAM of Anna's manager) have accounts of their own, with contacts,
visits, a report, an offer, a dossier. Every route of the app's own /openapi.json
is called as Anna (and as her manager) with bodies aimed at Boris's data: a new
route is probed without anyone listing it here. Then the known routes are attacked
in depth: pulls page by page, snapshots of a new grant, a revoke, forged cursors;
pushes of every operation on every kind of Boris's rows and on office data. Nothing
of Boris's appears in any answer, every write is refused with `permission`, and the
office's tables are as they were. A manager reads the team's buckets, not another
manager's team's, and writes only the answer to an approval request.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server import auth
from kamdesk.server.app import create_app
from kamdesk.server.db import init_database
from kamdesk.server.tables import clients, grants, rows, server_state, text_revisions, users
from kamdesk.server.users import add_user, grant, revoke
from kamdesk.sync.protocol import OFFICE_BUCKET, account_bucket
from tests.server.office import OfficeClient, bearer

PASSWORD = "пароль-надёжный"
SECRET = "BORIS-SECRET-7f3a"  # in Boris's texts: must never reach Anna or her manager
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Person:
    login: str
    role: str
    user_id: uuid.UUID
    client_id: str
    token: str
    seq: int = 0
    acked: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return bearer(self.token)


@dataclass
class Territory:
    """Whose rows are whose: ids per entity, by owner."""

    office: OfficeClient
    people: dict[str, Person]
    ids: dict[str, dict[str, uuid.UUID]] = field(default_factory=dict)  # owner -> name -> id

    def bucket(self, owner: str) -> str:
        return account_bucket(self.ids[owner]["accounts"])

    # --- requests ---------------------------------------------------------------------

    def change(
        self, who: str, entity: str, entity_id: uuid.UUID, operation: str, **fields: Any
    ) -> dict[str, Any]:
        person = self.people[who]
        person.seq += 1
        return {
            "seq": person.seq,
            "change_id": uuid.uuid4().hex,
            "entity": entity,
            "entity_id": entity_id.hex,
            "operation": operation,
            "fields": fields,
            "base": {},
            "revision": 1,
            "changed_at": datetime.now(UTC).isoformat(),
        }

    def push(self, who: str, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        person = self.people[who]
        body = {
            "schema_version": SCHEMA_HEAD,
            "client_id": person.client_id,
            "previous_seq": person.acked,
            "changes": list(changes),
        }
        answer = self.office.post("/sync/v1/push", json=body, headers=person.headers)
        assert answer.status_code == 200, answer.text
        person.acked = answer.json()["last_seq"]
        outcomes: list[dict[str, Any]] = answer.json()["outcomes"]
        return outcomes

    def pull_page(self, who: str, cursor: str, limit: int = 2000) -> dict[str, Any]:
        person = self.people[who]
        body = {
            "schema_version": SCHEMA_HEAD,
            "client_id": person.client_id,
            "cursor": cursor,
            "limit": limit,
        }
        answer = self.office.post("/sync/v1/pull", json=body, headers=person.headers)
        assert answer.status_code == 200, answer.text
        page: dict[str, Any] = answer.json()
        return page

    def pull_all(self, who: str, cursor: str = "", limit: int = 2000) -> PullSeries:
        series = PullSeries()
        while True:
            page = self.pull_page(who, cursor, limit)
            series.pages.append(page)
            cursor = page["cursor"]
            if not page["more"]:
                break
            assert len(series.pages) < 500, "the pull never ends"
        series.cursor = cursor
        return series


@dataclass
class PullSeries:
    pages: list[dict[str, Any]] = field(default_factory=list)
    cursor: str = ""

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [row for page in self.pages for row in page["rows"]]

    @property
    def buckets(self) -> set[str]:
        return {row["bucket"] for row in self.rows}

    @property
    def ids(self) -> set[str]:
        return {row["entity_id"] for row in self.rows}

    @property
    def revoked(self) -> set[str]:
        return {bucket for page in self.pages for bucket in page["revoked_buckets"]}


def _enrol(office: OfficeClient, login: str, role: str, name: str, manager: str | None) -> Person:
    made = add_user(
        office.app.state.engine,
        login,
        role=role,
        name=name,
        manager_login=manager,
        password=PASSWORD,
    )
    answer = office.enrol(login, PASSWORD)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return Person(login, role, made.id, body["client_id"], body["token"])


def _account_rows(territory: Territory, owner: str) -> None:
    """An account with something of every kind, pushed by its KAM (granted as new)."""
    ids = {
        name: uuid.uuid4()
        for name in (
            "accounts",
            "account_dossiers",
            "contacts",
            "contact_personal",
            "visits",
            "visit_reports",
            "offers",
            "offer_lines",
            "follow_up_tasks",
        )
    }
    territory.ids[owner] = ids
    person = territory.people[owner]
    marker = SECRET if owner == "boris" else f"заметка {owner}"
    c = territory.change
    outcomes = territory.push(
        owner,
        c(
            owner,
            "accounts",
            ids["accounts"],
            "insert",
            name=f"ОКБ {owner} {marker}",
            kind="hospital",
            owner_id=person.user_id.hex,
            qual_need_note=marker,
        ),
        c(
            owner,
            "account_dossiers",
            ids["account_dossiers"],
            "insert",
            account_id=ids["accounts"].hex,
            plans=marker,
        ),
        c(
            owner,
            "contacts",
            ids["contacts"],
            "insert",
            account_id=ids["accounts"].hex,
            surname="Петрова",
            notes=marker,
        ),
        c(
            owner,
            "contact_personal",
            ids["contact_personal"],
            "insert",
            contact_id=ids["contacts"].hex,
            hobbies=marker,
        ),
        c(
            owner,
            "visits",
            ids["visits"],
            "insert",
            account_id=ids["accounts"].hex,
            objective=marker,
            status="planned",
        ),
        c(
            owner,
            "visit_reports",
            ids["visit_reports"],
            "insert",
            visit_id=ids["visits"].hex,
            outcome=marker,
        ),
        c(
            owner,
            "offers",
            ids["offers"],
            "insert",
            account_id=ids["accounts"].hex,
            owner_id=person.user_id.hex,
            status="draft",
            needs_approval=True,
            approval_status="pending",
            discount_pct="12.50",
            benefit=marker,
        ),
        c(
            owner,
            "offer_lines",
            ids["offer_lines"],
            "insert",
            offer_id=ids["offers"].hex,
            unit_price="1234.50",
            quantity=3,
        ),
        c(
            owner,
            "follow_up_tasks",
            ids["follow_up_tasks"],
            "insert",
            account_id=ids["accounts"].hex,
            details=marker,
        ),
    )
    assert [o["outcome"] for o in outcomes] == ["applied"] * len(outcomes), outcomes


@pytest.fixture
def territory(office_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Territory]:
    # Real argon2, at its cheapest: six users and their logins cost seconds otherwise.
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    init_database(office_url)
    app = create_app(office_url)
    office = OfficeClient(app)
    people = {
        "admin": _enrol(office, "admin", "admin", "Орлов Павел Николаевич", None),
        "orlova": _enrol(office, "orlova", "manager", "Орлова Мария Петровна", None),
        "sokolov": _enrol(office, "sokolov", "manager", "Соколов Игорь Олегович", None),
    }
    people["anna"] = _enrol(office, "anna", "kam", "Иванова Анна Сергеевна", "orlova")
    people["carl"] = _enrol(office, "carl", "kam", "Карпов Кирилл Львович", "orlova")
    people["boris"] = _enrol(office, "boris", "kam", "Петров Борис Ильич", "sokolov")
    found = Territory(office, people)
    for owner in ("anna", "carl", "boris"):
        _account_rows(found, owner)
    office_ids = {"products": uuid.uuid4(), "users": uuid.uuid4(), "territories": uuid.uuid4()}
    found.ids["office"] = office_ids
    c = found.change
    outcomes = found.push(
        "admin",
        c(
            "admin",
            "products",
            office_ids["products"],
            "insert",
            name="Кардиомил 50 мг",
            description="каталог",
        ),
        c(
            "admin",
            "users",
            office_ids["users"],
            "insert",
            surname="Петров",
            name="Борис",
            role="kam",
        ),
        c("admin", "territories", office_ids["territories"], "insert", name="Тверь"),
    )
    assert [o["outcome"] for o in outcomes] == ["applied"] * 3, outcomes
    try:
        yield found
    finally:
        app.state.engine.dispose()


# --- what must never change or appear -----------------------------------------------------


def _office_state(territory: Territory, own: set[str]) -> dict[str, Any]:
    """Everything on the office but the caller's own bookkeeping (its laptops' last_seq,
    the version counter, the outcomes it was given)."""
    own_clients = {uuid.UUID(territory.people[login].client_id) for login in own}
    engine = territory.office.app.state.engine
    with engine.connect() as connection:
        return {
            "rows": sorted(
                (
                    r.entity,
                    r.entity_id.hex,
                    r.bucket,
                    r.version,
                    r.deleted,
                    json.dumps(r.data, sort_keys=True),
                    str(r.updated_by),
                )
                for r in connection.execute(select(rows))
            ),
            "grants": sorted(
                (g.user_id.hex, g.bucket, g.granted_version, g.revoked_version)
                for g in connection.execute(select(grants))
            ),
            "users": sorted(
                (
                    u.id.hex,
                    u.login,
                    u.role,
                    u.name,
                    str(u.manager_id),
                    u.password_hash,
                    str(u.disabled_at),
                )
                for u in connection.execute(select(users))
            ),
            "clients": sorted(
                (
                    c.id.hex,
                    c.user_id.hex,
                    c.token_hash,
                    c.laptop_code,
                    str(c.revoked_at),
                    None if c.id in own_clients else c.last_seq,
                )
                for c in connection.execute(select(clients))
                if c.user_id not in {territory.people[login].user_id for login in own}
                or c.id in own_clients
            ),
            "texts": sorted(
                (t.entity_id.hex, t.field, t.text)
                for t in connection.execute(select(text_revisions))
            ),
            "epoch": connection.execute(select(server_state.c.epoch)).scalar_one(),
        }


def _markers(territory: Territory, owner: str) -> list[str]:
    """Strings that would show one of the owner's rows, or their laptop, in an answer."""
    person = territory.people[owner]
    laptop = uuid.UUID(person.client_id)
    found = [
        SECRET if owner == "boris" else f"заметка {owner}",
        laptop.hex,
        str(laptop),
        person.token,
    ]
    for row_id in territory.ids[owner].values():
        found += [row_id.hex, str(row_id)]
    return found


def _leaks(text: str, markers: list[str]) -> list[str]:
    lowered = text.lower()
    return [marker for marker in markers if marker.lower() in lowered]


# --- every route of the OpenAPI -------------------------------------------------------------


def _operations(office: OfficeClient) -> list[tuple[str, str, dict[str, Any]]]:
    schema = office.get("/openapi.json").json()
    found = [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]
    assert found, "the office's OpenAPI names no route"
    return found


def _hostile_changes(territory: Territory, who: str) -> list[dict[str, Any]]:
    """One change of every operation on every kind of Boris's rows and on office data."""
    boris, office = territory.ids["boris"], territory.ids["office"]
    kam = territory.people[who].role == "kam"  # a manager may change office data
    c = territory.change
    made: list[dict[str, Any]] = []
    for entity, row_id in [*boris.items(), *(office.items() if kam else ())]:
        made += [
            c(who, entity, row_id, "update", notes="чужое", name="Чужое"),
            c(who, entity, row_id, "delete", deleted_at=datetime.now(UTC).isoformat()),
            c(who, entity, row_id, "restore"),
            c(who, entity, row_id, "insert", name="Захват"),  # "the same row, made again"
        ]
    # New rows filed under Boris's parents, and new office data.
    made += [
        c(
            who,
            "contacts",
            uuid.uuid4(),
            "insert",
            account_id=boris["accounts"].hex,
            surname="Шпион",
        ),
        c(who, "visits", uuid.uuid4(), "insert", account_id=boris["accounts"].hex, objective="x"),
        c(who, "offers", uuid.uuid4(), "insert", account_id=boris["accounts"].hex, status="draft"),
        c(who, "account_dossiers", uuid.uuid4(), "insert", account_id=boris["accounts"].hex),
        c(who, "follow_up_tasks", uuid.uuid4(), "insert", account_id=boris["accounts"].hex),
        c(who, "contact_personal", uuid.uuid4(), "insert", contact_id=boris["contacts"].hex),
        c(who, "visit_reports", uuid.uuid4(), "insert", visit_id=boris["visits"].hex),
        c(who, "offer_lines", uuid.uuid4(), "insert", offer_id=boris["offers"].hex, quantity=1),
    ]
    if not kam:
        return made
    made += [
        c(who, "products", uuid.uuid4(), "insert", name="Свой препарат"),
        c(who, "users", uuid.uuid4(), "insert", surname="Новый", name="Админ", role="admin"),
        c(who, "price_lists", uuid.uuid4(), "insert", name="Прайс"),
        c(who, "users", office["users"], "update", role="admin"),
    ]
    return made


def _bodies(territory: Territory, who: str) -> list[Any]:
    """Bodies a route might take, all aimed at Boris's data, in the caller's name."""
    person, boris = territory.people[who], territory.people["boris"]
    pull = {"schema_version": SCHEMA_HEAD, "client_id": person.client_id, "cursor": ""}
    push = {
        "schema_version": SCHEMA_HEAD,
        "client_id": person.client_id,
        "previous_seq": 0,
        "changes": _hostile_changes(territory, who)[:400],
    }
    return [
        None,
        {},
        pull,
        {**pull, "client_id": boris.client_id},
        {**pull, "cursor": _forged(territory, 0, "snapshot", None)},
        push,
        {**push, "client_id": boris.client_id},
        {
            "login": "boris",
            "password": "не-тот-пароль",
            "client_id": boris.client_id,
            "schema_version": SCHEMA_HEAD,
        },
        {
            "login": person.login,
            "password": PASSWORD,
            "client_id": boris.client_id,
            "schema_version": SCHEMA_HEAD,
        },
    ]


def _paths(territory: Territory, template: str) -> list[str]:
    """The route with every path parameter set to each of Boris's ids in turn."""
    names = re.findall(r"{([^}]+)}", template)
    if not names:
        return [template]
    boris = territory.people["boris"]
    values = [boris.client_id, territory.ids["boris"]["accounts"].hex, boris.user_id.hex, "boris"]
    made = []
    for value in values:
        path = template
        for name in names:
            path = path.replace("{" + name + "}", value)
        made.append(path)
    return made


@pytest.mark.parametrize("who", ["anna", "orlova"])
def test_every_route_of_the_openapi_keeps_boris_data_from_another_team(
    territory: Territory, who: str
) -> None:
    office = territory.office
    markers = _markers(territory, "boris")
    before = _office_state(territory, {who})
    tried = 0
    for method, template, operation in _operations(office):
        takes_body = "requestBody" in operation
        for path in _paths(territory, template):
            for body in _bodies(territory, who) if takes_body else [None]:
                for headers in (territory.people[who].headers, {}):
                    extra: dict[str, Any] = {"headers": headers}
                    if body is not None:
                        extra["json"] = body
                    answer = office.request(method.upper(), path, **extra)
                    tried += 1
                    where = f"{method.upper()} {path} as {who} with {str(body)[:120]}"
                    assert answer.status_code < 500, f"{where}: {answer.status_code} {answer.text}"
                    leaked = _leaks(answer.text, markers)
                    assert not leaked, f"{where} answered {leaked}: {answer.text[:500]}"
                    if answer.status_code == 200 and path.endswith("/push"):
                        for outcome in answer.json()["outcomes"]:
                            assert outcome["outcome"] == "rejected", (where, outcome)
    assert tried > 20
    assert _office_state(territory, {who}) == before
    # Boris's laptop still works and still has everything of his.
    assert SECRET in json.dumps(territory.pull_all("boris").rows, ensure_ascii=False)


def test_the_routes_this_test_attacks_in_depth_are_still_the_offices(
    territory: Territory,
) -> None:
    """A renamed route would leave the in-depth attacks below aimed at nothing."""
    found = {(method, path) for method, path, _ in _operations(territory.office)}
    assert {
        ("post", "/sync/v1/push"),
        ("post", "/sync/v1/pull"),
        ("post", "/sync/v1/enrol"),
        ("get", "/admin/v1/clients"),
        ("post", "/admin/v1/clients/{client_id}/revoke"),
    } <= found


# --- pulls -------------------------------------------------------------------------------------


def test_pulls_bring_only_granted_buckets_page_by_page_and_never_after_a_revoke(
    territory: Territory,
) -> None:
    anna_bucket, carl_bucket = territory.bucket("anna"), territory.bucket("carl")
    boris_bucket = territory.bucket("boris")
    first = territory.pull_all("anna", limit=2)  # many `more` pages
    assert len(first.pages) > 3
    assert first.buckets == {OFFICE_BUCKET, anna_bucket}
    assert set(territory.ids["anna"].values()) <= {uuid.UUID(i) for i in first.ids}

    # Carl's account is granted to Anna: it comes as a snapshot, one row a page.
    grant(territory.office.app.state.engine, "anna", [carl_bucket])
    snapshot = territory.pull_all("anna", first.cursor, limit=1)
    assert snapshot.buckets == {carl_bucket}
    assert {uuid.UUID(i) for i in snapshot.ids} == set(territory.ids["carl"].values())
    # Boris edits his account meanwhile: nothing of it reaches Anna.
    c = territory.change
    territory.push(
        "boris",
        c(
            "boris",
            "accounts",
            territory.ids["boris"]["accounts"],
            "update",
            name=f"ОКБ {SECRET} новое",
        ),
    )
    assert territory.pull_all("anna", snapshot.cursor, limit=1).rows == []

    # Revoked: the laptop is told to drop it, and Carl's later edits never come.
    revoke(territory.office.app.state.engine, "anna", [carl_bucket])
    territory.push(
        "carl",
        c("carl", "contacts", territory.ids["carl"]["contacts"], "update", notes="после отзыва"),
    )
    after = territory.pull_all("anna", snapshot.cursor, limit=1)
    assert carl_bucket in after.revoked
    assert after.buckets <= {OFFICE_BUCKET, anna_bucket}
    fresh = territory.pull_all("anna", "", limit=3)  # a laptop rebuilt from the office
    assert fresh.buckets == {OFFICE_BUCKET, anna_bucket}
    assert boris_bucket not in first.buckets | snapshot.buckets | after.buckets
    text = json.dumps([first.pages, snapshot.pages, after.pages, fresh.pages], ensure_ascii=False)
    assert not _leaks(text, _markers(territory, "boris"))


def _forged(territory: Territory, version: int, phase: str, key: list[Any] | None) -> str:
    engine = territory.office.app.state.engine
    with engine.connect() as connection:
        state = connection.execute(select(server_state)).one()
    body = {"e": state.epoch, "v": version, "u": state.version, "p": phase, "k": key}
    raw = json.dumps(body, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_a_forged_cursor_never_widens_what_a_kam_reads(territory: Territory) -> None:
    grant(territory.office.app.state.engine, "anna", [territory.bucket("carl")])
    revoke(territory.office.app.state.engine, "anna", [territory.bucket("carl")])
    engine = territory.office.app.state.engine
    with engine.connect() as connection:
        committed = int(connection.execute(select(server_state.c.version)).scalar_one())
    boris_account = territory.ids["boris"]["accounts"].hex
    keys: list[list[Any] | None] = [
        None,
        [territory.bucket("boris"), "accounts", boris_account],
        ["account:", "", "0" * 32],
        [0, "", "0" * 32],
    ]
    # Carl's account was Anna's for a moment: its bucket may be named as revoked.
    carl = [
        m
        for m in _markers(territory, "carl")
        if territory.ids["carl"]["accounts"].hex not in m
        and str(territory.ids["carl"]["accounts"]) != m
    ]
    markers = _markers(territory, "boris") + carl
    for version in range(committed + 2):
        for phase in ("snapshot", "delta"):
            for key in keys:
                cursor = _forged(territory, version, phase, key)
                body = {
                    "schema_version": SCHEMA_HEAD,
                    "cursor": cursor,
                    "limit": 5,
                    "client_id": territory.people["anna"].client_id,
                }
                answer = territory.office.post(
                    "/sync/v1/pull", json=body, headers=territory.people["anna"].headers
                )
                assert answer.status_code < 500, (version, phase, key, answer.text)
                if answer.status_code != 200:
                    continue
                page = answer.json()
                assert {r["bucket"] for r in page["rows"]} <= {
                    OFFICE_BUCKET,
                    territory.bucket("anna"),
                }, (version, phase, key)
                assert not _leaks(answer.text, markers), (version, phase, key)


# --- pushes ------------------------------------------------------------------------------------


def test_every_push_on_another_kams_rows_or_office_data_is_refused_as_permission(
    territory: Territory,
) -> None:
    before = _office_state(territory, {"anna"})
    for change in _hostile_changes(territory, "anna"):
        [outcome] = territory.push("anna", change)
        assert outcome["outcome"] == "rejected", (change, outcome)
        assert outcome["code"] == "permission", (change, outcome)
    assert _office_state(territory, {"anna"}) == before


def test_moving_her_own_rows_under_another_kams_account_is_refused(
    territory: Territory,
) -> None:
    anna, boris = territory.ids["anna"], territory.ids["boris"]
    c = territory.change
    before = _office_state(territory, {"anna"})
    attempts = [
        c("anna", "contacts", anna["contacts"], "update", account_id=boris["accounts"].hex),
        c("anna", "offers", anna["offers"], "update", account_id=boris["accounts"].hex),
        c("anna", "offer_lines", anna["offer_lines"], "update", offer_id=boris["offers"].hex),
        # Boris's contact id under Anna's own account: still Boris's row.
        c("anna", "contacts", boris["contacts"], "insert", account_id=anna["accounts"].hex),
    ]
    for change in attempts:
        [outcome] = territory.push("anna", change)
        assert outcome["outcome"] == "rejected", (change, outcome)
    assert _office_state(territory, {"anna"}) == before


def test_a_push_in_another_laptops_name_is_refused_whole(territory: Territory) -> None:
    anna, boris = territory.people["anna"], territory.people["boris"]
    before = _office_state(territory, {"anna"})
    body = {
        "schema_version": SCHEMA_HEAD,
        "client_id": boris.client_id,
        "previous_seq": 0,
        "changes": _hostile_changes(territory, "anna")[:50],
    }
    answer = territory.office.post("/sync/v1/push", json=body, headers=anna.headers)
    assert answer.status_code == 403 and answer.json()["error"] == "client"
    assert _office_state(territory, {"anna"}) == before


def test_enrolling_with_another_laptops_id_gives_a_new_one_and_boris_keeps_his(
    territory: Territory,
) -> None:
    boris = territory.people["boris"]
    answer = territory.office.enrol("anna", PASSWORD, uuid.UUID(boris.client_id))
    assert answer.status_code == 200
    assert answer.json()["client_id"] != uuid.UUID(boris.client_id).hex
    assert answer.json()["last_seq"] == 0
    assert territory.office.enrol("boris", "не-тот-пароль").status_code == 401
    assert SECRET in json.dumps(territory.pull_all("boris").rows, ensure_ascii=False)


# --- admin routes ------------------------------------------------------------------------------


def test_admin_routes_refuse_a_kam_and_a_manager(territory: Territory) -> None:
    admin_routes = [
        (method, path) for method, path, _ in _operations(territory.office) if "/admin/" in path
    ]
    assert admin_routes
    before = _office_state(territory, set())
    for method, template in admin_routes:
        for path in _paths(territory, template):
            for who in ("anna", "orlova", "boris"):
                answer = territory.office.request(
                    method.upper(), path, headers=territory.people[who].headers
                )
                assert answer.status_code == 403, (method, path, who, answer.text)
                assert answer.json()["error"] == "forbidden"
            assert territory.office.request(method.upper(), path).status_code == 401
    assert _office_state(territory, set()) == before
    # The admin is let through (so the refusals above are about the role).
    listed = territory.office.get("/admin/v1/clients", headers=territory.people["admin"].headers)
    assert listed.status_code == 200
    assert uuid.UUID(territory.people["boris"].client_id).hex in listed.text.replace("-", "")


# --- managers ----------------------------------------------------------------------------------


def test_a_manager_reads_the_team_but_not_another_managers_team(territory: Territory) -> None:
    orlova = territory.pull_all("orlova", limit=3)
    assert orlova.buckets == {OFFICE_BUCKET, territory.bucket("anna"), territory.bucket("carl")}
    assert not _leaks(json.dumps(orlova.pages, ensure_ascii=False), _markers(territory, "boris"))
    sokolov = territory.pull_all("sokolov", limit=3)
    assert sokolov.buckets == {OFFICE_BUCKET, territory.bucket("boris")}
    assert SECRET in json.dumps(sokolov.rows, ensure_ascii=False)


def test_a_manager_writes_only_the_answer_to_an_approval_request_of_the_team(
    territory: Territory,
) -> None:
    anna, boris = territory.ids["anna"], territory.ids["boris"]
    orlova = territory.people["orlova"]
    c = territory.change
    before = _office_state(territory, {"orlova"})
    refused = [
        c("orlova", "offers", anna["offers"], "update", discount_pct="30.00"),
        c("orlova", "offers", anna["offers"], "update", approval_status="approved", status="sent"),
        c("orlova", "offers", anna["offers"], "delete"),
        c("orlova", "accounts", anna["accounts"], "update", name="Переименовано"),
        c("orlova", "contacts", uuid.uuid4(), "insert", account_id=anna["accounts"].hex),
        c("orlova", "visit_reports", anna["visit_reports"], "update", outcome="правка"),
        c(
            "orlova",
            "offers",
            boris["offers"],
            "update",
            approval_status="approved",
            approved_by_id=orlova.user_id.hex,
        ),
        c("orlova", "accounts", boris["accounts"], "update", name="Чужое"),
    ]
    for change in refused:
        [outcome] = territory.push("orlova", change)
        assert outcome["outcome"] == "rejected" and outcome["code"] == "permission", (
            change,
            outcome,
        )
    assert _office_state(territory, {"orlova"}) == before

    [approved] = territory.push(
        "orlova",
        c(
            "orlova",
            "offers",
            anna["offers"],
            "update",
            approval_status="approved",
            approval_comment="Согласовано",
            approved_by_id=orlova.user_id.hex,
            approved_at=datetime.now(UTC).isoformat(),
        ),
    )
    assert approved["outcome"] in ("applied", "merged"), approved  # merged: no base was sent
    offer = next(
        row
        for row in territory.pull_all("anna").rows
        if uuid.UUID(row["entity_id"]) == anna["offers"]
    )
    assert offer["fields"]["approval_status"] == "approved"
    assert offer["fields"]["discount_pct"] == "12.50"
