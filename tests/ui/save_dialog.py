"""Answering KAMdesk's save dialog (Qt's widget dialog, run modally) as a KAM does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox


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
