"""An office for the sync engine tests: its tables, people, laptops and grants, and a
laptop-side helper that numbers its changes like a change log (seq) and remembers
what the office acknowledged (previous_seq)."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select, update

from kamdesk.server.context import Caller, Role
from kamdesk.server.db import make_engine
from kamdesk.server.pull import apply_pull
from kamdesk.server.push import apply_push, bump_version
from kamdesk.server.tables import (
    applied_changes,
    clients,
    grants,
    metadata,
    rows,
    server_state,
    text_revisions,
    users,
)
from kamdesk.sync.protocol import (
    Operation,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    WireChange,
    WireRow,
    account_bucket,
)

SCHEMA = "test"
_codes = itertools.count(1)


@dataclass
class Laptop:
    caller: Caller
    next_seq: int = 1
    acked: int = 0
    cursor: str = ""
    seen: dict[tuple[str, uuid.UUID], WireRow] = field(default_factory=dict)

    def change(
        self,
        entity: str,
        entity_id: uuid.UUID,
        operation: Operation | str = Operation.UPDATE,
        fields: dict[str, Any] | None = None,
        base: dict[str, Any] | None = None,
        changed_at: datetime | None = None,
    ) -> WireChange:
        made = WireChange(
            seq=self.next_seq,
            change_id=uuid.uuid4(),
            entity=entity,
            entity_id=entity_id,
            operation=Operation(operation),
            fields=fields or {},
            base=base or {},
            revision=1,
            changed_at=changed_at or datetime.now(UTC),
        )
        self.next_seq += 1
        return made

    def request(self, changes: list[WireChange], previous_seq: int | None = None) -> PushRequest:
        return PushRequest(
            schema_version=SCHEMA,
            client_id=self.caller.client_id,
            previous_seq=self.acked if previous_seq is None else previous_seq,
            changes=changes,
        )


class Office:
    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.engine: Engine = engine or make_engine(url)
        metadata.create_all(self.engine)
        with self.engine.begin() as connection:
            connection.execute(
                server_state.insert().values(
                    id=1, epoch="epoch-1", version=0, created_at=datetime.now(UTC)
                )
            )

    def close(self) -> None:
        self.engine.dispose()

    def user(self, name: str, role: Role = "kam", manager: uuid.UUID | None = None) -> uuid.UUID:
        user_id = uuid.uuid4()
        with self.engine.begin() as connection:
            connection.execute(
                users.insert().values(
                    id=user_id,
                    login=f"u{user_id.hex[:8]}",
                    role=role,
                    name=name,
                    manager_id=manager,
                    password_hash="-",
                    created_at=datetime.now(UTC),
                )
            )
        return user_id

    def laptop(self, user_id: uuid.UUID) -> Laptop:
        client_id, code = uuid.uuid4(), f"K{next(_codes):03d}"
        with self.engine.begin() as connection:
            person = connection.execute(select(users).where(users.c.id == user_id)).one()
            connection.execute(
                clients.insert().values(
                    id=client_id,
                    user_id=user_id,
                    token_hash=client_id.hex,
                    device_name="test",
                    laptop_code=code,
                    last_seq=0,
                    enrolled_at=datetime.now(UTC),
                )
            )
        caller = Caller(user_id, person.login, person.name, person.role, client_id, code)
        return Laptop(caller)

    def grant(self, user_id: uuid.UUID, account_id: uuid.UUID) -> None:
        with self.engine.begin() as connection:
            version = bump_version(connection)[0]
            connection.execute(
                grants.insert().values(
                    user_id=user_id, bucket=account_bucket(account_id), granted_version=version
                )
            )

    def revoke(self, user_id: uuid.UUID, account_id: uuid.UUID) -> None:
        with self.engine.begin() as connection:
            version = bump_version(connection)[0]
            connection.execute(
                update(grants)
                .where(grants.c.user_id == user_id, grants.c.bucket == account_bucket(account_id))
                .where(grants.c.revoked_version.is_(None))
                .values(revoked_version=version)
            )

    def push(self, laptop: Laptop, *changes: WireChange) -> PushResponse:
        return self.send(laptop, laptop.request(list(changes)))

    def send(self, laptop: Laptop, request: PushRequest) -> PushResponse:
        with self.engine.begin() as connection:
            answer = apply_push(connection, laptop.caller, request)
        laptop.acked = max(laptop.acked, answer.last_seq)
        return answer

    def pull(self, laptop: Laptop, limit: int = 2000) -> PullResponse:
        request = PullRequest(
            schema_version=SCHEMA,
            client_id=laptop.caller.client_id,
            cursor=laptop.cursor,
            limit=limit,
        )
        with self.engine.connect() as connection:
            answer = apply_pull(connection, laptop.caller, request)
        for gone in answer.revoked_buckets:
            laptop.seen = {k: v for k, v in laptop.seen.items() if v.bucket != gone}
        for row in answer.rows:
            laptop.seen[(row.entity, row.entity_id)] = row
        laptop.cursor = answer.cursor
        return answer

    def pull_all(self, laptop: Laptop, limit: int = 2000) -> list[PullResponse]:
        pages = [self.pull(laptop, limit)]
        while pages[-1].more:
            pages.append(self.pull(laptop, limit))
        return pages

    def data(self, entity: str, entity_id: uuid.UUID) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            found = connection.execute(
                select(rows.c.data, rows.c.deleted).where(
                    rows.c.entity == entity, rows.c.entity_id == entity_id
                )
            ).first()
        if found is None:
            return None
        return {**found.data, "__deleted__": found.deleted}

    def count(self, table: Any) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    def version(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(server_state.c.version)).scalar_one())

    def last_seq(self, laptop: Laptop) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(
                    select(clients.c.last_seq).where(clients.c.id == laptop.caller.client_id)
                ).scalar_one()
            )

    def stored_payload(self, change_id: uuid.UUID) -> Any:
        with self.engine.connect() as connection:
            return connection.execute(
                select(applied_changes.c.payload).where(applied_changes.c.change_id == change_id)
            ).scalar_one()

    def texts(self, entity_id: uuid.UUID, name: str) -> list[str]:
        with self.engine.connect() as connection:
            return list(
                connection.execute(
                    select(text_revisions.c.text)
                    .where(text_revisions.c.entity_id == entity_id, text_revisions.c.field == name)
                    .order_by(text_revisions.c.id)
                ).scalars()
            )
