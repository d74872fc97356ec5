"""What the embedded font can print, and what is printed instead of the rest.

PT Sans covers Latin and Cyrillic. A character it has no glyph for (an emoji,
Arabic, Hebrew, Chinese …) would otherwise come out as nothing at all, and the
reader would never know a word was missing. It is printed as «?» instead, and
noted, so the builder can tell the user which characters the document lacks.

Characters that are invisible by nature are not noted: control characters and
spaces the font lacks become a plain space, and format characters (joiners,
direction marks, zero-width spaces) go. A joiner or modifier that belongs to an
unprintable character (👍🏽, 👨‍👩‍👧, flags) stays with it, so one picture is one «?».
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

REPLACEMENT = "?"
JOINER = "\u200d"  # zero width joiner: glues emoji into one picture
SPACE_CATEGORIES = frozenset({"Cc", "Zs", "Zl", "Zp"})
# Marks, emoji skin tones and variation selectors: part of the character before them.
ATTACHED_CATEGORIES = frozenset({"Mn", "Me", "Mc", "Sk"})
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)  # two of them make one flag


def printable(text: str, covered: frozenset[str], noted: list[str] | None = None) -> str:
    """`text` with every character outside `covered` replaced by «?».

    Each replaced character (with what is attached to it) is appended to `noted`.
    `covered` must not contain control characters: they are never printed.
    """
    if covered.issuperset(text):
        return text  # the usual case, checked first (and in C) because it is asked for every word
    result: list[str] = []
    cluster: list[str] = []  # the unprintable character being collected, with its joiners
    glued = False  # the last character was a joiner: the next one belongs to the cluster

    def close() -> None:
        nonlocal glued
        if cluster:
            result.append(REPLACEMENT)
            if noted is not None:
                noted.append("".join(cluster))
            cluster.clear()
        glued = False

    for char in unicodedata.normalize("NFC", text):
        code = ord(char)
        if char in covered:
            close()
            result.append(char)
            continue
        category = unicodedata.category(char)
        if category in SPACE_CATEGORIES:
            close()
            result.append(" ")
        elif category == "Cf" or category in ATTACHED_CATEGORIES:
            if cluster:
                cluster.append(char)
                glued = char == JOINER
            elif category != "Cf":
                cluster.append(char)  # a mark on a letter the font has: still shown as «?»
        elif cluster and (glued or _second_of_flag(cluster, code)):
            cluster.append(char)
            glued = False
        else:
            close()
            cluster.append(char)
    close()
    return "".join(result)


def _second_of_flag(cluster: list[str], code: int) -> bool:
    return (
        code in REGIONAL_INDICATORS and len(cluster) == 1 and ord(cluster[0]) in REGIONAL_INDICATORS
    )


def printable_characters(codes: Iterable[int]) -> frozenset[str]:
    """The characters of a font's character map that can be printed (no controls)."""
    return frozenset(chr(code) for code in codes if unicodedata.category(chr(code)) != "Cc")
