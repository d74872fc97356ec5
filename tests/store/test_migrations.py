"""The migration chain: from empty to head, step by step both ways, and it matches the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from kamdesk.models import Base
from kamdesk.store import migrate
from kamdesk.store.engine import make_engine


def test_upgrade_from_empty_creates_every_table(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "empty.sqlite")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert migrate.current_revision(connection) == migrate.head_revision()
    assert set(Base.metadata.tables) <= tables
    engine.dispose()


def test_each_revision_upgrades_from_its_predecessor_and_downgrades_back(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "walk.sqlite")
    revisions = list(migrate.script_directory().walk_revisions("base", "heads"))[::-1]
    assert revisions, "there must be at least the baseline"
    for script in revisions:
        migrate.upgrade(engine, script.revision)
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == script.revision
        down = script.down_revision
        assert down is None or isinstance(down, str), "the history is one line, no merges"
        migrate.downgrade(engine, down or "base")
        migrate.upgrade(engine, script.revision)
    migrate.downgrade(engine, "base")
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    engine.dispose()


def test_the_models_and_the_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "compare.sqlite")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == [], "a model changed without a migration: " + repr(differences)


def test_the_head_the_app_expects_is_the_newest_migration() -> None:
    assert migrate.script_directory().get_current_head() == migrate.SCHEMA_HEAD
