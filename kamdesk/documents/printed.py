"""What a document builder hands back: the file, its pages, and what the user should know.

A warning means the document was made but is not quite what was asked for:
characters the font cannot print, a logo that could not be read. The window
and the command line show them; nothing is left out without a word.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "Printing"  # the literal of QT_TRANSLATE_NOOP below: lupdate reads literals
UNPRINTABLE = QT_TRANSLATE_NOOP(
    "Printing", "Characters the font lacks are printed as «?» ({count} different): {characters}"
)
SHOWN_CHARACTERS = 20  # the warning lists this many; the count says how many there are

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintedFile:
    path: Path
    pages: int
    warnings: tuple[Message, ...] = ()

    def log_warnings(self) -> None:
        """For callers that do not show the warnings themselves (yet)."""
        for warning in self.warnings:
            log.warning("%s: %s", self.path, warning)


def unprintable_warning(noted: Iterable[str]) -> Message | None:
    """«… printed as «?» (3 different): 😀 ש ל», or None when every character printed."""
    distinct = list(dict.fromkeys(noted))
    if not distinct:
        return None
    shown = " ".join(distinct[:SHOWN_CHARACTERS])
    if len(distinct) > SHOWN_CHARACTERS:
        shown += " …"
    return Message(CONTEXT, UNPRINTABLE, {"count": len(distinct), "characters": shown})


def gathered(*warnings: Message | None) -> tuple[Message, ...]:
    return tuple(warning for warning in warnings if warning is not None)
