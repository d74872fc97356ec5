"""This laptop's UI preferences (language, window layout), kept in an INI file.

The file lives under `kamdesk.paths.config_dir()`, so tests and portable
installs redirect it with KAMDESK_HOME like every other path. Domain settings
(analytics thresholds) are not here: they live in the store.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from kamdesk.paths import config_dir

FILE_NAME = "kamdesk.ini"


class Language(StrEnum):
    SYSTEM = "system"
    RUSSIAN = "ru"
    ENGLISH = "en"


class Preferences:
    """Typed access to the INI keys, so key names are spelt in one place."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            str(config_dir() / FILE_NAME), QSettings.Format.IniFormat
        )

    @property
    def language(self) -> Language:
        value = str(self._settings.value("ui/language", Language.SYSTEM.value))
        return Language(value) if value in Language._value2member_map_ else Language.SYSTEM

    @language.setter
    def language(self, language: Language) -> None:
        self._settings.setValue("ui/language", language.value)
        self._settings.sync()

    def geometry(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"{name}/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, geometry: QByteArray) -> None:
        self._settings.setValue(f"{name}/geometry", geometry)

    def header_state(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"{name}/header")
        return value if isinstance(value, QByteArray) else None

    def set_header_state(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"{name}/header", state)

    @property
    def last_store(self) -> Path | None:
        """The store opened last through File ▸ Open, used when none is named."""
        value = self._settings.value("store/last_path")
        return Path(str(value)) if value else None

    @last_store.setter
    def last_store(self, path: Path) -> None:
        self._settings.setValue("store/last_path", str(path))

    @property
    def save_folder(self) -> Path | None:
        """Where the user last saved a document KAMdesk made (a brief, an export)."""
        value = self._settings.value("files/last_folder")
        return Path(str(value)) if value else None

    @save_folder.setter
    def save_folder(self, folder: Path) -> None:
        self._settings.setValue("files/last_folder", str(folder))
        self._settings.sync()

    def save_folder_for(self, kind: str) -> Path | None:
        """Where the user last saved this kind of document («offer», «visits-export»)."""
        value = self._settings.value(f"files/last_folder_{kind}")
        return Path(str(value)) if value else None

    def set_save_folder_for(self, kind: str, folder: Path) -> None:
        self._settings.setValue(f"files/last_folder_{kind}", str(folder))
        self._settings.setValue("files/last_folder", str(folder))
        self._settings.sync()

    def sync(self) -> None:
        self._settings.sync()
