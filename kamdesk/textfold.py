"""Folding text for search: case-insensitive, ё equals е, spaces collapsed."""

from __future__ import annotations


def fold(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(text.casefold().replace("ё", "е").split())
