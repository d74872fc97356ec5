"""The simulated office and its six laptops, driven step by step by `random.Random(seed)`.

Three KAMs (the second on two laptops: two stores, one login), their manager and an
admin, each a real store file with a real SyncClient, against one real office app.
A step is one scheduler action: an edit on one laptop, a sync (with at most one fault
armed), going offline, a grant change by the admin, a clock change, or a laptop
killed and reopened from its file. `heal` turns every fault off and lets every laptop
sync up to three rounds; `check` then says what is wrong, as a list of sentences.
"""

from __future__ import annotations

import json
import random
import shutil
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, select

from kamdesk.models import (
    Account,
    AccountDossier,
    AccountKind,
    ChangeLogEntry,
    ChangeStatus,
    Contact,
    Product,
    RelationshipEvent,
    RelationshipEventKind,
    SyncIssue,
    SyncState,
    Visit,
)
from kamdesk.store import INCLUDE_DELETED, Store, open_store, restore, soft_delete
from kamdesk.store.changelog import CLOCK, NEW_ID
from kamdesk.store.natural_keys import find_or_restore
from kamdesk.store.values import to_json_value
from kamdesk.sync.client import SyncClient
from kamdesk.sync.credentials import Credentials
from kamdesk.sync.entities import LOCAL_COLUMNS, entity
from kamdesk.sync.errors import SyncError
from kamdesk.sync.protocol import ENTITIES, OFFICE_BUCKET
from tests.sync.simulation.faults import Fault, FaultyTransport, LaptopKilled, Network

PASSWORD = "correct-horse-battery"
SERVER = "http://testserver"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STEP_TIME = timedelta(minutes=3)
FAULTS = list(Fault)
CLOCKS = ["right", "+1 day", "-1 day", "+1 year", "-1 year", "backwards"]
TEXT_FIELDS = {
    "accounts": ["qual_need_note"],
    "account_dossiers": ["needs", "plans", "general_notes"],
    "contacts": ["notes"],
    "visits": ["objective", "agenda"],
    "relationship_events": ["description"],
    "products": ["description"],
}
CITIES = ["Тверь", "Казань", "Пермь", "Самара", "Омск", "Томск"]
POSITIONS = ["Главврач", "Зав. аптекой", "Закупщик", "Провизор", "Зам. главврача"]


@dataclass(frozen=True)
class Person:
    login: str
    role: str
    name: str
    manager: str | None = None


PEOPLE = [
    Person("boss", "manager", "Смирнова Ольга Петровна"),
    Person("root", "admin", "Кузнецов Андрей Иванович"),
    Person("anna", "kam", "Иванова Анна Сергеевна", "boss"),
    Person("boris", "kam", "Петров Борис Ильич", "boss"),
    Person("vera", "kam", "Соколова Вера Павловна", "boss"),
]
# (laptop name, login): boris works on two laptops.
LAPTOPS = [
    ("anna", "anna"),
    ("boris-1", "boris"),
    ("boris-2", "boris"),
    ("vera", "vera"),
    ("boss", "boss"),
    ("root", "root"),
]


@dataclass(frozen=True)
class Word:
    """A word typed into a long text on one laptop (unique in the whole run)."""

    word: str
    laptop: str
    entity: str
    entity_id: uuid.UUID
    field: str


class Laptop:
    """One laptop: its store file, its SyncClient and its way to the office."""

    def __init__(self, world: World, name: str, login: str, folder: Path) -> None:
        self.world, self.name, self.login = world, name, login
        self.role = next(person.role for person in PEOPLE if person.login == login)
        self.folder = folder
        self.path = folder / "store.sqlite"
        self.transport = FaultyTransport(world.network, name)
        self.http = httpx.Client(transport=self.transport)
        self.clock_mode = "right"
        self.offline_until = 0
        self.store: Store = self._open()
        self.client = self._client()

    def _open(self) -> Store:
        store = open_store(self.path)
        factory: Any = store._sessions  # the change log's clock and ids (as the demo sets them)
        factory.kw["info"] = {**factory.kw["info"], CLOCK: self.now, NEW_ID: self.world.new_id}
        return store

    def _client(self) -> SyncClient:
        return SyncClient(
            self.store, self.http, credentials=Credentials(self.folder, use_keyring=False)
        )

    def now(self) -> datetime:
        """The laptop's clock, which may be wrong: a day or a year off, or going back."""
        right = self.world.now()
        match self.clock_mode:
            case "+1 day":
                return right + timedelta(days=1)
            case "-1 day":
                return right - timedelta(days=1)
            case "+1 year":
                return right + timedelta(days=365)
            case "-1 year":
                return right - timedelta(days=365)
            case "backwards":
                return START - (right - START)
        return right

    def reopen(self) -> None:
        """The laptop died: everything not committed is gone; start again from the file."""
        self.store.close()
        self.store = self._open()
        self.client = self._client()

    def close(self) -> None:
        self.store.close()
        self.http.close()

    def client_id(self) -> uuid.UUID:
        with self.store.session() as session:
            state = session.get(SyncState, 1)
            assert state is not None
            return state.client_id


@dataclass
class Stats:
    steps: int = 0
    actions: Counter[str] = field(default_factory=Counter)
    sync_failures: Counter[str] = field(default_factory=Counter)
    kills: int = 0


class World:
    def __init__(
        self, seed: int, root: Path, template: Path, engine: Engine, network: Network
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self._ids = random.Random(seed * 1_000_003 + 17)
        self.root, self.template, self.engine, self.network = root, template, engine, network
        self.tick = 0
        self.counter = 0
        self.words: list[Word] = []
        self.trace: list[str] = []
        self.stats = Stats()
        self.laptops: list[Laptop] = []

    # --- set-up ---------------------------------------------------------------------

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(bytes=self._ids.randbytes(16), version=4)

    def now(self) -> datetime:
        return START + self.tick * STEP_TIME

    def start(self) -> None:
        from kamdesk.server.users import add_user

        for person in PEOPLE:
            add_user(
                self.engine,
                person.login,
                role=person.role,
                name=person.name,
                manager_login=person.manager,
                password=PASSWORD,
            )
        for name, login in LAPTOPS:
            folder = self.root / name
            folder.mkdir(parents=True)
            shutil.copyfile(self.template, folder / "store.sqlite")
            laptop = Laptop(self, name, login, folder)
            laptop.client.enrol(SERVER, login, PASSWORD, device_name=f"ноутбук {name}")
            self.laptops.append(laptop)

    def close(self) -> None:
        for laptop in self.laptops:
            laptop.close()

    def log(self, text: str) -> None:
        self.trace.append(f"{self.tick:6d} {text}")
        if len(self.trace) > 400:
            del self.trace[:100]

    def unique_word(self) -> str:
        self.counter += 1
        return f"w{self.counter:06d}q"

    # --- the scheduler --------------------------------------------------------------

    def run(self, steps: int) -> None:
        for _ in range(steps):
            self.step()

    def step(self) -> None:
        self.tick += 1
        self.stats.steps += 1
        rng = self.rng
        laptop = rng.choice(self.laptops)
        if laptop.offline_until and self.tick >= laptop.offline_until:
            laptop.offline_until = 0
            laptop.transport.offline = False
        roll = rng.random()
        if self.network.held and roll < 0.03:
            count = self.network.deliver_held(rng.randint(1, len(self.network.held)))
            self.action("late requests arrive", f"{count}")
        elif roll < 0.15:
            self.sync(laptop)
        elif roll < 0.165:
            laptop.offline_until = self.tick + rng.randint(20, 400)
            laptop.transport.offline = True
            self.action("offline", f"{laptop.name} until {laptop.offline_until}")
        elif roll < 0.18:
            self.change_grants()
        elif roll < 0.19:
            laptop.clock_mode = rng.choice(CLOCKS)
            self.action("clock", f"{laptop.name} {laptop.clock_mode}")
        elif roll < 0.193:
            laptop.reopen()
            self.stats.kills += 1
            self.action("restart", laptop.name)
        else:
            self.edit(laptop)

    def action(self, kind: str, detail: str = "") -> None:
        self.stats.actions[kind] += 1
        self.log(f"{kind}: {detail}")

    def sync(self, laptop: Laptop, fault: Fault | None = None) -> None:
        rng = self.rng
        if fault is None and rng.random() < 0.5:
            fault = rng.choice(FAULTS)
        laptop.transport.arm(fault, rng.choice([0, 0, 1, 1, 2, 3]), rng.randrange(1000))
        name = f"{laptop.name} fault={fault.value if fault else '-'}@{laptop.transport.fault_at}"
        try:
            report = laptop.client.sync()
        except LaptopKilled:
            laptop.reopen()
            self.stats.kills += 1
            self.stats.sync_failures["laptop killed"] += 1
            self.action("sync", f"{name}: laptop killed, reopened")
        except SyncError as error:
            self.stats.sync_failures[type(error).__name__] += 1
            self.action("sync", f"{name}: {type(error).__name__} {error}"[:300])
        else:
            self.action(
                "sync",
                f"{name}: pushed {report.pushed} rejected {report.rejected} "
                f"pulled {report.pulled_rows} removed {report.removed_buckets}",
            )
        finally:
            laptop.transport.arm(None)

    def change_grants(self) -> None:
        from kamdesk.server.tables import rows
        from kamdesk.server.users import grant, granted_buckets, revoke

        with self.engine.connect() as connection:
            accounts = sorted(
                str(row.bucket)
                for row in connection.execute(
                    select(rows.c.bucket).where(rows.c.entity == "accounts")
                )
            )
        if not accounts:
            return
        kam = self.rng.choice([person.login for person in PEOPLE if person.role == "kam"])
        bucket = self.rng.choice(accounts)
        if bucket in granted_buckets(self.engine, kam):
            revoke(self.engine, kam, [bucket])
            self.action("revoke", f"{kam} {bucket}")
        else:
            grant(self.engine, kam, [bucket])
            self.action("grant", f"{kam} {bucket}")

    # --- edits ----------------------------------------------------------------------

    def edit(self, laptop: Laptop, kind: str | None = None) -> None:
        rng = self.rng
        if laptop.role == "manager":
            choices = [
                ("product", 3),
                ("text:products", 5),
                ("scalar:products", 3),
                ("delete:products", 1),
                ("restore:products", 1),
                ("text:contacts", 1),  # not the manager's to change: refused, in sync issues
                ("scalar:contacts", 1),
            ]
        else:
            choices = [
                ("account", 2 if laptop.role == "kam" else 1),
                ("contact", 6),
                ("visit", 4),
                ("event", 4),
                ("text:account_dossiers", 8),
                ("text:contacts", 5),
                ("text:visits", 4),
                ("text:relationship_events", 4),
                ("text:accounts", 2),
                ("scalar:contacts", 5),
                ("scalar:accounts", 2),
                ("scalar:visits", 3),
                ("scalar:relationship_events", 2),
                ("delete:contacts", 2),
                ("delete:visits", 1),
                ("delete:relationship_events", 2),
                ("restore:contacts", 1),
                ("restore:visits", 1),
                ("restore:relationship_events", 1),
            ]
            if laptop.role == "admin":
                choices += [("product", 1), ("text:products", 2)]
            else:
                choices += [("text:products", 1)]  # a KAM may not: refused, in sync issues
        if kind is None:
            kind = rng.choices([c[0] for c in choices], [c[1] for c in choices])[0]
        self._typed: list[Word] = []
        with laptop.store.transaction() as session:
            done = self._edit(laptop, session, kind)
        if done:  # committed: the words typed are the laptop's now
            self.words.extend(self._typed)
            self.action(kind, f"{laptop.name} {done}")

    def _pick(self, session: Any, cls: type[Any], deleted: bool = False) -> Any:
        """A random live row of `cls` (or a deleted one), read by plain SQL: cheap."""
        table = cls.__tablename__
        where = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
        found = (
            session.connection()
            .exec_driver_sql(f"SELECT id FROM {table} WHERE {where} ORDER BY id")
            .scalars()
            .all()
        )
        if not found:
            return None
        chosen = uuid.UUID(bytes=self.rng.choice(found))
        return session.scalars(
            select(cls).where(cls.id == chosen).execution_options(**{INCLUDE_DELETED: True})
        ).one()

    def _edit(self, laptop: Laptop, session: Any, kind: str) -> str:
        rng = self.rng
        what, _, table = kind.partition(":")
        if what == "account":
            new_account = Account(
                name=f"Клиент {self.unique_word()}", kind=AccountKind.HOSPITAL, city=CITIES[0]
            )
            session.add(new_account)
            return f"new account {new_account.name}"
        if what == "product":
            sku = self.unique_word()
            session.add(Product(sku=sku, inn_name="Инсулин", trade_name=f"Препарат {sku}"))
            return f"new product {sku}"
        account: Any = None
        if what in ("contact", "visit", "event"):
            account = self._pick(session, Account)
        if what in ("contact", "visit", "event"):
            if account is None:
                return ""
            if what == "contact":
                row: Any = Contact(account_id=account.id, surname=f"Петров {self.unique_word()}")
            elif what == "visit":
                row = Visit(account_id=account.id, starts_at=laptop.now(), place="Кабинет 1")
            else:
                row = RelationshipEvent(
                    account_id=account.id,
                    kind=RelationshipEventKind.NOTE,
                    occurred_on=date(2026, 3, 2),
                    subject=f"Событие {self.unique_word()}",
                )
            session.add(row)
            return f"new {what} in {account.id.hex[:8]}"
        cls = entity(table).cls  # type: ignore[union-attr]
        if what == "text":
            if table == "account_dossiers":
                account = self._pick(session, Account)
                if account is None:
                    return ""
                target: Any = find_or_restore(session, AccountDossier, account_id=account.id)
            else:
                target = self._pick(session, cls)
            if target is None:
                return ""
            name = rng.choice(TEXT_FIELDS[table])
            word = self.unique_word()
            words = (getattr(target, name) or "").split(" ") if getattr(target, name) else []
            words.insert(rng.randint(0, len(words)), word)
            setattr(target, name, " ".join(words))
            session.flush()  # stamps the id of a new dossier
            self._typed = [Word(word, laptop.name, table, target.id, name)]
            return f"{table}.{name} of {target.id.hex[:8]} +{word}"
        if what == "scalar":
            target = self._pick(session, cls)
            if target is None:
                return ""
            if table == "contacts":
                if rng.random() < 0.5:
                    target.phone_mobile = f"+7900{rng.randrange(10**7):07d}"
                else:
                    target.position = rng.choice(POSITIONS)
            elif table == "accounts":
                target.city = rng.choice(CITIES)
            elif table == "visits":
                target.duration_min = rng.choice([30, 45, 60, 90])
            elif table == "relationship_events":
                target.subject = f"Событие {self.unique_word()}"
            else:
                target.trade_name = f"Препарат {self.unique_word()}"
            return f"{table} {target.id.hex[:8]}"
        if what == "delete":
            target = self._pick(session, cls)
            if target is None:
                return ""
            soft_delete(session, target)
            return f"{table} {target.id.hex[:8]}"
        if what == "restore":
            target = self._pick(session, cls, deleted=True)
            if target is None:
                return ""
            restore(session, target)
            return f"{table} {target.id.hex[:8]}"
        raise AssertionError(kind)

    # --- healing and the checks ----------------------------------------------------

    def heal(self, rounds: int = 3) -> list[str]:
        """Every fault off, late requests delivered, every laptop online; then sync
        rounds until nothing waits and every replica agrees with the office (at most
        `rounds`). Returns what is still wrong."""
        self.network.deliver_held()
        for laptop in self.laptops:
            laptop.transport.offline = False
            laptop.offline_until = 0
            laptop.transport.arm(None)
        problems: list[str] = []
        for number in range(1, rounds + 1):
            for laptop in self.laptops:
                try:
                    laptop.client.sync()
                except SyncError as error:
                    problems = [f"round {number}: {laptop.name} cannot sync: {error!r}"]
                    self.log(problems[0])
            self.log(f"healing round {number}")
            problems = self.check()
            if not problems:
                return []
        return problems

    def check(self) -> list[str]:
        office = OfficeView.read(self.engine)
        problems = list(self.network.unexpected)
        for laptop in self.laptops:
            problems += self._check_laptop(laptop, office)
        problems += office.versions_match_changes()
        return problems

    def _check_laptop(self, laptop: Laptop, office: OfficeView) -> list[str]:
        problems: list[str] = []
        name = laptop.name
        client_id = laptop.client_id()
        with laptop.store.session() as session:
            entries = list(session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id)))
            issues = list(session.scalars(select(SyncIssue)))
        issue_changes = {issue.change_id for issue in issues if issue.change_id is not None}
        mine = {entry.change_id for entry in entries}
        rejected_inserts: set[tuple[str, uuid.UUID]] = set()
        for entry in entries:
            said = office.changes.get(entry.change_id)
            where = f"{name}: change {entry.id} ({entry.operation.value} {entry.entity} "
            where += f"{entry.entity_id.hex[:8]})"
            if entry.status == ChangeStatus.PENDING:
                problems.append(f"{where} still waits after healing ({entry.last_error})")
            elif entry.status == ChangeStatus.ACKNOWLEDGED:
                if said is None:
                    problems.append(f"{where} acknowledged, but the office has no record of it")
                elif said["outcome"]["outcome"] == "rejected":
                    problems.append(f"{where} acknowledged, but the office rejected it")
                elif (said["client_id"], said["seq"]) != (client_id, entry.id):
                    problems.append(f"{where} recorded as {said['client_id']}/{said['seq']}")
            else:
                if entry.change_id not in issue_changes:
                    problems.append(f"{where} rejected, and no sync issue shows it")
                if said is not None and said["outcome"]["outcome"] != "rejected":
                    problems.append(
                        f"{where} shown as refused ({entry.last_error[:80]}), "
                        f"but the office applied it ({said['outcome']['outcome']})"
                    )
                if entry.operation.value == "insert":
                    rejected_inserts.add((entry.entity, entry.entity_id))
        for change_id, said in office.changes.items():
            if said["client_id"] == client_id and change_id not in mine:
                problems.append(f"{name}: the office applied change {change_id} it never made")
        # Replicas: equal to the office on every row this user may see, nothing else.
        visible = office.visible(laptop.login)
        local = snapshot(laptop.store)
        for key, row in office.rows.items():
            if visible is not None and row["bucket"] not in visible:
                continue
            held = local.get(key)
            if held is None:
                problems.append(f"{name}: lacks {key[0]} {key[1].hex[:8]} (v{row['version']})")
                continue
            fields, deleted = held
            if deleted != row["deleted"]:
                problems.append(f"{name}: {key[0]} {key[1].hex[:8]} deleted={deleted} locally")
            for field_name, value in fields.items():
                if field_name in row["data"] and row["data"][field_name] != value:
                    problems.append(
                        f"{name}: {key[0]} {key[1].hex[:8]}.{field_name} = {value!r} locally, "
                        f"{row['data'][field_name]!r} on the office"
                    )
        for key in local:
            seen = office.rows.get(key)
            if seen is not None:
                if visible is not None and seen["bucket"] not in visible:
                    problems.append(
                        f"{name}: holds {key[0]} {key[1].hex[:8]} of {seen['bucket']}, "
                        "not granted to it"
                    )
            elif key not in rejected_inserts:
                problems.append(f"{name}: holds {key[0]} {key[1].hex[:8]} the office never had")
        # Words: every word typed is in the office's text, or in a sync issue.
        issue_text = {
            issue.change_id: json.dumps(issue.local_value, ensure_ascii=False) for issue in issues
        }
        acked_texts = [entry for entry in entries if entry.status == ChangeStatus.ACKNOWLEDGED]
        for word in (w for w in self.words if w.laptop == name):
            found = office.rows.get((word.entity, word.entity_id))
            text = str(found["data"].get(word.field) or "") if found else ""
            if word.word in text:
                continue
            acked = any(
                word.word in str(entry.changes.get(word.field) or "")
                for entry in acked_texts
                if entry.entity_id == word.entity_id
            )
            if acked:
                problems.append(
                    f"{name}: the word {word.word} of {word.entity}.{word.field} "
                    f"{word.entity_id.hex[:8]} was acknowledged but is not in the office's text"
                )
            elif not any(word.word in shown for shown in issue_text.values()):
                problems.append(
                    f"{name}: the word {word.word} of {word.entity}.{word.field} "
                    f"{word.entity_id.hex[:8]} is neither on the office nor in a sync issue"
                )
        return problems


def snapshot(store: Store) -> dict[tuple[str, uuid.UUID], tuple[dict[str, Any], bool]]:
    """Every syncable row of a store: its fields as the wire has them, and whether deleted."""
    found: dict[tuple[str, uuid.UUID], tuple[dict[str, Any], bool]] = {}
    with store.session() as session:
        for name in ENTITIES:
            info = entity(name)
            if info is None:
                continue
            for row in session.scalars(
                select(info.cls).execution_options(**{INCLUDE_DELETED: True})
            ):
                fields = {
                    key: to_json_value(getattr(row, key))
                    for key in info.columns
                    if key not in LOCAL_COLUMNS and key != "deleted_at"
                }
                found[(name, row.id)] = (fields, row.deleted_at is not None)
    return found


@dataclass
class OfficeView:
    rows: dict[tuple[str, uuid.UUID], dict[str, Any]]
    changes: dict[uuid.UUID, dict[str, Any]]
    grants: list[tuple[str, str]]  # (login, bucket) active now
    team: dict[str, list[str]]  # manager login -> their KAMs' logins
    roles: dict[str, str]

    @classmethod
    def read(cls, engine: Engine) -> OfficeView:
        from kamdesk.server.tables import applied_changes, grants, rows, users

        with engine.connect() as connection:
            office_rows = {
                (row.entity, row.entity_id): {
                    "bucket": row.bucket,
                    "version": row.version,
                    "deleted": row.deleted,
                    "data": dict(row.data),
                    "by_client": row.updated_by_client,
                }
                for row in connection.execute(select(rows))
            }
            changes = {
                row.change_id: {
                    "client_id": row.client_id,
                    "seq": row.seq,
                    "entity": row.entity,
                    "entity_id": row.entity_id,
                    "outcome": row.outcome,
                }
                for row in connection.execute(select(applied_changes))
            }
            people = {row.id: row for row in connection.execute(select(users))}
            active = [
                (people[row.user_id].login, row.bucket)
                for row in connection.execute(
                    select(grants).where(grants.c.revoked_version.is_(None))
                )
            ]
        team: dict[str, list[str]] = {}
        for person in people.values():
            if person.manager_id is not None:
                team.setdefault(people[person.manager_id].login, []).append(person.login)
        roles = {person.login: person.role for person in people.values()}
        return cls(office_rows, changes, active, team, roles)

    def visible(self, login: str) -> set[str] | None:
        """The buckets a user may read now (None: every bucket, an admin)."""
        role = self.roles[login]
        if role == "admin":
            return None
        readers = {login, *self.team.get(login, [])} if role == "manager" else {login}
        return {OFFICE_BUCKET} | {bucket for who, bucket in self.grants if who in readers}

    def outcomes(self) -> dict[str, int]:
        """How the office answered: applied, merged by kind of note, rejected by code."""
        counted: Counter[str] = Counter()
        for said in self.changes.values():
            outcome = said["outcome"]
            if outcome["outcome"] == "rejected":
                counted[f"rejected:{outcome.get('code')}"] += 1
            else:
                counted[outcome["outcome"]] += 1
            for note in outcome.get("notes") or []:
                counted[note["kind"]] += 1
        return dict(counted.most_common())

    def versions_match_changes(self) -> list[str]:
        """Each office row's version is the one its last recorded change produced: a
        change applied a second time (without a record) would have moved it."""
        last: dict[tuple[str, uuid.UUID], int] = {}
        for said in self.changes.values():
            version = said["outcome"].get("version")
            if said["outcome"]["outcome"] != "rejected" and version is not None:
                key = (said["entity"], said["entity_id"])
                last[key] = max(last.get(key, 0), int(version))
        problems = []
        for key, row in self.rows.items():
            if key not in last and row["by_client"] is None:
                continue  # the office's own row (its people), no laptop wrote it
            if last.get(key) != row["version"]:
                problems.append(
                    f"office: {key[0]} {key[1].hex[:8]} is at v{row['version']}, its last "
                    f"recorded change made v{last.get(key)}"
                )
        return problems


@dataclass
class Outcome:
    """What one seed's run came to (picklable: seeds run in worker processes)."""

    seed: int
    steps: int
    seconds: float
    summary: str
    failure: str = ""  # empty when every check held


def replay_command(seed: int, steps: int, database: str) -> str:
    where = " KAMDESK_SIM_DB=postgresql" if database == "postgresql" else ""
    return (
        f"KAMDESK_SIM_SEED={seed} KAMDESK_SIM_STEPS={steps}{where} "
        ".venv/bin/pytest tests/sync/simulation -k replay -p no:randomly"
    )


def failure_text(world: World, steps: int, database: str, problems: list[str]) -> str:
    lines = [
        f"simulation seed {world.seed} failed after {world.stats.steps} of {steps} steps "
        f"on {database}; replay it with:",
        "    " + replay_command(world.seed, steps, database),
        f"{len(problems)} problems, the first ones:",
        *("  - " + problem for problem in problems[:25]),
        "the last steps:",
        *("  " + line for line in world.trace[-40:]),
    ]
    return "\n".join(lines)


@contextmanager
def simulated_office(seed: int, url: str, root: Path, template: Path) -> Iterator[World]:
    """An office app on `url` (not yet initialised) behind the fault network, and a world
    of six enrolled laptops under `root`; closed at the end."""
    import sys
    import warnings

    from starlette.exceptions import StarletteDeprecationWarning

    from kamdesk.server import sync_routes
    from kamdesk.server.app import create_app
    from kamdesk.server.db import init_database, make_engine
    from tests.sync.simulation.faults import OfficeSwitch, killing_apply_push

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from starlette.testclient import TestClient

    switch = OfficeSwitch()
    real_apply_push = sync_routes.apply_push
    sync_routes.apply_push = killing_apply_push(real_apply_push, switch)
    # Threads hand over the interpreter sooner: the office runs on TestClient's threads.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    init_database(url)
    engine = make_engine(url)
    try:
        with TestClient(create_app(url), raise_server_exceptions=False) as http:
            world = World(seed, root, template, engine, Network(http._transport, switch))
            try:
                world.start()
                yield world
            finally:
                world.close()
    finally:
        sync_routes.apply_push = real_apply_push
        sys.setswitchinterval(interval)
        engine.dispose()


def run_seed(seed: int, steps: int, url: str, root: Path, template: Path, database: str) -> Outcome:
    """One whole run: `steps` steps, healing, the checks."""
    import time
    import traceback

    started, cpu = time.monotonic(), time.process_time()
    with simulated_office(seed, url, root, template) as world:
        try:
            world.run(steps)
            problems = world.heal()
        except Exception as error:  # a crash is a finding too: say where
            problems = [f"crashed: {error!r}", *traceback.format_exc().splitlines()[-12:]]
        network = world.network
        summary = (
            f"seed={seed} on {database}: {world.stats.steps} steps in "
            f"{time.monotonic() - started:.1f} s ({time.process_time() - cpu:.1f} s of CPU); "
            f"{dict(world.stats.actions.most_common())}; "
            f"faults {network.injected}; failed syncs {dict(world.stats.sync_failures)}; "
            f"office killed mid-push {network.office.killed}; words typed {len(world.words)}; "
            f"office outcomes {OfficeView.read(world.engine).outcomes()}"
        )
        failure = failure_text(world, steps, database, problems) if problems else ""
        return Outcome(seed, world.stats.steps, time.monotonic() - started, summary, failure)
