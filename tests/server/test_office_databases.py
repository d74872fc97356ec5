"""The office database fixtures give a working, empty database of each kind."""

from __future__ import annotations

from sqlalchemy import create_engine, text


def test_office_database_accepts_a_transaction(office_url: str) -> None:
    engine = create_engine(office_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE probe (n INTEGER)"))
            connection.execute(text("INSERT INTO probe VALUES (1)"))
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM probe")).scalar() == 1
    finally:
        engine.dispose()
