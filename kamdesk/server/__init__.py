"""The office server: FastAPI over PostgreSQL (production) or SQLite (embedded default).

No Qt and no laptop store here; the wire format is `kamdesk.sync.protocol`.
"""
