"""The package list, which pyproject.toml cannot spell: every package under kamdesk/
plus kamdesk.resources, which [tool.setuptools.package-dir] maps to the top-level
resources/ folder (its subfolders hold only data files). Everything else is in
pyproject.toml."""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = [
    "kamdesk.resources",
    *(
        f"kamdesk.resources.{name}"
        for name in find_namespace_packages("resources", exclude=["*__pycache__*"])
    ),
]

setup(packages=[*find_packages(include=["kamdesk", "kamdesk.*"]), *RESOURCES])
