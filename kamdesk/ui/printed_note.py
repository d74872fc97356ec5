"""How the window says a document is made, and what in it is not quite as asked.

A builder's warning (characters the font lacks printed as «?», a logo left out)
does not stop the work, so it is no dialog: it is shown in amber under the
«ready» line, in the label where the KAM already looks for the file, and stays
until the next message replaces it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from kamdesk.documents.printed import PrintedFile

WARNING_COLOR = "#b26a00"  # the amber of the app's other "done, but look" notes


def warning_lines(printed: PrintedFile) -> list[str]:
    """The document's warnings in the user's language, one per line."""
    return [
        warning.format(QCoreApplication.translate(warning.context, warning.text))
        for warning in printed.warnings
    ]


def show_printed(label: QLabel, ready: str, printed: PrintedFile) -> None:
    """`ready` («PDF ready: …») on `label`, then each of `printed`'s warnings in amber."""
    warnings = warning_lines(printed)
    if not warnings:
        label.setText(ready)
        return
    lines = [html.escape(ready)]
    lines += [f'<span style="color: {WARNING_COLOR};">⚠ {html.escape(w)}</span>' for w in warnings]
    # The label keeps Qt's automatic text format: this message is rich text (its <br>
    # says so), the label's next plain message shows as it is.
    label.setText("<br>".join(lines))
