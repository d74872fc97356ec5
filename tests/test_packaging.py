"""What an installation of KAMdesk needs from the source tree: every folder a package (else
the wheel drops it and import-linter cannot see it), every module placed in the order of
the house, and every resource shipped and read through importlib.resources."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tomllib
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest

from kamdesk import resource_files

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kamdesk"
RESOURCES = ROOT / "resources"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _folders(top: Path) -> list[Path]:
    return sorted(
        path for path in [top, *top.rglob("*")] if path.is_dir() and "__pycache__" not in path.parts
    )


def _resource_files() -> list[str]:
    return sorted(
        path.relative_to(RESOURCES).as_posix()
        for path in RESOURCES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.name != "__init__.py"
    )


def test_every_folder_of_the_package_is_a_package() -> None:
    missing = [
        folder.relative_to(ROOT).as_posix()
        for folder in _folders(PACKAGE)
        if not (folder / "__init__.py").is_file() and any(folder.iterdir())
    ]
    assert not missing, f"add an __init__.py to: {missing}"


def test_every_top_level_module_has_its_place_in_the_order_of_the_house() -> None:
    layers = next(
        contract["layers"]
        for contract in PYPROJECT["tool"]["importlinter"]["contracts"]
        if contract["type"] == "layers"
    )
    placed = {
        name.strip()
        for layer in layers
        for name in layer.replace("|", ":").split(":")
        if name.strip()
    }
    modules = {
        f"kamdesk.{path.stem}" for path in PACKAGE.glob("*.py") if path.name != "__init__.py"
    } | {f"kamdesk.{path.name}" for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert modules - placed == set(), "place these in the layers contract of pyproject.toml"


def test_every_resource_file_is_package_data() -> None:
    globs = PYPROJECT["tool"]["setuptools"]["package-data"]["kamdesk.resources"]
    unshipped = [
        name
        for name in _resource_files()
        if not any(fnmatch.fnmatch(name, pattern) for pattern in globs)
    ]
    assert not unshipped, f"the wheel would leave out {unshipped}: add a package-data glob"


def test_resources_are_read_from_the_installed_package() -> None:
    """The development install maps resources/ into kamdesk.resources, as a wheel does."""
    assert resource_files.root() == files("kamdesk.resources")
    assert resource_files.path("fonts", "pt-sans", "PTS55F.ttf").read_bytes()[:4] == bytes(
        [0, 1, 0, 0]
    )  # a TrueType font
    assert "KAMdesk" in resource_files.read_text("styles", "kamdesk.qss")
    assert resource_files.path("translations", "kamdesk_ru.qm").stat().st_size > 0
    assert resource_files.resource("icons", "kamdesk.svg").read_text().lstrip().startswith("<")


def test_no_module_finds_resources_by_its_own_path() -> None:
    """Resources are found only through kamdesk.resource_files: a path built from
    __file__ works in a checkout and breaks in the wheel and the bundle."""
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "resource_files.py"
        and "__file__" in (text := path.read_text(encoding="utf-8"))
        and '"resources"' in text
    ]
    assert not offenders


@pytest.mark.slow
def test_the_wheel_carries_every_package_and_resource(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-qq", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("kamdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = [
        folder.relative_to(ROOT).as_posix() + "/__init__.py"
        for folder in _folders(PACKAGE)
        if (folder / "__init__.py").is_file()
    ]
    assert [name for name in packages if name not in names] == []
    resources = [f"kamdesk/resources/{name}" for name in _resource_files()]
    assert [name for name in resources if name not in names] == []
    assert "kamdesk/migrations/script.py.mako" in names
