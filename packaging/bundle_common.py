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

# What Qt's GTK platform theme (platformthemes/libqgtk3.so: native file dialogs and colours
# on a GTK desktop) needs and nothing else in the bundle does: GTK 3 and its stack. They
# are on a build machine only by chance (./dev.sh test installs gnome-keyring for the
# keyring smoke, which brings GTK), and a bundle must not carry its own GTK: the plugin
# stays and uses the desktop's GTK, as when the build machine has none.
GTK_ONLY_LIBRARIES = frozenset(
    [
        "libgtk-3.so.0",
        "libgdk-3.so.0",
        "libgdk_pixbuf-2.0.so.0",
        "libatk-1.0.so.0",
        "libatk-bridge-2.0.so.0",
        "libatspi.so.0",
        "libcairo.so.2",
        "libcairo-gobject.so.2",
        "libpango-1.0.so.0",
        "libpangocairo-1.0.so.0",
        "libpangoft2-1.0.so.0",
        "libharfbuzz.so.0",
        "libgraphite2.so.3",
        "libfribidi.so.0",
        "libthai.so.0",
        "libdatrie.so.1",
        "libepoxy.so.0",
        "libpixman-1.so.0",
        "libjpeg.so.62",
        "libXcomposite.so.1",
        "libXcursor.so.1",
        "libXdamage.so.1",
        "libXext.so.6",
        "libXfixes.so.3",
        "libXi.so.6",
        "libXinerama.so.1",
        "libXrandr.so.2",
        "libXrender.so.1",
    ]
)


def without_gtk(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """`binaries` (Analysis.binaries) without the GTK stack at the bundle's top level."""
    return [entry for entry in binaries if entry[0] not in GTK_ONLY_LIBRARIES]
