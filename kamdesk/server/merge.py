"""Three-way merge of long texts: nothing either side typed is lost.

A clean line-level merge (`merge3`) becomes the new text. When both sides changed
the same lines, the office keeps the text it has and appends the other one as a
marked block, so both sides' words stay and a person settles it later.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Literal

import merge3

_WORDS = re.compile(r"\s+|\S+")
CONFLICT_MARK = "--- Конфликтующая версия ({who}, {laptop}, {at}) ---"


def as_text(value: Any) -> str:
    """A text field's value as a string (None and absent are empty)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


class _Matcher(difflib.SequenceMatcher[str]):
    """difflib without its "popular element" heuristic, which would treat the spaces
    between words of a long text as junk and match nothing."""

    def __init__(
        self,
        isjunk: Callable[[str], bool] | None = None,
        a: Sequence[str] = "",
        b: Sequence[str] = "",
        autojunk: bool = False,
    ) -> None:
        super().__init__(isjunk, a, b, autojunk=False)


def _merge(base: list[str], theirs: list[str], mine: list[str]) -> str | None:
    # difflib returns Match tuples where merge3 types plain tuples: the same at run time.
    merger = merge3.Merge3(base, theirs, mine, sequence_matcher=_Matcher)  # type: ignore[arg-type]
    merged: list[str] = []
    for group in merger.merge_groups():
        if group[0] == "conflict":
            return None
        merged.extend(group[1])
    return "".join(merged)


def merge_texts(base: str, theirs: str, mine: str) -> str | None:
    """The clean three-way merge of two edits of `base`, or None when they collide.

    By lines first; when both sides changed the same or neighbouring lines, by words
    (so two edits of one paragraph that touch different words still merge).
    """
    by_lines = _merge(
        base.splitlines(keepends=True),
        theirs.splitlines(keepends=True),
        mine.splitlines(keepends=True),
    )
    if by_lines is not None:
        return by_lines
    return _merge(_WORDS.findall(base), _WORDS.findall(theirs), _WORDS.findall(mine))


def short_name(full_name: str) -> str:
    """«Иванова Анна Сергеевна» → «Иванова А. С.» (as people sign in the office)."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name.strip()
    return " ".join([parts[0], " ".join(f"{part[0]}." for part in parts[1:])])


def conflict_block(theirs: str, mine: str, who: str, laptop: str, at: datetime) -> str:
    """The office's text with `mine` appended under a marked heading."""
    mark = CONFLICT_MARK.format(who=who, laptop=laptop, at=at.strftime("%Y-%m-%d %H:%M UTC"))
    head = theirs.rstrip("\n")
    return f"{head}\n\n{mark}\n{mine}" if head else f"{mark}\n{mine}"


NoteKind = Literal["text_merged", "text_conflict"]


def resolve_text(
    base: str, theirs: str, mine: str, who: str, laptop: str, at: datetime
) -> tuple[str, NoteKind | None]:
    """The text the office keeps when `mine` (edited from `base`) meets `theirs`, and
    what to tell the laptop (None: nothing happened to its text)."""
    if theirs in (base, mine):
        return mine, None
    if mine == base:
        return theirs, None  # nothing new from this laptop
    merged = merge_texts(base, theirs, mine)
    if merged is not None:
        return merged, "text_merged"
    if set(mine.split()) <= set(theirs.split()):
        return theirs, "text_conflict"  # every word of mine is there already
    return conflict_block(theirs, mine, who, laptop, at), "text_conflict"
