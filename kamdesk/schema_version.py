"""The schema revision this version of KAMdesk writes (the newest Alembic revision).

Separate from `kamdesk.store` so a store can be recognised as current without
importing SQLAlchemy; tests check it against the migrations folder.
"""

SCHEMA_HEAD = "0007"
