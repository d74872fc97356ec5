"""File dialogs that never open the files they list: the only way KAMdesk asks for a path.

Qt's file dialog fills its list through `QFileSystemModel`, whose icon provider
names each file's type with `QMimeDatabase.mimeTypeForFile()`; for a name whose
extension is unknown or ambiguous (`kamdesk.sqlite`, `kamdesk.sqlite-wal`,
`kamdesk.sqlite-shm`) that opens the file to look at its first bytes and closes
it again. Closing any descriptor of a file drops every POSIX lock this process
holds on it, SQLite's included ("How To Corrupt An SQLite Database File",
§2.2): another program using the store then takes the window for gone, deletes
its write-ahead log on exit, and the window's later edits are lost. A native
dialog does the same (GTK's chooser sniffs content types too).

So every dialog here is Qt's own widget dialog (`DontUseNativeDialog`) with an
icon provider that decides icon and type from the name alone. Any window that
asks the user for a file uses these functions, never `QFileDialog` directly
(tests/ui/test_file_dialogs.py checks the sources).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QStyle, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file's name; file contents are never read.

    Qt calls it from the dialog's file-information thread as well as the UI
    thread, so it only hands out icons made once on the UI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QFileIconProvider.Option.DontUseCustomDirectoryIcons)
        style = QApplication.style()
        self._file_icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self._folder_icon = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)

    def icon(self, what: object) -> object:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            return self._folder_icon if what.isDir() else self._file_icon
        return super().icon(what)  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "{suffix} file").format(
            suffix=suffix.upper()
        )


@cache
def _icon_provider() -> NameOnlyIconProvider:
    """One provider for the application: dialogs do not own theirs, and the model's
    thread may still use it while a closed dialog is being destroyed."""
    return NameOnlyIconProvider()


def make_file_dialog(
    parent: QWidget | None, caption: str, directory: str, name_filter: str
) -> QFileDialog:
    """A dialog that lists files without opening them (see the module docstring)."""
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons)
    dialog.setIconProvider(_icon_provider())
    return dialog


def get_open_file_name(
    parent: QWidget | None, caption: str, directory: str, name_filter: str
) -> str:
    """Like `QFileDialog.getOpenFileName`: an existing file, or "" when cancelled."""
    dialog = make_file_dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def get_open_file_names(
    parent: QWidget | None, caption: str, directory: str, name_filter: str
) -> list[str]:
    """Like `QFileDialog.getOpenFileNames`: existing files, or [] when cancelled."""
    dialog = make_file_dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def get_save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str,
    name_filter: str,
    *,
    confirm_overwrite: bool = True,
    default_suffix: str = "",
) -> str:
    """Like `QFileDialog.getSaveFileName`: a path to write, or "" when cancelled.
    `directory` may end in a proposed file name."""
    dialog = make_file_dialog(parent, caption, directory, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def _run(dialog: QFileDialog) -> list[str]:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return dialog.selectedFiles() if accepted else []
    finally:
        dialog.deleteLater()
