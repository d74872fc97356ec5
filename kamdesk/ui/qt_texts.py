"""Texts of Qt's own dialogs that Qt's Russian catalogue (qtbase_ru.qm) leaves in
English: KAMdesk's catalogue carries them under Qt's own contexts.

Our translator is installed after Qt's (kamdesk.ui.language), so Qt asks it
first; these entries exist only so that lupdate puts the strings into
kamdesk_ru.ts. Found by rendering each dialog in Russian (tests/ui/test_issue9_qt_texts.py).
"""

from __future__ import annotations

from kamdesk.i18n import QT_TRANSLATE_NOOP

QT_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
