"""Alembic revision scripts (Alembic skips this file; it makes the folder a package)."""
