"""What every part of the demo generator shares: the random source, the clock, the writer.

Everything random comes from one `DemoRandom` seeded by the caller and consumed
in a fixed order, and every time is derived from `Clock.today`, never from the
wall clock: the same seed and day give byte-identical tables.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, TypeVar

from sqlalchemy import Connection, Table

from kamdesk.store.natural_keys import natural_id, natural_key_of

T = TypeVar("T")

# Moscow has kept UTC+3 all year since 2014; a fixed offset needs no tz database.
MSK = timezone(timedelta(hours=3), "MSK")

# Public holidays that fall on fixed days (month, day); the bridging days are ignored.
HOLIDAYS = frozenset(
    {(1, d) for d in range(1, 9)} | {(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)}
)


class DemoRandom(random.Random):
    """`random.Random` with the few helpers the generator needs."""

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.getrandbits(128), version=4)

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def pick(self, items: Sequence[T], weights: Sequence[float] | None = None) -> T:
        if weights is None:
            return items[int(self.random() * len(items))]
        return self.choices(items, weights=weights)[0]

    def sample_weighted(self, items: Sequence[T], weights: Sequence[float], k: int) -> list[T]:
        """`k` distinct items, heavier ones more likely (Efraimidis–Spirakis)."""
        keys = [self.random() ** (1.0 / w) for w in weights]
        order = sorted(range(len(items)), key=keys.__getitem__, reverse=True)
        return [items[i] for i in order[:k]]

    def digits(self, count: int, first_nonzero: bool = False) -> str:
        text = "".join(str(self.randrange(10)) for _ in range(count))
        if first_nonzero and text[0] == "0":
            text = str(self.randrange(1, 10)) + text[1:]
        return text


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS


@dataclass(frozen=True)
class Clock:
    """The demo's notion of time: `today`, and the months of sales history before it."""

    today: date
    months: tuple[date, ...]

    @classmethod
    def for_today(cls, today: date, years: int) -> Clock:
        last = add_months(month_start(today), -1)
        return cls(today, tuple(add_months(last, -i) for i in range(years * 12 - 1, -1, -1)))

    @property
    def now(self) -> datetime:
        """The moment the demo is "taken": 08:00 Moscow time on `today`."""
        return self.moment(self.today, 8)

    def moment(self, day: date, hour: int, minute: int = 0) -> datetime:
        """A Moscow wall-clock time on `day`, as a timezone-aware UTC datetime."""
        return datetime.combine(day, time(hour, minute), MSK).astimezone(UTC)

    def working_moment(self, rng: DemoRandom, day: date) -> datetime:
        return self.moment(day, rng.randint(9, 17), rng.choice((0, 10, 15, 20, 30, 40, 45, 50)))

    def past_moment(self, rng: DemoRandom, min_days: int, max_days: int) -> datetime:
        """A working-hours moment between `max_days` and `min_days` days before today."""
        day = self.today - timedelta(days=rng.randint(min_days, max_days))
        return self.working_moment(rng, day)

    def between(self, rng: DemoRandom, start: datetime, end: datetime) -> datetime:
        """A working-hours moment in [start, end]; `start` when the range is empty."""
        if end <= start:
            return start
        first, last = start.astimezone(MSK).date(), end.astimezone(MSK).date()
        day = first + timedelta(days=rng.randint(0, (last - first).days))
        return min(max(self.working_moment(rng, day), start), end)


def syncable(
    row_id: uuid.UUID, created_at: datetime, updated_at: datetime | None = None
) -> dict[str, Any]:
    """The bookkeeping columns of a row received from the office as a baseline."""
    return {
        "id": row_id,
        "created_at": created_at,
        "updated_at": updated_at or created_at,
        "revision": 1,
        "deleted_at": None,
        "server_version": None,
    }


class Writer:
    """Bulk inserts through SQLAlchemy Core, in chunks, counting rows per table.

    Core still runs the column types (UUID bytes, UTC datetimes, kopecks), and it
    fills omitted columns from their scalar defaults; a column whose default is
    computed (a fresh uuid4, the wall clock) must be given, or the demo would
    stop being reproducible, so omitting one is refused.
    """

    def __init__(self, connection: Connection, chunk_size: int = 5000) -> None:
        self.connection = connection
        self.chunk_size = chunk_size
        self.counts: Counter[str] = Counter()
        self._checked: set[str] = set()

    def insert(
        self,
        model: Any,
        rows: Iterable[dict[str, Any]],
        on_chunk: Callable[[int], None] | None = None,
    ) -> int:
        table: Table = model.__table__
        chunk: list[dict[str, Any]] = []
        written = 0
        for row in rows:
            chunk.append(row)
            if len(chunk) >= self.chunk_size:
                written += self._execute(table, chunk, model)
                chunk = []
                if on_chunk is not None:
                    on_chunk(written)
        if chunk:
            written += self._execute(table, chunk, model)
        return written

    def _execute(self, table: Table, rows: list[dict[str, Any]], model: Any) -> int:
        if table.name not in self._checked:
            _check_columns(table, rows[0].keys())
            self._checked.add(table.name)
        key = natural_key_of(model)
        if key:  # one per parent: the id every laptop would give it (in place: callers see it)
            for row in rows:
                row["id"] = natural_id(table.name, key, row) or row["id"]
        self.connection.execute(table.insert(), rows)
        self.counts[table.name] += len(rows)
        return len(rows)


def _check_columns(table: Table, keys: Iterable[str]) -> None:
    given = set(keys)
    for column in table.columns:
        if column.key in given:
            continue
        default = column.default
        if default is not None and not getattr(default, "is_scalar", False):
            raise ValueError(
                f"{table.name}.{column.key} has a computed default: give it explicitly"
            )
