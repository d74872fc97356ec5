"""Where a document KAMdesk makes is saved, and opening it once it is written.

`ask_save_path(parent, caption, name, name_filter)` proposes `name` in the folder
the user saved to last (else Documents, else home) and remembers the folder
chosen; `offer_to_open(parent, path, title)` says where the file went and opens
it on «Open» (not modal: the window goes on meanwhile).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from kamdesk.ui.file_dialogs import get_save_file_name
from kamdesk.ui.preferences import Preferences

_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(text: str) -> str:
    """`text` as a file name on every system: no slashes, colons or quotes."""
    return re.sub(r"\s+", " ", _NOT_IN_NAMES.sub(" ", text)).strip(" .") or "KAMdesk"


def save_folder(preferences: Preferences | None = None) -> Path:
    remembered = (preferences or Preferences()).save_folder
    if remembered is not None and remembered.is_dir():
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def ask_save_path(
    parent: QWidget, caption: str, name: str, name_filter: str, suffix: str = "pdf"
) -> Path | None:
    """The path the user chose for `name` (None: cancelled); its folder is remembered."""
    preferences = Preferences()
    proposed = save_folder(preferences) / file_name(name)
    chosen = get_save_file_name(parent, caption, str(proposed), name_filter, default_suffix=suffix)
    if not chosen:
        return None
    path = Path(chosen)
    preferences.save_folder = path.parent
    return path


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
