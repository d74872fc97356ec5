"""Answering KAMdesk's save dialog (Qt's widget dialog, run modally) as a KAM does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox


def documents_folder_in(tmp_path: Path, monkeypatch: object) -> Path:
    """A Documents folder («Документы», as on a Russian desktop) named in
    user-dirs.dirs under a config folder of the test's own: the one Qt reports."""
    folder = tmp_path / "Документы"
    folder.mkdir()
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{folder}"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))  # type: ignore[attr-defined]
    return folder


def save_in_the_file_dialog(target: Path, proposed: list[str] | None = None) -> None:
    """Answer the next save dialog: note the path it proposes in `proposed`, put
    `target` in the name field (as pasted) and click Save."""

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, later)
            return
        if proposed is not None:
            proposed.append(dialog.selectedFiles()[0])
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(target))
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, later)


def open_the_saved_file(parent: object) -> None:
    """Click «Open» in the box that says where a document was saved."""
    box = parent.findChild(QMessageBox, "savedFile")  # type: ignore[attr-defined]
    assert box is not None, "no «saved to …» box"
    QTest.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)


def cancel_the_file_dialog(proposed: list[str] | None = None) -> None:
    """Answer the next save dialog with «Cancel», noting the path it proposed."""

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, later)
            return
        if proposed is not None:
            proposed.append(dialog.selectedFiles()[0])
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, later)


def answer_the_overwrite_question(replace: bool, asked: list[str]) -> None:
    """Answer the save dialog's «already exists. Replace it?» (its text noted in `asked`)."""

    def later() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, later)
            return
        asked.append(box.text())
        button = QMessageBox.StandardButton.Yes if replace else QMessageBox.StandardButton.No
        QTest.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, later)
