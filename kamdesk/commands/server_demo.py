"""`kamdesk server demo`: the demo territory as the office's data, and its users.

The laptop's demo generator builds the territory in a temporary laptop store;
every syncable row of it becomes an office document (`rows`) at version 1, in
the wire format's JSON form (the fields an insert would push), filed under its
bucket as `protocol.ENTITIES` says. The accounts are split by kind among three
KAMs of the demo team — hospitals (with the health ministry and other
institutions), pharmacy chains with their pharmacies, distributors — who become
the accounts' owners; their manager sees the team's, an admin everything.

This command may use the laptop's code (the demo, the store); the office server
package itself never does.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from kamdesk.server.auth import hash_password
from kamdesk.server.db import bump_version, init_database, open_office
from kamdesk.server.errors import QT_TRANSLATE_NOOP, OfficeError
from kamdesk.server.tables import rows, users
from kamdesk.server.users import generate_password, grant_buckets, insert_user
from kamdesk.sync.protocol import ENTITIES, OFFICE_BUCKET, account_bucket

Progress = Callable[[int, object], None]

# Which KAM an account goes to, by its kind.
KAM_OF_KIND = {
    "hospital": "hospital",
    "health_authority": "hospital",
    "insurance_fund": "distributor",  # field guide: the distributor KAM works with ФОМС
    "other": "hospital",
    "pharmacy_chain": "pharmacy_chain",
    "pharmacy": "pharmacy_chain",
    "distributor": "distributor",
}
ADMIN_LOGIN = "admin"
ADMIN_NAME = "Орлов Павел Николаевич"
_CHUNK = 2000
_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "),  # noqa: SIM905
        strict=True,
    )
)


@dataclass(frozen=True)
class DemoUser:
    login: str
    role: str
    password: str
    name: str
    buckets: frozenset[str]  # granted accounts (the office bucket aside)


@dataclass(frozen=True)
class SeededOffice:
    users: list[DemoUser]
    rows: int
    accounts: int


@dataclass(frozen=True)
class _Person:
    id: uuid.UUID
    surname: str
    name: str
    patronymic: str
    role: str
    kam_kind: str | None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.surname, self.name, self.patronymic) if part)


OWNED_WORK = frozenset({"visits", "offers", "follow_up_tasks"})


def seed_office(
    url: str,
    *,
    accounts: int = 300,
    seed: int = 1,
    years: int = 3,
    today: date | None = None,
    progress: Progress | None = None,
) -> SeededOffice:
    """Initialise the office at `url` if needed and fill it with the demo; it must be empty."""
    init_database(url)
    engine = open_office(url)
    try:
        with engine.connect() as connection:
            _refuse_unless_empty(connection)
        with tempfile.TemporaryDirectory(prefix="kamdesk-office-demo-") as folder:
            store_path = Path(folder) / "demo.sqlite"
            from kamdesk.services.demo.demo_file import build_demo_file

            build_demo_file(
                store_path,
                accounts=accounts,
                seed=seed,
                years=years,
                today=today,
                progress=progress,
                team_work=True,  # every KAM's visits and offers, not only the laptop's
            )
            documents, people, laptop_user = _read_store(store_path)
        kams, manager = _pick_team(people, laptop_user)
        owner_by_kind = {kind: person.id for kind, person in kams.items()}
        by_kam: dict[uuid.UUID, set[str]] = {person.id: set() for person in kams.values()}
        for document in documents:
            if document["entity"] == "accounts":
                kam = owner_by_kind[KAM_OF_KIND.get(document["data"]["kind"], "hospital")]
                document["data"]["owner_id"] = kam.hex
                by_kam[kam].add(document["bucket"])
        # The laptop demo has one KAM: the visits, offers and tasks of an account go to
        # the KAM it was given, or the manager would read them all as one KAM's work.
        owner_of_bucket = {bucket: kam.hex for kam, held in by_kam.items() for bucket in held}
        for document in documents:
            if document["entity"] in OWNED_WORK and document["data"].get("owner_id"):
                owner = owner_of_bucket.get(document["bucket"])
                if owner is not None:
                    document["data"]["owner_id"] = owner
        passwords = {p.id: generate_password() for p in (*kams.values(), manager)}
        admin_password = generate_password()
        now = datetime.now(UTC)
        with engine.begin() as connection:
            _refuse_unless_empty(connection)
            version = bump_version(connection)
            for chunk in _chunks(documents, _CHUNK):
                connection.execute(
                    rows.insert(),
                    [{**document, "version": version, "updated_at": now} for document in chunk],
                )
            logins = _logins([manager, *kams.values()])
            insert_user(
                connection,
                logins[manager.id],
                role="manager",
                name=manager.full_name,
                password_hash=hash_password(passwords[manager.id]),
                user_id=manager.id,
            )
            for person in kams.values():
                insert_user(
                    connection,
                    logins[person.id],
                    role="kam",
                    name=person.full_name,
                    password_hash=hash_password(passwords[person.id]),
                    manager_login=logins[manager.id],
                    user_id=person.id,
                )
                grant_buckets(connection, person.id, sorted(by_kam[person.id]))
            insert_user(
                connection,
                ADMIN_LOGIN,
                role="admin",
                name=ADMIN_NAME,
                password_hash=hash_password(admin_password),
            )
    finally:
        engine.dispose()
    team = [
        DemoUser(
            logins[person.id],
            "kam",
            passwords[person.id],
            person.full_name,
            frozenset(by_kam[person.id]),
        )
        for person in kams.values()
    ]
    return SeededOffice(
        users=[
            *team,
            DemoUser(
                logins[manager.id], "manager", passwords[manager.id], manager.full_name, frozenset()
            ),
            DemoUser(ADMIN_LOGIN, "admin", admin_password, ADMIN_NAME, frozenset()),
        ],
        rows=len(documents),
        accounts=sum(len(buckets) for buckets in by_kam.values()),
    )


def _refuse_unless_empty(connection: Connection) -> None:
    held = connection.execute(select(func.count()).select_from(rows)).scalar_one()
    people = connection.execute(select(func.count()).select_from(users)).scalar_one()
    if held or people:
        raise OfficeError(
            QT_TRANSLATE_NOOP(
                "OfficeError",
                "the office already has {rows} rows and {users} users; the demo seeds only an "
                "empty office database (create a new one)",
            ),
            rows=held,
            users=people,
        )


def _read_store(path: Path) -> tuple[list[dict[str, Any]], list[_Person], uuid.UUID | None]:
    """Every syncable row of the laptop store as an office document, the team, and the
    laptop's own user."""
    from sqlalchemy import inspect

    from kamdesk.models import Base, Syncable, SyncState
    from kamdesk.store import open_store
    from kamdesk.store.values import to_json_value

    classes = {
        mapper.local_table.name: mapper  # type: ignore[attr-defined]
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Syncable)
    }
    store = open_store(path)
    documents: list[dict[str, Any]] = []
    bucket_of: dict[str, dict[str, str]] = {}
    try:
        with store.engine.connect() as connection:
            for entity in _parents_first():
                mapper = classes.get(entity)
                if mapper is None:
                    continue
                attrs = [
                    attr
                    for attr in inspect(mapper.class_).column_attrs
                    if attr.key not in Syncable.SYNC_BOOKKEEPING
                ]
                parent = ENTITIES[entity].parent
                buckets = bucket_of.setdefault(entity, {})
                query = select(*(attr.columns[0] for attr in attrs))
                for values in connection.execute(query):
                    data = {
                        attr.key: to_json_value(value)
                        for attr, value in zip(attrs, values, strict=True)
                    }
                    if parent is None:
                        bucket = account_bucket(data["id"])
                    elif parent == "office":
                        bucket = OFFICE_BUCKET
                    else:
                        column, table = parent
                        found = bucket_of.get(table, {}).get(data.get(column) or "")
                        if found is None:
                            continue  # an orphan: nobody could be granted it
                        bucket = found
                    buckets[data["id"]] = bucket
                    documents.append(
                        {
                            "entity": entity,
                            "entity_id": uuid.UUID(data["id"]),
                            "bucket": bucket,
                            "deleted": data.get("deleted_at") is not None,
                            "data": data,
                        }
                    )
            laptop_user = connection.execute(
                select(SyncState.user_id).where(SyncState.id == 1)
            ).scalar_one_or_none()
    finally:
        store.close()
    people = [
        _Person(
            uuid.UUID(d["data"]["id"]),
            d["data"]["surname"],
            d["data"]["name"],
            d["data"].get("patronymic") or "",
            d["data"]["role"],
            d["data"].get("kam_kind"),
        )
        for d in documents
        if d["entity"] == "users" and not d["deleted"]
    ]
    return documents, people, laptop_user


def _parents_first() -> list[str]:
    """The entities of the wire format, each after the one its bucket comes through."""
    ordered: list[str] = []
    pending = list(ENTITIES)
    while pending:
        progressed = False
        for entity in list(pending):
            parent = ENTITIES[entity].parent
            if not isinstance(parent, tuple) or parent[1] in ordered:
                ordered.append(entity)
                pending.remove(entity)
                progressed = True
        if not progressed:  # a parent outside the wire format: those rows cannot be filed
            break
    return ordered


def _pick_team(
    people: list[_Person], laptop_user: uuid.UUID | None
) -> tuple[dict[str, _Person], _Person]:
    """One KAM of each kind (the laptop's own user first) and their manager."""
    kams: dict[str, _Person] = {}
    for person in sorted(people, key=lambda p: p.id != laptop_user):
        if person.role == "kam" and person.kam_kind and person.kam_kind not in kams:
            kams[person.kam_kind] = person
    managers = [person for person in people if person.role == "manager"]
    missing = sorted(set(KAM_OF_KIND.values()) - set(kams))
    if missing or not managers:
        raise OfficeError(
            QT_TRANSLATE_NOOP("OfficeError", "the demo team lacks a KAM of {kinds} or a manager"),
            kinds=missing,
        )
    return {kind: kams[kind] for kind in ("hospital", "pharmacy_chain", "distributor")}, managers[0]


def _logins(people: list[_Person]) -> dict[uuid.UUID, str]:
    """Surnames in Latin letters («Морозов» → morozov), made unique."""
    taken = {ADMIN_LOGIN}
    result: dict[uuid.UUID, str] = {}
    for person in people:
        base = "".join(_LATIN.get(ch, ch) for ch in person.surname.lower() if ch.isalnum())
        base = "".join(ch for ch in base if ch.isascii() and ch.isalnum()) or "user"
        login, number = base, 1
        while login in taken:
            number += 1
            login = f"{base}{number}"
        taken.add(login)
        result[person.id] = login
    return result


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
