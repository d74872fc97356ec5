"""What the Linux and Windows PyInstaller specs share: the entry point, the modules
PyInstaller cannot see being imported, the data files, and what is left out."""

from __future__ import annotations

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

ENTRY = str(Path(__file__).with_name("kamdesk_main.py"))


def _imported(name: str) -> bool:
    # The migrations are read by Alembic as files (data_files below), not imported.
    return not name.startswith("kamdesk.migrations")


HIDDEN_IMPORTS = [
    # kamdesk.cli registers its commands by name; kamdesk.store loads lazily by name.
    *collect_submodules("kamdesk", filter=_imported),
    "smoke_window",
    # Alembic runs the revision scripts, which import alembic.op and sqlalchemy.
    *collect_submodules("alembic", filter=lambda name: not name.startswith("alembic.testing")),
    # The Russian production calendar is looked up by country code.
    "holidays.countries.russia",
    # fontTools reads each font table through a module found by the table's tag.
    *collect_submodules("fontTools.ttLib.tables"),
    # reportlab finds its barcode types (the offer's QR code) by name.
    *collect_submodules("reportlab.graphics.barcode"),
]


def data_files() -> list[tuple[str, str]]:
    return [
        # kamdesk/resources (fonts, translations, icons, styles) and Alembic's templates.
        *collect_data_files("kamdesk", excludes=["server/**"]),
        # Alembic executes env.py and the revisions from files.
        *collect_data_files("kamdesk.migrations", include_py_files=True),
        # holidays names the days in Russian from its own catalogues.
        *collect_data_files("holidays", includes=["locale/ru/**"]),
    ]


EXCLUDES = [
    "tkinter",
    "pydoc_data",
    "IPython",
    "matplotlib",
    # The office server's libraries (the 'server' extra): not on a laptop.
    "fastapi",
    "uvicorn",
    "psycopg",
]
