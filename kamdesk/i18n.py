"""Translatable messages from code that has no Qt (services, store, documents).

Source strings are English. `QT_TRANSLATE_NOOP("Context", "text")` marks a
string for `pyside6-lupdate`; the UI shows a `Message` through
`QCoreApplication.translate(message.context, message.text)` and then fills in
the parameters, while the CLI and logs use `str(message)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    context: str
    text: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def format(self, template: str | None = None) -> str:
        """The message with its parameters, from a translated `template` if given."""
        return (template or self.text).format(**self.params)

    def __str__(self) -> str:
        return self.format()
