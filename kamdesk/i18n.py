"""Translatable messages from code that has no Qt (services, store, documents).

Source strings are English. `QT_TRANSLATE_NOOP("Context", "text")` marks a
string for `pyside6-lupdate`; the UI shows a `Message` through
`QCoreApplication.translate(message.context, message.text)` and then fills in
the parameters, while the CLI and logs use `str(message)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
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


def catalogue_translator(language: str) -> Callable[[Message], str]:
    """Translate messages without Qt, for the command line: reads the same Qt
    catalogue (`resources/translations/kamdesk_<language>.ts`) the window uses.
    English, or a language without a catalogue, gives the source text."""
    table = catalogue(language)
    if not table:
        return str
    return lambda message: message.format(table.get((message.context, message.text)))


@cache
def catalogue(language: str) -> Mapping[tuple[str, str], str]:
    """The finished translations of `language` by (context, source text); empty for
    English or a language without a catalogue."""
    if language == "en":  # the source texts are English
        return {}
    import xml.etree.ElementTree as ElementTree

    from kamdesk.resource_files import resource

    found = resource("translations", f"kamdesk_{language}.ts")
    if not found.is_file():
        return {}
    table: dict[tuple[str, str], str] = {}
    with found.open("rb") as file:
        root = ElementTree.parse(file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and not translation.get("type"):
                table[(name, message.findtext("source") or "")] = translation.text
    return table
