"""The full-text index behind the client list's search box.

A trigram FTS5 table over `account_stats.search_text` (already case-folded),
kept in step by triggers, so any substring of three or more characters is
found without scanning the table. It is a cache, not data: created when a
store is opened if missing, and rebuildable at any time, so it lives here
rather than in the Alembic history.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

INDEX_TABLE = "account_search"

_STATEMENTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5("
    "search_text, content='account_stats', content_rowid='row_no', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX_TABLE}_ai AFTER INSERT ON account_stats BEGIN"
    f" INSERT INTO {INDEX_TABLE}(rowid, search_text) VALUES (new.row_no, new.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX_TABLE}_ad AFTER DELETE ON account_stats BEGIN"
    f" INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, search_text)"
    " VALUES ('delete', old.row_no, old.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX_TABLE}_au AFTER UPDATE OF search_text ON account_stats"
    f" BEGIN INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, search_text)"
    " VALUES ('delete', old.row_no, old.search_text);"
    f" INSERT INTO {INDEX_TABLE}(rowid, search_text) VALUES (new.row_no, new.search_text); END",
)


def ensure_search_index(connection: Connection) -> None:
    exists = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": INDEX_TABLE},
    ).first()
    for statement in _STATEMENTS:
        connection.execute(text(statement))
    if not exists:
        connection.execute(text(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('rebuild')"))
