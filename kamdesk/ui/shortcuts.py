"""The window's keyboard map: Ctrl+N means "new" of the section shown, and Help ▸
Keyboard shortcuts lists every key.

- Ctrl+N: a new account in Clients, a new visit in Visits, a new offer in Offers, a
  new product in Products (the page's own command); elsewhere it does nothing.
  File ▸ New database is Ctrl+Shift+N, so a KAM never opens it by habit.
- The File menu's first entry is that command, named for the section shown.

`NewItemAction(window, stack)` owns the action; the window puts it in its File menu
and calls `retranslate()` with its own texts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from kamdesk.ui.sections import SectionKey

NEW_DATABASE_KEYS = QKeySequence("Ctrl+Shift+N")
translate = QCoreApplication.translate

# The page method each section's Ctrl+N calls, and what the menu calls it.
NEW_COMMANDS: dict[SectionKey, tuple[str, Callable[[], str]]] = {
    SectionKey.CLIENTS: (
        "new_account",
        lambda: translate("Shortcuts", "&New account…"),
    ),
    SectionKey.VISITS: ("plan_new", lambda: translate("Shortcuts", "&New visit…")),
    SectionKey.OFFERS: ("new_offer", lambda: translate("Shortcuts", "&New offer…")),
    SectionKey.PRODUCTS: (
        "new_product",
        lambda: translate("Shortcuts", "&New product…"),
    ),
}


def _keys(key: QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for Help ▸ Keyboard shortcuts."""
    return [
        (
            "Ctrl+N",
            translate("Shortcuts", "New account, visit, offer or product (the section shown)"),
        ),
        ("Ctrl+F", translate("Shortcuts", "Search (the client list's search box)")),
        (
            "↓ / Enter",
            translate("Shortcuts", "From the search box into the list / open the card"),
        ),
        ("Ctrl+1 … Ctrl+6", translate("Shortcuts", "Go to a section")),
        ("Ctrl+O", translate("Shortcuts", "Open a database")),
        ("Ctrl+Shift+N", translate("Shortcuts", "New database")),
        (
            f"{_keys(QKeySequence.StandardKey.Undo)} / {_keys(QKeySequence.StandardKey.Redo)}",
            translate("Shortcuts", "Undo / redo on the card (undo also on the Visits page)"),
        ),
        ("Ctrl+Enter", translate("Shortcuts", "Save the visit plan or report")),
        ("F9", translate("Shortcuts", "Sync with the office now")),
        (
            "← → / PgUp PgDn / T / N",
            translate("Shortcuts", "Visits: a day / a week / today / a new visit"),
        ),
        ("Ctrl+Q", translate("Shortcuts", "Quit")),
    ]


class NewItemAction(QObject):
    def __init__(self, window: QWidget, stack: QStackedWidget, section: Callable[[], SectionKey]):
        super().__init__(window)
        self._stack = stack
        self._section = section
        self.action = QAction(window)
        self.action.setObjectName("newItemAction")
        self.action.setShortcut(QKeySequence.StandardKey.New)
        self.action.triggered.connect(self.trigger)
        window.addAction(self.action)
        self.shortcuts_action = QAction(window)
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.shortcuts_action.triggered.connect(lambda: show_shortcuts(window))
        stack.currentChanged.connect(lambda _index: self.retranslate())

    def trigger(self) -> None:
        command = NEW_COMMANDS.get(self._section())
        run = getattr(self._stack.currentWidget(), command[0], None) if command else None
        if callable(run):
            run()

    def retranslate(self) -> None:
        command = NEW_COMMANDS.get(self._section())
        self.action.setText(command[1]() if command else translate("Shortcuts", "&New…"))
        self.action.setEnabled(command is not None)
        self.shortcuts_action.setText(translate("Shortcuts", "&Keyboard shortcuts"))


def show_shortcuts(parent: QWidget) -> QMessageBox:
    rows = "".join(
        f"<tr><td style='padding-right:16px'><b>{keys}</b></td><td>{text}</td></tr>"
        for keys, text in shortcut_rows()
    )
    box = QMessageBox(
        QMessageBox.Icon.NoIcon,
        translate("Shortcuts", "Keyboard shortcuts"),
        "",
        parent=parent,
    )
    box.setObjectName("shortcutsDialog")
    box.setText(f"<table>{rows}</table>")
    box.open()
    return box
