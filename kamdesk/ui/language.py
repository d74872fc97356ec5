"""Installing the translators: KAMdesk's own and Qt's (standard buttons, dialogs).

Installing or removing a translator makes Qt post a LanguageChange event to
every window; each widget re-applies its texts in `changeEvent`, so a change
made in the settings dialog shows at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from kamdesk import resource_files
from kamdesk.ui.preferences import Language

log = logging.getLogger(__name__)

RUSSIAN_LOCALE = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
ENGLISH_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def resolve(language: Language) -> Language:
    """ "System" becomes Russian on a Russian system and English elsewhere."""
    if language != Language.SYSTEM:
        return language
    if QLocale.system().language() == QLocale.Language.Russian:
        return Language.RUSSIAN
    return Language.ENGLISH


class LanguageSwitcher:
    """Owns the installed translators; `apply()` swaps them and the default locale."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        # Each catalogue's bytes, kept as long as its translator: Qt reads them in place.
        self._catalogues: list[bytes] = []
        self.current: Language | None = None

    def apply(self, language: Language) -> Language:
        """Switch to `language` (resolving "System"); returns the language in effect."""
        effective = resolve(language)
        if effective == self.current:
            return effective
        # The default locale first: widgets re-reading their texts format dates with it.
        QLocale.setDefault(RUSSIAN_LOCALE if effective == Language.RUSSIAN else ENGLISH_LOCALE)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self._catalogues.clear()
        if effective == Language.RUSSIAN:
            qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            self._install(qt_folder / "qtbase_ru.qm")
            self._install(resource_files.path("translations", "kamdesk_ru.qm"))
        else:  # English is the source text; only counts need their forms («1 item»)
            self._install(resource_files.path("translations", "kamdesk_en.qm"))
        self.current = effective
        # Deliver the posted LanguageChange events now, so every label is in the
        # new language when this returns (and tests need not wait for it).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return effective

    def _install(self, catalogue: Path) -> None:
        """Load `catalogue` from its bytes read into memory, not from the file: Qt would
        map the file and keep reading it, and a .qm rewritten on disk while the window is
        open (an update copied over a running install) crashed every window on the next
        click."""
        try:
            data = catalogue.read_bytes()
        except OSError as error:
            log.warning("translation %s not read: %s", catalogue, error)
            return
        translator = QTranslator(self._app)
        if translator.load(data, str(catalogue.parent)):
            self._catalogues.append(data)
            self._app.installTranslator(translator)
            self._installed.append(translator)
        else:
            log.warning("translation %s is not a Qt catalogue", catalogue)
