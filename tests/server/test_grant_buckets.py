"""Granting and revoking many buckets at once tells, for each, whether it changed and
whether the office holds rows in it, exactly as asking bucket by bucket would."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from kamdesk.server.db import init_database, make_engine
from kamdesk.server.tables import rows
from kamdesk.server.users import BucketChange, add_user, grant, grant_buckets, revoke
from kamdesk.sync.protocol import OFFICE_BUCKET, account_bucket


@pytest.fixture
def engine(office_url: str) -> Iterator[Engine]:
    init_database(office_url)
    made = make_engine(office_url)
    yield made
    made.dispose()


def _seed(engine: Engine, held: list[str]) -> None:
    """Rows in each held bucket: an account and a few of its sales, some tombstoned."""
    now = datetime.now(UTC)
    with engine.begin() as connection:
        for position, bucket in enumerate(held):
            for row in range(1 + position % 3):
                connection.execute(
                    rows.insert().values(
                        entity="accounts" if row == 0 else "sales_records",
                        entity_id=uuid.uuid4(),
                        bucket=bucket,
                        version=1,
                        deleted=row == 2,
                        data={},
                        updated_at=now,
                    )
                )


def _asked_one_by_one(engine: Engine, buckets: list[str]) -> dict[str, bool]:
    """The old answer: one query per bucket."""
    with engine.connect() as connection:
        return {
            bucket: connection.execute(
                select(rows.c.entity).where(rows.c.bucket == bucket).limit(1)
            ).first()
            is not None
            for bucket in buckets
        }


def test_many_buckets_are_answered_as_one_by_one(engine: Engine) -> None:
    accounts = [account_bucket(uuid.uuid4()) for _ in range(450)]  # more than one chunk
    held = accounts[::2]
    _seed(engine, held)
    user = add_user(engine, "ivanova", role="kam", name="Иванова Анна Сергеевна")
    # Some granted beforehand, a repeated bucket, the office's own, one nobody has.
    assert all(change.changed for change in grant(engine, "ivanova", accounts[:5]))
    asked = [*accounts, accounts[7], OFFICE_BUCKET, account_bucket(uuid.uuid4())]
    unique = list(dict.fromkeys(asked))
    expected_known = _asked_one_by_one(engine, unique)

    with engine.begin() as connection:
        granted = grant_buckets(connection, user.id, asked)

    assert granted == [
        BucketChange(b, b not in accounts[:5] and b != OFFICE_BUCKET, expected_known[b])
        for b in unique
    ]
    assert sum(change.known for change in granted if change.bucket != OFFICE_BUCKET) == len(held)

    revoked = revoke(engine, "ivanova", [accounts[0], accounts[1], account_bucket(uuid.uuid4())])
    assert [(c.changed, c.known) for c in revoked] == [(True, True), (True, False), (False, False)]
    assert [(c.changed, c.known) for c in revoke(engine, "ivanova", accounts[:1])] == [
        (False, True)
    ]
