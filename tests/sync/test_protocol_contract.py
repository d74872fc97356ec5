"""The wire format's entity list is a contract: it must match the laptop's tables.

Renaming a syncable table or column, adding one, or turning a column into long text
changes what laptops and the office exchange: this test then fails until
kamdesk/sync/protocol.py says so too (a protocol change, see docs/sync.md)."""

from __future__ import annotations

import pytest
from sqlalchemy import Text, inspect

from kamdesk.models import Base, Syncable
from kamdesk.sync.protocol import ENTITIES, OFFICE_BUCKET

# Text columns that travel as plain values, on purpose: never merged three-way.
# The manager's comment belongs to their decision on an approval (a state the office
# checks); merged with another text it would no longer be what they decided with.
SCALAR_TEXTS = {("offers", "approval_comment")}

SYNCABLE = {
    mapper.class_.__table__.name: mapper  # type: ignore[attr-defined]
    for mapper in Base.registry.mappers
    if issubclass(mapper.class_, Syncable)
}


def test_every_syncable_table_is_an_entity_of_the_wire_format_and_nothing_else() -> None:
    assert set(SYNCABLE) == set(ENTITIES)


@pytest.mark.parametrize("name", sorted(ENTITIES))
def test_the_parent_column_is_a_foreign_key_to_the_parent_entity(name: str) -> None:
    parent = ENTITIES[name].parent
    table = SYNCABLE[name].local_table
    if parent is None:
        assert name == "accounts"  # an account is its own bucket
        return
    if not isinstance(parent, tuple):
        assert parent == OFFICE_BUCKET
        return
    column, parent_table = parent
    assert column in table.c, f"{name}.{column} is not a column"
    targets = {key.column.table.name for key in table.c[column].foreign_keys}
    assert targets == {parent_table}, f"{name}.{column} points to {targets}"
    assert not table.c[column].nullable, f"{name}.{column} may be empty: no bucket then"


@pytest.mark.parametrize("name", sorted(ENTITIES))
def test_every_long_text_column_is_merged_as_text(name: str) -> None:
    columns = inspect(SYNCABLE[name].class_).columns
    long_text = {
        column.key
        for column in columns
        if type(column.type) is Text and (name, column.key) not in SCALAR_TEXTS
    }
    assert set(ENTITIES[name].text_fields) == long_text


def test_office_data_is_office_data() -> None:
    office = {name for name, spec in ENTITIES.items() if spec.parent == OFFICE_BUCKET}
    assert office == {
        "territories",
        "users",
        "products",
        "price_lists",
        "price_list_items",
        "key_messages",
        "objection_answers",
        "product_comparisons",
        "office_settings",
    }


def test_office_settings_travel_as_one_row_per_setting_with_a_json_value() -> None:
    """The letterhead, envelope, validity and tax system: a name and its JSON value."""
    columns = {column.key for column in inspect(SYNCABLE["office_settings"].class_).columns}
    assert columns - set(Syncable.SYNC_BOOKKEEPING) == {"id", "deleted_at", "name", "value"}
    assert ENTITIES["office_settings"].text_fields == frozenset()
