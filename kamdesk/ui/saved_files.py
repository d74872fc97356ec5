"""Where a document KAMdesk makes is saved, and opening it once it is written.

Every generated file (the brief, an offer's PDF, the visits export, the
manager's export) goes the same way:

1. `ask_save_path(parent, caption, name, name_filter, suffix, kind)` proposes
   `name` (characters no file system takes replaced) in the folder this kind of
   document was saved to last (else the last folder of any kind, else
   Documents, else home); the app's own file dialog asks before overwriting,
   and None means cancelled: nothing is written.
2. The caller writes the file on the TaskRunner.
3. `document_saved(...)` says in the status bar where it went, puts what the
   document lacks (characters printed as «?») under the buttons, and
   `offer_to_open` offers «Open» (not modal: the window goes on meanwhile).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from kamdesk.documents.printed import PrintedFile
from kamdesk.ui.file_dialogs import get_save_file_name
from kamdesk.ui.preferences import Preferences
from kamdesk.ui.printed_note import show_printed

_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_NAME = 150  # characters; most file systems stop at 255 bytes, Cyrillic takes two


def file_name(text: str) -> str:
    """`text` as a file name on every system: no slashes, colons or quotes."""
    name = re.sub(r"\s+", " ", _NOT_IN_NAMES.sub(" ", text)).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not suffix.isalnum() or len(suffix) > 5:
        return name[:MAX_NAME].rstrip(" .") or "KAMdesk"
    stem = stem[: MAX_NAME - len(suffix) - 1].rstrip(" .") or "KAMdesk"
    return f"{stem}.{suffix}"


def period_text(first: date, last: date) -> str:
    """«01.12–03.12.2026», «28.12.2026–03.01.2027», one day «03.12.2026»."""
    if first == last:
        return f"{last:%d.%m.%Y}"
    if first.year == last.year:
        return f"{first:%d.%m}–{last:%d.%m.%Y}"
    return f"{first:%d.%m.%Y}–{last:%d.%m.%Y}"


def documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def save_folder(preferences: Preferences | None = None, kind: str = "") -> Path:
    preferences = preferences or Preferences()
    for remembered in (
        preferences.save_folder_for(kind) if kind else None,
        preferences.save_folder,
    ):
        if remembered is not None and remembered.is_dir():
            return remembered
    return documents_folder()


def ask_save_path(
    parent: QWidget,
    caption: str,
    name: str,
    name_filter: str,
    suffix: str = "pdf",
    kind: str = "",
) -> Path | None:
    """The path the user chose for `name` (None: cancelled); its folder is remembered
    for `kind` and as the last folder of all."""
    preferences = Preferences()
    proposed = save_folder(preferences, kind) / file_name(name)
    chosen = get_save_file_name(parent, caption, str(proposed), name_filter, default_suffix=suffix)
    if not chosen:
        return None
    path = Path(chosen)
    if kind:
        preferences.set_save_folder_for(kind, path.parent)
    else:
        preferences.save_folder = path.parent
    return path


def document_saved(
    parent: QWidget,
    printed: PrintedFile,
    ready: str,
    note: QLabel,
    say: Callable[[str], None],
    title: str,
    really_open: bool = True,
) -> QMessageBox:
    """`ready` («PDF ready: …», with the path) to the status bar through `say`; under
    the buttons only what the document lacks, if anything; then the «Open» box."""
    say(ready)
    if printed.warnings:
        show_printed(note, ready, printed)
    else:
        note.setText("")
    return offer_to_open(parent, printed.path, title, really_open)


def offer_to_open(parent: QWidget, path: Path, title: str, really_open: bool = True) -> QMessageBox:
    """«Saved to …» with «Open» and «Close»; «Open» shows the file in its viewer
    (`really_open` False: tests, nothing is started)."""
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        translate("SavedFiles", "Saved to {path}").format(path=path),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("savedFile")
    opener = box.addButton(translate("SavedFiles", "Open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(opener)

    def answered() -> None:
        if box.clickedButton() is opener and really_open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        box.deleteLater()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box
