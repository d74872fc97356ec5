"""KAMdesk's resources (fonts, translations, icons, styles), read through importlib.resources.

The repository keeps them in the top-level `resources/` folder; the build maps that folder
into the package as `kamdesk.resources` ([tool.setuptools.package-dir] in pyproject.toml).
So one lookup works from an editable install, an installed wheel and a PyInstaller bundle
(which ships the package's data files beside its code); a bare checkout that is only on
`sys.path`, not installed, falls back to the repository's folder.

Qt and reportlab want file names: `path()` gives one, unpacking the file to a temporary
folder (kept until the program exits) in the rare case the package is not on disk (a zip).
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "kamdesk.resources"
CHECKOUT_FOLDER = Path(__file__).resolve().parent.parent / "resources"

_unpacked = ExitStack()
atexit.register(_unpacked.close)


@cache
def root() -> Traversable:
    """The resources folder of the installed package (or of the checkout)."""
    try:
        return files(PACKAGE)
    except ModuleNotFoundError:  # a checkout on sys.path without `pip install -e .`
        return CHECKOUT_FOLDER


def resource(*parts: str) -> Traversable:
    """`resource("icons", "clients.svg")`: one resource, to read with read_bytes/read_text."""
    return root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def path(*parts: str) -> Path:
    """A file name on disk for a resource file, for APIs that open files themselves."""
    found = resource(*parts)
    if isinstance(found, Path):
        return found
    return _unpacked.enter_context(as_file(found))
