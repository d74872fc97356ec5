"""The Qt front end. The only package that imports PySide6; it reaches data through
`kamdesk.services` (import-linter forbids sqlalchemy, models and store here)."""
