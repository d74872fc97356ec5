"""The dialog that tells a KAM about an error, in plain words.

Three kinds of error get three kinds of text (`describe`):

- a known problem of the store (`StoreError`: busy, full, read-only, damaged, too
  new) says what happened, what it means for the data and what to do; under
  «Подробности» only SQLite's own words, no traceback: nothing in the program is wrong;
- an error that carries its own translatable `message` (a service refusing input)
  shows that message;
- anything else is a bug: "something went wrong", what is safe, where the log is,
  and the traceback under «Подробности» for whoever fixes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.errors import CorruptStoreError, SchemaTooNewError, StoreError, StoreUnavailableError
from kamdesk.i18n import Message


@dataclass(frozen=True)
class ErrorText:
    """What the dialog says; `details` is empty for errors that are not bugs."""

    headline: str
    explanation: str
    safety: str
    details: str
    is_bug: bool


def message_of(error: BaseException) -> Message | None:
    """The translatable message an error carries, if any (services and the store
    attach one as `error.message`, or pass it as the exception's argument)."""
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message
    if error.args and isinstance(error.args[0], Message):
        return error.args[0]
    return None


def plain_message(error: BaseException) -> str:
    """The error's own words, translated when it carries a `Message`."""
    message = message_of(error)
    if message is not None:
        return message.format(QCoreApplication.translate(message.context, message.text))
    return str(error) or type(error).__name__


def describe(error: BaseException, trace: str) -> ErrorText:
    if isinstance(error, StoreError):
        # SQLite's own words ("database is locked [SQLITE_BUSY]") for whoever helps, but
        # no traceback: the program did nothing wrong.
        detail = str(getattr(error, "detail", "") or "")
        return ErrorText(
            _store_headline(error), plain_message(error), _store_safety(error), detail, False
        )
    if message_of(error) is not None:
        return ErrorText(plain_message(error), "", "", "", False)
    details = f"{type(error).__name__}: {error}\n\n{trace}".rstrip()
    return ErrorText(
        QCoreApplication.translate("ErrorDialog", "Something went wrong"),
        QCoreApplication.translate(
            "ErrorDialog", "KAMdesk ran into an error in its own program code."
        ),
        QCoreApplication.translate(
            "ErrorDialog",
            "Everything saved before is safe in the database. The last action may not "
            "have been completed: please check it.",
        ),
        details,
        True,
    )


def _store_headline(error: StoreError) -> str:
    if isinstance(error, CorruptStoreError):
        return QCoreApplication.translate("ErrorDialog", "The database is damaged")
    if isinstance(error, SchemaTooNewError):
        return QCoreApplication.translate("ErrorDialog", "The database is from a newer KAMdesk")
    if isinstance(error, StoreUnavailableError):
        return QCoreApplication.translate("ErrorDialog", "The database cannot be used right now")
    return QCoreApplication.translate("ErrorDialog", "The database reported a problem")


def _store_safety(error: StoreError) -> str:
    if isinstance(error, CorruptStoreError):
        return QCoreApplication.translate(
            "ErrorDialog",
            "Keep the damaged file: it may still be possible to recover data from it.",
        )
    if isinstance(error, SchemaTooNewError):
        return ""  # its message already says the file was not touched
    return QCoreApplication.translate(
        "ErrorDialog", "Nothing saved before was lost; the change that failed was not saved."
    )


class ErrorDialog(QDialog):
    """One error, with a counter for the ones that came while it was open."""

    def __init__(
        self,
        error: BaseException,
        trace: str,
        log_file: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorMessage")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = describe(error, trace)
        self._log_file = log_file
        self.repeats = 0

        icon = QLabel(self)
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxCritical
            if self.text.is_bug or isinstance(error, StoreError)
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        icon.setPixmap(self.style().standardIcon(pixmap).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headline = self._label("errorHeadline", self.text.headline)
        self.headline.setStyleSheet("font-weight: bold;")
        self.explanation = self._label("errorExplanation", self.text.explanation)
        self.safety = self._label("errorSafety", self.text.safety)
        self.repeats_label = self._label("errorRepeats", "")
        self.log_label = self._label("errorLogPath", "")
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_button = QToolButton(self)
        self.details_button.setObjectName("errorDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.toggled.connect(self._show_details)
        self.details = QPlainTextEdit(self.text.details, self)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(220)
        self.details.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("errorCopyDetails")
        self.copy_button.clicked.connect(self._copy_details)
        self.open_log_button = QPushButton(self)
        self.open_log_button.setObjectName("errorOpenLogFolder")
        self.open_log_button.clicked.connect(self._open_log_folder)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_log_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.details_button.setVisible(bool(self.text.details))
        self.copy_button.setVisible(bool(self.text.details))
        self.open_log_button.setVisible(log_file is not None)

        texts = QVBoxLayout()
        for label in (self.headline, self.explanation, self.safety, self.repeats_label):
            texts.addWidget(label)
        texts.addWidget(self.log_label)
        texts.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        texts.addStretch(1)  # spare height below the words, not between them
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._retranslate()

    def add_repeat(self) -> None:
        """Another error arrived while this one is on screen: count it, open nothing."""
        self.repeats += 1
        self._retranslate()

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setVisible(bool(text))
        return label

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.adjustSize()

    def _copy_details(self) -> None:
        QApplication.clipboard().setText(
            "\n\n".join(
                part
                for part in (self.text.headline, self.text.explanation, self.text.details)
                if part
            )
        )

    def _open_log_folder(self) -> None:
        if self._log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_file.parent)))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("KAMdesk — error"))
        self.details_button.setText(self.tr("Details"))
        self.copy_button.setText(self.tr("Copy details"))
        self.open_log_button.setText(self.tr("Open log folder"))
        if self._log_file is not None:
            self.log_label.setText(
                self.tr("The details are written to the log: {path}").format(path=self._log_file)
            )
        else:
            self.log_label.setText(self.tr("No log file could be written; copy the details."))
        self.log_label.setVisible(True)
        self.repeats_label.setText(
            self.tr("Errors since this one: {count} (they are in the log)").format(
                count=self.repeats
            )
        )
        self.repeats_label.setVisible(self.repeats > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
