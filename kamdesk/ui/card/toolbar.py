"""The card's toolbar under its header: Undo and Redo of committed edits, «Merge
with…» and Archive/Restore. Its texts stay in the card's own context ("AccountCard")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

if TYPE_CHECKING:
    from kamdesk.ui.card.card import AccountCard

# Texts as literal translate("Context", "…") calls: lupdate extracts no helper's text.
translate = QCoreApplication.translate


def card_toolbar(card: AccountCard) -> QWidget:
    """The bar, with the card's `undo_button`, `redo_button` and `archive_button` set and
    the Undo/Redo shortcuts added to the card."""
    bar = QWidget(card)
    bar.setObjectName("cardToolbar")
    row = QHBoxLayout(bar)
    row.setContentsMargins(16, 0, 16, 4)
    assert card.binder is not None
    stack = card.binder.undo_stack
    undo = stack.createUndoAction(bar, translate("AccountCard", "Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    redo = stack.createRedoAction(bar, translate("AccountCard", "Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for stale in card.actions():
        card.removeAction(stale)
    card.addAction(undo)
    card.addAction(redo)
    card.undo_button = QPushButton(translate("AccountCard", "Undo"), bar)
    card.undo_button.setEnabled(stack.canUndo())
    card.undo_button.clicked.connect(stack.undo)
    stack.canUndoChanged.connect(card.undo_button.setEnabled)
    card.redo_button = QPushButton(translate("AccountCard", "Redo"), bar)
    card.redo_button.setEnabled(stack.canRedo())
    card.redo_button.clicked.connect(stack.redo)
    stack.canRedoChanged.connect(card.redo_button.setEnabled)
    row.addWidget(card.undo_button)
    row.addWidget(card.redo_button)
    row.addStretch(1)
    archived = card.bundle is not None and card.bundle.card.archived
    if not archived:
        merge = QPushButton(translate("AccountCard", "Merge with…"))
        merge.setObjectName("mergeWithButton")
        merge.setToolTip(
            translate("AccountCard", "This card and another are the same organisation")
        )
        merge.clicked.connect(lambda: card.merge_requested.emit(card.account_id))
        row.addWidget(merge)
    archive = QPushButton(
        translate("AccountCard", "Restore") if archived else translate("AccountCard", "Archive")
    )
    archive.setObjectName("archiveButton")
    card.archive_button = archive
    archive.clicked.connect(card.toggle_archive)
    row.addWidget(archive)
    return bar
