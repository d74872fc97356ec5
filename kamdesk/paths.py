"""Where KAMdesk keeps its files. Every path goes through here, so tests can redirect them.

The program's own files (fonts, translations, icons, styles) are read through
kamdesk.resource_files instead: they travel with the package."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "KAMdesk"
DB_ENV = "KAMDESK_DB"
HOME_ENV = "KAMDESK_HOME"  # one folder for everything; tests and portable installs use it


def data_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "kamdesk.sqlite"
