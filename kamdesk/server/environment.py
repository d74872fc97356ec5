"""Names the office server reads from its environment (kept free of imports: the
command line's --help reads them too)."""

# The office database URL: the default of every `kamdesk server … --db`, and what
# uvicorn's worker processes read when `kamdesk server run --workers N` starts them.
DATABASE_ENV = "KAMDESK_OFFICE_DB"
