"""Ids of rows that exist once per parent, derived from the parent: laptops agree on them.

A dossier exists once per account, a visit report once per visit, a sales figure
once per account, product and month. If two laptops each create "the same" row
with a random id, the office receives two rows for one thing (and the unique
natural key collides). So such a row's id is not random but derived from its
natural key, declared on the model as `__natural_key__`:

    id = uuid5(NAMESPACE, "<table>:" + "|".join(<key values>))

- `NAMESPACE` is the fixed UUID below; it never changes (changing it would give
  every laptop new ids for the same rows).
- A key value is written in its wire form: a UUID as 32 lowercase hex digits, a
  date as ISO 8601 (2026-03-01), a number in decimal, text as it is.
- e.g. the dossier of account 3992967b37e745adaf5269cfc2f0d5d7 has the id
  uuid5(NAMESPACE, "account_dossiers:3992967b37e745adaf5269cfc2f0d5d7").
- A row whose key has an empty part (an offer without a previous edition) keeps
  a random id.

The change log stamps these ids on insert (kamdesk.store.changelog), so every
caller gets them; the demo's bulk writer derives them too. The office needs to
know nothing of this: it sees ordinary ids, which are simply equal when two
laptops made the same row.

A one-per-parent row that was deleted (tombstoned) has the id a new one would
get: creating it again must bring the old row back (`find_or_restore`), never
insert a second row with the same id.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import Syncable
from kamdesk.store.tombstones import INCLUDE_DELETED

__all__ = ["NAMESPACE", "find_or_restore", "natural_id", "natural_key_of"]

NAMESPACE = uuid.UUID("e4814e9c-55d1-503b-9040-dac7558e784a")

T = TypeVar("T", bound=Syncable)


def natural_key_of(model: type[Any]) -> tuple[str, ...]:
    return tuple(getattr(model, "__natural_key__", ()))


def natural_id(table: str, key: tuple[str, ...], values: Mapping[str, Any]) -> uuid.UUID | None:
    """The id of the row of `table` with these natural-key `values`; None when the table
    has no natural key or a part of it is empty."""
    if not key:
        return None
    parts = [values.get(name) for name in key]
    if any(part is None or part == "" for part in parts):
        return None
    return uuid.uuid5(NAMESPACE, f"{table}:" + "|".join(_text(part) for part in parts))


def row_natural_id(row: Any) -> uuid.UUID | None:
    model = type(row)
    key = natural_key_of(model)
    if not key:
        return None
    return natural_id(model.__tablename__, key, {name: getattr(row, name) for name in key})


def _text(value: Any) -> str:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        raise TypeError("a natural key holds dates, not moments")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(getattr(value, "value", value))


def find_or_restore(session: Session, model: type[T], **key: Any) -> T:
    """The row of `model` with this natural key: the live one, the deleted one brought
    back (same id, its content as it was), or a new one added to the session."""
    natural = natural_key_of(model)
    if set(key) != set(natural):
        raise ValueError(f"{model.__name__} is keyed by {natural}, not {tuple(key)}")
    for pending in session.new:  # made earlier in this transaction, not flushed yet
        if isinstance(pending, model) and all(getattr(pending, k) == v for k, v in key.items()):
            return pending
    columns: Any = model
    existing = session.scalars(
        select(model)
        .where(*(getattr(columns, name) == value for name, value in key.items()))
        .execution_options(**{INCLUDE_DELETED: True})
    ).first()
    if existing is not None:
        if existing.deleted_at is not None:
            existing.deleted_at = None  # logged as a restore
        return existing
    row = model(**key)
    session.add(row)
    return row
